import { and, desc, eq, gte, like, lt, lte, or } from 'drizzle-orm';
import type { AuditAction } from '../../../shared/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { auditLog, users } from '../../db/schema/index.ts';

export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Written in the same transaction as the change it describes, so neither exists without the other. */
export async function recordAudit(db: Db, entry: AuditInput) {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    organisationId: entry.organisationId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export interface AuditFilter {
  entityType?: string | undefined;
  action?: string | undefined;
  actionGroup?: string | undefined;
  actorId?: string | undefined;
  personId?: string | undefined;
  organisationId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Newest first; the cursor is the last id seen (ids only grow). */
export async function listAudit(db: Db, filter: AuditFilter, limit: number, afterId: number | null) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      organisationId: auditLog.organisationId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        filter.actionGroup
          ? like(auditLog.action, `${filter.actionGroup.replaceAll('_', '\\_')}.%`)
          : undefined,
        filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
        // By the person or about her account: two index ranges (actor, subject) OR'ed.
        filter.personId
          ? or(
              eq(auditLog.actorId, filter.personId),
              and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, filter.personId)),
            )
          : undefined,
        filter.organisationId ? eq(auditLog.organisationId, filter.organisationId) : undefined,
        filter.from ? gte(auditLog.at, new Date(filter.from)) : undefined,
        filter.to ? lte(auditLog.at, new Date(filter.to)) : undefined,
        afterId !== null ? lt(auditLog.id, afterId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
}
