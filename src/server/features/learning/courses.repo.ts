import { and, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { CourseContent } from '../../../shared/contracts/course-content.ts';
import type { StoredCourseContent } from '../../../shared/contracts/imported-course.ts';
import type { Db } from '../../db/client.ts';
import { courses, courseVersions } from '../../db/schema/index.ts';
import { defineCache } from '../../lib/caches.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import type { CourseRow } from './course-content.ts';

/** A course's columns apart from its content: what a repo selects beside its own tables. */
export const headColumns = {
  id: courses.id,
  key: courses.key,
  track: courses.track,
  visibility: courses.visibility,
  ownerOrganisationId: courses.ownerOrganisationId,
  version: courses.publishedVersion,
};
type Head = Omit<CourseRow, 'content' | 'version'> & { version: number | null };

/**
 * A published version never changes, so its parsed content (up to ~150 KiB of JSON per course) is
 * kept per course and version instead of being read and parsed on every learner request. Frozen:
 * callers share it. Only the small course row is read each time, so a new version is seen at once.
 */
const contents = defineCache<StoredCourseContent>('course-content', { max: 500 });
const cacheKey = (id: string, version: number) => `${id}@${version}`;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

async function withContent(db: Db, heads: Head[]): Promise<CourseRow[]> {
  const live = heads.filter((h): h is Head & { version: number } => h.version !== null);
  const contentCache = contents(db);
  const missing = live.filter((h) => contentCache.peek(cacheKey(h.id, h.version)) === undefined);
  if (missing.length > 0) {
    const rows = await db
      .select({
        courseId: courseVersions.courseId,
        version: courseVersions.version,
        content: courseVersions.content,
      })
      .from(courseVersions)
      .where(
        or(
          ...missing.map((h) =>
            and(eq(courseVersions.courseId, h.id), eq(courseVersions.version, h.version)),
          ),
        ),
      );
    for (const r of rows)
      contentCache.set(cacheKey(r.courseId, r.version), deepFreeze(r.content as StoredCourseContent));
  }
  return live.flatMap((h) => {
    const content = contentCache.peek(cacheKey(h.id, h.version));
    return content ? [{ ...h, content } as CourseRow] : [];
  });
}

const heads = (db: Db, where?: SQL) =>
  db
    .select(headColumns)
    .from(courses)
    .where(and(isNotNull(courses.publishedVersion), where)) as Promise<Head[]>;

export async function listPublishedCourses(db: Db): Promise<CourseRow[]> {
  return withContent(db, await heads(db));
}

export async function findPublishedCourse(db: Db, id: string): Promise<CourseRow | null> {
  const rows = await withContent(db, await heads(db, eq(courses.id, id)));
  return rows[0] ?? null;
}

export async function findPublishedCoursesByIds(db: Db, ids: string[]): Promise<Map<string, CourseRow>> {
  if (ids.length === 0) return new Map();
  const rows = await withContent(db, await heads(db, inArray(courses.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findPublishedCourseByKey(db: Db, key: string): Promise<CourseRow | null> {
  const rows = await withContent(db, await heads(db, eq(courses.key, key)));
  return rows[0] ?? null;
}

/**
 * A published version of a course, current or earlier (quizzes are graded against the version the
 * learner answered); null for a version that was never published.
 */
export async function findCourseVersion(
  db: Db,
  course: Omit<CourseRow, 'content'>,
  version: number,
): Promise<CourseRow | null> {
  if (version < 1 || version > course.version) return null;
  const rows = await withContent(db, [{ ...course, version }]);
  return rows[0] ?? null;
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
