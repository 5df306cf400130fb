import { sql } from 'drizzle-orm';
import { type Actor, authorize, authorizeOwn } from '../../../shared/access/index.ts';
import type { CreateInitiative, InitiativeView } from '../../../shared/contracts/initiatives.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { initiativeAssessmentLinks, initiatives } from '../../db/schema/initiatives.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { municipalityResults, roundResults } from './results.service.ts';

/**
 * An initiative draft made from a gap: status `idea`, owned by the caller's own organisation (a region
 * for itself, a municipality for itself), linked to the round and the municipality, area or question
 * it answers. The caller must be allowed to see that gap — the results call throws 404/403 otherwise.
 */
export async function createInitiativeDraft(
  db: Db,
  actor: Actor,
  input: CreateInitiative,
): Promise<InitiativeView> {
  await requireOrgContext(db, input.ownerOrganisationId);
  if (!authorizeOwn(actor, 'initiative.manage', { id: input.ownerOrganisationId })) throw forbidden();
  const { source } = input;
  let municipalityId: string | null = null;
  if (source.municipalityCode) {
    await municipalityResults(db, actor, source.roundId, source.municipalityCode, [], 'sv');
    municipalityId = (
      await queryRows<{ id: string }>(
        db,
        sql`select id from organisations where kind = 'municipality' and code = ${source.municipalityCode}`,
      )
    )[0]!.id;
  }
  const { result } = await roundResults(db, actor, source.roundId, 'sv');
  if (source.areaKey && !result.areas.some((a) => a.key === source.areaKey))
    throw new AppError(400, 'validation_failed', [{ path: 'source.areaKey', code: 'unknown_area' }]);
  if (source.questionKey && !result.distribution.some((d) => d.key === source.questionKey))
    throw new AppError(400, 'validation_failed', [{ path: 'source.questionKey', code: 'unknown_question' }]);

  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(initiatives)
      .values({
        title: input.title,
        purpose: input.purpose ?? null,
        ownerOrganisationId: input.ownerOrganisationId,
        status: 'idea',
        createdBy: actor.userId,
      })
      .returning({ id: initiatives.id });
    await tx.insert(initiativeAssessmentLinks).values({
      initiativeId: row!.id,
      roundId: source.roundId,
      municipalityId,
      areaKey: source.areaKey ?? null,
      questionKey: source.questionKey ?? null,
    });
    return row!.id;
  });
  return initiativeView(db, actor, id);
}

/** An initiative with its assessment links, visible to those whose scope covers its owner. */
export async function initiativeView(db: Db, actor: Actor, id: string): Promise<InitiativeView> {
  const [row] = await queryRows<{
    id: string;
    title: string;
    purpose: string | null;
    status: string;
    owner_id: string;
    owner_name: string;
    created_at: string | Date;
  }>(
    db,
    sql`select i.id, i.title, i.purpose, i.status, i.owner_organisation_id as owner_id, o.name as owner_name,
               i.created_at
        from initiatives i join organisations o on o.id = i.owner_organisation_id where i.id = ${id}`,
  );
  if (!row) throw notFound();
  const ctx = await requireOrgContext(db, row.owner_id);
  if (!authorize(actor, 'initiative.manage', ctx)) throw notFound();
  const links = await queryRows<{
    round_id: string;
    round_name: string;
    municipality_code: string | null;
    municipality_name: string | null;
    area_key: string | null;
    question_key: string | null;
  }>(
    db,
    sql`select l.round_id, r.name as round_name, m.code as municipality_code, m.name as municipality_name,
               l.area_key, l.question_key
        from initiative_assessment_links l
        join assessment_rounds r on r.id = l.round_id
        left join organisations m on m.id = l.municipality_id
        where l.initiative_id = ${id} order by l.created_at`,
  );
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    status: row.status,
    owner: { id: row.owner_id, name: row.owner_name },
    createdAt: new Date(row.created_at).toISOString(),
    links: links.map((l) => ({
      roundId: l.round_id,
      roundName: l.round_name,
      municipalityCode: l.municipality_code,
      municipalityName: l.municipality_name,
      areaKey: l.area_key,
      questionKey: l.question_key,
    })),
  };
}
