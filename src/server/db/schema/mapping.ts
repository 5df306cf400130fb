import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/** The national catalogue of welfare technologies (seeded; national administrators maintain it). */
export const technologies = pgTable('technologies', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable key, e.g. `digital-safety-alarm`: used in CSV files and the API. */
  key: text('key').notNull().unique(),
  category: text('category').notNull(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionSv: text('description_sv').notNull(),
  descriptionEn: text('description_en').notNull(),
  sortOrder: smallint('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Where a municipality stands with one technology. `users_served` beside `eligible_users` shows a
 * technology that is "available" but barely used.
 */
export const technologyAdoptions = pgTable(
  'technology_adoptions',
  {
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    since: date('since'),
    scope: text('scope'),
    usersServed: integer('users_served'),
    eligibleUsers: integer('eligible_users'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    comment: text('comment'),
    evidenceUrl: text('evidence_url'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityId, t.technologyId] }),
    index('technology_adoptions_technology_idx').on(t.technologyId, t.status),
  ],
);

/** Every change of an adoption record: who, when, from → to. Kept when the person is erased (no name here). */
export const technologyAdoptionHistory = pgTable(
  'technology_adoption_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().default(sql`now()`),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
  },
  (t) => [index('technology_adoption_history_idx').on(t.municipalityId, t.technologyId, t.changedAt)],
);
