import { and, eq, inArray, sql } from 'drizzle-orm';
import { placementRoles } from '../../../shared/access/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import {
  certificates,
  enrolmentItems,
  enrolments,
  learningStatements,
  memberships,
  organisations,
  programmes,
} from '../../db/schema/index.ts';

export async function findEnrolmentsOf(db: Db, userId: string) {
  return db
    .select({
      id: enrolments.id,
      courseId: enrolments.courseId,
      programmeId: enrolments.programmeId,
      programmeName: programmes.name,
      enrolledAt: enrolments.enrolledAt,
      lastActivityAt: enrolments.lastActivityAt,
      completedAt: enrolments.completedAt,
      certificateCode: certificates.code,
    })
    .from(enrolments)
    .leftJoin(programmes, eq(programmes.id, enrolments.programmeId))
    .leftJoin(certificates, eq(certificates.enrolmentId, enrolments.id))
    .where(eq(enrolments.userId, userId));
}

export async function findEnrolment(db: Db, id: string) {
  const [row] = await db.select().from(enrolments).where(eq(enrolments.id, id));
  return row ?? null;
}

export async function itemsOf(db: Db, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return [];
  return db.select().from(enrolmentItems).where(inArray(enrolmentItems.enrolmentId, enrolmentIds));
}

/** Staff and manager memberships of people, with the organisation, to decide who may enrol them. */
export async function learnerMemberships(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      kind: organisations.kind,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(inArray(memberships.userId, userIds), inArray(memberships.role, [...placementRoles])));
}

export async function insertEnrolments(
  db: Db,
  values: {
    userId: string;
    courseId: string;
    programmeId: string | null;
    organisationId: string | null;
    enrolledBy: string;
  }[],
) {
  if (values.length === 0) return [];
  return db
    .insert(enrolments)
    .values(values)
    .onConflictDoNothing({ target: [enrolments.userId, enrolments.courseId, enrolments.programmeId] })
    .returning({ id: enrolments.id });
}

export async function insertStatements(db: Db, values: (typeof learningStatements.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db
    .insert(learningStatements)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: learningStatements.id });
}

/** Stored statements by id, whoever stored them: only to tell a re-send from a conflict, never shown. */
export async function findStatements(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: learningStatements.id,
      userId: learningStatements.userId,
      verb: learningStatements.verb,
      objectId: learningStatements.objectId,
      result: learningStatements.result,
      context: learningStatements.context,
      timestamp: learningStatements.timestamp,
      digest: learningStatements.digest,
    })
    .from(learningStatements)
    .where(inArray(learningStatements.id, ids));
}

type ItemRow = { enrolmentId: string; item: string; completedAt: Date; score: number | null };

/**
 * Keeps the best quiz score when a quiz is passed again. One row per item: an offline batch may complete
 * a lesson or pass a quiz twice, and PostgreSQL refuses to update one row twice in a statement.
 */
export async function upsertItems(db: Db, values: ItemRow[]) {
  if (values.length === 0) return;
  const once = new Map<string, ItemRow>();
  for (const v of values) {
    const key = `${v.enrolmentId}|${v.item}`;
    const seen = once.get(key);
    once.set(
      key,
      seen
        ? {
            ...v,
            completedAt: new Date(Math.min(seen.completedAt.getTime(), v.completedAt.getTime())),
            score:
              seen.score === null ? v.score : v.score === null ? seen.score : Math.max(seen.score, v.score),
          }
        : v,
    );
  }
  await db
    .insert(enrolmentItems)
    .values([...once.values()])
    .onConflictDoUpdate({
      target: [enrolmentItems.enrolmentId, enrolmentItems.item],
      set: { score: sql`greatest(${enrolmentItems.score}, excluded.score)` },
    });
}

/**
 * Recomputes an enrolment's counters from its items and statements; completion is set once every
 * required item is done and never unset (a later course version does not take a certificate away).
 */
export async function refreshEnrolment(
  db: Db,
  enrolmentId: string,
  required: string[],
  activity: { first: Date; last: Date; seconds: number },
) {
  await queryRows(
    db,
    sql`update enrolments e set
          items_completed = (select count(*) from enrolment_items i where i.enrolment_id = e.id),
          seconds_spent = e.seconds_spent + ${activity.seconds},
          started_at = least(coalesce(e.started_at, ${activity.first.toISOString()}::timestamptz), ${activity.first.toISOString()}::timestamptz),
          last_activity_at = greatest(coalesce(e.last_activity_at, ${activity.last.toISOString()}::timestamptz), ${activity.last.toISOString()}::timestamptz),
          completed_at = coalesce(e.completed_at, case when (
            select count(*) from enrolment_items i where i.enrolment_id = e.id and i.item = any(array[${sql.join(
              required.map((r) => sql`${r}`),
              sql`, `,
            )}]::text[])
          ) >= ${required.length} then ${activity.last.toISOString()}::timestamptz end)
        where e.id = ${enrolmentId}
        returning e.id`,
  );
}

export async function insertCertificate(
  db: Db,
  values: { code: string; enrolmentId: string; learnerName: string; courseTitle: unknown; issuer: string },
) {
  const [row] = await db.insert(certificates).values(values).onConflictDoNothing().returning();
  if (row) return row;
  const [existing] = await db
    .select()
    .from(certificates)
    .where(eq(certificates.enrolmentId, values.enrolmentId));
  return existing!;
}

export async function findCertificate(db: Db, code: string) {
  const [row] = await db.select().from(certificates).where(eq(certificates.code, code));
  return row ?? null;
}
