import { eq, sql } from 'drizzle-orm';
import { verbs } from '../../../shared/contracts/learning.ts';
import { QUIZ_CORRECT } from '../../../shared/learning/activity.ts';
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
 * Answers per quiz question, as the server graded them: from whole quiz attempts (`completed` with the
 * per-question outcome in an extension) and from single `answered` statements whose response is
 * `<question>=<options>` (sent by earlier versions of the app).
 */
export async function questionStats(db: Db, courseId: string) {
  return queryRows<{ object_id: string; question: string; answers: number; wrong: number }>(
    db,
    sql`select object_id, question, count(*)::int as answers, count(*) filter (where not answered_right)::int as wrong
        from (
          select object_id, split_part(result->>'response', '=', 1) as question,
                 (result->>'success')::boolean as answered_right
          from learning_statements
          where course_id = ${courseId} and verb = ${verbs.answered} and result ? 'response'
          union all
          select s.object_id, q.key, q.value::boolean
          from learning_statements s, jsonb_each_text(s.result->'extensions'->${QUIZ_CORRECT}::text) q
          where s.course_id = ${courseId} and s.verb = ${verbs.completed}
            and s.result->'extensions' ? ${QUIZ_CORRECT}::text
        ) answers
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
