import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessmentRounds } from './assessments.ts';
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
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiatives_owner_idx').on(t.ownerOrganisationId)],
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
