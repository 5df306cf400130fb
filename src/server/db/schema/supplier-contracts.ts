import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { technologies } from './mapping.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';
import { procurements } from './procurements.ts';
import { storedFileColumns } from './stored-file.ts';
import { supplierProducts, suppliers } from './suppliers.ts';

/**
 * A municipality's contract for welfare technology (issue 17). Only the municipality's own coordinators
 * write it; its region and associations read it. `ends_on` is the end of the current term: extension
 * options (`contract_extensions`) move it when exercised. `external_ref` is the municipality's own key
 * for the contract (from its Excel list), which makes a re-import update the same row.
 */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    title: text('title').notNull(),
    externalRef: text('external_ref'),
    /** own, joint, framework_call_off, direct_award. */
    procurementForm: text('procurement_form').notNull(),
    /** The framework agreement called off from (e.g. an Adda agreement), when procured that way. */
    frameworkName: text('framework_name'),
    /** The joint procurement the contract resulted from. */
    procurementId: uuid('procurement_id').references((): AnyPgColumn => procurements.id, {
      onDelete: 'set null',
    }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    noticeMonths: smallint('notice_months'),
    /** Estimated annual value in SEK: visible only to the municipality, its region and associations. */
    annualValueSek: bigint('annual_value_sek', { mode: 'number' }),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    notes: text('notes'),
    /** Raised on every change: a stale edit gets a 409. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contracts_municipality_idx').on(t.municipalityId, t.endsOn),
    index('contracts_ends_idx').on(t.endsOn),
    index('contracts_supplier_idx').on(t.supplierId),
    index('contracts_procurement_idx').on(t.procurementId),
    uniqueIndex('contracts_external_ref_uq')
      .on(t.municipalityId, t.externalRef)
      .where(sql`${t.externalRef} is not null`),
    check('contracts_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('contracts_value_ck', sql`${t.annualValueSek} is null or ${t.annualValueSek} >= 0`),
    check('contracts_notice_ck', sql`${t.noticeMonths} is null or ${t.noticeMonths} >= 0`),
  ],
);

export const contractTechnologies = pgTable(
  'contract_technologies',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.technologyId] }),
    index('contract_technologies_technology_idx').on(t.technologyId),
  ],
);

export const contractProducts = pgTable(
  'contract_products',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => supplierProducts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.productId] })],
);

/**
 * One extension option ("2 + 1 + 1": two options of 12 months), in order, with the last date the
 * municipality may decide to use it. `status`: open, exercised, declined.
 */
export const contractExtensions = pgTable(
  'contract_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    months: smallint('months').notNull(),
    decideBy: date('decide_by', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
  },
  (t) => [
    uniqueIndex('contract_extensions_position_uq').on(t.contractId, t.position),
    index('contract_extensions_decide_idx').on(t.decideBy),
    check('contract_extensions_months_ck', sql`${t.months} > 0`),
  ],
);

/** Every change of a contract: who, when, which fields from → to. Kept when the person is erased. */
export const contractHistory = pgTable(
  'contract_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    /** created, updated, imported, extension_exercised, document_added, document_removed. */
    action: text('action').notNull(),
    changes: jsonb('changes').notNull().default(sql`'{}'::jsonb`),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('contract_history_contract_idx').on(t.contractId, t.changedAt)],
);

/** A contract's files (the contract, its requirement specification), checked as the documents feature does. */
export const contractDocuments = pgTable(
  'contract_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    /** contract, requirement_specification, other. */
    kind: text('kind').notNull(),
    ...storedFileColumns(),
  },
  (t) => [
    index('contract_documents_contract_idx').on(t.contractId),
    check('contract_documents_size_ck', sql`${t.sizeBytes} > 0`),
  ],
);

/**
 * Alerts already sent to a contract's coordinators: one per decision date and lead time (12, 6 or
 * 3 months), so that a restarted or second instance never sends the same alert twice.
 */
export const contractAlertsSent = pgTable(
  'contract_alerts_sent',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    decisionOn: date('decision_on', { mode: 'string' }).notNull(),
    monthsBefore: smallint('months_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.decisionOn, t.monthsBefore] })],
);
