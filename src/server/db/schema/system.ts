import { index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row that /readyz rewrites: a real write through the same database and disk as every other,
 * so a full disk or a read-only database makes the instance not ready.
 */
export const healthProbe = pgTable('health_probe', {
  id: smallint('id').primaryKey(),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
});

/**
 * The request counters of the rate limits (lib/rate-limit-store.ts), one row per limited route and
 * client, shared by every instance on the database. The key is an HMAC of route and client (an IP
 * address or a user id; key in `server_keys`), so no address is readable here; a row outlives its
 * window only until the next sweep. Unlogged (migration 0035: Drizzle cannot say so here): counts need
 * no crash safety, and so do not wait for the disk.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    keyHash: text('key_hash').primaryKey(),
    hits: integer('hits').notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_counters_window_idx').on(t.windowEndsAt)],
);
