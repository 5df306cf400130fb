import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { courses, enrolments, learningStatements } from './learning.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/**
 * A study group: colleagues in one unit who take a course together and meet at the workplace to reflect
 * on each module (the Norwegian model: short modules plus reflection meetings).
 */
export const studyGroups = pgTable(
  'study_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The unit the group belongs to; its managers (and coordinators above) run it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('study_groups_organisation_idx').on(t.organisationId),
    uniqueIndex('study_groups_organisation_name_uq').on(t.organisationId, t.name),
  ],
);

/** A member of a group, with the enrolment their attendance counts towards. */
export const studyGroupMembers = pgTable(
  'study_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => studyGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('study_group_members_user_idx').on(t.userId)],
);

/** A reflection meeting on one module of the group's course. */
export const studyGroupMeetings = pgTable(
  'study_group_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => studyGroups.id, { onDelete: 'cascade' }),
    moduleKey: text('module_key').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    place: text('place').notNull(),
    /** A short note from the meeting (what was discussed, what to try); no personal details about care recipients. */
    note: text('note'),
    attendanceRecordedAt: timestamp('attendance_recorded_at', { withTimezone: true }),
    attendanceRecordedBy: uuid('attendance_recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** A cancelled meeting stays listed (as cancelled) so members who planned for it see what happened. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('study_group_meetings_group_idx').on(t.groupId, t.startsAt)],
);

/** Who attended a meeting, and the `attended` statement recorded on their behalf. */
export const studyGroupAttendance = pgTable(
  'study_group_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => studyGroupMeetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => learningStatements.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);
