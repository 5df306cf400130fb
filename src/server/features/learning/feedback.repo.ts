import { eq, sql } from 'drizzle-orm';
import { verbs } from '../../../shared/contracts/learning.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { moduleFeedback, programmeCourses, programmes } from '../../db/schema/index.ts';

export async function upsertFeedback(
  db: Db,
  values: {
    enrolmentId: string;
    courseId: string;
    moduleKey: string;
    rating: number;
    comment: string | null;
  },
) {
  await db
    .insert(moduleFeedback)
    .values(values)
    .onConflictDoUpdate({
      target: [moduleFeedback.enrolmentId, moduleFeedback.moduleKey],
      set: { rating: values.rating, comment: values.comment, updatedAt: sql`now()` },
    });
}

export async function feedbackOf(db: Db, courseId: string) {
  return db
    .select({
      moduleKey: moduleFeedback.moduleKey,
      rating: moduleFeedback.rating,
      comment: moduleFeedback.comment,
      updatedAt: moduleFeedback.updatedAt,
    })
    .from(moduleFeedback)
    .where(eq(moduleFeedback.courseId, courseId));
}

/**
 * Answers per quiz question, from `answered` statements whose response is `<question>=<options>`;
 * statements voided later are not counted.
 */
export async function questionStats(db: Db, courseId: string) {
  return queryRows<{ object_id: string; question: string; answers: number; wrong: number }>(
    db,
    sql`select object_id, split_part(result->>'response', '=', 1) as question,
               count(*)::int as answers,
               count(*) filter (where (result->>'success')::boolean is false)::int as wrong
        from learning_statements
        where course_id = ${courseId} and verb = ${verbs.answered} and result ? 'response'
        group by object_id, question`,
  );
}

export async function programmeOwnersOfCourse(db: Db, courseId: string) {
  return db
    .selectDistinct({ ownerId: programmes.ownerOrganisationId })
    .from(programmeCourses)
    .innerJoin(programmes, eq(programmes.id, programmeCourses.programmeId))
    .where(eq(programmeCourses.courseId, courseId));
}
