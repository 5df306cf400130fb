import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { SUMMABLE_UNITS } from '../action-plans/benefits-summary.ts';

/**
 * Per-municipality figures for the whole country, one aggregate query per figure family. Each returns
 * at most a few thousand rows (290 municipalities × technologies, programmes, quarters or months), so
 * every scope's dashboard and every municipality's comparison is summed from them in memory.
 */

/** The municipality a learner or an initiative owner belongs to: a unit's parent, or itself. */
const municipalityOf = (org: string) =>
  sql.raw(`case when ${org}.kind = 'unit' then ${org}.parent_id else ${org}.id end`);

export function adoptionRows(db: Db) {
  return queryRows<{
    municipality_id: string;
    technology_id: string;
    status: string;
    users_served: number | null;
    eligible_users: number | null;
  }>(
    db,
    sql`select municipality_id, technology_id, status, users_served, eligible_users from technology_adoptions`,
  );
}

/**
 * Municipality × technology pairs whose latest recorded status at the end of each of the last eight
 * quarters (Swedish time) was "in operation", per municipality. Quarters without any come back with a
 * null municipality, so the series has no holes.
 */
export function adoptionTrendRows(db: Db) {
  return queryRows<{ quarter: string; municipality_id: string | null; in_operation: number }>(
    db,
    sql`with q as (
          select s as start, (s + interval '3 months') at time zone 'Europe/Stockholm' as ends
          from generate_series(date_trunc('quarter', now() at time zone 'Europe/Stockholm') - interval '21 months',
                               date_trunc('quarter', now() at time zone 'Europe/Stockholm'), interval '3 months') s
        ),
        h as (
          select municipality_id, changed_at, after->>'status' as status,
                 lead(changed_at) over (partition by municipality_id, technology_id order by changed_at, id) as next_at
          from technology_adoption_history
        )
        select to_char(q.start, 'YYYY-"Q"Q') as quarter, h.municipality_id, count(h.municipality_id)::int as in_operation
        from q left join h on h.status = 'in_operation' and h.changed_at < q.ends
                           and (h.next_at is null or h.next_at >= q.ends)
        group by q.start, h.municipality_id
        order by q.start`,
  );
}

/**
 * Programme enrolments per municipality and programme, and how many of them are completed. Counted
 * per enrolment, not per person: a programme has one course per track and people are in one track,
 * so the two agree but for someone enrolled on both a programme's staff and managers' course. Counting
 * people (as the programme report does) groups ~240,000 rows per person at national scale and took
 * 0.3–0.5 s against 0.09 s for this, on every refresh of every dashboard.
 */
export function learningRows(db: Db) {
  return queryRows<{
    municipality_id: string;
    programme_id: string;
    programme_name: string;
    enrolled: number;
    completed: number;
  }>(
    db,
    sql`with e as (
          select ${municipalityOf('o')} as municipality_id, e.programme_id,
                 count(*)::int as enrolled, count(e.completed_at)::int as completed
          from enrolments e join organisations o on o.id = e.organisation_id
          where e.programme_id is not null
          group by 1, 2
        )
        select e.municipality_id, p.id as programme_id, p.name as programme_name, e.enrolled, e.completed
        from e join programmes p on p.id = e.programme_id
        join organisations mun on mun.id = e.municipality_id and mun.kind = 'municipality'`,
  );
}

/** Programme enrolments completed per municipality and month (Swedish time), the last 13 months. */
export function completionRows(db: Db) {
  return queryRows<{ municipality_id: string; month: string; completed: number }>(
    db,
    sql`select ${municipalityOf('o')} as municipality_id,
               to_char(swedish_month(e.completed_at), 'YYYY-MM') as month, count(*)::int as completed
        from enrolments e join organisations o on o.id = e.organisation_id
        where e.programme_id is not null and e.completed_at >= now() - interval '13 months'
        group by 1, 2`,
  );
}

/**
 * Initiatives a municipality takes part in: as a participant, or as owner (itself or one of its units).
 * The same rule as the funding totals by municipality; an initiative with several counts for each.
 */
const takingPart: SQL = sql`select im.initiative_id, im.municipality_id from initiative_municipalities im
  union
  select i.id, ${municipalityOf('o')} from initiatives i join organisations o on o.id = i.owner_organisation_id
  where o.kind in ('municipality', 'unit')`;

export function initiativeRows(db: Db) {
  return queryRows<{ municipality_id: string; phase: string; status: string; n: number }>(
    db,
    sql`with tp as (${takingPart})
        select tp.municipality_id, i.phase, i.status, count(*)::int as n
        from tp join initiatives i on i.id = tp.initiative_id
        group by 1, 2, 3`,
  );
}

const unitIn = (units: readonly string[]) =>
  sql`lower(trim(bi.unit)) in (${sql.join(
    units.map((u) => sql`${u.toLowerCase()}`),
    sql`, `,
  )})`;

/** The better-direction change from baseline to a measurement `m` (0 if worse), as the benefits summary counts it. */
export const gainOver = (m: string) =>
  sql.raw(`greatest(0, case when bi.direction = 'decrease' then bi.baseline_value - ${m}.value
                             else ${m}.value - bi.baseline_value end)`);
export const avoidedCost = sql`bi.type = 'avoided_cost' and ${unitIn(SUMMABLE_UNITS.avoided_cost)}`;
export const timeSaved = sql`bi.type = 'time_saved' and ${unitIn(SUMMABLE_UNITS.time_saved)}`;

/** Funding granted and benefits by latest measurement per municipality taking part. */
export function fundingBenefitRows(db: Db) {
  return queryRows<{ municipality_id: string; granted: number; avoided: number; saved: number }>(
    db,
    sql`with tp as (${takingPart}),
        f as (select tp.municipality_id, sum(f.granted_sek)::float8 as granted
              from tp join initiative_funding f on f.initiative_id = tp.initiative_id group by 1),
        b as (select tp.municipality_id,
                     coalesce(sum(${gainOver('lm')}) filter (where ${avoidedCost}), 0)::float8 as avoided,
                     coalesce(sum(${gainOver('lm')}) filter (where ${timeSaved}), 0)::float8 as saved
              from tp join benefit_indicators bi on bi.initiative_id = tp.initiative_id
              join lateral (select m.value from benefit_measurements m where m.indicator_id = bi.id
                            order by m.measured_on desc, m.created_at desc limit 1) lm on true
              group by 1)
        select coalesce(f.municipality_id, b.municipality_id) as municipality_id,
               coalesce(f.granted, 0)::float8 as granted, coalesce(b.avoided, 0)::float8 as avoided,
               coalesce(b.saved, 0)::float8 as saved
        from f full join b on b.municipality_id = f.municipality_id`,
  );
}
