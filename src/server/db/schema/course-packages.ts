import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './column-types.ts';
import { courses, enrolments } from './learning.ts';
import { users } from './people.ts';

/**
 * An imported SCORM or cmi5 package (ADR 21): the files behind one version of a course. A course's
 * published content names the package it plays; a replacement is a new package and a new version, so a
 * learner mid-course keeps the files their attempt started with until they reopen it.
 */
export const coursePackages = pgTable(
  'course_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['scorm12', 'scorm2004', 'cmi5'] }).notNull(),
    /** The manifest (SCORM) or course structure (cmi5) as read at import. */
    manifest: jsonb('manifest').notNull(),
    /** SHA-256 of the uploaded file: the same package imported twice is recognised. */
    sha256: text('sha256').notNull(),
    fileCount: integer('file_count').notNull(),
    unpackedBytes: bigint('unpacked_bytes', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('course_packages_course_idx').on(t.courseId)],
);

/** A package's files, served only from the content path into the sandboxed player frame. */
export const coursePackageFiles = pgTable(
  'course_package_files',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => coursePackages.id, { onDelete: 'cascade' }),
    /** Path inside the package: forward slashes, no leading './' (lib/safe-zip.ts). */
    path: text('path').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Quoted SHA-256, sent as the file's ETag: package files never change under one id. */
    etag: text('etag').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.path] })],
);

/**
 * One learner's attempt at one SCO: the SCORM run-time data (CMI data model) as last committed, resumed
 * on the next visit, with the figures progress and reports read kept in columns beside it.
 */
export const scormAttempts = pgTable(
  'scorm_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The module (SCO) key in the course content. */
    moduleKey: text('module_key').notNull(),
    /** The SCO's item identifier in the manifest: attempts carry over to a new version where it matches. */
    scoIdentifier: text('sco_identifier').notNull(),
    attempt: integer('attempt').notNull().default(1),
    /** The CMI data as committed (scorm-again's flattened JSON: `cmi.core.lesson_status` → value). */
    cmi: jsonb('cmi').notNull(),
    /** SCORM 2004 completion_status, or SCORM 1.2 lesson_status mapped onto it. */
    completion: text('completion', {
      enum: ['completed', 'incomplete', 'not attempted', 'unknown'],
    }).notNull(),
    success: text('success', { enum: ['passed', 'failed', 'unknown'] }).notNull(),
    /** The score scaled to 0–1 (SCORM 2004 scaled score, or a SCORM 1.2 raw score within min–max). */
    scoreScaled: real('score_scaled'),
    totalSeconds: integer('total_seconds').notNull().default(0),
    /**
     * The learner's device numbers its commits; a commit that arrives again from the offline outbox (the
     * same number) or late (a lower one) changes nothing, so the newest data always wins.
     */
    commitSeq: integer('commit_seq').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('scorm_attempts_enrolment_module_attempt_uq').on(t.enrolmentId, t.moduleKey, t.attempt),
    index('scorm_attempts_user_idx').on(t.userId),
  ],
);
