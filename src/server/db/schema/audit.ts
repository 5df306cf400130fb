import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only record of every change: who, what, when, before/after. No foreign keys, so it outlives rows. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    organisationId: uuid('organisation_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.id),
    index('audit_log_org_idx').on(t.organisationId, t.id),
    // The log of one person: what was done to her account (the filter by person, with the actor index).
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
  ],
);
