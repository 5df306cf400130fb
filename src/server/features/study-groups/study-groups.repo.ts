import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { placementRoles } from '../../../shared/access/index.ts';
import type { Db } from '../../db/client.ts';
import {
  enrolments,
  memberships,
  organisations,
  studyGroupAttendance,
  studyGroupMeetings,
  studyGroupMembers,
  studyGroups,
  users,
} from '../../db/schema/index.ts';

export async function findGroup(db: Db, id: string) {
  const [row] = await db
    .select({
      id: studyGroups.id,
      name: studyGroups.name,
      organisationId: studyGroups.organisationId,
      organisationName: organisations.name,
      courseId: studyGroups.courseId,
      createdAt: studyGroups.createdAt,
    })
    .from(studyGroups)
    .innerJoin(organisations, eq(organisations.id, studyGroups.organisationId))
    .where(eq(studyGroups.id, id));
  return row ?? null;
}

export async function groupMembers(db: Db, groupId: string) {
  return db
    .select({
      userId: studyGroupMembers.userId,
      name: users.name,
      enrolmentId: studyGroupMembers.enrolmentId,
    })
    .from(studyGroupMembers)
    .innerJoin(users, eq(users.id, studyGroupMembers.userId))
    .where(eq(studyGroupMembers.groupId, groupId));
}

/** Members' addresses and languages, for a notice about a changed meeting (active accounts with e-mail). */
export async function memberContacts(db: Db, groupId: string) {
  return db
    .select({ name: users.name, email: users.email, language: users.preferredLanguage })
    .from(studyGroupMembers)
    .innerJoin(users, eq(users.id, studyGroupMembers.userId))
    .where(and(eq(studyGroupMembers.groupId, groupId), eq(users.status, 'active')));
}

export async function groupMeetings(db: Db, groupId: string) {
  return db
    .select()
    .from(studyGroupMeetings)
    .where(eq(studyGroupMeetings.groupId, groupId))
    .orderBy(asc(studyGroupMeetings.startsAt));
}

export async function attendanceOf(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db.select().from(studyGroupAttendance).where(inArray(studyGroupAttendance.meetingId, meetingIds));
}

/** Groups of the given units, and groups the person is a member of, with member counts. */
export async function listGroups(db: Db, opts: { organisationIds: string[]; userId: string }) {
  return db
    .select({
      id: studyGroups.id,
      name: studyGroups.name,
      organisationId: studyGroups.organisationId,
      organisationName: organisations.name,
      courseId: studyGroups.courseId,
      memberCount: sql<number>`(select count(*) from study_group_members m where m.group_id = ${studyGroups.id})::int`,
      isMember: sql<boolean>`exists (select 1 from study_group_members m where m.group_id = ${studyGroups.id} and m.user_id = ${opts.userId})`,
      nextMeetingAt: sql<
        string | null
      >`(select min(starts_at) from study_group_meetings x where x.group_id = ${studyGroups.id} and x.starts_at >= now() and x.cancelled_at is null)`,
    })
    .from(studyGroups)
    .innerJoin(organisations, eq(organisations.id, studyGroups.organisationId))
    .where(
      opts.organisationIds.length
        ? sql`(${inArray(studyGroups.organisationId, opts.organisationIds)} or ${inArray(organisations.parentId, opts.organisationIds)} or exists (select 1 from study_group_members m where m.group_id = ${studyGroups.id} and m.user_id = ${opts.userId}))`
        : sql`exists (select 1 from study_group_members m where m.group_id = ${studyGroups.id} and m.user_id = ${opts.userId})`,
    );
}

/** People with a staff or manager role directly at the unit. */
export async function unitMemberIds(db: Db, unitId: string, userIds: string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, unitId),
        inArray(memberships.userId, userIds),
        inArray(memberships.role, [...placementRoles]),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

export async function enrolmentsOnCourse(db: Db, courseId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: enrolments.id,
      userId: enrolments.userId,
      programmeId: enrolments.programmeId,
      enrolledAt: enrolments.enrolledAt,
    })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, courseId), inArray(enrolments.userId, userIds)));
}

export async function insertGroup(
  db: Db,
  values: { name: string; organisationId: string; courseId: string; createdBy: string },
) {
  const [row] = await db.insert(studyGroups).values(values).returning({ id: studyGroups.id });
  return row!.id;
}

export async function insertMembers(
  db: Db,
  values: { groupId: string; userId: string; enrolmentId: string }[],
) {
  if (values.length) await db.insert(studyGroupMembers).values(values).onConflictDoNothing();
}

export async function insertMeeting(db: Db, values: typeof studyGroupMeetings.$inferInsert) {
  const [row] = await db.insert(studyGroupMeetings).values(values).returning({ id: studyGroupMeetings.id });
  return row!.id;
}

export async function findMeeting(db: Db, groupId: string, meetingId: string) {
  const [row] = await db
    .select()
    .from(studyGroupMeetings)
    .where(and(eq(studyGroupMeetings.id, meetingId), eq(studyGroupMeetings.groupId, groupId)));
  return row ?? null;
}

/** Changes a meeting's time, length, place or module, or cancels it (`cancelledAt`). */
export async function updateMeeting(
  db: Db,
  meetingId: string,
  values: Partial<
    Pick<
      typeof studyGroupMeetings.$inferInsert,
      'moduleKey' | 'startsAt' | 'durationMinutes' | 'place' | 'cancelledAt' | 'cancelledBy'
    >
  > & { changedBy: string },
) {
  await db
    .update(studyGroupMeetings)
    .set({ ...values, changedAt: sql`now()` })
    .where(eq(studyGroupMeetings.id, meetingId));
}

export async function setMeetingNote(
  db: Db,
  meetingId: string,
  values: { note: string | null; recordedBy: string },
) {
  await db
    .update(studyGroupMeetings)
    .set({ note: values.note, attendanceRecordedAt: sql`now()`, attendanceRecordedBy: values.recordedBy })
    .where(eq(studyGroupMeetings.id, meetingId));
}

export async function insertAttendance(
  db: Db,
  values: { meetingId: string; userId: string; statementId: string }[],
) {
  if (values.length) await db.insert(studyGroupAttendance).values(values).onConflictDoNothing();
}

export async function deleteAttendance(db: Db, meetingId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  await db
    .delete(studyGroupAttendance)
    .where(and(eq(studyGroupAttendance.meetingId, meetingId), inArray(studyGroupAttendance.userId, userIds)));
}
