import { type Actor, authorize, roleRank, scopeFor, trackOfPlacement } from '../../../shared/access/index.ts';
import type { EnrolmentCandidates } from '../../../shared/contracts/programmes.ts';
import type { Db } from '../../db/client.ts';
import { forbidden } from '../../lib/errors.ts';
import { candidateRows } from './enrolment-candidates.repo.ts';
import * as repo from './programmes.repo.ts';
import { requireVisibleProgramme } from './programmes.service.ts';

/**
 * People placed in the programme's municipalities where the actor may enrol them: everywhere in those
 * municipalities for the owner's coordinators; otherwise the municipalities the actor coordinates and
 * the units the actor manages. The same rule as `decide` in programme-enrolments.service.ts, as a
 * query, so the list shows only people the enrolment will accept.
 */
export async function enrolmentCandidates(
  db: Db,
  actor: Actor,
  programmeId: string,
  query: { q?: string | undefined; limit: number },
): Promise<EnrolmentCandidates> {
  const p = await requireVisibleProgramme(db, actor, programmeId);
  const participating = p.municipalities.map((m) => m.id);
  let wholeMunicipalities: string[];
  let units: string[] = [];
  if (authorize(actor, 'programme.manage', p.ownerCtx)) wholeMunicipalities = participating;
  else {
    const ctxs = await repo.orgContexts(db, participating);
    wholeMunicipalities = participating.filter((id) => {
      const ctx = ctxs.get(id);
      return ctx !== undefined && authorize(actor, 'learning.enrol', ctx);
    });
    units = scopeFor(actor, 'learning.enrol')
      .memberships.filter((m) => m.organisationKind === 'unit')
      .map((m) => m.organisationId);
  }
  if (wholeMunicipalities.length === 0 && units.length === 0) throw forbidden();
  const rows = await candidateRows(db, {
    programmeId: p.row.id,
    participating,
    wholeMunicipalities,
    units,
    q: query.q,
    limit: query.limit,
  });
  return {
    items: rows.slice(0, query.limit).map((r) => ({
      userId: r.user_id,
      name: r.name,
      organisationName: r.organisation_name,
      municipalityName: r.municipality_name,
      // The highest placement decides the track, as the enrolment itself does.
      track: trackOfPlacement([...r.roles].sort((a, b) => roleRank[b] - roleRank[a])[0]!),
      enrolled: r.enrolled,
    })),
    more: rows.length > query.limit,
  };
}
