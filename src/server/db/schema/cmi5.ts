import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { apiClients } from './identity.ts';
import { courses, enrolments } from './learning.ts';
import { organisations } from './organisations.ts';
import { users } from './people.ts';

/** What the LMS knows of one AU within a registration (cmi5 §9.3: once per registration). */
export interface Cmi5AuProgress {
  completed?: boolean;
  passed?: boolean;
  /** The AU sent Failed (and has not passed since): reports tell a failed AU from one not yet judged. */
  failed?: boolean;
  waived?: boolean;
  satisfied?: boolean;
  /** The score of the AU's last Passed or Failed (§9.5.1), for reports; `scaled` derived from raw where absent. */
  score?: Cmi5Score;
}

export interface Cmi5Score {
  scaled: number | null;
  raw: number | null;
  min: number | null;
  max: number | null;
}

/** Progress of a registration: per AU (by the AU's publisher id), and the blocks and course satisfied. */
export interface Cmi5RegistrationProgress {
  aus: Record<string, Cmi5AuProgress>;
  /** Publisher ids of the blocks satisfied (cmi5 §9.3.9). */
  blocks: string[];
  course: boolean;
}

/**
 * A cmi5 registration (cmi5 §9.6.1): one learner's enrolment in one imported cmi5 course as an LMS
 * client sees it. The learner is an xAPI agent, not necessarily one of our people (a test harness
 * launches for made-up learners); when she is ours and enrolled, `enrolment_id` links her progress.
 */
export const cmi5Registrations = pgTable(
  'cmi5_registrations',
  {
    registration: uuid('registration').primaryKey(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    /** The course owner's organisation: the LRS files the LMS's statements and documents under it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The xAPI Agent of the learner, as the launch gave it. */
    actor: jsonb('actor').notNull(),
    /** agent-keys.ts key of `actor`. */
    actorKey: text('actor_key').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    enrolmentId: uuid('enrolment_id').references(() => enrolments.id, { onDelete: 'set null' }),
    progress: jsonb('progress').$type<Cmi5RegistrationProgress>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cmi5_registrations_course_actor_idx').on(t.courseId, t.actorKey),
    index('cmi5_registrations_user_idx').on(t.userId),
    index('cmi5_registrations_enrolment_idx').on(t.enrolmentId),
  ],
);

/**
 * One AU launch session (cmi5 §9.6.3.1). The AU's credential for /xapi is `cmi5:<id>` with a secret
 * handed out once by the fetch URL (§8.2); only the secret's SHA-256 is kept.
 */
export const cmi5Sessions = pgTable(
  'cmi5_sessions',
  {
    id: uuid('id').primaryKey(),
    registration: uuid('registration')
      .notNull()
      .references(() => cmi5Registrations.registration, { onDelete: 'cascade' }),
    /** Position of the AU in the course structure, and its publisher id. */
    auIndex: integer('au_index').notNull(),
    auId: text('au_id').notNull(),
    /** The activity id the LMS generated for the AU (§8.1.5). */
    activityId: text('activity_id').notNull(),
    launchMode: text('launch_mode', { enum: ['Normal', 'Browse', 'Review'] }).notNull(),
    masteryScore: jsonb('mastery_score').$type<number | null>(),
    /** The API client that launched it. */
    apiClientId: uuid('api_client_id').references(() => apiClients.id, { onDelete: 'set null' }),
    secretHash: text('secret_hash'),
    /** cmi5 defined verbs the AU has sent in this session (§9.3: none twice). */
    verbs: text('verbs').array().notNull().default(sql`'{}'::text[]`),
    launchedAt: timestamp('launched_at', { withTimezone: true }).notNull().defaultNow(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    initializedAt: timestamp('initialized_at', { withTimezone: true }),
    lastStatementAt: timestamp('last_statement_at', { withTimezone: true }),
    terminatedAt: timestamp('terminated_at', { withTimezone: true }),
    abandonedAt: timestamp('abandoned_at', { withTimezone: true }),
  },
  (t) => [index('cmi5_sessions_registration_idx').on(t.registration, t.launchedAt)],
);
