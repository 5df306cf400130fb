import { z } from 'zod';
import { IsoDateTime, PageQuery, ParamText, page, Uuid } from './common.ts';

/**
 * Every event the audit log records, `<subject>.<what happened>`. `recordAudit` takes only these, so a
 * new event does not compile until it is listed here; `audit-actions.test.ts` then fails until it has a
 * plain-language name in both catalogs (`auditLog.events` in sv.ts and en.ts) for the log's readers.
 */
export const auditActions = [
  'account.created',
  'action_plan.created',
  'action_plan.item_added',
  'action_plan.item_closed',
  'action_plan.item_moved',
  'action_plan.updated',
  'activation_code.issued',
  'activation_code.revoked',
  'activation_code.used',
  'api_client.authentication_failed',
  'api_client.created',
  'api_client.refused',
  'api_client.revoked',
  'api_client.token_issued',
  'assessment_round.created',
  'assessment_round.reminded',
  'assessment_sheet.reopened',
  'assessment_sheet.submitted',
  'assessment_template.created',
  'assessment_template.draft_saved',
  'assessment_template.published',
  'benefit_indicator.created',
  'benefit_indicator.deleted',
  'benefit_indicator.updated',
  'benefit_measurement.created',
  'benefit_measurement.deleted',
  'benefit_measurement.fed',
  'case.attachment_added',
  'case.attachment_deleted',
  'case.contacted',
  'case.created',
  'case.published',
  'case.returned',
  'case.submitted',
  'case.updated',
  'case.withdrawn',
  'course.created',
  'course.draft_saved',
  'course.published',
  'definition.created',
  'definition.version_added',
  'enrolment.created',
  'event_registration.created',
  'governing_document.created',
  'governing_document.file_uploaded',
  'governing_document.updated',
  'identity_provider.created',
  'identity_provider.deleted',
  'identity_provider.updated',
  'import.batch',
  'initiative.checklist_updated',
  'initiative.created',
  'initiative.funding_added',
  'initiative.funding_deleted',
  'initiative.funding_updated',
  'initiative.link_added',
  'initiative.link_deleted',
  'initiative.milestone_added',
  'initiative.milestone_deleted',
  'initiative.milestone_updated',
  'initiative.risk_added',
  'initiative.risk_deleted',
  'initiative.risk_updated',
  'initiative.updated',
  'invitation.accepted',
  'invitation.created',
  'learning.reminded',
  'membership.created',
  'membership.deleted',
  'need.declined',
  'need.endorsed',
  'need.endorsement_withdrawn',
  'need.prioritised',
  'need.proposed',
  'network.created',
  'network.updated',
  'network_meeting.created',
  'network_meeting.updated',
  'network_member.accepted',
  'network_member.added',
  'network_member.invited',
  'network_member.removed',
  'network_member.updated',
  'organisation.created',
  'organisation.updated',
  'programme.created',
  'programme.enrolled',
  'programme.updated',
  'scim.group_created',
  'scim.group_deleted',
  'scim.group_updated',
  'scim.user_created',
  'scim.user_deactivated',
  'scim.user_deleted',
  'scim.user_reactivated',
  'scim.user_updated',
  'scim_token.created',
  'scim_token.revoked',
  'sign_in_policy.updated',
  'sso.account_linked',
  'sso.login',
  'sso.login_refused',
  'sso.membership_changed',
  'sso.role_refused',
  'sso.user_provisioned',
  'steering_report.created',
  'steering_report.deleted',
  'steering_report.issued',
  'steering_report.narrative_saved',
  'steering_report.updated',
  'studygroup.attendance_recorded',
  'studygroup.created',
  'studygroup.meeting_cancelled',
  'studygroup.meeting_planned',
  'studygroup.meeting_updated',
  'support_offer.created',
  'support_offer.updated',
  'support_request.answered',
  'support_request.attachment_added',
  'support_request.closed',
  'support_request.created',
  'support_request.message_added',
  'support_request.updated',
  'technology.created',
  'technology.updated',
  'technology_adoption.updated',
  'user.admin_created_by_cli',
  'user.erased',
  'user.locked',
  'user.passkey_added',
  'user.passkey_login',
  'user.passkey_removed',
  'user.passkey_renamed',
  'user.password_changed',
  'user.password_reset',
  'user.recovery_code_used',
  'user.recovery_codes_generated',
  'user.totp_enabled',
  'user.totp_removed',
  'user.unlock_link_sent',
  'user.unlocked',
  'user.updated',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The subject part of an action key ('user' of 'user.erased'): the groups of the event filter. */
export function auditGroupOf(action: string): string {
  return action.slice(0, action.indexOf('.'));
}
export const auditGroups = [...new Set(auditActions.map(auditGroupOf))];

export const AuditEntry = z.object({
  id: z.string(),
  at: IsoDateTime,
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  organisationId: Uuid.nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /**
   * The object's name, looked up when the log is read (an organisation, a person, a course …); null when
   * the object has no name to show, and for an erased person or a deleted object (`entityGone`).
   */
  entityName: z.string().nullable(),
  /** The object no longer exists, or was a person who has been erased: shown as "(borttagen)". */
  entityGone: z.boolean(),
  /** The person the entry is about when the object is one of her roles or invitations. */
  subjectUserId: Uuid.nullable(),
  organisationName: z.string().nullable(),
  /** The actor has been erased (her name is gone; the id names an anonymous account). */
  actorGone: z.boolean(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  entityType: ParamText.max(50).optional(),
  action: ParamText.max(80).optional(),
  /** Every event of one group (`auditGroups`), e.g. 'membership' for all role changes. */
  actionGroup: ParamText.regex(/^[a-z_]+$/)
    .max(40)
    .optional(),
  actorId: Uuid.optional(),
  /** Entries by the person, or about her account. */
  personId: Uuid.optional(),
  organisationId: Uuid.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const AuditPage = page(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;

export const OutboxMessage = z.object({
  id: Uuid,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  replyTo: z.string().nullable(),
  createdAt: IsoDateTime,
});
export const OutboxPage = page(OutboxMessage);
export const OutboxQuery = PageQuery.extend({ to: ParamText.max(254).optional() });
