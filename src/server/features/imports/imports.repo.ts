import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { importJobs, memberships, organisations, users } from '../../db/schema/index.ts';
import type { StoredRow } from './staff-import.kind.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;

export async function insertJob(db: Db, values: typeof importJobs.$inferInsert) {
  const [row] = await db.insert(importJobs).values(values).returning();
  return row!;
}

export async function findJob(db: Db, id: string) {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return row ?? null;
}

/** Moves a preview to running exactly once, so a double click cannot import twice. */
export async function startJob(db: Db, id: string) {
  const rows = await db
    .update(importJobs)
    .set({ status: 'running' })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'preview')))
    .returning({ id: importJobs.id });
  return rows.length === 1;
}

export async function updateJob(db: Db, id: string, values: Partial<typeof importJobs.$inferInsert>) {
  await db.update(importJobs).set(values).where(eq(importJobs.id, id));
}

export async function unitsOf(db: Db, municipalityId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.parentId, municipalityId), eq(organisations.kind, 'unit')));
}

export async function usersByEmail(db: Db, emails: string[]) {
  if (emails.length === 0) return [];
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      preferredLanguage: users.preferredLanguage,
      gender: users.gender,
    })
    .from(users)
    .where(inArray(users.email, emails));
}

export async function membershipsOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      role: memberships.role,
    })
    .from(memberships)
    .where(inArray(memberships.userId, userIds));
}

/**
 * Inserts the new people and refreshes invited (not yet active) ones in one statement; people who have
 * activated their account keep the name and settings they chose.
 */
export async function upsertUsers(db: Db, rows: StoredRow[]) {
  if (rows.length === 0) return [];
  return db
    .insert(users)
    .values(
      rows.map((r) => ({
        email: r.email!,
        name: r.name!,
        preferredLanguage: r.language,
        gender: r.gender,
        status: 'invited' as const,
      })),
    )
    .onConflictDoUpdate({
      target: users.email,
      set: {
        name: sql`excluded.name`,
        preferredLanguage: sql`excluded.preferred_language`,
        gender: sql`coalesce(excluded.gender, ${users.gender})`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${users.status} = 'invited'`,
    })
    .returning({ id: users.id, email: users.email, createdAt: users.createdAt, updatedAt: users.updatedAt });
}

export async function insertMemberships(
  db: Db,
  values: { userId: string; organisationId: string; role: 'staff' | 'manager' }[],
) {
  if (values.length === 0) return [];
  return db.insert(memberships).values(values).onConflictDoNothing().returning({ id: memberships.id });
}
