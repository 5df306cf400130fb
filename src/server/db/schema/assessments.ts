import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/**
 * An assessment template (e.g. "Förutsättningar för välfärdsteknik"), owned by the nation (shared with
 * everyone) or by a region or association (its own). Its questions live in frozen versions.
 */
export const assessmentTemplates = pgTable(
  'assessment_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable key, e.g. `forutsattningar-valfardsteknik`. */
    key: text('key').notNull().unique(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The draft of the next version (TemplateContent), edited until it is published. */
    draft: jsonb('draft'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_templates_owner_idx').on(t.ownerOrganisationId)],
);

/**
 * A published version: sections → questions as TemplateContent (src/shared/contracts/assessments.ts).
 * Never changed once published; `carries_over` maps a question key of this version to the key of the
 * same question in the previous version, so trends survive revisions.
 */
export const assessmentTemplateVersions = pgTable(
  'assessment_template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => assessmentTemplates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    carriesOver: jsonb('carries_over').notNull().default(sql`'{}'::jsonb`),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_template_versions_uq').on(t.templateId, t.version)],
);

/** A round a region (or association, or the nation) opens for its municipalities. */
export const assessmentRounds = pgTable(
  'assessment_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => assessmentTemplateVersions.id),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** Named results of other municipalities are visible to participants only when this is set. */
    shareResults: boolean('share_results').notNull().default(false),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_rounds_owner_idx').on(t.ownerOrganisationId, t.opensOn)],
);

/** One municipality's answer sheet in a round: its state and when it was submitted. */
export const assessmentSheets = pgTable(
  'assessment_sheets',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** `open`, `submitted` (locked) or `reopened` (by the round's owner). */
    status: text('status').notNull().default('open'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.municipalityId] }),
    index('assessment_sheets_municipality_idx').on(t.municipalityId),
  ],
);

/**
 * One answer on a sheet, saved question by question so that two people editing the same sheet do not
 * overwrite each other's answers; `revision` lets a client notice that someone else changed the same one.
 */
export const assessmentAnswers = pgTable(
  'assessment_answers',
  {
    roundId: uuid('round_id').notNull(),
    municipalityId: uuid('municipality_id').notNull(),
    questionKey: text('question_key').notNull(),
    /** AnswerValue: `{ level }`, `{ status }`, `{ option }`, `{ options }`, `{ number }`, `{ text }`, `{ order }`. */
    value: jsonb('value'),
    comment: text('comment'),
    evidenceUrl: text('evidence_url'),
    revision: integer('revision').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.municipalityId, t.questionKey] }),
    foreignKey({
      columns: [t.roundId, t.municipalityId],
      foreignColumns: [assessmentSheets.roundId, assessmentSheets.municipalityId],
    }).onDelete('cascade'),
  ],
);

/** Who changed which answer when, from → to. Kept when the person is erased (no name here). */
export const assessmentAnswerHistory = pgTable(
  'assessment_answer_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roundId: uuid('round_id').notNull(),
    municipalityId: uuid('municipality_id').notNull(),
    questionKey: text('question_key').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('assessment_answer_history_idx').on(t.roundId, t.municipalityId, t.changedAt)],
);
