import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { placementRoleList, uuidArray } from '../programmes/programmes.repo.ts';

/**
 * The start page's reads. Each is bounded (`limit`) and runs on an index: the start page is opened on
 * every login, by 230,000 care staff at national scale, so nothing here may scan a whole table.
 */

/** A timestamp as ISO text, exactly as stored (a JS Date would round it). */
const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** How long a sitting lasts: a visit within this of the last one is the same visit. */
const SITTING = sql`interval '30 minutes'`;

/**
 * Records a visit and answers the previous one, which news is compared with. Within a sitting the
 * previous visit stays, so that a reload shows the same news. `peek` answers without writing.
 */
export async function recordVisit(db: Db, userId: string, peek: boolean): Promise<string | null> {
  const [row] = peek
    ? await queryRows<{ since: string | null }>(
        db,
        sql`select case when seen_at < now() - ${SITTING} then ${iso('seen_at')}
                        else ${iso('previous_seen_at')} end as since
            from start_visits where user_id = ${userId}`,
      )
    : // A refetch within a minute writes nothing: the stored visit already says the same.
      await queryRows<{ since: string | null }>(
        db,
        sql`with before as (select seen_at, previous_seen_at from start_visits where user_id = ${userId}),
            written as (
              insert into start_visits as v (user_id, seen_at) values (${userId}, now())
              on conflict (user_id) do update set
                previous_seen_at = case when v.seen_at < now() - ${SITTING} then v.seen_at
                                        else v.previous_seen_at end,
                seen_at = now()
              where v.seen_at < now() - interval '1 minute'
              returning v.previous_seen_at
            )
            select ${iso('coalesce((select previous_seen_at from written), (select previous_seen_at from before))')}
                   as since`,
      );
  return row?.since ?? null;
}

/** A round is open on `today` (Swedish date) when it has opened, not passed its close date nor been closed. */
const openOn = (today: string) =>
  sql`r.closed_at is null and r.opens_on <= ${today}::date and r.closes_on >= ${today}::date`;

export interface SheetToAnswerRow {
  round_id: string;
  round_name: string;
  closes_on: string;
  municipality_id: string;
  code: string;
  name: string;
  content: unknown;
}

/** Sheets of open rounds not yet submitted, for the municipalities the person answers for. */
export function sheetsToAnswer(db: Db, municipalityIds: readonly string[], today: string, limit: number) {
  return queryRows<SheetToAnswerRow>(
    db,
    sql`select r.id as round_id, r.name as round_name, r.closes_on::text as closes_on,
               s.municipality_id, m.code, m.name, v.content
        from assessment_sheets s
        join assessment_rounds r on r.id = s.round_id
        join organisations m on m.id = s.municipality_id
        join assessment_template_versions v on v.id = r.template_version_id
        where s.municipality_id = any(${uuidArray(municipalityIds)}) and s.status <> 'submitted'
          and ${openOn(today)}
        order by r.closes_on, r.name
        limit ${limit}`,
  );
}

export interface RunningRoundRow {
  id: string;
  name: string;
  closes_on: string;
  owner_id: string;
  owner_name: string;
  participants: number;
  submitted: number;
}

/** Open rounds owned by `ownerIds` (null: every owner), with how many of their sheets are submitted. */
export function runningRounds(db: Db, ownerIds: readonly string[] | null, today: string, limit: number) {
  return queryRows<RunningRoundRow>(
    db,
    sql`select r.id, r.name, r.closes_on::text as closes_on, o.id as owner_id, o.name as owner_name,
               (select count(*) from assessment_sheets s where s.round_id = r.id)::int as participants,
               (select count(*) from assessment_sheets s
                 where s.round_id = r.id and s.status = 'submitted')::int as submitted
        from assessment_rounds r join organisations o on o.id = r.owner_organisation_id
        where ${openOn(today)}
          ${ownerIds ? sql`and r.owner_organisation_id = any(${uuidArray(ownerIds)})` : sql``}
        order by r.closes_on, r.name
        limit ${limit}`,
  );
}

/** Cases in one state matching `where` (the reviewer's or author's rule on `c` and `m`): how many, the oldest. */
export async function caseCount(db: Db, status: 'submitted' | 'returned', where: SQL) {
  const [row] = await queryRows<{ n: number; id: string | null }>(
    db,
    sql`select count(*)::int as n, (array_agg(c.id order by c.updated_at))[1] as id
        from cases c join organisations m on m.id = c.municipality_id
        where c.status = ${status} and ${where}`,
  );
  return row ?? { n: 0, id: null };
}

export interface TeamRow {
  organisation_id: string;
  name: string;
  members: number;
  enrolled: number;
  completed: number;
  not_started: number;
}

/**
 * Per unit: its staff and managers, those enrolled in a programme, those who completed every programme
 * course they are enrolled in, and those with a programme course not started.
 */
export function teamProgress(db: Db, organisationIds: readonly string[]) {
  return queryRows<TeamRow>(
    db,
    sql`with people as (
          select distinct m.organisation_id, m.user_id from memberships m
          where m.organisation_id = any(${uuidArray(organisationIds)}) and m.role in (${placementRoleList()})
        ), per_person as (
          select p.organisation_id, p.user_id, count(e.id) as enrolments, count(e.completed_at) as completed,
                 count(e.id) filter (where e.started_at is null and e.completed_at is null) as not_started
          from people p
          left join enrolments e on e.user_id = p.user_id and e.programme_id is not null
          group by p.organisation_id, p.user_id
        )
        select pp.organisation_id, o.name, count(*)::int as members,
               count(*) filter (where pp.enrolments > 0)::int as enrolled,
               count(*) filter (where pp.enrolments > 0 and pp.completed = pp.enrolments)::int as completed,
               count(*) filter (where pp.not_started > 0)::int as not_started
        from per_person pp join organisations o on o.id = pp.organisation_id
        group by pp.organisation_id, o.name`,
  );
}

export interface FollowUpRow {
  id: string;
  title: string;
  owner_name: string;
  n: number;
  first_due: string;
}

/** Initiatives of `ownerIds` still running with milestones not done and due by `until`. */
export function followUpsDue(db: Db, ownerIds: readonly string[], until: string, limit: number) {
  return queryRows<FollowUpRow>(
    db,
    sql`select i.id, i.title, o.name as owner_name, count(*)::int as n, min(mi.due_on)::text as first_due
        from initiatives i
        join organisations o on o.id = i.owner_organisation_id
        join initiative_milestones mi on mi.initiative_id = i.id
        where i.owner_organisation_id = any(${uuidArray(ownerIds)}) and i.status not in ('done', 'stopped')
          and mi.done_on is null and mi.due_on <= ${until}::date
        group by i.id, i.title, o.name
        order by first_due, i.title
        limit ${limit}`,
  );
}

/** The organisations `ids` and every one above them (the documents and courses that concern a person). */
const lineageOf = (ids: readonly string[]) =>
  sql`with recursive up as (
        select id, parent_id from organisations where id = any(${uuidArray(ids)})
        union select o.id, o.parent_id from organisations o join up on o.id = up.parent_id
      )`;

export interface NewsRow {
  kind: 'case_published' | 'document_changed' | 'course_published' | 'round_opened' | 'round_closed';
  id: string;
  title: string;
  place: string | null;
  at: string;
  content?: unknown;
}

/** Cases published since: every signed-in person reads published cases. */
export function casesPublished(db: Db, since: string, limit: number) {
  return queryRows<NewsRow>(
    db,
    sql`select 'case_published' as kind, c.id, c.title, m.name as place, ${iso('c.published_at')} as at
        from cases c join organisations m on m.id = c.municipality_id
        where c.status = 'published' and c.published_at > ${since}::timestamptz
        order by c.published_at desc limit ${limit}`,
  );
}

/** Governing documents of the person's organisations, or of those above them, changed since. */
export function documentsChanged(db: Db, orgIds: readonly string[], since: string, limit: number) {
  return queryRows<NewsRow>(
    db,
    sql`${lineageOf(orgIds)}
        select 'document_changed' as kind, d.id, d.title, o.name as place, ${iso('d.updated_at')} as at
        from governing_documents d join organisations o on o.id = d.owner_organisation_id
        where d.owner_organisation_id in (select id from up) and d.updated_at > ${since}::timestamptz
        order by d.updated_at desc limit ${limit}`,
  );
}

/** Courses whose current version was published since, open to everyone or to the person's organisations. */
export function coursesPublished(db: Db, orgIds: readonly string[], since: string, limit: number) {
  return queryRows<NewsRow>(
    db,
    sql`${lineageOf(orgIds)}
        select 'course_published' as kind, c.id, c.key as title, null as place,
               ${iso('v.published_at')} as at, v.content -> 'title' as content
        from course_versions v join courses c on c.id = v.course_id and c.published_version = v.version
        where v.published_at > ${since}::timestamptz
          and (c.visibility = 'national' or c.owner_organisation_id in (select id from up))
        order by v.published_at desc limit ${limit}`,
  );
}

/**
 * Rounds that opened or closed since (by Swedish date, up to today), among those the person runs
 * (`ownerIds`, null for all) or answers in (`municipalityIds`).
 */
export function roundsChanged(
  db: Db,
  scope: { ownerIds: readonly string[] | null; municipalityIds: readonly string[] },
  since: string,
  today: string,
  limit: number,
) {
  const visible =
    scope.ownerIds === null
      ? sql`true`
      : sql`(r.owner_organisation_id = any(${uuidArray(scope.ownerIds)})
             or exists (select 1 from assessment_sheets s where s.round_id = r.id
                        and s.municipality_id = any(${uuidArray(scope.municipalityIds)})))`;
  const sinceDay = sql`(${since}::timestamptz at time zone 'Europe/Stockholm')::date`;
  const closedOn = sql`coalesce((r.closed_at at time zone 'Europe/Stockholm')::date, r.closes_on + 1)`;
  return queryRows<NewsRow>(
    db,
    sql`select * from (
          select 'round_opened' as kind, r.id, r.name as title, o.name as place, r.opens_on::text as at
          from assessment_rounds r join organisations o on o.id = r.owner_organisation_id
          where r.opens_on > ${sinceDay} and r.opens_on <= ${today}::date and ${visible}
          union all
          select 'round_closed' as kind, r.id, r.name as title, o.name as place, ${closedOn}::text as at
          from assessment_rounds r join organisations o on o.id = r.owner_organisation_id
          where ${closedOn} > ${sinceDay} and ${closedOn} <= ${today}::date and ${visible}
        ) x order by at desc limit ${limit}`,
  );
}
