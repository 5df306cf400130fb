import { useEffect, useSyncExternalStore } from 'react';
import type { QuizGrading } from '../../../shared/contracts/learning.ts';
import { getValue, putValue } from './db.ts';

/**
 * The server's gradings of quiz attempts (ADR 13), as sync responses bring them: by statement id for
 * the attempt just sent, and the latest per user and quiz, kept on the device so an attempt graded
 * after an offline spell is shown when the learner next opens the quiz.
 */
const byStatement = new Map<string, QuizGrading>();
/** Attempts the server refused (e.g. answered on a course version since withdrawn): never graded. */
const refused = new Set<string>();
const latest = new Map<string, QuizGrading | null>();
const listeners = new Set<() => void>();
let version = 0;

const quizKey = (userId: string, courseKey: string, moduleKey: string) =>
  `grading:${userId}:${courseKey}/${moduleKey}`;

function changed() {
  version++;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the sync with each accepted batch's gradings. */
export async function rememberGradings(userId: string, gradings: QuizGrading[]): Promise<void> {
  if (!gradings.length) return;
  for (const g of gradings) {
    byStatement.set(g.statementId, g);
    const key = quizKey(userId, g.courseKey, g.moduleKey);
    latest.set(key, g);
    await putValue('progress', g, key).catch(() => undefined);
  }
  changed();
}

/** Called by the sync when the server refuses a statement, so a page waiting for its grading stops. */
export function rememberRefused(statementId: string): void {
  refused.add(statementId);
  changed();
}

/** Whether the server refused this attempt (it will never be graded). */
export function useRefused(statementId: string | null): boolean {
  useSyncExternalStore(subscribe, () => version);
  return statementId !== null && refused.has(statementId);
}

/** The grading of one attempt, once the server has answered for it. */
export function useGradingOf(statementId: string | null): QuizGrading | null {
  useSyncExternalStore(subscribe, () => version);
  return statementId ? (byStatement.get(statementId) ?? null) : null;
}

/** The latest graded attempt of a quiz by this user on this device, if any. */
export function useLatestGrading(
  userId: string | null,
  courseKey: string,
  moduleKey: string,
): QuizGrading | null {
  useSyncExternalStore(subscribe, () => version);
  const key = userId ? quizKey(userId, courseKey, moduleKey) : null;
  useEffect(() => {
    if (!key || latest.has(key)) return;
    latest.set(key, null);
    void getValue<QuizGrading>('progress', key)
      .then((g) => {
        if (g && !latest.get(key)) {
          latest.set(key, g);
          changed();
        }
      })
      .catch(() => undefined);
  }, [key]);
  return key ? (latest.get(key) ?? null) : null;
}
