import { type ImportedCourseContent, isImported } from '../../../shared/contracts/imported-course.ts';
import type { Db } from '../../db/client.ts';
import type { Cmi5AuProgress, Cmi5RegistrationProgress } from '../../db/schema/index.ts';
import { defineCache } from '../../lib/caches.ts';
import type { CourseRow } from '../learning/course-content.ts';
import * as courses from '../learning/courses.repo.ts';
import { finishModules } from '../learning/module-completion.ts';
import type { XapiAgent } from '../xapi/statement-validation.ts';
import * as repo from './cmi5-sessions.repo.ts';
import { CMI5, cmi5Ids, type LmsStatement, recordLmsStatements } from './cmi5-statements.ts';
import type { Cmi5Au, Cmi5Course, Cmi5MoveOn } from './course-structure.ts';

/** A published cmi5 course with its structure as imported (cmi5.xml, spec §13). */
export interface Cmi5CourseRow {
  course: CourseRow & { content: ImportedCourseContent };
  structure: Cmi5Course;
}

/** A package never changes under its id, so its structure is read once. */
const structures = defineCache<Cmi5Course>('cmi5-structures', { max: 200 });

/** The course's published version when it is an imported cmi5 course; null otherwise. */
export async function loadCmi5Course(db: Db, courseId: string): Promise<Cmi5CourseRow | null> {
  const course = await courses.findPublishedCourse(db, courseId);
  if (!course || !isImported(course.content) || course.content.format !== 'cmi5') return null;
  const content = course.content;
  const cache = structures(db);
  let structure = cache.peek(content.packageId);
  if (!structure) {
    const stored = (await repo.packageStructure(db, content.packageId)) as Cmi5Course | null;
    if (!stored || !Array.isArray(stored.aus)) return null;
    structure = stored;
    cache.set(content.packageId, structure);
  }
  return { course: { ...course, content }, structure };
}

/** Whether an AU's moveOn criterion is met (cmi5 §13.1.4 moveOn; a waived AU is met, §9.3.7). */
export function moveOnMet(moveOn: Cmi5MoveOn, p: Cmi5AuProgress | undefined): boolean {
  if (moveOn === 'NotApplicable' || p?.waived) return true;
  const completed = !!p?.completed;
  const passed = !!p?.passed;
  switch (moveOn) {
    case 'Completed':
      return completed;
    case 'Passed':
      return passed;
    case 'CompletedAndPassed':
      return completed && passed;
    case 'CompletedOrPassed':
      return completed || passed;
  }
}

export interface ProgressContext {
  db: Db;
  publicUrl: string;
  cmi5: Cmi5CourseRow;
  registration: repo.RegistrationRow;
  /** The session the change came from: its id goes into the Satisfied statements (§9.3.9). */
  sessionId: string;
  apiClientId: string | null;
}

/**
 * After an AU's progress changed: the blocks and the course whose AUs all meet their moveOn get one
 * "Satisfied" statement each (§9.3.9, once per registration), and each AU newly met counts as a
 * finished module of the linked enrolment. The caller holds the registration's row lock.
 */
export async function settleProgress(ctx: ProgressContext, progress: Cmi5RegistrationProgress) {
  const { structure, course } = ctx.cmi5;
  const ids = cmi5Ids(ctx.publicUrl, course.id);
  const met = (au: Cmi5Au) => moveOnMet(au.moveOn, progress.aus[au.id]);
  const newlyMet = structure.aus.filter((au) => met(au) && !progress.aus[au.id]?.satisfied);
  for (const au of newlyMet) progress.aus[au.id] = { ...progress.aus[au.id], satisfied: true };

  const satisfied: { statement: LmsStatement; publisherId: string }[] = [];
  for (const block of structure.blocks) {
    const inside = structure.aus.filter((au) => au.parentBlockIds.includes(block.id));
    if (progress.blocks.includes(block.id) || inside.length === 0 || !inside.every(met)) continue;
    progress.blocks.push(block.id);
    satisfied.push({
      publisherId: block.id,
      statement: { verb: 'satisfied', objectId: ids.block(block.id), objectType: CMI5.blockType },
    });
  }
  if (!progress.course && structure.aus.every(met)) {
    progress.course = true;
    satisfied.push({
      publisherId: structure.id,
      statement: { verb: 'satisfied', objectId: ids.course, objectType: CMI5.courseType },
    });
  }
  await repo.saveProgress(ctx.db, ctx.registration.registration, progress);
  const r = ctx.registration;
  for (const s of satisfied) {
    await recordLmsStatements(
      ctx.db,
      {
        publicUrl: ctx.publicUrl,
        organisationId: r.organisationId,
        apiClientId: ctx.apiClientId,
        actor: r.actor as XapiAgent,
        userId: r.userId,
        registration: r.registration,
        sessionId: ctx.sessionId,
        publisherId: s.publisherId,
      },
      [s.statement],
    );
  }
  if (r.enrolmentId && newlyMet.length > 0) {
    await countFinishedModules(ctx.db, r.enrolmentId, course, newlyMet);
  }
}

/**
 * The AUs met become finished modules of the learner's enrolment, as a SCORM module's first completion
 * does in scorm-runtime.service.ts (module-completion.ts: once each, the enrolment locked first).
 */
export async function countFinishedModules(
  tx: Db,
  enrolmentId: string,
  course: CourseRow & { content: ImportedCourseContent },
  aus: readonly Cmi5Au[],
) {
  const modules = aus.flatMap((au) => {
    const module = course.content.modules.find((m) => m.identifier === au.id);
    return module ? [{ moduleKey: module.key, scoreScaled: null, passed: false }] : [];
  });
  await finishModules(tx, enrolmentId, course, modules);
}
