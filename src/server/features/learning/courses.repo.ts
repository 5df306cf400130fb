import { and, eq, sql } from 'drizzle-orm';
import type { CourseContent } from '../../../shared/contracts/course-content.ts';
import type { Db } from '../../db/client.ts';
import { courses, courseVersions } from '../../db/schema/index.ts';
import type { CourseRow } from './course-content.ts';

const publishedColumns = {
  id: courses.id,
  key: courses.key,
  track: courses.track,
  visibility: courses.visibility,
  ownerOrganisationId: courses.ownerOrganisationId,
  version: courseVersions.version,
  content: courseVersions.content,
};

function published(db: Db) {
  return db
    .select(publishedColumns)
    .from(courses)
    .innerJoin(
      courseVersions,
      and(eq(courseVersions.courseId, courses.id), eq(courseVersions.version, courses.publishedVersion)),
    );
}

export async function listPublishedCourses(db: Db): Promise<CourseRow[]> {
  return (await published(db)) as CourseRow[];
}

export async function findPublishedCourse(db: Db, id: string): Promise<CourseRow | null> {
  const [row] = await published(db).where(eq(courses.id, id));
  return (row as CourseRow | undefined) ?? null;
}

export async function findPublishedCourseByKey(db: Db, key: string): Promise<CourseRow | null> {
  const [row] = await published(db).where(eq(courses.key, key));
  return (row as CourseRow | undefined) ?? null;
}

/**
 * Reference courses load on every start: a new course is created, a changed text publishes a new
 * version (progress refers to module and lesson keys, so it carries over), unchanged ones are left alone.
 */
export async function upsertReferenceCourse(db: Db, content: CourseContent, ownerOrganisationId: string) {
  const [existing] = await db.select().from(courses).where(eq(courses.key, content.key));
  if (!existing) {
    const [created] = await db
      .insert(courses)
      .values({
        key: content.key,
        track: content.track,
        ownerOrganisationId,
        visibility: 'national',
        draft: content,
        publishedVersion: 1,
      })
      .returning({ id: courses.id });
    await db.insert(courseVersions).values({ courseId: created!.id, version: 1, content });
    return 'created' as const;
  }
  const [latest] = await db
    .select({ content: courseVersions.content })
    .from(courseVersions)
    .where(
      and(
        eq(courseVersions.courseId, existing.id),
        eq(courseVersions.version, existing.publishedVersion ?? 0),
      ),
    );
  if (latest && canonicalJson(latest.content) === canonicalJson(content)) return 'unchanged' as const;
  const version = (existing.publishedVersion ?? 0) + 1;
  await db.insert(courseVersions).values({ courseId: existing.id, version, content });
  await db
    .update(courses)
    .set({ draft: content, publishedVersion: version, track: content.track, updatedAt: sql`now()` })
    .where(eq(courses.id, existing.id));
  return 'published' as const;
}

/** JSON with object keys sorted: jsonb does not keep key order, so plain JSON.stringify would differ. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
