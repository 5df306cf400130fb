import { randomUUID } from 'node:crypto';
import type { Cmi5CourseCreated } from '../../../shared/contracts/cmi5.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { looksLikeZip } from '../../lib/safe-zip.ts';
import type { RequestActor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { importCourse } from '../course-packages/package-import.service.ts';
import {
  abandonSession,
  type Cmi5Deps,
  requireAu,
  requireCmi5Course,
  statementScope,
} from './cmi5-launch.service.ts';
import { settleProgress } from './cmi5-progress.ts';
import * as repo from './cmi5-sessions.repo.ts';
import { CMI5, cmi5Ids, recordLmsStatements } from './cmi5-statements.ts';

/**
 * Imports a course as /courses/import does, owned by the API client's own organisation. A zip that names
 * no `cmi5.xml` anywhere (its central directory lists every path as plain bytes) is no cmi5 course: a
 * SCORM package goes to /courses/import instead.
 */
export async function importCmi5Course(
  deps: Cmi5Deps,
  actor: RequestActor,
  content: Buffer,
): Promise<Cmi5CourseCreated> {
  if (looksLikeZip(content) && !content.includes('cmi5.xml'))
    throw new AppError(400, 'package_not_recognised', [], 'A cmi5 zip has cmi5.xml at its root.');
  const result = await importCourse(deps.db, actor, { content, fields: {} });
  return { id: result.courseId };
}

/**
 * Deletes an imported cmi5 course with its registrations and sessions (the LRS keeps its statements).
 * A course learners are enrolled in, or that a programme or study group uses, stays: 409.
 */
export async function deleteCmi5Course(deps: Cmi5Deps, actor: RequestActor, courseId: string) {
  const cmi5 = await requireCmi5Course(deps.db, actor, courseId, 'course.author');
  try {
    await deps.db.transaction(async (tx) => {
      await repo.deleteCourse(tx, cmi5.course.id);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'course.deleted',
        entityType: 'course',
        entityId: cmi5.course.id,
        organisationId: cmi5.course.ownerOrganisationId,
        before: { key: cmi5.course.key, format: 'cmi5' },
      });
    });
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code;
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    // 23503: a foreign key still points at the course (enrolments, programmes, study groups).
    if (code === '23503' || cause === '23503') throw new AppError(409, 'conflict');
    throw error;
  }
}

/**
 * Waives an AU in a registration (cmi5 §9.3.7): one "Waived" statement with its reason (§9.5.5.2)
 * under a session id of its own, then moveOn as after a completion. Once per AU and registration.
 */
export async function waiveAu(
  deps: Cmi5Deps,
  actor: RequestActor,
  registrationId: string,
  auIndex: number,
  reason: string,
) {
  const found = await repo.findRegistration(deps.db, registrationId);
  if (!found) throw notFound();
  const cmi5 = await requireCmi5Course(deps.db, actor, found.courseId, 'learning.enrol');
  const au = requireAu(cmi5, auIndex);
  const apiClientId = actor.apiClient?.id ?? null;
  await deps.db.transaction(async (tx) => {
    const registration = await repo.findRegistration(tx, registrationId, true);
    if (!registration) throw notFound();
    const progress = registration.progress;
    if (progress.aus[au.id]?.waived)
      throw new AppError(409, 'conflict', [{ path: 'params.auIndex', code: 'already_waived' }]);
    const sessionId = randomUUID();
    await recordLmsStatements(tx, statementScope(deps, registration, sessionId, au.id, apiClientId), [
      {
        verb: 'waived',
        objectId: cmi5Ids(deps.publicUrl, cmi5.course.id).au(au.id),
        result: { success: true, completion: true, extensions: { [CMI5.reason]: reason } },
        moveOn: true,
      },
    ]);
    progress.aus[au.id] = { ...progress.aus[au.id], waived: true };
    // Satisfied statements this waiver brings about carry its session id (§9.3.7).
    await settleProgress(
      { db: tx, publicUrl: deps.publicUrl, cmi5, registration, sessionId, apiClientId },
      progress,
    );
  });
}

/** Abandons a session the AU has neither terminated nor been abandoned in (once per session, §9.3). */
export async function abandonCmi5Session(deps: Cmi5Deps, actor: RequestActor, sessionId: string) {
  const found = await repo.findSessionWithRegistration(deps.db, sessionId);
  if (!found) throw notFound();
  await requireCmi5Course(deps.db, actor, found.registration.courseId, 'learning.enrol');
  await deps.db.transaction(async (tx) => {
    const session = await repo.findSession(tx, sessionId, true);
    if (!session) throw notFound();
    if (session.abandonedAt || session.terminatedAt)
      throw new AppError(409, 'conflict', [{ path: 'params.sessionId', code: 'closed' }]);
    await abandonSession(tx, deps, found.registration, session, actor.apiClient?.id ?? null);
  });
}
