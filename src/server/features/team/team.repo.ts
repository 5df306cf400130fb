import { and, gte, inArray, sql } from 'drizzle-orm';
import type { PlacementRole } from '../../../shared/access/index.ts';
import type { TeamStatus } from '../../../shared/contracts/team.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { learningReminders } from '../../db/schema/index.ts';
import { placementRoleList, uuidArray } from '../programmes/programmes.repo.ts';

export interface TeamFilter {
  unitIds: string[];
  courseId?: string | undefined;
  status?: TeamStatus | undefined;
  q?: string | undefined;
  sort: 'name' | 'status' | 'lastActivity' | 'progress';
  limit: number | null;
  offset: number;
}

export interface PersonRow {
  user_id: string;
  name: string;
  /** The person's placement roles in these units. */
  roles: PlacementRole[];
  units: { id: string; name: string }[];
  status: TeamStatus;
  n: number;
  last_activity_at: Date | string | null;
  last_reminded_at: Date | string | null;
  total: number;
}

/** Units directly under the given municipalities (a coordinator's team page covers them all). */
export async function unitsUnder(db: Db, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from organisations
        where kind = 'unit' and (id = any(${uuidArray(organisationIds)}) or parent_id = any(${uuidArray(organisationIds)}))`,
  );
}

/**
 * The people placed (staff or manager) in the units with one status each, filtered, sorted and paged
 * in SQL so that a large municipality's page reads one page. `sort_name` orders names the Swedish way
 * on both databases; the status, computed over the person's enrolments (or one course's), is the
 * same rule as `teamStatuses` in the contract.
 */
export async function teamPeople(db: Db, f: TeamFilter): Promise<PersonRow[]> {
  const pattern = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const order = {
    name: sql`sort_name, user_id`,
    status: sql`status_rank, sort_name, user_id`,
    lastActivity: sql`last_activity_at desc nulls last, sort_name, user_id`,
    progress: sql`completed::float / nullif(n, 0) desc nulls last, started desc, sort_name, user_id`,
  }[f.sort];
  return queryRows<PersonRow>(
    db,
    sql`with people as (
          select m.user_id, u.name, min(m.sort_name collate "C") as sort_name,
                 array_agg(distinct m.role) as roles,
                 jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name) order by o.name) as units
          from memberships m
          join users u on u.id = m.user_id
          join organisations o on o.id = m.organisation_id
          where m.organisation_id = any(${uuidArray(f.unitIds)}) and m.role in (${placementRoleList()})
            ${pattern ? sql`and (u.name ilike ${pattern} or u.email ilike ${pattern})` : sql``}
          group by m.user_id, u.name
        ),
        enr as (
          select e.user_id, e.started_at, e.completed_at, e.last_activity_at,
                 (e.completed_at is null and pr.ends_on < current_date) as overdue
          from enrolments e
          join people p on p.user_id = e.user_id
          left join programmes pr on pr.id = e.programme_id
          ${f.courseId ? sql`where e.course_id = ${f.courseId}` : sql``}
        ),
        st as (
          select p.user_id, p.name, p.sort_name, p.roles, p.units,
                 count(enr.user_id)::int as n,
                 count(enr.started_at)::int as started,
                 count(enr.completed_at)::int as completed,
                 coalesce(bool_or(enr.overdue), false) as overdue,
                 max(enr.last_activity_at) as last_activity_at
          from people p left join enr on enr.user_id = p.user_id
          group by p.user_id, p.name, p.sort_name, p.roles, p.units
        ),
        s as (
          select st.*,
                 case when n = 0 then 'not_enrolled' when overdue then 'overdue' when completed = n then 'done'
                      when started > 0 then 'in_progress' else 'not_started' end as status
          from st
        )
        select user_id, name, roles, units, status, n, started, completed, last_activity_at,
               (select max(r.sent_at) from learning_reminders r where r.user_id = s.user_id) as last_reminded_at,
               count(*) over ()::int as total,
               case status when 'overdue' then 0 when 'not_started' then 1 when 'not_enrolled' then 2
                           when 'in_progress' then 3 else 4 end as status_rank
        from s
        ${f.status ? sql`where status = ${f.status}` : sql``}
        order by ${order}
        ${f.limit === null ? sql`` : sql`limit ${f.limit}`} offset ${f.offset}`,
  );
}

/** People per status over the whole team (the filter's counts). */
export async function statusCounts(db: Db, f: TeamFilter) {
  const rows = await teamPeople(db, { ...f, status: undefined, q: undefined, limit: null, offset: 0 });
  const counts: Record<TeamStatus, number> = {
    not_enrolled: 0,
    not_started: 0,
    in_progress: 0,
    done: 0,
    overdue: 0,
  };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

export interface EnrolmentRow {
  user_id: string;
  enrolment_id: string;
  course_id: string;
  programme_id: string | null;
  programme_name: string | null;
  programme_ended: boolean;
  enrolled_at: Date | string;
  started_at: Date | string | null;
  last_activity_at: Date | string | null;
  completed_at: Date | string | null;
  lessons_quizzes: number;
  certificate_code: string | null;
}

/** The enrolments of a page of people, with lessons and quizzes done and the certificate code. */
export async function enrolmentsOf(db: Db, userIds: string[], courseId: string | undefined) {
  if (userIds.length === 0) return [];
  return queryRows<EnrolmentRow>(
    db,
    sql`select e.user_id, e.id as enrolment_id, e.course_id, e.programme_id, pr.name as programme_name,
               coalesce(pr.ends_on < current_date, false) as programme_ended,
               e.enrolled_at, e.started_at, e.last_activity_at, e.completed_at,
               (select count(*) from enrolment_items i where i.enrolment_id = e.id
                  and (i.item like 'lesson:%' or i.item like 'quiz:%'))::int as lessons_quizzes,
               c.code as certificate_code
        from enrolments e
        left join programmes pr on pr.id = e.programme_id
        left join certificates c on c.enrolment_id = e.id
        where e.user_id = any(${uuidArray(userIds)})
          ${courseId ? sql`and e.course_id = ${courseId}` : sql``}
        order by e.enrolled_at`,
  );
}

/** Courses someone in the units is enrolled on. */
export async function teamCourseIds(db: Db, unitIds: string[]) {
  const rows = await queryRows<{ course_id: string }>(
    db,
    sql`select distinct e.course_id from enrolments e
        join memberships m on m.user_id = e.user_id
        where m.organisation_id = any(${uuidArray(unitIds)}) and m.role in (${placementRoleList()})`,
  );
  return rows.map((r) => r.course_id);
}

/** Who of the people was reminded since the given time. */
export async function remindedSince(db: Db, userIds: string[], since: Date) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ userId: learningReminders.userId })
    .from(learningReminders)
    .where(and(inArray(learningReminders.userId, userIds), gte(learningReminders.sentAt, since)));
  return new Set(rows.map((r) => r.userId));
}

export async function insertReminders(db: Db, userIds: string[], sentBy: string) {
  if (userIds.length === 0) return;
  await db.insert(learningReminders).values(userIds.map((userId) => ({ userId, sentBy })));
}

/** Name, e-mail address and unfinished courses of the people to remind. */
export async function reminderTargets(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return queryRows<{
    user_id: string;
    name: string;
    email: string | null;
    preferred_language: 'sv' | 'en' | null;
    course_id: string;
  }>(
    db,
    sql`select u.id as user_id, u.name, u.email, u.preferred_language, e.course_id
        from users u join enrolments e on e.user_id = u.id
        where u.id = any(${uuidArray(userIds)}) and e.completed_at is null and u.status = 'active'
        order by e.enrolled_at`,
  );
}
