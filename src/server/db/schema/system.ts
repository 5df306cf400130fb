import { pgTable, smallint, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row that /readyz rewrites: a real write through the same database and disk as every other,
 * so a full disk or a read-only database makes the instance not ready.
 */
export const healthProbe = pgTable('health_probe', {
  id: smallint('id').primaryKey(),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
});
