import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** E-mail that was sent (SMTP) or, without SMTP, kept here for administrators to read. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** Where a reply goes when it is not the platform (a colleague's question through the knowledge bank). */
    replyTo: text('reply_to'),
    transport: text('transport', { enum: ['outbox', 'smtp'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [index('outbox_created_idx').on(t.createdAt, t.id), index('outbox_to_idx').on(t.to)],
);
