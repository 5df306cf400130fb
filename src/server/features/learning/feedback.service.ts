import type { z } from 'zod';
import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { ModuleResultSummary } from '../../../shared/contracts/imported-results.ts';
import type { CourseFeedback } from '../../../shared/contracts/learning.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { loadOrgContext } from '../organisations/organisations.repo.ts';
import { ACTIVITY_BASE, pick } from './course-content.ts';
import * as courses from './courses.repo.ts';
import * as enrolments from './enrolments.repo.ts';
import * as repo from './feedback.repo.ts';
import * as results from './imported-results.repo.ts';
import { asImported, summariesByModule, wrongInteractionsOf } from './imported-results.ts';

/** A learner rates a module of a course they are enrolled on (again = changes their rating). */
export async function rateModule(
  db: Db,
  actor: Actor,
  enrolmentId: string,
  moduleKey: string,
  input: { rating: number; comment?: string | undefined },
) {
  const enrolment = await enrolments.findEnrolment(db, enrolmentId);
  if (!enrolment || enrolment.userId !== actor.userId) throw notFound();
  const course = await courses.findPublishedCourse(db, enrolment.courseId);
  if (!course?.content.modules.some((m) => m.key === moduleKey)) {
    throw new AppError(404, 'not_found', [{ path: 'params.moduleKey', code: 'invalid_value' }]);
  }
  await repo.upsertFeedback(db, {
    enrolmentId,
    courseId: course.id,
    moduleKey,
    rating: input.rating,
    comment: input.comment || null,
  });
  return { moduleKey, rating: input.rating, comment: input.comment || null };
}

/**
 * Ratings, comments and the questions most people get wrong, for the course's authors (coordinators of
 * its owner, national administrators) and the owners of programmes that run it; for an imported course
 * also each module's results from the package. Comments and results carry no names.
 */
export async function courseFeedback(
  db: Db,
  actor: Actor,
  courseId: string,
  lang: string,
): Promise<z.infer<typeof CourseFeedback>> {
  const course = await courses.findPublishedCourse(db, courseId);
  if (!course) throw notFound();
  if (!(await mayReadFeedback(db, actor, course.id, course.ownerOrganisationId))) throw forbidden();
  const feedback = await repo.feedbackOf(db, course.id);
  const stats = await repo.questionStats(db, course.id);
  const imported = asImported(course);
  // An imported course's results come from the package: its attempts and registrations, no names.
  const summaries = imported
    ? summariesByModule(imported, await results.courseModuleSummaries(db, course.id))
    : new Map<string, ModuleResultSummary>();
  // cmi.interactions is SCORM's; a cmi5 AU's answers are its own statements.
  const scorm = imported && imported.content.format !== 'cmi5';
  const interactions = scorm ? await results.wrongInteractions(db, course.id) : [];
  const t = (x: { sv: string }) => pick(x, lang).text;
  return {
    format: imported?.content.format ?? null,
    modules: course.content.modules.map((m) => {
      const summary = summaries.get(m.key);
      const mine = feedback.filter((f) => f.moduleKey === m.key);
      const quizIri = `${ACTIVITY_BASE}/${course.key}/modules/${m.key}/quiz`;
      return {
        key: m.key,
        title: t(m.title),
        ratings: mine.length,
        averageRating: mine.length
          ? Math.round((10 * mine.reduce((s, f) => s + f.rating, 0)) / mine.length) / 10
          : null,
        comments: mine
          .filter((f) => f.comment)
          .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
          .map((f) => ({ text: f.comment!, at: f.updatedAt.toISOString() })),
        // An imported course's modules have no quiz of ours: their results come from the package.
        questions: ('quiz' in m ? m.quiz.questions : [])
          .map((q) => {
            const s = stats.find((x) => x.object_id === quizIri && x.question === q.key);
            return {
              key: q.key,
              prompt: t(q.prompt),
              answers: s?.answers ?? 0,
              wrong: s?.wrong ?? 0,
              wrongShare: s?.answers ? Math.round((100 * s.wrong) / s.answers) / 100 : null,
            };
          })
          .sort((a, b) => (b.wrongShare ?? -1) - (a.wrongShare ?? -1)),
        packageResults: summary
          ? { ...summary, wrongInteractions: wrongInteractionsOf(interactions, m.key) }
          : null,
      };
    }),
  };
}

async function mayReadFeedback(db: Db, actor: Actor, courseId: string, ownerId: string) {
  const owner = await loadOrgContext(db, ownerId);
  if (owner && authorize(actor, 'course.author', owner)) return true;
  for (const p of await repo.programmeOwnersOfCourse(db, courseId)) {
    const ctx = await loadOrgContext(db, p.ownerId);
    if (ctx && authorize(actor, 'programme.report', ctx)) return true;
  }
  return false;
}
