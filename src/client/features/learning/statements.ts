import type { StatementInput } from '../../../shared/contracts/learning.ts';
import {
  isoDuration,
  lessonActivity,
  QUIZ_RESPONSES,
  quizActivity,
  verbs,
} from '../../../shared/learning/activity.ts';
import { CONTENT_LANGUAGE_TAG } from '../../../shared/learning/languages.ts';

/** A random (version 4) uuid; `crypto.randomUUID` exists only on https and localhost. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface Where {
  courseKey: string;
  moduleKey: string;
  enrolmentId: string;
  /** The content language the learner used (context.language). */
  language: string;
}

function base(w: Where, verb: string, objectId: string): StatementInput {
  return {
    id: uuid(),
    verb: { id: verb },
    object: { id: objectId },
    context: {
      registration: w.enrolmentId,
      ...(CONTENT_LANGUAGE_TAG.test(w.language) ? { language: w.language } : {}),
    },
    timestamp: new Date().toISOString(),
  };
}

export function lessonCompleted(w: Where, lessonKey: string, seconds: number): StatementInput {
  return {
    ...base(w, verbs.completed, lessonActivity(w.courseKey, w.moduleKey, lessonKey)),
    result: { completion: true, duration: isoDuration(seconds) },
  };
}

/**
 * One attempt at a module's quiz: the options chosen per question, for the server to grade against the
 * course version the learner read (`context.revision`). The device claims no score and no pass (ADR 13).
 */
export function quizAttempt(
  w: Where,
  version: number,
  responses: Record<string, string[]>,
  seconds: number,
): StatementInput {
  const s = base(w, verbs.completed, quizActivity(w.courseKey, w.moduleKey));
  return {
    ...s,
    result: {
      completion: true,
      duration: isoDuration(seconds),
      extensions: { [QUIZ_RESPONSES]: responses },
    },
    context: { ...s.context, revision: String(version) },
  };
}
