import { z } from 'zod';
import type { Actor } from '../../../shared/access/index.ts';
import {
  type ImportedCourseContent,
  isImported,
  type PackagedModuleContent,
  packageLaunchUrl,
} from '../../../shared/contracts/imported-course.ts';
import type {
  FlatCmi,
  ScormCommit,
  ScormCommitResult,
  ScormLaunch,
} from '../../../shared/contracts/scorm-runtime.ts';
import type { Db } from '../../db/client.ts';
import { defineCache } from '../../lib/caches.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { type CourseRow, requiredItems, unitItem } from '../learning/course-content.ts';
import * as courses from '../learning/courses.repo.ts';
import * as enrolments from '../learning/enrolments.repo.ts';
import { recordEndedSession, recordFinishedModules } from '../learning/module-completion.ts';
import * as repo from './scorm-attempts.repo.ts';
import {
  type CmiStatus,
  deriveStatus,
  isFinished,
  isModuleCompleted,
  lmsElements,
  type ScoLimits,
  type ScormFormat,
  sessionSeconds,
  withoutLearnerElements,
} from './scorm-cmi.ts';

interface Sco {
  enrolmentId: string;
  course: CourseRow & { content: ImportedCourseContent };
  format: ScormFormat;
  module: PackagedModuleContent;
  limits: ScoLimits;
}

const moduleNotFound = () =>
  new AppError(404, 'not_found', [{ path: 'params.moduleKey', code: 'invalid_value' }]);

/** The part of a stored SCORM manifest read here (scorm-manifest.ts `ScormManifest`); the rest is not. */
const ManifestThresholds = z.object({
  scos: z.array(z.object({ identifier: z.string(), completionThreshold: z.number().nullable().optional() })),
});

/** A package never changes under its id, so its SCOs' thresholds are read once per package. */
const thresholdCache = defineCache<ReadonlyMap<string, number>>('scorm-thresholds', { max: 500 });

async function completionThreshold(db: Db, packageId: string, identifier: string) {
  const thresholds = await thresholdCache(db).get(packageId, async () => {
    const parsed = ManifestThresholds.safeParse(await repo.packageManifest(db, packageId));
    return new Map(
      (parsed.success ? parsed.data.scos : []).flatMap((s) =>
        s.completionThreshold != null ? [[s.identifier, s.completionThreshold] as const] : [],
      ),
    );
  });
  return thresholds.get(identifier) ?? null;
}

/**
 * The SCO a learner plays: only their own enrolment (an attempt is private, so not even an
 * administrator's), on a SCORM course; cmi5 AUs and courses written in the editor have no SCORM data.
 */
async function loadSco(db: Db, actor: Actor, enrolmentId: string, moduleKey: string): Promise<Sco> {
  const enrolment = await enrolments.findEnrolment(db, enrolmentId);
  if (!enrolment) throw notFound();
  if (enrolment.userId !== actor.userId) throw forbidden();
  return scoOf(db, enrolmentId, moduleKey, await courses.findPublishedCourse(db, enrolment.courseId));
}

/** The same for a commit, inside its transaction: the enrolment is locked and read in one statement. */
async function lockSco(tx: Db, actor: Actor, enrolmentId: string, moduleKey: string): Promise<Sco> {
  const locked = await repo.lockEnrolmentWithCourse(tx, enrolmentId);
  if (!locked) throw notFound();
  if (locked.userId !== actor.userId) throw forbidden();
  const { version, ...head } = locked.course;
  // The published content comes from the course cache (a published version never changes).
  const course = version === null ? null : await courses.findCourseVersion(tx, { ...head, version }, version);
  return scoOf(tx, enrolmentId, moduleKey, course);
}

async function scoOf(db: Db, enrolmentId: string, moduleKey: string, course: CourseRow | null): Promise<Sco> {
  if (!course || !isImported(course.content)) throw moduleNotFound();
  const content = course.content;
  if (content.format === 'cmi5') throw moduleNotFound();
  const module = content.modules.find((m) => m.key === moduleKey);
  if (!module) throw moduleNotFound();
  return {
    enrolmentId,
    course: { ...course, content },
    format: content.format,
    module,
    limits: {
      passingScore: module.passingScore,
      completionThreshold:
        content.format === 'scorm2004'
          ? await completionThreshold(db, content.packageId, module.identifier)
          : null,
    },
  };
}

/**
 * What the player needs to start the SCO: the latest attempt to resume, or a new one after a finished
 * attempt (its row is written with the first commit, so opening and closing leaves nothing behind).
 */
export async function launchSco(
  db: Db,
  actor: Actor & { name: string },
  enrolmentId: string,
  moduleKey: string,
): Promise<ScormLaunch> {
  const sco = await loadSco(db, actor, enrolmentId, moduleKey);
  const latest = await repo.latestAttempt(db, enrolmentId, moduleKey);
  const saved = latest?.cmi as FlatCmi | undefined;
  const resume = !!latest && !isFinished(sco.format, saved ?? {}, latest.completion);
  const base = {
    format: sco.format,
    launchUrl: packageLaunchUrl(sco.course.content.packageId, sco.module.launch),
    entry: resume ? ('resume' as const) : ('ab-initio' as const),
  };
  const lms = (totalSeconds: number) =>
    lmsElements(sco.format, {
      learnerId: enrolmentId,
      name: actor.name,
      entry: base.entry,
      launchData: sco.module.launchData,
      totalSeconds,
      limits: sco.limits,
    });
  if (!resume || !latest) {
    return {
      ...base,
      attempt: (latest?.attempt ?? 0) + 1,
      commitSeq: 0,
      cmi: lms(0),
      completion: 'not attempted',
      success: 'unknown',
      scoreScaled: null,
    };
  }
  return {
    ...base,
    attempt: latest.attempt,
    commitSeq: latest.commitSeq,
    cmi: { ...saved, ...lms(latest.totalSeconds) },
    completion: latest.completion,
    success: latest.success,
    scoreScaled: storedScore(latest.scoreScaled),
  };
}

/** A real column gives 0.85 back as 0.8500000238…: six decimals are more than any SCO's score has. */
const storedScore = (score: number | null) => (score === null ? null : Math.round(score * 1e6) / 1e6);

const percentOf = (required: string[], done: ReadonlySet<string>) =>
  Math.round((100 * required.filter((r) => done.has(r)).length) / Math.max(1, required.length));

function commitResult(
  row: repo.ScormAttemptRow,
  status: CmiStatus,
  moduleCompleted: boolean,
  percent: number,
): ScormCommitResult {
  return {
    attempt: row.attempt,
    commitSeq: row.commitSeq,
    completion: status.completion,
    success: status.success,
    scoreScaled: status.scoreScaled,
    moduleCompleted,
    percent,
  };
}

/**
 * Stores a commit of the SCO's data exactly once: a commit numbered at or below the attempt's last
 * (re-sent by the outbox, or overtaken) answers the current state and writes nothing. The first time
 * the module is done, it becomes an item of the enrolment with one learning statement, and the
 * enrolment's progress and completion follow as for a course written in the editor.
 */
export async function commitSco(
  db: Db,
  actor: Actor,
  enrolmentId: string,
  moduleKey: string,
  body: ScormCommit,
): Promise<ScormCommitResult> {
  return db.transaction(async (tx) => {
    const sco = await lockSco(tx, actor, enrolmentId, moduleKey);
    const { course, module, format } = sco;
    const required = requiredItems(course.content);
    const item = unitItem(module.key);
    const found = await repo.latestAttemptWithItems(tx, enrolmentId, moduleKey);
    const latest = found?.attempt ?? null;
    const latestNo = latest?.attempt ?? 0;
    if (body.attempt < latestNo || body.attempt > latestNo + 1) {
      throw new AppError(409, 'conflict', [{ path: 'body.attempt', code: 'stale' }]);
    }
    const row =
      latest && latest.attempt === body.attempt
        ? latest
        : await repo.insertAttempt(tx, {
            enrolmentId,
            userId: actor.userId,
            moduleKey,
            scoIdentifier: module.identifier,
            attempt: body.attempt,
          });
    const done = found?.items ?? (await repo.enrolmentItemKeys(tx, enrolmentId));
    if (body.seq <= row.commitSeq) {
      const status = {
        completion: row.completion,
        success: row.success,
        scoreScaled: storedScore(row.scoreScaled),
      };
      return commitResult(
        row,
        status,
        isModuleCompleted(status, module.passingScore),
        percentOf(required, done),
      );
    }

    const cmi = withoutLearnerElements(body.cmi);
    const status = deriveStatus(format, cmi, sco.limits);
    const seconds = body.terminated ? sessionSeconds(format, cmi) : 0;
    const set = {
      cmi,
      ...status,
      totalSeconds: row.totalSeconds + seconds,
      commitSeq: body.seq,
      scoIdentifier: module.identifier,
    };
    const moduleCompleted = isModuleCompleted(status, module.passingScore);
    const now = new Date();
    const finishes = moduleCompleted && !done.has(item);
    // Most commits (a SCO saving its place) change no item and add no time: the attempt and the
    // enrolment's activity are then written by one statement.
    if (!finishes && seconds === 0) {
      const saved = await repo.saveCommitWithActivity(tx, row.id, set, enrolmentId, now);
      return commitResult(saved, status, moduleCompleted, percentOf(required, done));
    }
    const saved = await repo.updateAttempt(tx, row.id, set);
    if (finishes) {
      const finished = {
        moduleKey: module.key,
        scoreScaled: status.scoreScaled,
        passed: status.success === 'passed',
      };
      await recordFinishedModules(tx, { id: enrolmentId, userId: actor.userId }, course, [finished], now);
      done.add(item);
    }
    if (seconds > 0) {
      await recordEndedSession(
        tx,
        { id: enrolmentId, userId: actor.userId },
        course,
        module.key,
        seconds,
        now,
      );
    }
    await enrolments.refreshEnrolment(tx, enrolmentId, required, { first: now, last: now, seconds });
    return commitResult(saved, status, moduleCompleted, percentOf(required, done));
  });
}
