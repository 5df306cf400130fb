import { z } from 'zod';
import { IsoDateTime, ParamText, Uuid, WebUrl } from './common.ts';

export const networkKinds = ['network', 'reference_group', 'steering_group', 'project_group'] as const;
export const NetworkKind = z.enum(networkKinds);
export type NetworkKind = z.infer<typeof NetworkKind>;

export const networkLevels = ['local', 'regional', 'national'] as const;
export const NetworkLevel = z.enum(networkLevels);
export type NetworkLevel = z.infer<typeof NetworkLevel>;

export const memberRoles = ['chair', 'vice_chair', 'secretary', 'member', 'adjunct'] as const;
export const MemberRole = z.enum(memberRoles);
export type MemberRole = z.infer<typeof MemberRole>;

export const memberStatuses = ['active', 'invited', 'left'] as const;
export const MemberStatus = z.enum(memberStatuses);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const attendanceModes = ['on_site', 'online'] as const;
export const AttendanceMode = z.enum(attendanceModes);
export type AttendanceMode = z.infer<typeof AttendanceMode>;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const webUrl = WebUrl.nullable().optional();

export const NetworkIdParams = z.object({ id: Uuid });
export const MemberParams = z.object({ id: Uuid, memberId: Uuid });
export const MeetingParams = z.object({ id: Uuid, meetingId: Uuid });
export const EventParams = z.object({ meetingId: Uuid });
export const InvitationTokenParams = z.object({ token: ParamText.min(20).max(200) });

const OrgRef = z.object({ id: Uuid, name: z.string() });

interface CoverageFields {
  coverageOrganisationId?: string | null | undefined;
  representativesMin?: number | null | undefined;
  representativesMax?: number | null | undefined;
}

/** A group with a coverage area (every municipality of a region or association) says how many per municipality. */
function checkCoverage(n: CoverageFields, ctx: z.RefinementCtx) {
  if (n.coverageOrganisationId && n.representativesMin == null)
    ctx.addIssue({ code: 'custom', message: 'required', path: ['representativesMin'] });
  if (
    n.representativesMin != null &&
    n.representativesMax != null &&
    n.representativesMax < n.representativesMin
  )
    ctx.addIssue({ code: 'custom', message: 'max_below_min', path: ['representativesMax'] });
}

const networkBody = {
  name: text(200),
  kind: NetworkKind,
  level: NetworkLevel,
  purpose: optionalText(4000),
  coverageOrganisationId: Uuid.nullable()
    .optional()
    .describe('A region or association whose municipalities should each be represented'),
  representativesMin: z.number().int().min(1).max(20).nullable().optional(),
  representativesMax: z.number().int().min(1).max(20).nullable().optional(),
};

export const CreateNetwork = z
  .object({
    ...networkBody,
    ownerOrganisationId: Uuid.describe('The nation, a region, an association or a municipality'),
  })
  .superRefine(checkCoverage);
export type CreateNetwork = z.infer<typeof CreateNetwork>;

export const UpdateNetwork = z.object(networkBody).superRefine(checkCoverage);
export type UpdateNetwork = z.infer<typeof UpdateNetwork>;

export const NetworkListQuery = z.object({
  owner: Uuid.optional().describe('Only networks owned by this organisation'),
  county: ParamText.regex(/^\d{2}$/)
    .optional()
    .describe('Only networks owned by organisations in this county (2-digit code)'),
  kind: NetworkKind.optional(),
});

export const NetworkSummary = z.object({
  id: Uuid,
  name: z.string(),
  kind: NetworkKind,
  level: NetworkLevel,
  owner: OrgRef,
  activeMembers: z.number().int(),
  /** Municipalities without a representative, for a group with a coverage area; else null. */
  uncovered: z.number().int().nullable(),
});
export type NetworkSummary = z.infer<typeof NetworkSummary>;
export const NetworkList = z.object({ items: z.array(NetworkSummary) });

/** `below`: some but fewer than the minimum; `over`: more than the maximum. */
export const coverageStatuses = ['uncovered', 'below', 'covered', 'over'] as const;
export const CoverageRow = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  representatives: z.number().int(),
  status: z.enum(coverageStatuses),
});
export const Coverage = z.object({
  organisation: OrgRef,
  min: z.number().int(),
  max: z.number().int().nullable(),
  municipalities: z.array(CoverageRow),
  uncovered: z.number().int(),
});
export type Coverage = z.infer<typeof Coverage>;

export const NetworkView = z.object({
  id: Uuid,
  name: z.string(),
  kind: NetworkKind,
  level: NetworkLevel,
  purpose: z.string().nullable(),
  owner: OrgRef.extend({ kind: z.string() }),
  coverageOrganisationId: Uuid.nullable(),
  representativesMin: z.number().int().nullable(),
  representativesMax: z.number().int().nullable(),
  coverage: Coverage.nullable(),
  canManage: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type NetworkView = z.infer<typeof NetworkView>;

/** A member; e-mail addresses are shown to the group's managers only. */
export const MemberView = z.object({
  id: Uuid,
  userId: Uuid.nullable(),
  name: z.string(),
  email: z.string().nullable(),
  external: z.boolean(),
  representsOrganisation: OrgRef.nullable(),
  representsName: z.string().nullable(),
  roleInGroup: MemberRole,
  status: MemberStatus,
  invitedAt: IsoDateTime.nullable(),
  joinedAt: IsoDateTime.nullable(),
});
export type MemberView = z.infer<typeof MemberView>;
export const MemberList = z.object({ items: z.array(MemberView) });

/**
 * A platform user (by id, or by the e-mail address of their account) or an external person (name and,
 * for an invitation, an e-mail address). `invite: true` e-mails a link; the member stays `invited` until
 * they accept it.
 */
export const AddMember = z
  .object({
    userId: Uuid.optional(),
    email: z.email({ message: 'invalid_email' }).max(254).optional(),
    name: text(200).optional().describe('For an external person without an account'),
    representsOrganisationId: Uuid.nullable().optional(),
    representsName: optionalText(200).describe('An organisation that is not on the platform'),
    roleInGroup: MemberRole.default('member'),
    invite: z.boolean().default(false),
  })
  .refine((m) => m.userId || m.email || m.name, { message: 'required', path: ['email'] })
  .refine((m) => !m.invite || m.userId || m.email, { message: 'required', path: ['email'] });
export type AddMember = z.infer<typeof AddMember>;

export const UpdateMember = z
  .object({
    representsOrganisationId: Uuid.nullable().optional(),
    representsName: optionalText(200),
    roleInGroup: MemberRole.optional(),
    status: z.enum(['active', 'left']).optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), {
    message: 'required',
    path: ['roleInGroup'],
  });
export type UpdateMember = z.infer<typeof UpdateMember>;

const meetingBase = {
  title: text(300),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  location: optionalText(300),
  onlineUrl: webUrl,
  agenda: optionalText(20_000),
  description: optionalText(4000).describe('Shown on the public registration page of an open event'),
  capacity: z.number().int().min(1).max(100_000).nullable().optional().describe('Places; null = no limit'),
  registrationClosesAt: z.iso.datetime({ offset: true }).nullable().optional(),
};

export const CreateMeeting = z
  .object({ ...meetingBase, isOpenEvent: z.boolean().default(false) })
  .refine((m) => !m.endsAt || m.endsAt >= m.startsAt, { message: 'ends_before_start', path: ['endsAt'] })
  .refine((m) => !m.isOpenEvent || m.location || m.onlineUrl, { message: 'required', path: ['location'] });
export type CreateMeeting = z.infer<typeof CreateMeeting>;

export const AttendanceEntry = z.object({ memberId: Uuid, present: z.boolean() });

/** Any subset of a meeting's fields; `attendance` replaces the recorded attendance of the listed members. */
export const UpdateMeeting = z.object({
  title: text(300).optional(),
  startsAt: meetingBase.startsAt.optional(),
  endsAt: meetingBase.endsAt,
  location: meetingBase.location,
  onlineUrl: meetingBase.onlineUrl,
  agenda: meetingBase.agenda,
  minutes: optionalText(50_000),
  decisions: z.array(text(2000)).max(100).optional(),
  description: meetingBase.description,
  capacity: meetingBase.capacity,
  registrationClosesAt: meetingBase.registrationClosesAt,
  attendance: z.array(AttendanceEntry).max(500).optional(),
});
export type UpdateMeeting = z.infer<typeof UpdateMeeting>;

export const MeetingSummary = z.object({
  id: Uuid,
  title: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
  location: z.string().nullable(),
  online: z.boolean(),
  isOpenEvent: z.boolean(),
  capacity: z.number().int().nullable(),
  registrations: z.number().int(),
  hasMinutes: z.boolean(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const MeetingList = z.object({ items: z.array(MeetingSummary) });

export const MeetingView = MeetingSummary.extend({
  networkId: Uuid,
  networkName: z.string(),
  onlineUrl: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  decisions: z.array(z.string()),
  description: z.string().nullable(),
  registrationClosesAt: IsoDateTime.nullable(),
  attendance: z.array(z.object({ memberId: Uuid, name: z.string(), present: z.boolean().nullable() })),
  canManage: z.boolean(),
});
export type MeetingView = z.infer<typeof MeetingView>;

/** The public page of an open event. The online link is sent to those who register, not shown here. */
export const PublicEvent = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string().nullable(),
  organiser: z.string(),
  networkName: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
  location: z.string().nullable(),
  online: z.boolean(),
  capacity: z.number().int().nullable(),
  seatsLeft: z.number().int().nullable(),
  registrationOpen: z.boolean(),
  registrationClosesAt: IsoDateTime.nullable(),
});
export type PublicEvent = z.infer<typeof PublicEvent>;

export const CreateRegistration = z.object({
  name: text(200),
  email: z.email({ message: 'invalid_email' }).max(254),
  organisationName: optionalText(200),
  attendance: AttendanceMode.default('on_site'),
});
export type CreateRegistration = z.infer<typeof CreateRegistration>;

export const RegistrationReceipt = z.object({
  id: Uuid,
  seatsLeft: z.number().int().nullable(),
});

export const Registration = z.object({
  id: Uuid,
  name: z.string(),
  email: z.string(),
  organisationName: z.string().nullable(),
  attendance: AttendanceMode,
  registeredAt: IsoDateTime,
  cancelledAt: IsoDateTime.nullable(),
});
export const RegistrationList = z.object({ items: z.array(Registration) });

export const NetworkInvitationView = z.object({
  networkName: z.string(),
  ownerName: z.string(),
  name: z.string(),
  roleInGroup: MemberRole,
});
export const NetworkInvitationAccepted = z.object({ networkId: Uuid, networkName: z.string() });
