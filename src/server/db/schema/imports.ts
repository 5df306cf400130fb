import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/** A CSV import (staff or contracts): parsed rows are kept so a confirmed run can proceed in the background with progress. */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  /** What the rows are: staff (people and memberships) or contracts. */
  kind: text('kind', { enum: ['staff', 'contracts'] })
    .notNull()
    .default('staff'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  status: text('status', { enum: ['preview', 'running', 'done', 'failed'] }).notNull(),
  encoding: text('encoding').notNull(),
  delimiter: text('delimiter').notNull(),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  created: integer('created').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  rows: jsonb('rows').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
