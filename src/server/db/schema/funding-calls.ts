import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/**
 * A national or regional stimulus-fund call (issue 17), e.g. a state grant for welfare technology in
 * elder care distributed by each municipality's share of the population aged 80+. The owner is the
 * nation or a region; the call covers the municipalities of `scope_organisation_id` (the nation or a
 * region). `allocation_key`: population_80_plus (from an uploaded CSV) or entered (by hand).
 * `status`: draft, open, closed.
 */
export const fundingCalls = pgTable(
  'funding_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description'),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    scopeOrganisationId: uuid('scope_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    totalSek: bigint('total_sek', { mode: 'number' }).notNull(),
    allocationKey: text('allocation_key').notNull(),
    requisitionDeadline: date('requisition_deadline', { mode: 'string' }).notNull(),
    reportingDeadline: date('reporting_deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('funding_calls_scope_idx').on(t.scopeOrganisationId, t.year),
    check('funding_calls_total_ck', sql`${t.totalSek} >= 0`),
    check('funding_calls_deadlines_ck', sql`${t.reportingDeadline} >= ${t.requisitionDeadline}`),
  ],
);

/**
 * One municipality's share of a call: the key value it was computed from (e.g. residents aged 80+),
 * what it was allocated, what it has requisitioned and when it reported. What it spent is the sum of
 * its initiatives' funding rows linked to the call (`initiative_funding.funding_call_id`).
 */
export const fundingAllocations = pgTable(
  'funding_allocations',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    keyValue: integer('key_value'),
    allocatedSek: bigint('allocated_sek', { mode: 'number' }).notNull(),
    requisitionedSek: bigint('requisitioned_sek', { mode: 'number' }).notNull().default(0),
    requisitionedAt: timestamp('requisitioned_at', { withTimezone: true }),
    requisitionedBy: uuid('requisitioned_by').references(() => users.id, { onDelete: 'set null' }),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
    reportText: text('report_text'),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.municipalityId] }),
    index('funding_allocations_municipality_idx').on(t.municipalityId),
    check(
      'funding_allocations_amounts_ck',
      sql`${t.allocatedSek} >= 0 and ${t.requisitionedSek} >= 0 and ${t.requisitionedSek} <= ${t.allocatedSek}`,
    ),
  ],
);

/** Reminders already sent before a deadline (requisition or reporting), so none is sent twice. */
export const fundingRemindersSent = pgTable(
  'funding_reminders_sent',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** requisition, reporting. */
    deadline: text('deadline').notNull(),
    daysBefore: smallint('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.municipalityId, t.deadline, t.daysBefore] })],
);
