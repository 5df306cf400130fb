import { randomUUID } from 'node:crypto';
import { isoDuration, moduleActivity, verbs } from '../../../shared/learning/activity.ts';
import type { Db } from '../../db/client.ts';
import { enrolmentItemKeys, lockEnrolment } from '../scorm/scorm-attempts.repo.ts';
import { type CourseRow, requiredItems, unitItem } from './course-content.ts';
import * as enrolments from './enrolments.repo.ts';

/** A module of an imported course (a SCO or an AU) finished for the first time in an enrolment. */
export interface FinishedModule {
  moduleKey: string;
  /** 0–1, where the package gave a score. */
  scoreScaled: number | null;
  passed: boolean;
}

/** ADL's verb for a session that ended: what a SCO's session counts under (time and activity per month). */
const TERMINATED = 'http://adlnet.gov/expapi/verbs/terminated';

/**
 * Counts finished modules of an imported course as our own lessons are counted (ADR 21): the enrolment
 * item `unit:<module>` and one statement each in the learning record store, in the caller's transaction
 * (which has locked the enrolment and knows the modules were not done before). The caller then refreshes
 * the enrolment's figures.
 */
export async function recordFinishedModules(
  tx: Db,
  enrolment: { id: string; userId: string },
  course: { id: string; key: string },
  finished: readonly FinishedModule[],
  at: Date,
): Promise<void> {
  if (finished.length === 0) return;
  await enrolments.upsertItems(
    tx,
    finished.map((m) => ({
      enrolmentId: enrolment.id,
      item: unitItem(m.moduleKey),
      completedAt: at,
      score: m.scoreScaled === null ? null : Math.round(m.scoreScaled * 100),
    })),
  );
  await enrolments.insertStatements(
    tx,
    finished.map((m) => ({
      id: randomUUID(),
      userId: enrolment.userId,
      verb: m.passed ? verbs.passed : verbs.completed,
      objectId: moduleActivity(course.key, m.moduleKey),
      courseId: course.id,
      enrolmentId: enrolment.id,
      result: {
        ...(m.scoreScaled !== null ? { score: { scaled: m.scoreScaled } } : {}),
        ...(m.passed ? { success: true } : {}),
        completion: true,
      },
      context: { registration: enrolment.id },
      timestamp: at,
    })),
  );
}

/**
 * Modules finished outside a SCORM commit (a cmi5 AU's moveOn met, or a statement from another tool,
 * xapi-progress.ts): with the enrolment locked, those not done before are recorded as above and the
 * enrolment's figures recomputed, so however often and by whichever way a module is reported, it
 * counts once.
 */
export async function finishModules(
  tx: Db,
  enrolmentId: string,
  course: CourseRow,
  finished: readonly FinishedModule[],
  at = new Date(),
): Promise<void> {
  if (finished.length === 0 || !(await lockEnrolment(tx, enrolmentId))) return;
  const row = await enrolments.findEnrolment(tx, enrolmentId);
  if (!row) return;
  const done = await enrolmentItemKeys(tx, enrolmentId);
  const fresh = finished.filter((m) => !done.has(unitItem(m.moduleKey)));
  await recordFinishedModules(tx, { id: enrolmentId, userId: row.userId }, course, fresh, at);
  await enrolments.refreshEnrolment(tx, enrolmentId, requiredItems(course.content), {
    first: at,
    last: at,
    seconds: 0,
  });
}

/**
 * One ended session of a SCO, with the time the SCO reported: the statement that puts the time and the
 * activity into the enrolment's month (enrolment_months is kept from statements). Completion statements
 * carry no duration, so no time is counted twice.
 */
export async function recordEndedSession(
  tx: Db,
  enrolment: { id: string; userId: string },
  course: { id: string; key: string },
  moduleKey: string,
  seconds: number,
  at: Date,
): Promise<void> {
  await enrolments.insertStatements(tx, [
    {
      id: randomUUID(),
      userId: enrolment.userId,
      verb: TERMINATED,
      objectId: moduleActivity(course.key, moduleKey),
      courseId: course.id,
      enrolmentId: enrolment.id,
      result: { duration: isoDuration(seconds) },
      context: { registration: enrolment.id },
      timestamp: at,
    },
  ]);
}
