import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tsvector } from './column-types.ts';
import { benefitIndicators, initiatives } from './initiatives.ts';
import { technologies } from './mapping.ts';
import { networks } from './networks.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';
import { storedFileColumns } from './stored-file.ts';

/**
 * A case (exempel i kunskapsbanken): what one municipality did with a technology. Written by the
 * municipality's coordinators, reviewed and published by a regional or national editor. Only
 * `published` cases are shown beyond the authors and their reviewers; the contact person is shown only
 * when `contact_consent` is true.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** The setting in the author's words: size, organisation, service area. */
    context: text('context'),
    /** Socialstyrelsen's five bands: lt10k, 10k_20k, 20k_50k, 50k_100k, gt100k. */
    sizeBand: text('size_band'),
    /** home_care, residential, both, other. */
    serviceArea: text('service_area'),
    /** prepare, insight, try_out, implement, realise — the phase the work reached. */
    phaseReached: text('phase_reached').notNull(),
    whatWasDone: text('what_was_done'),
    results: text('results'),
    lessons: text('lessons'),
    costs: text('costs'),
    costSek: bigint('cost_sek', { mode: 'number' }),
    /** The initiative the case grew out of, if it was run on the platform. */
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    contactName: text('contact_name'),
    contactTitle: text('contact_title'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    contactConsent: boolean('contact_consent').notNull().default(false),
    /** draft, submitted, published, returned, withdrawn. */
    status: text('status').notNull().default('draft'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('swedish', coalesce(title, '')), 'A') || setweight(to_tsvector('swedish', coalesce(summary, '')), 'A') || setweight(to_tsvector('swedish', coalesce(what_was_done, '') || ' ' || coalesce(results, '') || ' ' || coalesce(lessons, '')), 'B') || setweight(to_tsvector('swedish', coalesce(context, '') || ' ' || coalesce(costs, '')), 'C')`,
    ),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_municipality_idx').on(t.municipalityId),
    index('cases_status_published_idx').on(t.status, t.publishedAt.desc().nullsLast(), t.id),
    index('cases_search_idx').using('gin', t.searchVector),
    check('cases_cost_ck', sql`${t.costSek} is null or ${t.costSek} >= 0`),
  ],
);

export const caseTechnologies = pgTable(
  'case_technologies',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.technologyId] }),
    index('case_technologies_technology_idx').on(t.technologyId),
  ],
);

/** Results linked to the benefit indicators that measured them. */
export const caseIndicators = pgTable(
  'case_indicators',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => benefitIndicators.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.indicatorId] })],
);

/** A file attached to a case (PDF, DOCX, ODT or an image, type checked by content), kept in the database. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    ...storedFileColumns(),
  },
  (t) => [
    index('case_attachments_case_idx').on(t.caseId),
    check('case_attachments_size_ck', sql`${t.sizeBytes} > 0`),
  ],
);

/**
 * A term a steering group has agreed on (välfärdsteknik, digitalisering, …). The text lives in
 * versions; the newest version is current and older ones stay readable.
 */
export const definitions = pgTable(
  'definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key used to link from other pages, e.g. `welfare-technology`. */
    key: text('key').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    currentVersion: smallint('current_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('definitions_owner_key_uq').on(t.ownerOrganisationId, t.key)],
);

export const definitionVersions = pgTable(
  'definition_versions',
  {
    definitionId: uuid('definition_id')
      .notNull()
      .references(() => definitions.id, { onDelete: 'cascade' }),
    version: smallint('version').notNull(),
    termSv: text('term_sv').notNull(),
    termEn: text('term_en').notNull(),
    bodySv: text('body_sv').notNull(),
    bodyEn: text('body_en').notNull(),
    /** Where and when it was agreed, e.g. "Styrgruppens möte 2022-03-15". */
    agreedNote: text('agreed_note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.definitionId, t.version] })],
);

/**
 * A steering-group report for a period. While a draft, its figures are computed from live data on
 * every read and only the narrative is stored; issuing freezes the figures (`snapshot`) and the
 * narrative, and an issued report is never changed again.
 */
export const steeringReports = pgTable(
  'steering_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The region or association whose steering group reports. */
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The steering group (a network of kind steering_group), when it is on the platform. */
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    diaryNumber: text('diary_number'),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** Section key → text the coordinator wrote. */
    narrative: jsonb('narrative').$type<Record<string, string>>().notNull().default({}),
    /** draft, issued. */
    status: text('status').notNull().default('draft'),
    /** The figures as issued (JSON); null while a draft. */
    snapshot: jsonb('snapshot').$type<unknown>(),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('steering_reports_owner_idx').on(t.ownerOrganisationId, t.createdAt.desc()),
    check('steering_reports_period_ck', sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);
