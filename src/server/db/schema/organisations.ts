import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['nation', 'region', 'municipality', 'unit', 'association'] }).notNull(),
    name: text('name').notNull(),
    /** SCB code: 4 digits for a municipality, 2 for a region (its county), 'SE' for the nation. */
    code: text('code'),
    countyCode: text('county_code'),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    subtype: text('subtype'),
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_kind_code_uq').on(t.kind, t.code),
    index('organisations_parent_idx').on(t.parentId),
    uniqueIndex('organisations_parent_name_uq').on(t.parentId, t.kind, t.name),
  ],
);

/** Municipalities grouped by an association across county borders. */
export const associationMembers = pgTable(
  'association_members',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.associationId, t.municipalityId] }),
    index('association_members_municipality_idx').on(t.municipalityId),
  ],
);
