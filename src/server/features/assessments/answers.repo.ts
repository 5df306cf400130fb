import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assessmentAnswerHistory, assessmentAnswers, users } from '../../db/schema/index.ts';

export type AnswerRow = typeof assessmentAnswers.$inferSelect;

/** A sheet's answers with the name of whoever changed each last. */
export async function answersOf(db: Db, roundId: string, municipalityId: string) {
  return db
    .select({ answer: assessmentAnswers, updatedByName: users.name })
    .from(assessmentAnswers)
    .leftJoin(users, eq(users.id, assessmentAnswers.updatedBy))
    .where(and(eq(assessmentAnswers.roundId, roundId), eq(assessmentAnswers.municipalityId, municipalityId)));
}

/** The stored answers to some questions, locked until the transaction ends so revisions stay in order. */
export async function lockAnswers(db: Db, roundId: string, municipalityId: string, keys: string[]) {
  return db
    .select()
    .from(assessmentAnswers)
    .where(
      and(
        eq(assessmentAnswers.roundId, roundId),
        eq(assessmentAnswers.municipalityId, municipalityId),
        inArray(assessmentAnswers.questionKey, keys),
      ),
    )
    .for('update');
}

export async function saveAnswer(db: Db, values: typeof assessmentAnswers.$inferInsert) {
  const { roundId, municipalityId, questionKey, ...rest } = values;
  await db
    .insert(assessmentAnswers)
    .values(values)
    .onConflictDoUpdate({
      target: [assessmentAnswers.roundId, assessmentAnswers.municipalityId, assessmentAnswers.questionKey],
      set: rest,
    });
}

export async function recordAnswerHistory(db: Db, values: typeof assessmentAnswerHistory.$inferInsert) {
  await db.insert(assessmentAnswerHistory).values(values);
}
