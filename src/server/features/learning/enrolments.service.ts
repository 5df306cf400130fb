import { randomInt } from 'node:crypto';
import { type Actor, authorize, isPlacementRole } from '../../../shared/access/index.ts';
import type { EnrolmentView, QuizGrading, StatementInput } from '../../../shared/contracts/learning.ts';
import { verbs } from '../../../shared/contracts/learning.ts';
import { QUIZ_CORRECT, QUIZ_RESPONSES } from '../../../shared/learning/activity.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadOrgContext } from '../organisations/organisations.repo.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import {
  durationSeconds,
  isNativeCourse,
  parseActivity,
  pick,
  requiredItems,
  toSummary,
} from './course-content.ts';
import * as courses from './courses.repo.ts';
import { canSeeCourse } from './courses.service.ts';
import { progressThrough } from './enrolment-progress.ts';
import * as repo from './enrolments.repo.ts';
import { gradeQuestionResponse, gradeQuiz } from './quiz-grading.ts';
import { statementDigest } from './statement-identity.ts';

/**
 * Enrols people on a course: oneself (any visible course), or people whose staff or manager role is in
 * an organisation where the actor may enrol (a manager's unit, a coordinator's municipality or region).
 */
export async function enrol(
  db: Db,
  actor: Actor,
  input: { courseId: string; userIds?: string[] | undefined },
) {
  const course = await courses.findPublishedCourse(db, input.courseId);
  if (!course || !(await canSeeCourse(db, actor, course))) throw notFound();
  const targets = input.userIds ? [...new Set(input.userIds)] : [actor.userId];
  const self = targets.length === 1 && targets[0] === actor.userId;
  const orgOf = new Map<string, string | null>();
  if (self) {
    orgOf.set(actor.userId, actor.memberships.find((m) => isPlacementRole(m.role))?.organisationId ?? null);
  } else {
    const ms = await repo.learnerMemberships(db, targets);
    for (const userId of targets) {
      let allowedOrg: string | null = null;
      for (const m of ms.filter((x) => x.userId === userId)) {
        const ctx = await loadOrgContext(db, m.organisationId);
        if (ctx && authorize(actor, 'learning.enrol', ctx)) {
          allowedOrg = m.organisationId;
          break;
        }
      }
      if (!allowedOrg) throw forbidden();
      orgOf.set(userId, allowedOrg);
    }
  }
  return db.transaction(async (tx) => {
    const created = await repo.insertEnrolments(
      tx,
      targets.map((userId) => ({
        userId,
        courseId: course.id,
        programmeId: null,
        organisationId: orgOf.get(userId) ?? null,
        enrolledBy: actor.userId,
      })),
    );
    if (created.length) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'enrolment.created',
        entityType: 'course',
        entityId: course.id,
        after: { userIds: targets, created: created.length },
      });
    }
    return { created: created.length, existing: targets.length - created.length };
  });
}

export async function myLearning(db: Db, actor: Actor, lang: string): Promise<EnrolmentView[]> {
  const rows = await repo.findEnrolmentsOf(db, actor.userId);
  const items = await repo.itemsOf(
    db,
    rows.map((r) => r.id),
  );
  const byId = await courses.findPublishedCoursesByIds(
    db,
    rows.map((r) => r.courseId),
  );
  const result: EnrolmentView[] = [];
  for (const e of rows) {
    const course = byId.get(e.courseId);
    if (!course) continue;
    const done = new Map(items.filter((i) => i.enrolmentId === e.id).map((i) => [i.item, i]));
    const { modules, next } = progressThrough(course.content, done);
    const required = requiredItems(course.content);
    const percent = Math.round(
      (100 * required.filter((r) => done.has(r)).length) / Math.max(1, required.length),
    );
    result.push({
      id: e.id,
      course: toSummary(course, lang),
      programmeId: e.programmeId,
      programmeName: e.programmeName,
      enrolledAt: e.enrolledAt.toISOString(),
      lastActivityAt: e.lastActivityAt?.toISOString() ?? null,
      completedAt: e.completedAt?.toISOString() ?? null,
      percent,
      modules,
      completedItems: [...done.keys()].sort(),
      next,
      certificateCode: e.certificateCode,
    });
  }
  return result.sort((a, b) =>
    (b.lastActivityAt ?? b.enrolledAt).localeCompare(a.lastActivityAt ?? a.enrolledAt),
  );
}

type Course = NonNullable<Awaited<ReturnType<typeof courses.findPublishedCourseByKey>>>;

interface Planned {
  index: number;
  s: StatementInput;
  activity: NonNullable<ReturnType<typeof parseActivity>>;
  course: Course;
  moduleKey: string;
  enrolmentId: string;
  /** The result as stored: for a quiz, the server's grading replaces whatever the device claimed. */
  result: Record<string, unknown> | null;
  grading: QuizGrading | null;
  digest: string;
}

/** The same answer for every reused id, the learner's own or anyone else's: nothing tells them apart. */
const conflict = (indexes: number[]) =>
  new AppError(
    409,
    'statement_conflict',
    indexes.map((i) => ({ path: `body.statements.${i}.id`, code: 'conflict' })),
  );

/**
 * Stores a batch of statements (as an offline sync sends them) exactly once each, and derives progress:
 * a completed lesson becomes an item of the enrolment, and so does a quiz attempt that the server grades
 * as passed against the course version the learner answered (ADR 13) — a device's own score or
 * `passed` is never taken. (Meeting attendance comes from study groups, recorded by the manager.)
 * Statements that point outside the learner's enrolments, or carry no answers where they must, are
 * refused as a whole (400) before anything is written; an id stored before with other content, or by
 * someone else, is 409 and nothing is written either.
 */
export async function ingestStatements(db: Db, actor: Actor, statements: StatementInput[]) {
  const enrolments = await repo.findEnrolmentsOf(db, actor.userId);
  const courseCache = new Map<string, Course | null>();
  const versionCache = new Map<string, Course | null>();
  const errors: { path: string; code: string }[] = [];
  const planned: Planned[] = [];
  for (const [i, s] of statements.entries()) {
    // Attendance at a reflection meeting is recorded by the group's manager, not claimed by the learner;
    // passing or failing a quiz is decided by the server's grading, not claimed by the device.
    if (
      s.verb.id === verbs.attended ||
      ((s.verb.id === verbs.passed || s.verb.id === verbs.failed) && s.object.id.endsWith('/quiz'))
    ) {
      errors.push({ path: `body.statements.${i}.verb.id`, code: 'invalid_value' });
      continue;
    }
    const activity = parseActivity(s.object.id);
    if (!activity) {
      errors.push({ path: `body.statements.${i}.object.id`, code: 'invalid_value' });
      continue;
    }
    if (!courseCache.has(activity.courseKey)) {
      courseCache.set(activity.courseKey, await courses.findPublishedCourseByKey(db, activity.courseKey));
    }
    // Our activity IRIs name lessons and quizzes of courses written in the editor; an imported
    // course's progress comes from its package's run-time data (ADR 21).
    const found = courseCache.get(activity.courseKey);
    const course = isNativeCourse(found) ? found : null;
    const module = course?.content.modules.find((m) => m.key === activity.moduleKey);
    const lessonOk = !activity.lessonKey || module?.lessons.some((l) => l.key === activity.lessonKey);
    // A quiz attempt is checked against the version the learner answered, which may lack a module today.
    const graded = activity.quiz && (s.verb.id === verbs.completed || s.verb.id === verbs.answered);
    if (!course || (!module && !graded) || !lessonOk) {
      errors.push({ path: `body.statements.${i}.object.id`, code: 'invalid_value' });
      continue;
    }
    const enrolment = s.context?.registration
      ? enrolments.find((e) => e.id === s.context?.registration && e.courseId === course.id)
      : enrolments.find((e) => e.courseId === course.id);
    if (!enrolment) {
      errors.push({ path: `body.statements.${i}.context.registration`, code: 'not_enrolled' });
      continue;
    }
    let result = (s.result as Record<string, unknown> | undefined) ?? null;
    let grading: QuizGrading | null = null;
    if (graded) {
      const version = s.context?.revision ? Number(s.context.revision) : course.version;
      const versionKey = `${course.id}@${version}`;
      if (!versionCache.has(versionKey)) {
        versionCache.set(
          versionKey,
          version === course.version ? course : await courses.findCourseVersion(db, course, version),
        );
      }
      const answered = versionCache.get(versionKey);
      const quiz = isNativeCourse(answered)
        ? answered.content.modules.find((m) => m.key === activity.moduleKey)?.quiz
        : undefined;
      if (!quiz) {
        const what = module ? 'context.revision' : 'object.id';
        errors.push({ path: `body.statements.${i}.${what}`, code: 'invalid_value' });
        continue;
      }
      if (s.verb.id === verbs.answered) {
        const right = gradeQuestionResponse(quiz, s.result?.response);
        if (right === null) {
          errors.push({ path: `body.statements.${i}.result.response`, code: 'invalid_value' });
          continue;
        }
        result = { ...s.result, success: right };
      } else {
        const responses = s.result?.extensions?.[QUIZ_RESPONSES];
        if (!responses) {
          errors.push({ path: `body.statements.${i}.result.extensions`, code: 'required' });
          continue;
        }
        const outcome = gradeQuiz(quiz, responses, s.context?.language ?? 'sv');
        if ('unknown' in outcome) {
          errors.push({ path: `body.statements.${i}.result.extensions`, code: 'invalid_value' });
          continue;
        }
        const { correct, ...view } = outcome;
        result = {
          ...s.result,
          score: view.score,
          success: view.success,
          extensions: { [QUIZ_RESPONSES]: responses, [QUIZ_CORRECT]: correct },
        };
        grading = {
          statementId: s.id,
          courseKey: course.key,
          moduleKey: activity.moduleKey,
          version,
          ...view,
        };
      }
    }
    planned.push({
      index: i,
      s,
      activity,
      course,
      moduleKey: activity.moduleKey,
      enrolmentId: enrolment.id,
      result,
      grading,
      digest: statementDigest({
        verb: s.verb.id,
        objectId: s.object.id,
        result: s.result,
        context: s.context,
        timestamp: s.timestamp,
      }),
    });
  }
  if (errors.length) throw new AppError(400, 'validation_failed', errors);

  // One id twice in a batch: the same statement counts once, a different one is a conflict.
  const firstOf = new Map<string, Planned>();
  const clashes: number[] = [];
  for (const p of planned) {
    const first = firstOf.get(p.s.id);
    if (!first) firstOf.set(p.s.id, p);
    else if (first.digest !== p.digest) clashes.push(p.index);
  }
  if (clashes.length) throw conflict(clashes);
  const unique = [...firstOf.values()];

  return db.transaction(async (tx) => {
    const stored = await repo.insertStatements(
      tx,
      unique.map((p) => ({
        id: p.s.id,
        userId: actor.userId,
        verb: p.s.verb.id,
        objectId: p.s.object.id,
        courseId: p.course.id,
        enrolmentId: p.enrolmentId,
        result: p.result,
        context: p.s.context ?? null,
        timestamp: new Date(p.s.timestamp),
        digest: p.digest,
      })),
    );
    const isNew = new Set(stored.map((r) => r.id));
    const resent = unique.filter((p) => !isNew.has(p.s.id));
    if (resent.length) {
      // Rows from before the digest was kept were stored as sent, so theirs is computed from the row.
      const before = new Map(
        (
          await repo.findStatements(
            tx,
            resent.map((p) => p.s.id),
          )
        ).map((r) => [r.id, r]),
      );
      const reused = resent.filter((p) => {
        const row = before.get(p.s.id);
        return !row || row.userId !== actor.userId || (row.digest ?? statementDigest(row)) !== p.digest;
      });
      if (reused.length) throw conflict(reused.map((p) => p.index));
    }
    const fresh = unique.filter((p) => isNew.has(p.s.id));
    const items: { enrolmentId: string; item: string; completedAt: Date; score: number | null }[] = [];
    for (const p of fresh) {
      const at = new Date(p.s.timestamp);
      const verb = p.s.verb.id;
      if (verb === verbs.completed && p.activity.lessonKey) {
        items.push({
          enrolmentId: p.enrolmentId,
          item: `lesson:${p.moduleKey}/${p.activity.lessonKey}`,
          completedAt: at,
          score: null,
        });
      } else if (p.grading?.success) {
        items.push({
          enrolmentId: p.enrolmentId,
          item: `quiz:${p.moduleKey}`,
          completedAt: at,
          score: Math.round(p.grading.score.scaled * 100),
        });
      }
    }
    await repo.upsertItems(tx, items);
    for (const enrolmentId of new Set(fresh.map((p) => p.enrolmentId))) {
      const mine = fresh.filter((p) => p.enrolmentId === enrolmentId);
      const times = mine.map((p) => new Date(p.s.timestamp).getTime());
      await repo.refreshEnrolment(tx, enrolmentId, requiredItems(mine[0]!.course.content), {
        first: new Date(Math.min(...times)),
        last: new Date(Math.max(...times)),
        seconds: mine.reduce((sum, p) => sum + durationSeconds(p.s.result?.duration), 0),
      });
    }
    return {
      stored: stored.length,
      duplicates: planned.length - stored.length,
      graded: planned.flatMap((p) => (p.grading ? [p.grading] : [])),
    };
  });
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function certificateCode(): string {
  const group = () =>
    Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

/** Issues (once) the certificate of a completed enrolment of the actor's. */
export async function issueCertificate(db: Db, actor: Actor & { name: string }, enrolmentId: string) {
  const enrolment = await repo.findEnrolment(db, enrolmentId);
  if (!enrolment || enrolment.userId !== actor.userId) throw notFound();
  if (!enrolment.completedAt) throw new AppError(409, 'course_not_completed');
  const course = await courses.findPublishedCourse(db, enrolment.courseId);
  if (!course) throw notFound();
  const cert = await repo.insertCertificate(db, {
    code: certificateCode(),
    enrolmentId,
    learnerName: actor.name,
    courseTitle: course.content.title,
    issuer: 'Välfärdsnavet',
  });
  return toCertificateView(cert, 'sv');
}

export async function verifyCertificate(db: Db, code: string, lang: string) {
  const cert = await repo.findCertificate(db, code);
  if (!cert) throw notFound();
  return toCertificateView(cert, lang);
}

function toCertificateView(
  cert: NonNullable<Awaited<ReturnType<typeof repo.findCertificate>>>,
  lang: string,
) {
  return {
    code: cert.code,
    learnerName: cert.learnerName,
    courseTitle: pick(cert.courseTitle as { sv: string }, lang).text,
    issuer: cert.issuer,
    issuedAt: cert.issuedAt.toISOString(),
    valid: true as const,
  };
}

export async function certificatePdf(db: Db, code: string, lang: 'sv' | 'en', publicUrl: string) {
  const cert = await repo.findCertificate(db, code);
  if (!cert) throw notFound();
  return renderCertificatePdf({
    lang,
    learnerName: cert.learnerName,
    courseTitle: pick(cert.courseTitle as { sv: string }, lang).text,
    issuer: cert.issuer,
    issuedAt: cert.issuedAt,
    code: cert.code,
    checkUrl: `${publicUrl}/intyg`,
    verifyUrl: `${publicUrl}/intyg/${cert.code}`,
  });
}
