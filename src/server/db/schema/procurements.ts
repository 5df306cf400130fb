import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { needs } from './action-plans.ts';
import { initiatives } from './initiatives.ts';
import { technologies } from './mapping.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';
import { storedFileColumns } from './stored-file.ts';
import { suppliers } from './suppliers.ts';

/**
 * A joint procurement (issue 17), led by a region, an association or a municipality, for one technology.
 * `phase` is where it stands: needs_analysis, market_dialogue, requirements, tender_published,
 * evaluation, award, contract_signed, call_offs. `status`: active, completed, cancelled.
 */
export const procurements = pgTable(
  'procurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description'),
    leadOrganisationId: uuid('lead_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id),
    phase: text('phase').notNull().default('needs_analysis'),
    status: text('status').notNull().default('active'),
    /** The supplier the contract was awarded to, once awarded. */
    awardedSupplierId: uuid('awarded_supplier_id').references(() => suppliers.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('procurements_lead_idx').on(t.leadOrganisationId, t.status),
    index('procurements_technology_idx').on(t.technologyId),
  ],
);

/** Planned and actual dates of each phase. */
export const procurementPhases = pgTable(
  'procurement_phases',
  {
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    phase: text('phase').notNull(),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedEnd: date('planned_end', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.procurementId, t.phase] })],
);

/** What has to be done in a phase, ticked off by the lead organisation's coordinators. */
export const procurementChecklistItems = pgTable(
  'procurement_checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    phase: text('phase').notNull(),
    position: smallint('position').notNull(),
    label: text('label').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('procurement_checklist_procurement_idx').on(t.procurementId, t.phase, t.position)],
);

/**
 * A procurement's files. A power of attorney belongs to one participating municipality and is visible
 * only to it, its region, its associations and the lead organisation.
 */
export const procurementDocuments = pgTable(
  'procurement_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** power_of_attorney, tender_documents, other. */
    kind: text('kind').notNull(),
    ...storedFileColumns(),
  },
  (t) => [
    index('procurement_documents_procurement_idx').on(t.procurementId),
    check('procurement_documents_size_ck', sql`${t.sizeBytes} > 0`),
  ],
);

/**
 * A municipality invited to take part. It confirms with the date of its decision and a signed power of
 * attorney. `status`: invited, confirmed, declined, withdrawn.
 */
export const procurementParticipants = pgTable(
  'procurement_participants',
  {
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('invited'),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    decisionOn: date('decision_on', { mode: 'string' }),
    powerOfAttorneyDocumentId: uuid('power_of_attorney_document_id').references(
      () => procurementDocuments.id,
      { onDelete: 'set null' },
    ),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.procurementId, t.municipalityId] }),
    index('procurement_participants_municipality_idx').on(t.municipalityId),
  ],
);

/** An initiative that depends on the procurement. */
export const procurementInitiatives = pgTable(
  'procurement_initiatives',
  {
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.procurementId, t.initiativeId] }),
    index('procurement_initiatives_initiative_idx').on(t.initiativeId),
  ],
);

/** A need in a region's backlog that the procurement answers. */
export const procurementNeeds = pgTable(
  'procurement_needs',
  {
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.procurementId, t.needId] }),
    index('procurement_needs_need_idx').on(t.needId),
  ],
);
