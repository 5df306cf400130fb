import { z } from 'zod';
import { IsoDateTime, PageQuery, ParamText, page, Uuid } from './common.ts';

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
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  entityType: ParamText.max(50).optional(),
  action: ParamText.max(80).optional(),
  actorId: Uuid.optional(),
  organisationId: Uuid.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const AuditPage = page(AuditEntry);

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
