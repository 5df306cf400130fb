import { sql } from 'drizzle-orm';
import {
  type ImportedCourseContent,
  isImported,
  type PackagedModuleContent,
} from '../../../shared/contracts/imported-course.ts';
import { moduleActivity, verbs } from '../../../shared/learning/activity.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidList } from '../../lib/sql-lists.ts';
import { moveOnMet } from '../cmi5/cmi5-progress.ts';
import { cmi5Ids } from '../cmi5/cmi5-statements.ts';
import { isUuid } from '../xapi/activity-definition-schema.ts';
import { type CourseRow, parseActivity } from './course-content.ts';
import * as courses from './courses.repo.ts';
import { type FinishedModule, finishModules } from './module-completion.ts';

/**
 * Statements about an imported course's modules, whichever way they reach the learning record store
 * (ADR 20, 21): an outside tool's, sent with an API client's credentials, or an AU's in its cmi5
 * session. A Completed or Passed about a module's activity, by one of our people who is enrolled in the
 * course, finishes the module in her enrolment once its rule is met, through the same function as a
 * SCORM commit or a cmi5 session (module-completion.ts). The rule reads every Completed and Passed about
 * the module she has in the store (voided ones excepted), so two tools that each report half of a
 * "completed and passed" together finish it, and a module already finished is not counted again.
 */

type Imported = CourseRow & { content: ImportedCourseContent };

/** A statement as it is stored (the columns statements.service.ts writes). */
export interface StoredStatement {
  userId?: string | null;
  verb: string;
  objectId: string;
  result?: unknown;
  context?: unknown;
}

/** Where a module's activity id points: a cmi5 AU by the id the LMS gave it, or our module IRI. */
type ModuleRef = { courseId: string; auHash: string } | { courseKey: string; moduleKey: string };

const COUNTING = new Set<string>([verbs.completed, verbs.passed]);

/**
 * The module an activity id may name, from its shape alone (no query): `<PUBLIC_URL>/cmi5/courses/<id>/
 * aus/<hash>` (cmi5-statements.ts cmi5Ids) or `<ACTIVITY_BASE>/<course>/modules/<module>`.
 */
export function moduleRefOf(objectId: string, publicUrl: string): ModuleRef | null {
  const cmi5Base = `${publicUrl}/cmi5/courses/`;
  if (objectId.startsWith(cmi5Base)) {
    const [courseId, aus, auHash, ...rest] = objectId.slice(cmi5Base.length).split('/');
    if (!courseId || !isUuid(courseId) || aus !== 'aus' || !auHash || rest.length) return null;
    return { courseId: courseId.toLowerCase(), auHash };
  }
  const parsed = parseActivity(objectId);
  if (!parsed || parsed.lessonKey || parsed.quiz) return null;
  return { courseKey: parsed.courseKey, moduleKey: parsed.moduleKey };
}

interface Outcome {
  completed: boolean;
  passed: boolean;
  scaled: number | null;
}

/**
 * What one Completed or Passed says, as the moveOn rules read it (cmi5 §9.5.2, §9.5.3): the result's
 * `completion` and `success`, the verb standing in for a missing one; a Passed below the module's
 * passing score does not pass (§9.3.4). In SCORM 1.2, passed is a completion status too.
 */
export function outcomeOf(
  verb: string,
  result: unknown,
  module: Pick<PackagedModuleContent, 'passingScore'>,
  format: ImportedCourseContent['format'],
): Outcome {
  const r = (result ?? {}) as { completion?: unknown; success?: unknown; score?: { scaled?: unknown } };
  const scaled = typeof r.score?.scaled === 'number' ? r.score.scaled : null;
  const success = typeof r.success === 'boolean' ? r.success : verb === verbs.passed ? true : null;
  const passed =
    success === true && (module.passingScore === null || scaled === null || scaled >= module.passingScore);
  const completion = typeof r.completion === 'boolean' ? r.completion : verb === verbs.completed;
  return { completed: completion || (format === 'scorm12' && passed), passed, scaled };
}

/** A SCORM module is done when completed, and passed where it has a passing score (scorm-cmi.ts). */
const moveOnOf = (content: ImportedCourseContent, module: PackagedModuleContent) =>
  content.format === 'cmi5'
    ? (module.moveOn ?? 'Completed')
    : module.passingScore === null
      ? 'Completed'
      : 'CompletedAndPassed';

interface Candidate {
  userId: string;
  course: Imported;
  module: PackagedModuleContent;
  registration: string | null;
}

/** The imported courses the candidates name, by id and by key, read once per batch. */
async function coursesOf(db: Db, refs: ModuleRef[]) {
  const ids = [...new Set(refs.flatMap((r) => ('courseId' in r ? [r.courseId] : [])))];
  const keys = [...new Set(refs.flatMap((r) => ('courseKey' in r ? [r.courseKey] : [])))];
  const found = [...(await courses.findPublishedCoursesByIds(db, ids)).values()];
  for (const key of keys) {
    const course = await courses.findPublishedCourseByKey(db, key);
    if (course) found.push(course);
  }
  return found.filter((c): c is Imported => isImported(c.content));
}

/** Each module's activity ids: our module IRI, and for a cmi5 AU the id the LMS launches it under. */
function activityIdsOf(course: Imported, module: PackagedModuleContent, publicUrl: string) {
  const own = moduleActivity(course.key, module.key);
  return course.content.format === 'cmi5'
    ? [own, cmi5Ids(publicUrl, course.id).au(module.identifier)]
    : [own];
}

async function candidatesOf(db: Db, publicUrl: string, statements: readonly StoredStatement[]) {
  const sent = statements.flatMap((s) => {
    const ref = s.userId && COUNTING.has(s.verb) ? moduleRefOf(s.objectId, publicUrl) : null;
    return ref ? [{ s, userId: s.userId!, ref }] : [];
  });
  if (sent.length === 0) return [];
  const byActivity = new Map<string, { course: Imported; module: PackagedModuleContent }>();
  for (const course of await coursesOf(
    db,
    sent.map((c) => c.ref),
  )) {
    for (const module of course.content.modules)
      for (const id of activityIdsOf(course, module, publicUrl)) byActivity.set(id, { course, module });
  }
  return sent.flatMap(({ s, userId }): Candidate[] => {
    const found = byActivity.get(s.objectId);
    const registration = (s.context as { registration?: string } | null)?.registration?.toLowerCase();
    return found ? [{ userId, ...found, registration: registration ?? null }] : [];
  });
}

interface EnrolmentRow {
  id: string;
  user_id: string;
  course_id: string;
  registrations: string[] | null;
}

/**
 * Her enrolment the statement belongs to, as for our own lessons: the one its registration names (an
 * enrolment's id, or a cmi5 registration linked to one), else the one without a programme first.
 */
function enrolmentFor(c: Candidate, rows: EnrolmentRow[]): string | null {
  const hers = rows.filter((r) => r.user_id === c.userId && r.course_id === c.course.id);
  const named =
    c.registration &&
    hers.find((r) => r.id === c.registration || (r.registrations ?? []).includes(c.registration!));
  return (named || hers[0])?.id ?? null;
}

/**
 * Called in the transaction that stored the statements, after they were inserted. A batch without a
 * Completed or Passed by one of our people about a module-shaped activity id costs no query; one with
 * such a statement reads its courses, the enrolments and the module's statements once.
 */
export async function advanceEnrolments(
  tx: Db,
  publicUrl: string,
  statements: readonly StoredStatement[],
): Promise<void> {
  const candidates = await candidatesOf(tx, publicUrl, statements);
  if (candidates.length === 0) return;
  const userIds = [...new Set(candidates.map((c) => c.userId))];
  const courseIds = [...new Set(candidates.map((c) => c.course.id))];
  const enrolments = await queryRows<EnrolmentRow>(
    tx,
    sql`select e.id, e.user_id, e.course_id,
          array(select r.registration::text from cmi5_registrations r where r.enrolment_id = e.id) as registrations
        from enrolments e
        where e.user_id in (${uuidList(userIds)}) and e.course_id in (${uuidList(courseIds)})
        order by e.programme_id is not null, e.enrolled_at`,
  );
  // Not enrolled: the statement is kept in the store and advances nothing (no enrolment is made).
  const planned = candidates.flatMap((c) => {
    const enrolmentId = enrolmentFor(c, enrolments);
    return enrolmentId ? [{ ...c, enrolmentId }] : [];
  });
  if (planned.length === 0) return;

  const activityIds = [...new Set(planned.flatMap((p) => activityIdsOf(p.course, p.module, publicUrl)))];
  const history = await queryRows<{ user_id: string; object_id: string; verb: string; result: unknown }>(
    tx,
    sql`select user_id, object_id, verb, result from learning_statements
        where user_id in (${uuidList([...new Set(planned.map((p) => p.userId))])})
          and object_id in (${sql.join(
            activityIds.map((id) => sql`${id}`),
            sql`, `,
          )})
          and verb in (${verbs.completed}, ${verbs.passed}) and not voided`,
  );

  const finished = new Map<string, { course: Imported; modules: Map<string, FinishedModule> }>();
  for (const p of planned) {
    const ids = new Set(activityIdsOf(p.course, p.module, publicUrl));
    const outcomes = history
      .filter((h) => h.user_id === p.userId && ids.has(h.object_id))
      .map((h) => outcomeOf(h.verb, h.result, p.module, p.course.content.format));
    const completed = outcomes.some((o) => o.completed);
    const passed = outcomes.filter((o) => o.passed);
    if (!moveOnMet(moveOnOf(p.course.content, p.module), { completed, passed: passed.length > 0 })) continue;
    const scores = passed.flatMap((o) => (o.scaled === null ? [] : [o.scaled]));
    const entry = finished.get(p.enrolmentId) ?? { course: p.course, modules: new Map() };
    entry.modules.set(p.module.key, {
      moduleKey: p.module.key,
      scoreScaled: scores.length ? Math.max(...scores) : null,
      passed: passed.length > 0,
    });
    finished.set(p.enrolmentId, entry);
  }
  for (const [enrolmentId, { course, modules }] of finished)
    await finishModules(tx, enrolmentId, course, [...modules.values()]);
}
