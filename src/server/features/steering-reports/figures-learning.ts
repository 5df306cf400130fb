import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import type { MaturityFigures, ProgrammeFigures } from '../../../shared/contracts/steering-reports.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { roundResults } from '../assessment-results/results.service.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';
import { groupedCounts } from '../reports/reports.repo.ts';
import type { ReportArea } from './report-area.ts';

export interface Period {
  from: string;
  to: string;
}

/** At most this many programmes in one report: a steering group follows a handful at a time. */
const PROGRAMME_CAP = 30;

/**
 * Programmes running some time in the period that the area takes part in (owned by the owner or with
 * one of its municipalities participating), with enrolled and completed participants from the area's
 * municipalities — the programme report's own aggregate query, sliced to the area.
 */
export async function programmeFigures(db: Db, area: ReportArea, period: Period): Promise<ProgrammeFigures> {
  const ids = area.municipalities.map((m) => m.id);
  const programmes = await queryRows<{
    id: string;
    name: string;
    starts_on: string;
    ends_on: string;
    target: number;
    participating: string[];
  }>(
    db,
    sql`select p.id, p.name, p.starts_on::text as starts_on, p.ends_on::text as ends_on,
               p.target_participants as target,
               array(select pm.municipality_id::text from programme_municipalities pm
                     where pm.programme_id = p.id and pm.municipality_id = any(${uuidArray(ids)})) as participating
        from programmes p
        where p.starts_on <= ${period.to}::date and p.ends_on >= ${period.from}::date
          and (p.owner_organisation_id = ${area.owner.id}
               or exists (select 1 from programme_municipalities pm
                          where pm.programme_id = p.id and pm.municipality_id = any(${uuidArray(ids)})))
        order by p.starts_on, p.name
        limit ${PROGRAMME_CAP}`,
  );
  // The programme report's aggregate per programme, concurrently (a pool runs them side by side).
  const counts = await Promise.all(programmes.map((p) => groupedCounts(db, p.id, ids)));
  const out = programmes.map((p, i): ProgrammeFigures['programmes'][number] => {
    const groups = counts[i]!;
    const total = groups.find((g) => g.dim === 'total');
    const rows = new Map(
      groups
        .filter((g) => g.dim === 'municipality' && g.municipality_code)
        .map((g) => [g.municipality_code!, { enrolled: g.enrolled, completed: g.completed }]),
    );
    // Participating municipalities with nobody enrolled show with zeros: a gap is a finding.
    const byMunicipality = area.municipalities
      .filter((m) => rows.has(m.code) || p.participating.includes(m.id))
      .map((m) => ({ code: m.code, name: m.name, ...(rows.get(m.code) ?? { enrolled: 0, completed: 0 }) }))
      .sort((a, b) => swedishCollator.compare(a.name, b.name));
    return {
      id: p.id,
      name: p.name,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      targetParticipants: p.target,
      enrolled: total?.enrolled ?? 0,
      completed: total?.completed ?? 0,
      byMunicipality,
    };
  });
  return { programmes: out };
}

/**
 * Area averages of the owner's latest assessment round opened by the end of the period, computed by
 * the results service for this reader — so its small-group rules apply: when the averages would
 * reveal one or two municipalities' answers, or the reader may not see the round, they are left out.
 */
export async function maturityFigures(
  db: Db,
  actor: Actor,
  area: ReportArea,
  period: Period,
): Promise<MaturityFigures> {
  const [round] = await queryRows<{ id: string; name: string; opens_on: string; closes_on: string }>(
    db,
    sql`select id, name, opens_on::text as opens_on, closes_on::text as closes_on from assessment_rounds
        where owner_organisation_id = ${area.owner.id} and opens_on <= ${period.to}::date
        order by opens_on desc, closes_on desc, created_at desc limit 1`,
  );
  const empty = { participants: 0, submitted: 0, hidden: false, areas: [] };
  if (!round) return { round: null, ...empty };
  const head = { id: round.id, name: round.name, opensOn: round.opens_on, closesOn: round.closes_on };
  try {
    const { result } = await roundResults(db, actor, round.id, 'sv');
    return {
      round: head,
      participants: result.completion.participants,
      submitted: result.completion.submitted,
      hidden: result.aggregatesHidden,
      areas: result.areas.map((a) => ({
        key: a.key,
        label: a.label,
        average: result.aggregatesHidden ? null : (result.average[a.key] ?? null),
      })),
    };
  } catch (err) {
    // Not this reader's to see: the section says so rather than failing the whole report.
    if (err instanceof AppError && (err.status === 403 || err.status === 404))
      return { round: head, ...empty, hidden: true };
    throw err;
  }
}
