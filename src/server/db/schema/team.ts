import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people.ts';

/**
 * Learning reminders a manager sent from the team page: one row per person reminded, kept to limit
 * reminders to one per person per day. Only ids and the time: the mail itself is in the outbox.
 */
export const learningReminders = pgTable(
  'learning_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('learning_reminders_user_idx').on(t.userId, t.sentAt)],
);
