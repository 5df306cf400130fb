import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
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
import { assessmentRounds } from './assessments.ts';
import { governingDocuments } from './documents.ts';
import { fundingCalls } from './funding-calls.ts';
import { technologies } from './mapping.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/**
 * An initiative (insats). Issue 6 creates drafts from assessment gaps; the initiatives capability
 * (issue 7) extends this same record with phases, funding and benefits.
 */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    purpose: text('purpose'),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** idea, planned, active, paused, done, stopped. */
    status: text('status').notNull().default('idea'),
    /** prepare, insight, try_out, implement, realise — may move back. */
    phase: text('phase').notNull().default('prepare'),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who answers for it, when not (only) a platform user: a name and role, no more. */
    responsibleName: text('responsible_name'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    budgetSek: bigint('budget_sek', { mode: 'number' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('initiatives_owner_idx').on(t.ownerOrganisationId),
    check('initiatives_budget_check', sql`${t.budgetSek} is null or ${t.budgetSek} >= 0`),
  ],
);

/**
 * What a plan shows of an initiative, as it was over time: a new row whenever title, status or phase
 * changes, so that a plan can be read back at any date (`valid_to` null = current).
 */
export const initiativeHistory = pgTable(
  'initiative_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    status: text('status').notNull(),
    phase: text('phase').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('initiative_history_initiative_idx').on(t.initiativeId, t.validFrom),
    uniqueIndex('initiative_history_current_idx').on(t.initiativeId).where(sql`${t.validTo} is null`),
  ],
);

/** Municipalities taking part: they see the initiative; only the owner's people change it. */
export const initiativeMunicipalities = pgTable(
  'initiative_municipalities',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.municipalityId] }),
    index('initiative_municipalities_municipality_idx').on(t.municipalityId),
  ],
);

export const initiativeTechnologies = pgTable(
  'initiative_technologies',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    technologyId: uuid('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.technologyId] }),
    index('initiative_technologies_technology_idx').on(t.technologyId),
  ],
);

/** The support needs (the default template's four, by key) an initiative answers. */
export const initiativeSupportNeeds = pgTable(
  'initiative_support_needs',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    needKey: text('need_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.needKey] })],
);

/** A ticked item of a phase checklist (the items themselves are reference data in code). */
export const initiativeChecklistItems = pgTable(
  'initiative_checklist_items',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    phase: text('phase').notNull(),
    itemKey: text('item_key').notNull(),
    done: boolean('done').notNull().default(false),
    note: text('note'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.phase, t.itemKey] })],
);

export const initiativeMilestones = pgTable(
  'initiative_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_milestones_initiative_idx').on(t.initiativeId, t.dueOn)],
);

export const initiativeRisks = pgTable(
  'initiative_risks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    /** 1–5 each. */
    likelihood: smallint('likelihood').notNull(),
    impact: smallint('impact').notNull(),
    mitigation: text('mitigation'),
    /** open, mitigated, closed. */
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_risks_initiative_idx').on(t.initiativeId)],
);

/** A governing document on the platform or a web link (a decision, a report, a project site). */
export const initiativeLinks = pgTable(
  'initiative_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    documentId: uuid('document_id').references(() => governingDocuments.id, { onDelete: 'cascade' }),
    url: text('url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('initiative_links_initiative_idx').on(t.initiativeId),
    check('initiative_links_target_check', sql`(${t.documentId} is null) <> (${t.url} is null)`),
  ],
);

/** Money for an initiative from one source in one year: applied for, granted and used (SEK). */
export const initiativeFunding = pgTable(
  'initiative_funding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    /** own, stimulus, esf, other_grant. */
    source: text('source').notNull(),
    year: smallint('year').notNull(),
    appliedSek: bigint('applied_sek', { mode: 'number' }).notNull().default(0),
    grantedSek: bigint('granted_sek', { mode: 'number' }).notNull().default(0),
    usedSek: bigint('used_sek', { mode: 'number' }).notNull().default(0),
    /** The stimulus-fund call the money comes from (source `stimulus`), so the call's overview counts it. */
    fundingCallId: uuid('funding_call_id').references(() => fundingCalls.id, { onDelete: 'set null' }),
    /** The municipality whose allocation the money is taken from (an initiative may span several). */
    recipientMunicipalityId: uuid('recipient_municipality_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('initiative_funding_initiative_idx').on(t.initiativeId),
    index('initiative_funding_call_idx').on(t.fundingCallId, t.recipientMunicipalityId),
    check(
      'initiative_funding_amounts_check',
      sql`${t.appliedSek} >= 0 and ${t.grantedSek} >= 0 and ${t.usedSek} >= 0`,
    ),
  ],
);

/**
 * A benefit indicator: what is measured, from which baseline, towards which target, under which
 * assumptions. `calculation` keeps the inputs of the calculation helper so they stay editable; `feed`
 * names a platform figure that is measured automatically (course completion, users served).
 */
export const benefitIndicators = pgTable(
  'benefit_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** avoided_cost, time_saved, quality, work_environment. */
    type: text('type').notNull(),
    unit: text('unit').notNull(),
    /** increase or decrease: which way is better. */
    direction: text('direction').notNull(),
    baselineValue: doublePrecision('baseline_value').notNull(),
    baselineOn: date('baseline_on', { mode: 'string' }).notNull(),
    baselineMethod: text('baseline_method'),
    targetValue: doublePrecision('target_value'),
    targetOn: date('target_on', { mode: 'string' }),
    assumptions: text('assumptions'),
    /** low, medium, high. */
    uncertainty: text('uncertainty'),
    calculation: jsonb('calculation'),
    feed: jsonb('feed'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('benefit_indicators_initiative_idx').on(t.initiativeId)],
);

export const benefitMeasurements = pgTable(
  'benefit_measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => benefitIndicators.id, { onDelete: 'cascade' }),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note'),
    /** manual, or the feed that produced it. */
    source: text('source').notNull().default('manual'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('benefit_measurements_indicator_idx').on(t.indicatorId, t.measuredOn)],
);

/** The assessment gap an initiative answers: a round, optionally one municipality, an area or a question. */
export const initiativeAssessmentLinks = pgTable(
  'initiative_assessment_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id').references(() => organisations.id, { onDelete: 'cascade' }),
    areaKey: text('area_key'),
    questionKey: text('question_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('initiative_assessment_links_initiative_idx').on(t.initiativeId),
    index('initiative_assessment_links_round_idx').on(t.roundId),
  ],
);
