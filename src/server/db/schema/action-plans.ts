import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { initiatives } from './initiatives.ts';
import { technologies } from './mapping.ts';
import { networks } from './networks.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/**
 * A rolling action plan (handlingsplan): owned by a municipality, region or association, optionally
 * kept by a steering group, with a period and focus areas. Its initiatives change over time.
 */
export const actionPlans = pgTable(
  'action_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description'),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    steeringGroupId: uuid('steering_group_id').references(() => networks.id, { onDelete: 'set null' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    focusAreas: text('focus_areas').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_plans_owner_idx').on(t.ownerOrganisationId)],
);

/**
 * An initiative's place in a plan over time: adding, reprioritising or closing ends the current row
 * (`valid_to`) and, unless closed, starts a new one — so "the plan in March" is a query, not a guess.
 */
export const actionPlanItems = pgTable(
  'action_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => actionPlans.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    /** 1 = first. */
    priority: integer('priority').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    /** Why this row started (added from the needs backlog, reprioritised). */
    reason: text('reason'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Set when the initiative left the plan with this row: why and by whom. */
    closeReason: text('close_reason'),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('action_plan_items_plan_idx').on(t.planId, t.validFrom),
    index('action_plan_items_initiative_idx').on(t.initiativeId),
    uniqueIndex('action_plan_items_current_idx')
      .on(t.planId, t.initiativeId)
      .where(sql`${t.validTo} is null`),
  ],
);

/**
 * A need proposed by a municipality to its region's shared backlog (SKR's handshake model); other
 * municipalities endorse it; the regional coordinator prioritises it into a plan as an initiative.
 */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** The problem, in the municipality's words. */
    problem: text('problem').notNull(),
    /** Who is affected: users, staff, relatives. */
    affected: text('affected'),
    /** What a solution should achieve. */
    desiredOutcome: text('desired_outcome'),
    technologyId: uuid('technology_id').references(() => technologies.id, { onDelete: 'set null' }),
    proposedByOrganisationId: uuid('proposed_by_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** proposed, prioritised, declined. */
    status: text('status').notNull().default('proposed'),
    decisionNote: text('decision_note'),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('needs_region_idx').on(t.regionId, t.status)],
);

export const needEndorsements = pgTable(
  'need_endorsements',
  {
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    comment: text('comment'),
    endorsedBy: uuid('endorsed_by').references(() => users.id, { onDelete: 'set null' }),
    endorsedAt: timestamp('endorsed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.needId, t.municipalityId] })],
);
