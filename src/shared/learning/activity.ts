/**
 * Activity IRIs of learning statements, shared by the browser (which writes statements, also offline)
 * and the server (which parses them). One module and lesson key path per activity:
 * `<ACTIVITY_BASE>/<course key>/modules/<module>[/lessons/<lesson>|/quiz]`.
 */
export const ACTIVITY_BASE = 'https://valfardsnavet.se/xapi/courses';

/**
 * xAPI result extensions of a quiz attempt: the options the learner chose per question (sent by the
 * device), and whether each answer was right (added by the server, which grades; never taken from a client).
 */
export const QUIZ_RESPONSES = 'https://valfardsnavet.se/xapi/extensions/quiz-responses';
export const QUIZ_CORRECT = 'https://valfardsnavet.se/xapi/extensions/quiz-correct';

export function moduleActivity(courseKey: string, moduleKey: string): string {
  return `${ACTIVITY_BASE}/${courseKey}/modules/${moduleKey}`;
}

export function lessonActivity(courseKey: string, moduleKey: string, lessonKey: string): string {
  return `${moduleActivity(courseKey, moduleKey)}/lessons/${lessonKey}`;
}

export function quizActivity(courseKey: string, moduleKey: string): string {
  return `${moduleActivity(courseKey, moduleKey)}/quiz`;
}

/** Whole seconds as an ISO 8601 duration: 200 → `PT3M20S`, 0 → `PT0S`. */
export function isoDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest || (!h && !m) ? `${rest}S` : ''}`;
  return `PT${parts}`;
}

/** The progress item a statement completes, as the server derives it (`lesson:m/l`, `quiz:m`). */
export function itemOfActivity(
  iri: string,
  courseKey: string,
):
  | { kind: 'lesson'; item: string; moduleKey: string }
  | { kind: 'quiz'; item: string; moduleKey: string }
  | null {
  const prefix = `${ACTIVITY_BASE}/${courseKey}/modules/`;
  if (!iri.startsWith(prefix)) return null;
  const [moduleKey, kind, lessonKey, ...rest] = iri.slice(prefix.length).split('/');
  if (!moduleKey || rest.length) return null;
  if (kind === 'quiz' && lessonKey === undefined)
    return { kind: 'quiz', item: `quiz:${moduleKey}`, moduleKey };
  if (kind === 'lessons' && lessonKey)
    return { kind: 'lesson', item: `lesson:${moduleKey}/${lessonKey}`, moduleKey };
  return null;
}

/** xAPI verbs we record; the IRIs are ADL's. Here, not in the contracts, so the learner's pages need no zod. */
export const verbs = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  attended: 'http://adlnet.gov/expapi/verbs/attended',
} as const;
