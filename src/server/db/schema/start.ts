import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people.ts';

/**
 * When a person last opened the start page, for "new since your last visit". `seenAt` is the newest
 * visit; `previousSeenAt` is the visit before it and is what news is compared with, so that a reload
 * or a refetch within the same sitting shows the same news rather than an empty list.
 */
export const startVisits = pgTable('start_visits', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  previousSeenAt: timestamp('previous_seen_at', { withTimezone: true }),
});
