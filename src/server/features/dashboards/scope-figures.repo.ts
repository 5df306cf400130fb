import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';
import { avoidedCost, gainOver, timeSaved } from './national-figures.repo.ts';

/** Initiatives in scope (`initiatives`: a query of their ids) by phase and status. */
export function initiativesByPhaseStatus(db: Db, initiatives: SQL) {
  return queryRows<{ phase: string; status: string; n: number }>(
    db,
    sql`select phase, status, count(*)::int as n from initiatives where id in (${initiatives})
        group by phase, status`,
  );
}

/**
 * Benefits per calendar year: for each indicator its last measurement in the year, the gain over the
 * baseline in its better direction, summed for avoided costs (SEK/year) and time saved (hours/year) in
 * the units the benefits summary sums; and how many measurements were made that year.
 */
export function benefitsByYear(db: Db, initiatives: SQL) {
  return queryRows<{ year: number; measurements: number; avoided: number; saved: number }>(
    db,
    sql`with m as (
          select bi.id, extract(year from bm.measured_on)::int as year, count(*) over w as n,
                 row_number() over (w order by bm.measured_on desc, bm.created_at desc) as rn,
                 bm.value
          from benefit_indicators bi join benefit_measurements bm on bm.indicator_id = bi.id
          where bi.initiative_id in (${initiatives})
          window w as (partition by bi.id, extract(year from bm.measured_on))
        )
        select m.year, sum(m.n)::int as measurements,
               coalesce(sum(${gainOver('m')}) filter (where ${avoidedCost}), 0)::float8 as avoided,
               coalesce(sum(${gainOver('m')}) filter (where ${timeSaved}), 0)::float8 as saved
        from m join benefit_indicators bi on bi.id = m.id
        where m.rn = 1
        group by m.year order by m.year`,
  );
}

/**
 * The newest assessment rounds with a participant among the municipalities (all rounds for the
 * country), newest first: candidates for the maturity figure, filtered by who may see them afterwards.
 */
export function roundsAmong(db: Db, municipalityIds: string[] | null, limit: number) {
  return queryRows<{ id: string }>(
    db,
    sql`select r.id from assessment_rounds r
        ${
          municipalityIds
            ? sql`where exists (select 1 from assessment_sheets s where s.round_id = r.id
                                and s.municipality_id = any(${uuidArray(municipalityIds)}))`
            : sql``
        }
        order by r.opens_on desc, r.created_at desc limit ${limit}`,
  );
}
