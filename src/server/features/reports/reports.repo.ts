import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import {
  type ModuleResultRow,
  type ModuleSummaryRow,
  moduleResultsSql,
  moduleSummarySql,
} from '../learning/imported-results.repo.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';

/**
 * One row per programme enrolment in the slice, with the learner's municipality, unit, track, role and
 * gender resolved: the base of every figure in the report.
 */
function base(programmeId: string, municipalityIds: string[] | null) {
  return sql`select e.id as enrolment_id, e.user_id, u.name as user_name, e.course_id,
            coalesce(pc.track, c.track) as track,
            e.enrolled_at, e.started_at, e.last_activity_at, e.completed_at, e.seconds_spent,
            coalesce(u.gender, 'not_stated') as gender,
            case when o.kind = 'unit' then o.id end as unit_id,
            case when o.kind = 'unit' then o.name end as unit_name,
            mun.id as municipality_id, mun.code as municipality_code, mun.name as municipality_name,
            case when mgr.user_id is not null then 'manager' else 'staff' end as role
          from enrolments e
          join users u on u.id = e.user_id
          join courses c on c.id = e.course_id
          left join programme_courses pc on pc.programme_id = e.programme_id and pc.course_id = e.course_id
          left join organisations o on o.id = e.organisation_id
          left join organisations mun on mun.id = case when o.kind = 'unit' then o.parent_id else o.id end
          -- A join, not EXISTS in the select list: that becomes a scan of every manager in the country.
          left join memberships mgr on mgr.user_id = e.user_id and mgr.organisation_id = e.organisation_id
                                    and mgr.role = 'manager'
          where e.programme_id = ${programmeId}
          ${municipalityIds ? sql`and mun.id = any(${uuidArray(municipalityIds)})` : sql``}`;
}

export interface GroupRow {
  dim: 'total' | 'municipality' | 'unit' | 'track' | 'role' | 'gender';
  municipality_code: string | null;
  municipality_name: string | null;
  unit_id: string | null;
  unit_name: string | null;
  track: string | null;
  role: string | null;
  gender: string | null;
  enrolled: number;
  started: number;
  active: number;
  completed: number;
  seconds: number;
}

/** Totals and every breakdown in one aggregate query (grouping sets over the base rows). */
export function groupedCountsSql(programmeId: string, municipalityIds: string[] | null) {
  return sql`with b as (${base(programmeId, municipalityIds)})
        select case
                 when grouping(municipality_code) = 0 then 'municipality'
                 when grouping(unit_id) = 0 then 'unit'
                 when grouping(track) = 0 then 'track'
                 when grouping(role) = 0 then 'role'
                 when grouping(gender) = 0 then 'gender'
                 else 'total' end as dim,
               municipality_code, municipality_name, unit_id::text as unit_id, unit_name, track, role, gender,
               count(distinct user_id)::int as enrolled,
               count(distinct user_id) filter (where started_at is not null)::int as started,
               count(distinct user_id) filter (where last_activity_at >= now() - interval '30 days')::int as active,
               count(distinct user_id) filter (where completed_at is not null)::int as completed,
               coalesce(sum(seconds_spent), 0)::int as seconds
        from b
        group by grouping sets ((), (municipality_code, municipality_name), (unit_id, unit_name, municipality_name),
                                (track), (role), (gender))`;
}

export function groupedCounts(db: Db, programmeId: string, municipalityIds: string[] | null) {
  return queryRows<GroupRow>(db, groupedCountsSql(programmeId, municipalityIds));
}

export interface MonthRow {
  month: string;
  enrolled: number;
  started: number;
  completed: number;
  active: number;
}

/**
 * Per calendar month (Swedish time) from the programme's start (or its first enrolment) to today or its
 * end: people enrolled, started and completed that month (from the enrolments), and active that month
 * (from `enrolment_months`, which a trigger keeps from the statements).
 */
export function monthlySql(
  programmeId: string,
  municipalityIds: string[] | null,
  period: { startsOn: string; endsOn: string },
) {
  return sql`with b as (${base(programmeId, municipalityIds)}),
        ev as (
          select swedish_month(enrolled_at) as m, user_id, 'e' as k from b
          union all select swedish_month(started_at), user_id, 's' from b where started_at is not null
          union all select swedish_month(completed_at), user_id, 'c' from b where completed_at is not null
          union all select em.month, b.user_id, 'a'
            from enrolment_months em join b on em.enrolment_id = b.enrolment_id where em.statements > 0
        ),
        bounds as (
          select least(date_trunc('month', ${period.startsOn}::date)::date, min(m)) as first,
                 greatest(swedish_month(least(${period.endsOn}::date, now())), max(m)) as last
          from ev
        ),
        months as (
          select generate_series(first::timestamp, coalesce(last, first)::timestamp, interval '1 month')::date as m
          from bounds
        )
        select to_char(months.m, 'YYYY-MM') as month,
               count(distinct ev.user_id) filter (where ev.k = 'e')::int as enrolled,
               count(distinct ev.user_id) filter (where ev.k = 's')::int as started,
               count(distinct ev.user_id) filter (where ev.k = 'c')::int as completed,
               count(distinct ev.user_id) filter (where ev.k = 'a')::int as active
        from months left join ev on ev.m = months.m
        group by months.m order by months.m`;
}

export function monthly(
  db: Db,
  programmeId: string,
  municipalityIds: string[] | null,
  period: { startsOn: string; endsOn: string },
) {
  return queryRows<MonthRow>(db, monthlySql(programmeId, municipalityIds, period));
}

export interface ParticipantMonthRow {
  month: string;
  user_id: string;
  name: string;
  municipality: string | null;
  unit: string | null;
  gender: string;
  track: string;
  started_on: string | null;
  completed_on: string | null;
  seconds_in_month: number;
  seconds_total: number;
}

/**
 * The funder's participant list: one row per participant and month with activity, with time spent that
 * month (from `enrolment_months`) and in total (the enrolment's counter).
 */
export async function participantMonths(db: Db, programmeId: string, municipalityIds: string[] | null) {
  return queryRows<ParticipantMonthRow>(
    db,
    sql`with b as (${base(programmeId, municipalityIds)}),
        per_month as (
          select em.enrolment_id, em.month as m, em.seconds
          from enrolment_months em join b on b.enrolment_id = em.enrolment_id
          where em.statements > 0
        )
        select to_char(pm.m, 'YYYY-MM') as month, b.user_id, b.user_name as name,
               b.municipality_name as municipality, b.unit_name as unit, b.gender, b.track,
               to_char(b.started_at, 'YYYY-MM-DD') as started_on,
               to_char(b.completed_at, 'YYYY-MM-DD') as completed_on,
               pm.seconds as seconds_in_month, b.seconds_spent as seconds_total
        from per_month pm join b on b.enrolment_id = pm.enrolment_id
        order by pm.m, b.municipality_name, b.user_name, b.track`,
  );
}

/** The slice's enrolments on the programme's imported courses: what their results are computed over. */
const importedSource = (courseIds: string[]) =>
  sql`select enrolment_id, course_id from b where course_id = any(${uuidArray(courseIds)})`;

/** Each imported course's modules over the slice (see imported-results.repo.ts), in one aggregate query. */
export function importedSummaries(
  db: Db,
  programmeId: string,
  municipalityIds: string[] | null,
  courseIds: string[],
) {
  return queryRows<ModuleSummaryRow>(
    db,
    sql`with b as (${base(programmeId, municipalityIds)})
        ${moduleSummarySql(importedSource(courseIds))}`,
  );
}

export type ImportedLearnerRow = ModuleResultRow & {
  user_id: string;
  user_name: string;
  municipality_name: string | null;
  unit_name: string | null;
};

/** Every learner's result per module of the imported courses, for the participant data (with names). */
export function importedLearnerResults(
  db: Db,
  programmeId: string,
  municipalityIds: string[] | null,
  courseIds: string[],
) {
  return queryRows<ImportedLearnerRow>(
    db,
    sql`with b as (${base(programmeId, municipalityIds)})
        select r.*, b.user_id, b.user_name, b.municipality_name, b.unit_name
        from (${moduleResultsSql(importedSource(courseIds))}) r
        join b on b.enrolment_id = r.enrolment_id`,
  );
}
