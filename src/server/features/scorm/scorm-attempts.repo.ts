import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { coursePackages, courses, enrolmentItems, enrolments, scormAttempts } from '../../db/schema/index.ts';
import { headColumns } from '../learning/courses.repo.ts';

export type ScormAttemptRow = typeof scormAttempts.$inferSelect;

/** The newest attempt of a learner at one SCO; `lock` holds it until the transaction ends. */
export async function latestAttempt(db: Db, enrolmentId: string, moduleKey: string, lock = false) {
  const q = db
    .select()
    .from(scormAttempts)
    .where(and(eq(scormAttempts.enrolmentId, enrolmentId), eq(scormAttempts.moduleKey, moduleKey)))
    .orderBy(desc(scormAttempts.attempt))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/**
 * Serialises the commits of one enrolment: two tabs (or a device's outbox and a live page) committing
 * at once then see each other's attempt rows and items, so an attempt is numbered and a module
 * completed once.
 */
export async function lockEnrolment(db: Db, enrolmentId: string) {
  const [row] = await db
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(eq(enrolments.id, enrolmentId))
    .for('update');
  return row ?? null;
}

/** A new attempt, before its first commit is written into it (commit_seq 0). */
export async function insertAttempt(
  db: Db,
  values: { enrolmentId: string; userId: string; moduleKey: string; scoIdentifier: string; attempt: number },
) {
  await db
    .insert(scormAttempts)
    .values({ ...values, cmi: {}, completion: 'not attempted', success: 'unknown' })
    .onConflictDoNothing({
      target: [scormAttempts.enrolmentId, scormAttempts.moduleKey, scormAttempts.attempt],
    });
  const [row] = await db
    .select()
    .from(scormAttempts)
    .where(
      and(
        eq(scormAttempts.enrolmentId, values.enrolmentId),
        eq(scormAttempts.moduleKey, values.moduleKey),
        eq(scormAttempts.attempt, values.attempt),
      ),
    )
    .for('update');
  return row!;
}

export async function updateAttempt(
  db: Db,
  id: string,
  set: Pick<
    ScormAttemptRow,
    'cmi' | 'completion' | 'success' | 'scoreScaled' | 'totalSeconds' | 'commitSeq' | 'scoIdentifier'
  >,
) {
  const [row] = await db
    .update(scormAttempts)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(scormAttempts.id, id))
    .returning();
  return row!;
}

/** The package's manifest as read at import: SCORM 2004 completion thresholds live only there. */
export async function packageManifest(db: Db, packageId: string): Promise<unknown> {
  const [row] = await db
    .select({ manifest: coursePackages.manifest })
    .from(coursePackages)
    .where(eq(coursePackages.id, packageId));
  return row?.manifest ?? null;
}

export async function enrolmentItemKeys(db: Db, enrolmentId: string): Promise<Set<string>> {
  const rows = await db
    .select({ item: enrolmentItems.item })
    .from(enrolmentItems)
    .where(eq(enrolmentItems.enrolmentId, enrolmentId));
  return new Set(rows.map((r) => r.item));
}

/**
 * A commit's first statement: locks the enrolment (serialising its commits, as `lockEnrolment`) and
 * reads it with the head of its course, so the SCO is found without a read before the transaction.
 */
export async function lockEnrolmentWithCourse(db: Db, enrolmentId: string) {
  const [row] = await db
    .select({
      userId: enrolments.userId,
      course: headColumns,
    })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .where(eq(enrolments.id, enrolmentId))
    .for('update', { of: enrolments });
  return row ?? null;
}

/** The newest attempt at a SCO, locked, with the enrolment's completed items: read after the lock. */
export async function latestAttemptWithItems(db: Db, enrolmentId: string, moduleKey: string) {
  const [row] = await db
    .select({
      attempt: scormAttempts,
      items: sql<string[]>`array(select i.item from enrolment_items i where i.enrolment_id = ${enrolmentId})`,
    })
    .from(scormAttempts)
    .where(and(eq(scormAttempts.enrolmentId, enrolmentId), eq(scormAttempts.moduleKey, moduleKey)))
    .orderBy(desc(scormAttempts.attempt))
    .limit(1)
    .for('update', { of: scormAttempts });
  return row ? { attempt: row.attempt, items: new Set(row.items) } : null;
}

/**
 * Stores a commit that changes no item and adds no time: the attempt's data, and the enrolment's
 * activity (started, last active) in the same statement.
 */
export async function saveCommitWithActivity(
  db: Db,
  id: string,
  set: Parameters<typeof updateAttempt>[2],
  enrolmentId: string,
  at: Date,
) {
  const t = at.toISOString();
  const [saved] = await db
    .with(
      db.$with('activity').as(
        db
          .update(enrolments)
          .set({
            startedAt: sql`least(coalesce(${enrolments.startedAt}, ${t}::timestamptz), ${t}::timestamptz)`,
            lastActivityAt: sql`greatest(coalesce(${enrolments.lastActivityAt}, ${t}::timestamptz), ${t}::timestamptz)`,
          })
          .where(eq(enrolments.id, enrolmentId))
          .returning({ id: enrolments.id }),
      ),
    )
    .update(scormAttempts)
    .set({ ...set, updatedAt: at })
    .where(eq(scormAttempts.id, id))
    .returning();
  return saved!;
}
