import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  type Cmi5RegistrationProgress,
  cmi5Registrations,
  cmi5Sessions,
  coursePackages,
  courses,
  enrolments,
} from '../../db/schema/index.ts';

export type RegistrationRow = typeof cmi5Registrations.$inferSelect;
export type SessionRow = typeof cmi5Sessions.$inferSelect;
export type SessionInsert = typeof cmi5Sessions.$inferInsert;

export const emptyProgress = (): Cmi5RegistrationProgress => ({ aus: {}, blocks: [], course: false });

export async function findRegistration(
  db: Db,
  registration: string,
  forUpdate = false,
): Promise<RegistrationRow | null> {
  const query = db.select().from(cmi5Registrations).where(eq(cmi5Registrations.registration, registration));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The registration a platform learner's enrolment already has in this course, to launch under again. */
export async function findEnrolmentRegistration(db: Db, courseId: string, enrolmentId: string) {
  const [row] = await db
    .select()
    .from(cmi5Registrations)
    .where(and(eq(cmi5Registrations.courseId, courseId), eq(cmi5Registrations.enrolmentId, enrolmentId)))
    .orderBy(cmi5Registrations.createdAt)
    .limit(1);
  return row ?? null;
}

export async function insertRegistration(db: Db, row: typeof cmi5Registrations.$inferInsert) {
  await db.insert(cmi5Registrations).values(row).onConflictDoNothing();
}

export async function linkEnrolment(db: Db, registration: string, enrolmentId: string) {
  await db
    .update(cmi5Registrations)
    .set({ enrolmentId })
    .where(eq(cmi5Registrations.registration, registration));
}

export async function saveProgress(db: Db, registration: string, progress: Cmi5RegistrationProgress) {
  await db
    .update(cmi5Registrations)
    .set({ progress })
    .where(eq(cmi5Registrations.registration, registration));
}

export async function findSession(db: Db, id: string, forUpdate = false): Promise<SessionRow | null> {
  const query = db.select().from(cmi5Sessions).where(eq(cmi5Sessions.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertSession(db: Db, row: SessionInsert) {
  await db.insert(cmi5Sessions).values(row);
}

/** Sessions of the registration neither terminated nor abandoned, locked: a new launch closes them. */
export async function openSessions(db: Db, registration: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(cmi5Sessions)
    .where(
      and(
        eq(cmi5Sessions.registration, registration),
        isNull(cmi5Sessions.terminatedAt),
        isNull(cmi5Sessions.abandonedAt),
      ),
    )
    .for('update');
}

export async function updateSession(db: Db, id: string, set: Partial<SessionInsert>) {
  await db.update(cmi5Sessions).set(set).where(eq(cmi5Sessions.id, id));
}

/**
 * The fetch URL hands the secret out once (cmi5 §8.2.1): only the first request finds the session
 * without one, so of two racing requests one gets the token and the other the error.
 */
export async function claimFetch(db: Db, id: string, secretHash: string): Promise<boolean> {
  const rows = await db
    .update(cmi5Sessions)
    .set({ secretHash, fetchedAt: sql`now()` })
    .where(and(eq(cmi5Sessions.id, id), isNull(cmi5Sessions.fetchedAt), isNull(cmi5Sessions.abandonedAt)))
    .returning({ id: cmi5Sessions.id });
  return rows.length > 0;
}

/** The session and its registration together: what an AU's credential stands for. */
export async function findSessionWithRegistration(db: Db, id: string) {
  const [row] = await db
    .select({ session: cmi5Sessions, registration: cmi5Registrations })
    .from(cmi5Sessions)
    .innerJoin(cmi5Registrations, eq(cmi5Registrations.registration, cmi5Sessions.registration))
    .where(eq(cmi5Sessions.id, id));
  return row ?? null;
}

/** The course structure (cmi5.xml as read at import) of a package. */
export async function packageStructure(db: Db, packageId: string): Promise<unknown> {
  const [row] = await db
    .select({ manifest: coursePackages.manifest })
    .from(coursePackages)
    .where(eq(coursePackages.id, packageId));
  return row?.manifest ?? null;
}

/** The learner's enrolment in the course (the one without a programme first). */
export async function findEnrolmentOf(db: Db, userId: string, courseId: string) {
  const [row] = await db
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)))
    .orderBy(sql`${enrolments.programmeId} is not null`, enrolments.enrolledAt)
    .limit(1);
  return row?.id ?? null;
}

export async function deleteCourse(db: Db, courseId: string) {
  await db.delete(courses).where(eq(courses.id, courseId));
}
