import { z } from 'zod';
import { IsoDateTime, ParamText, Uuid } from './common.ts';

export const CreateStudyGroup = z.object({
  name: z.string().trim().min(1).max(120),
  organisationId: Uuid.describe('The unit the group belongs to'),
  courseId: Uuid,
  memberIds: z.array(Uuid).min(1, 'choose_members').max(100).describe('Staff and managers of the unit'),
});
export type CreateStudyGroup = z.infer<typeof CreateStudyGroup>;

export const CreateMeeting = z.object({
  moduleKey: z.string().regex(/^[a-z0-9-]{1,80}$/, { message: 'invalid_format' }),
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(10).max(480).default(60),
  place: z.string().trim().min(1).max(200),
});
export type CreateMeeting = z.infer<typeof CreateMeeting>;

/** A change to a planned meeting: any of its fields; at least one. */
export const UpdateMeeting = z
  .object({
    moduleKey: CreateMeeting.shape.moduleKey.optional(),
    startsAt: CreateMeeting.shape.startsAt.optional(),
    durationMinutes: z.number().int().min(10).max(480).optional(),
    place: CreateMeeting.shape.place.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'required', path: ['startsAt'] });
export type UpdateMeeting = z.infer<typeof UpdateMeeting>;

export const RecordAttendance = z.object({
  attended: z.array(Uuid).max(100).describe('Members who attended; others are recorded as absent'),
  note: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .optional()
    .describe('A short note: what was discussed, what to try (no details about care recipients)'),
});
export type RecordAttendance = z.infer<typeof RecordAttendance>;

export const MeetingView = z.object({
  id: Uuid,
  moduleKey: z.string(),
  moduleTitle: z.string(),
  startsAt: IsoDateTime,
  durationMinutes: z.number().int(),
  place: z.string(),
  /** The module's questions for the reflection meeting, in the reader's language. */
  reflectionQuestions: z.array(z.string()),
  attendanceRecordedAt: IsoDateTime.nullable(),
  /** A cancelled meeting stays in the list, marked, so members see what happened. */
  cancelledAt: IsoDateTime.nullable(),
  /** When the meeting's time, place or module last changed. */
  changedAt: IsoDateTime.nullable(),
  /** For those who run the group: everyone who attended; for a member: themself, if they attended. */
  attended: z.array(Uuid),
  /** Only for those who run the group. */
  note: z.string().nullable(),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const StudyGroupView = z.object({
  id: Uuid,
  name: z.string(),
  organisation: z.object({ id: Uuid, name: z.string() }),
  course: z.object({ id: Uuid, key: z.string(), title: z.string() }),
  members: z.array(z.object({ userId: Uuid, name: z.string(), enrolmentId: Uuid })),
  meetings: z.array(MeetingView),
  canManage: z.boolean(),
  createdAt: IsoDateTime,
});
export type StudyGroupView = z.infer<typeof StudyGroupView>;

export const StudyGroupSummary = z.object({
  id: Uuid,
  name: z.string(),
  organisation: z.object({ id: Uuid, name: z.string() }),
  courseId: Uuid,
  memberCount: z.number().int(),
  nextMeetingAt: IsoDateTime.nullable(),
  canManage: z.boolean(),
});
export const StudyGroupList = z.object({ items: z.array(StudyGroupSummary) });
export const StudyGroupListQuery = z.object({
  organisationId: Uuid.optional().describe('Only the groups of this unit'),
});
export const StudyGroupIdParams = z.object({ id: Uuid });
export const MeetingParams = z.object({ id: Uuid, meetingId: Uuid });
export const StudyGroupQuery = z.object({
  lang: ParamText.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional()
    .describe('Language of module titles and reflection questions'),
});
