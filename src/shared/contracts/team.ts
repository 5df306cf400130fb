import { z } from 'zod';
import { IsoDateTime, PageQuery, ParamText, Uuid } from './common.ts';

/**
 * A person's learning status on the team page. Over all their enrolments (or, with a course filter,
 * that course's): overdue when a programme enrolment is unfinished past the programme's end; done when
 * every enrolment is completed; in progress once one is started; not started when enrolled only.
 */
export const teamStatuses = ['not_enrolled', 'not_started', 'in_progress', 'done', 'overdue'] as const;
export const TeamStatus = z.enum(teamStatuses);
export type TeamStatus = z.infer<typeof TeamStatus>;

export const teamSorts = ['name', 'status', 'lastActivity', 'progress'] as const;

export const TeamQuery = PageQuery.extend({
  unitId: Uuid.optional().describe('Only this unit (one of mine, or any unit I may see progress of)'),
  courseId: Uuid.optional().describe('Status and progress on this course only'),
  status: TeamStatus.optional(),
  q: ParamText.trim().max(100).optional().describe('Part of a name or e-mail address'),
  sort: z.enum(teamSorts).default('name'),
});
export type TeamQuery = z.infer<typeof TeamQuery>;

export const TeamExportQuery = TeamQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['csv', 'xlsx']),
});

export const TeamEnrolment = z.object({
  enrolmentId: Uuid,
  courseId: Uuid,
  courseTitle: z.string(),
  programmeId: Uuid.nullable(),
  programmeName: z.string().nullable(),
  percent: z.number().int().min(0).max(100),
  status: TeamStatus,
  enrolledAt: IsoDateTime,
  lastActivityAt: IsoDateTime.nullable(),
  completedAt: IsoDateTime.nullable(),
  /** The certificate's public code, once issued. */
  certificateCode: z.string().nullable(),
});
export type TeamEnrolment = z.infer<typeof TeamEnrolment>;

export const TeamMember = z.object({
  userId: Uuid,
  name: z.string(),
  role: z.enum(['staff', 'manager']),
  units: z.array(z.object({ id: Uuid, name: z.string() })),
  status: TeamStatus,
  /** Mean progress over the enrolments counted (0 without any). */
  percent: z.number().int().min(0).max(100),
  lastActivityAt: IsoDateTime.nullable(),
  lastRemindedAt: IsoDateTime.nullable(),
  enrolments: z.array(TeamEnrolment),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamView = z.object({
  /** The units the page covers (for the unit filter). */
  units: z.array(z.object({ id: Uuid, name: z.string() })),
  /** Courses someone in these units is enrolled on (for the course filter). */
  courses: z.array(z.object({ id: Uuid, title: z.string() })),
  total: z.number().int().describe('People matching the filters (all pages)'),
  counts: z.record(TeamStatus, z.number().int()).describe('People per status over the whole team'),
  items: z.array(TeamMember),
  nextCursor: z.string().nullable(),
});
export type TeamView = z.infer<typeof TeamView>;

export const TeamReminderInput = z.object({
  userIds: z.array(Uuid).min(1).max(200),
});
export type TeamReminderInput = z.infer<typeof TeamReminderInput>;

export const reminderOutcomes = ['sent', 'already_today', 'nothing_to_remind'] as const;
export const TeamReminderResult = z.object({
  sent: z.number().int(),
  results: z.array(z.object({ userId: Uuid, outcome: z.enum(reminderOutcomes) })),
});
export type TeamReminderResult = z.infer<typeof TeamReminderResult>;
