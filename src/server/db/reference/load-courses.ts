import { eq } from 'drizzle-orm';
import { CourseContent } from '../../../shared/contracts/course-content.ts';
import { upsertReferenceCourse } from '../../features/learning/courses.repo.ts';
import type { Db } from '../client.ts';
import { organisations } from '../schema/index.ts';

/**
 * Loads the starter courses (owned by the nation, visible nationally) on every start: new ones are
 * created, changed ones published as a new version, unchanged ones left alone.
 */
export async function loadReferenceCourses(db: Db, courses: readonly unknown[]) {
  const [nation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.kind, 'nation'));
  if (!nation) throw new Error('Reference data is missing: load organisations before courses');
  const outcome: Record<string, string> = {};
  for (const raw of courses) {
    const course = CourseContent.parse(raw);
    outcome[course.key] = await db.transaction((tx) => upsertReferenceCourse(tx, course, nation.id));
  }
  return outcome;
}
