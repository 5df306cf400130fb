import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { apiClients } from './identity.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/** A course: its identity, owner and visibility. Content lives in versions; `draft` is what authors edit. */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    track: text('track', { enum: ['staff', 'managers', 'coordinators'] }).notNull(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    visibility: text('visibility', { enum: ['national', 'region', 'municipality'] }).notNull(),
    draft: jsonb('draft').notNull(),
    publishedVersion: integer('published_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('courses_key_uq').on(t.key), index('courses_owner_idx').on(t.ownerOrganisationId)],
);

/** A frozen, published version. Progress refers to module and lesson keys, so it stays valid across versions. */
export const courseVersions = pgTable(
  'course_versions',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.version] })],
);

/** A project or cohort (e.g. an ESF project) that runs courses for participating municipalities. */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    targetParticipants: integer('target_participants').notNull(),
    selfEnrolment: boolean('self_enrolment').notNull().default(false),
    funding: jsonb('funding').notNull().default(sql`'{}'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programmes_owner_idx').on(t.ownerOrganisationId)],
);

export const programmeMunicipalities = pgTable(
  'programme_municipalities',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.municipalityId] }),
    index('programme_municipalities_municipality_idx').on(t.municipalityId),
  ],
);

export const programmeCourses = pgTable(
  'programme_courses',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    track: text('track', { enum: ['staff', 'managers', 'coordinators'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.courseId] }),
    // One course per track: a participant's track decides the course they are enrolled on.
    uniqueIndex('programme_courses_track_uq').on(t.programmeId, t.track),
  ],
);

/**
 * A learner on a course, within a programme or not. Progress counters are kept here, updated in the
 * same transaction as the statements they derive from, so reports never scan the statement table.
 */
export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    /** The organisation (unit or municipality) the learner was enrolled through: for reports. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    enrolledBy: uuid('enrolled_by').references(() => users.id, { onDelete: 'set null' }),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    itemsCompleted: integer('items_completed').notNull().default(0),
    secondsSpent: integer('seconds_spent').notNull().default(0),
  },
  (t) => [
    // One enrolment per person, course and programme — also when there is no programme (NULL).
    unique('enrolments_user_course_programme_uq').on(t.userId, t.courseId, t.programmeId).nullsNotDistinct(),
    index('enrolments_programme_idx').on(t.programmeId),
    index('enrolments_course_idx').on(t.courseId),
    index('enrolments_organisation_idx').on(t.organisationId),
  ],
);

/** Which lessons, quizzes and modules an enrolment has completed (derived from statements; idempotent). */
export const enrolmentItems = pgTable(
  'enrolment_items',
  {
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    /** `lesson:<module>/<lesson>`, `quiz:<module>` or `meeting:<module>`. */
    item: text('item').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    score: smallint('score'),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.item] })],
);

/**
 * The learning record store (ADR 4, ADR 20): the platform's own lesson statements and every statement
 * sent to `/xapi` by outside tools, in one table. The id is the statement's, so a statement sent twice
 * (offline sync retrying, an activity provider resending) is stored once. Own lesson rows keep their
 * parts in columns and are rendered as xAPI on read (`statement` null); statements from `/xapi` keep the
 * statement as stored in `statement`, with the keys its queries filter on in the columns beside it.
 */
export const learningStatements = pgTable(
  'learning_statements',
  {
    id: uuid('id').primaryKey(),
    /** The platform user the statement is about (the actor), when it is one of ours. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    verb: text('verb').notNull(),
    /** The object's activity IRI; `urn:uuid:<id>` for a StatementRef; the agent key for an Agent/Group. */
    objectId: text('object_id').notNull(),
    objectType: text('object_type').notNull().default('Activity'),
    courseId: uuid('course_id').references(() => courses.id),
    enrolmentId: uuid('enrolment_id').references(() => enrolments.id, { onDelete: 'cascade' }),
    result: jsonb('result'),
    context: jsonb('context'),
    timestamp: timestamp('timestamp', { withTimezone: true }).notNull(),
    /**
     * SHA-256 of the statement as the learner's device sent it (canonical JSON of verb, object, result,
     * context and timestamp): a re-sent id is a duplicate only with the same digest. The stored result
     * of a quiz is the server's grading, so the digest cannot be recomputed from it. Null for rows
     * stored before the digest existed (those were stored as sent) and for `/xapi` statements, which are
     * compared whole (`statement`).
     */
    digest: text('digest'),
    stored: timestamp('stored', { withTimezone: true }).notNull().defaultNow(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    /** The statement as the LRS stored it (id, stored, authority, version filled in); null for own rows. */
    statement: jsonb('statement'),
    registration: uuid('registration'),
    /** Keys (agent-keys.ts) of the actor and an Agent/Group object: the `agent` filter. */
    agentKeys: text('agent_keys').array().notNull().default(sql`'{}'::text[]`),
    /** Also authority, instructor, team, context agents/groups and the same in a SubStatement. */
    relatedAgentKeys: text('related_agent_keys').array().notNull().default(sql`'{}'::text[]`),
    /** The object's activity, every context activity and the same in a SubStatement. */
    relatedActivityIds: text('related_activity_ids').array().notNull().default(sql`'{}'::text[]`),
    /** Set when a voiding statement names it: then only `voidedStatementId` returns it. */
    voided: boolean('voided').notNull().default(false),
    /** The organisation of the API client that sent it: what bounds who may read it. Null for own rows. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** The sending API client (the statement's authority). */
    apiClientId: uuid('api_client_id').references(() => apiClients.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('learning_statements_user_idx').on(t.userId, t.timestamp),
    index('learning_statements_enrolment_idx').on(t.enrolmentId),
    index('learning_statements_stored_idx').on(t.stored, t.seq),
    index('learning_statements_registration_idx').on(t.registration, t.stored),
    index('learning_statements_org_idx').on(t.organisationId, t.stored),
    index('learning_statements_verb_idx').on(t.verb, t.stored),
    index('learning_statements_object_idx').on(t.objectId, t.stored),
    // `related_agent_keys` holds every agent key too: the `agent` filter walks its index and checks
    // `agent_keys` on the rows found, so each stored statement updates one agent index, not two.
    index('learning_statements_related_agents_idx').using('gin', t.relatedAgentKeys),
    index('learning_statements_related_activities_idx').using('gin', t.relatedActivityIds),
    // Statements whose object is another statement are few; a query walks them in stored order.
    index('learning_statements_refs_idx').on(t.stored, t.seq).where(sql`${t.objectType} = 'StatementRef'`),
  ],
);

/**
 * Activity per enrolment and calendar month (Swedish time), kept by a trigger on `learning_statements`
 * (voided statements are taken back out), so monthly report figures never scan the statement table.
 */
export const enrolmentMonths = pgTable(
  'enrolment_months',
  {
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    month: date('month').notNull(),
    statements: integer('statements').notNull().default(0),
    seconds: integer('seconds').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.month] })],
);

/** A certificate of completion; anyone with the code can verify it. */
export const certificates = pgTable(
  'certificates',
  {
    code: text('code').primaryKey(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    /** Null once the holder has been erased: the certificate stays verifiable but names nobody. */
    learnerName: text('learner_name'),
    courseTitle: jsonb('course_title').notNull(),
    issuer: text('issuer').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('certificates_enrolment_uq').on(t.enrolmentId)],
);

/** A learner's rating (1–5) and optional comment on a module, to improve the course. One per module. */
export const moduleFeedback = pgTable(
  'module_feedback',
  {
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    moduleKey: text('module_key').notNull(),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.enrolmentId, t.moduleKey] }),
    index('module_feedback_course_idx').on(t.courseId),
  ],
);
