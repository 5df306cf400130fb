import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tsvector } from './column-types.ts';
import { technologies } from './mapping.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';
import { procurements } from './procurements.ts';

/**
 * A reusable procurement requirement in the shared library (issue 17). Its text lives in versions:
 * an edit adds the next version and older ones stay readable, because a specification keeps the
 * version it took. `derived_from_id` names the requirement another organisation's text was edited from.
 */
export const requirements = pgTable(
  'requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A municipality, region, association or the nation: only its coordinators edit the requirement. */
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    currentVersion: smallint('current_version').notNull().default(1),
    derivedFromId: uuid('derived_from_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('requirements_owner_idx').on(t.ownerOrganisationId),
    foreignKey({ columns: [t.derivedFromId], foreignColumns: [t.id] }).onDelete('set null'),
  ],
);

export const requirementVersions = pgTable(
  'requirement_versions',
  {
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    version: smallint('version').notNull(),
    textSv: text('text_sv').notNull(),
    textEn: text('text_en'),
    /** must (ska-krav) or should (bör-krav). */
    level: text('level').notNull(),
    /** One of `requirementCategories` in the shared contract. */
    category: text('category').notNull(),
    /** Where it came from in words (a procurement's name and year) until procurements are on the platform. */
    source: text('source'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('swedish', coalesce(text_sv, '')), 'A') || setweight(to_tsvector('swedish', coalesce(source, '')), 'C')`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.requirementId, t.version] }),
    index('requirement_versions_search_idx').using('gin', t.searchVector),
    check('requirement_versions_level_ck', sql`${t.level} in ('must', 'should')`),
  ],
);

/** The catalogue's technologies a requirement is written for (kept for the requirement, not per version). */
export const requirementTechnologies = pgTable(
  'requirement_technologies',
  {
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.requirementId, t.technologyId] }),
    index('requirement_technologies_technology_idx').on(t.technologyId),
  ],
);

/** "Did the requirement work?" — recorded by a coordinator after a contract that used it. */
export const requirementLessons = pgTable(
  'requirement_lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    /** The version the lesson is about (the one the contract's specification took). */
    version: smallint('version').notNull(),
    /** The organisation whose contract the lesson comes from. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** worked, partly, did_not_work. */
    rating: text('rating').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('requirement_lessons_requirement_idx').on(t.requirementId, t.createdAt.desc()),
    check('requirement_lessons_rating_ck', sql`${t.rating} in ('worked', 'partly', 'did_not_work')`),
  ],
);

/**
 * A requirement specification (kravspecifikation) built from the library. A joint procurement will own
 * one later through `procurement_id`, and the owner organisation stays the editor.
 */
export const requirementSpecifications = pgTable(
  'requirement_specifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    introduction: text('introduction').notNull().default(''),
    /** The joint procurement the specification is written for, if any. */
    procurementId: uuid('procurement_id').references(() => procurements.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('requirement_specifications_owner_idx').on(t.ownerOrganisationId, t.updatedAt.desc()),
    index('requirement_specifications_procurement_idx').on(t.procurementId),
  ],
);

/** One row of a specification: a requirement at the version it took, its place and must/should. */
export const requirementSpecificationItems = pgTable(
  'requirement_specification_items',
  {
    specificationId: uuid('specification_id')
      .notNull()
      .references(() => requirementSpecifications.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    requirementId: uuid('requirement_id').notNull(),
    version: smallint('version').notNull(),
    /** must or should in this specification (a library "should" may be a "must" here). */
    level: text('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.specificationId, t.position] }),
    uniqueIndex('requirement_specification_items_requirement_uq').on(t.specificationId, t.requirementId),
    index('requirement_specification_items_used_idx').on(t.requirementId),
    foreignKey({
      columns: [t.requirementId, t.version],
      foreignColumns: [requirementVersions.requirementId, requirementVersions.version],
    }).onDelete('restrict'),
    check('requirement_specification_items_level_ck', sql`${t.level} in ('must', 'should')`),
  ],
);
