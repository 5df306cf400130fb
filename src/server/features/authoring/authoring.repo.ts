import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { courses, courseVersions, organisations } from '../../db/schema/index.ts';

const columns = {
  id: courses.id,
  key: courses.key,
  track: courses.track,
  ownerOrganisationId: courses.ownerOrganisationId,
  ownerName: organisations.name,
  ownerKind: organisations.kind,
  visibility: courses.visibility,
  draft: courses.draft,
  publishedVersion: courses.publishedVersion,
  updatedAt: courses.updatedAt,
};
export type AuthoringRow = {
  id: string;
  key: string;
  track: 'staff' | 'managers' | 'coordinators';
  ownerOrganisationId: string;
  ownerName: string;
  ownerKind: string;
  visibility: 'national' | 'region' | 'municipality';
  draft: unknown;
  publishedVersion: number | null;
  updatedAt: Date;
};

function base(db: Db) {
  return db
    .select(columns)
    .from(courses)
    .innerJoin(organisations, eq(organisations.id, courses.ownerOrganisationId));
}

export async function listAll(db: Db): Promise<AuthoringRow[]> {
  return (await base(db)) as AuthoringRow[];
}

export async function findCourse(db: Db, id: string, forUpdate = false): Promise<AuthoringRow | null> {
  const q = base(db).where(eq(courses.id, id));
  const [row] = forUpdate ? await q.for('update', { of: courses }) : await q;
  return (row as AuthoringRow | undefined) ?? null;
}

export async function keyExists(db: Db, key: string): Promise<boolean> {
  const [row] = await db.select({ id: courses.id }).from(courses).where(eq(courses.key, key));
  return !!row;
}

export async function insertCourse(
  db: Db,
  values: {
    key: string;
    track: AuthoringRow['track'];
    ownerOrganisationId: string;
    visibility: AuthoringRow['visibility'];
    draft: unknown;
  },
): Promise<string> {
  const now = new Date();
  const [row] = await db
    .insert(courses)
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning({ id: courses.id });
  return row!.id;
}

/** Saves the draft only if nobody saved since `seen` (millisecond precision, as the client has it). */
export async function saveDraftIfUnchanged(
  db: Db,
  id: string,
  seen: Date,
  draft: unknown,
  track: AuthoringRow['track'],
): Promise<Date | null> {
  const now = new Date();
  const rows = await db
    .update(courses)
    .set({ draft, track, updatedAt: now })
    .where(
      and(
        eq(courses.id, id),
        sql`date_trunc('milliseconds', ${courses.updatedAt}) = ${seen.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: courses.id });
  return rows.length ? now : null;
}

export async function publishedContent(db: Db, id: string, version: number): Promise<unknown | null> {
  const [row] = await db
    .select({ content: courseVersions.content })
    .from(courseVersions)
    .where(and(eq(courseVersions.courseId, id), eq(courseVersions.version, version)));
  return row?.content ?? null;
}

export async function insertVersion(
  db: Db,
  id: string,
  version: number,
  content: unknown,
  publishedBy: string,
): Promise<Date> {
  const publishedAt = new Date();
  await db.insert(courseVersions).values({ courseId: id, version, content, publishedBy, publishedAt });
  await db.update(courses).set({ publishedVersion: version }).where(eq(courses.id, id));
  return publishedAt;
}
