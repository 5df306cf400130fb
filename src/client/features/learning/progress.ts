import type { CourseDetail, CourseSummary, EnrolmentView } from '../../../shared/contracts/learning.ts';
import { itemOfActivity, verbs } from '../../../shared/learning/activity.ts';
import type { QueuedStatement } from '../../lib/offline/sync.ts';

/**
 * Lessons (`lesson:m/l`) completed by statements still waiting in the queue. A quiz attempt in the queue
 * counts for nothing yet: only the server knows whether it passed (ADR 13).
 */
export function queuedItems(enrolment: EnrolmentView, queued: readonly QueuedStatement[]): Set<string> {
  const items = new Set<string>();
  for (const { statement: s } of queued) {
    if (s.context?.registration && s.context.registration !== enrolment.id) continue;
    const item = itemOfActivity(s.object.id, enrolment.course.key);
    if (item?.kind === 'lesson' && s.verb.id === verbs.completed) items.add(item.item);
  }
  return items;
}

export interface Progress extends EnrolmentView {
  /** Items done on this device that the server has not confirmed yet. */
  unsyncedItems: number;
}

/**
 * The server's last known progress combined with what the learner did since (statements in the queue,
 * made offline or not sent yet), computed the way the server computes it: every lesson and every
 * module's quiz is one required item; `next` is the first lesson not done, else the module's quiz.
 */
export function withQueued(
  enrolment: EnrolmentView,
  queued: readonly QueuedStatement[],
  course?: CourseDetail,
): Progress {
  const extra = queuedItems(enrolment, queued);
  const done = new Set([...enrolment.completedItems, ...extra]);
  const unsyncedItems = [...extra].filter((i) => !enrolment.completedItems.includes(i)).length;
  if (unsyncedItems === 0) return { ...enrolment, unsyncedItems };

  const structure =
    course?.format === 'native'
      ? course.modules.map((m) => ({ key: m.key, lessons: m.lessons.map((l) => l.key) }))
      : null;
  const modules = enrolment.modules.map((m) => {
    const lessonsCompleted = structure
      ? (structure.find((s) => s.key === m.key)?.lessons ?? []).filter((l) =>
          done.has(`lesson:${m.key}/${l}`),
        ).length
      : Math.min(m.lessonCount, [...done].filter((i) => i.startsWith(`lesson:${m.key}/`)).length);
    const quizPassed = done.has(`quiz:${m.key}`);
    return {
      ...m,
      lessonsCompleted,
      quizPassed,
      completed: lessonsCompleted === m.lessonCount && quizPassed,
    };
  });
  const required = modules.reduce((n, m) => n + m.lessonCount + 1, 0);
  const completed = modules.reduce((n, m) => n + m.lessonsCompleted + (m.quizPassed ? 1 : 0), 0);
  let next: EnrolmentView['next'] = null;
  if (structure) {
    for (const m of structure) {
      const lesson = m.lessons.find((l) => !done.has(`lesson:${m.key}/${l}`));
      if (lesson) {
        next = { moduleKey: m.key, lessonKey: lesson };
        break;
      }
      if (!done.has(`quiz:${m.key}`)) {
        next = { moduleKey: m.key, lessonKey: null };
        break;
      }
    }
  } else if (completed < required) {
    next = enrolment.next;
  }
  return {
    ...enrolment,
    modules,
    completedItems: [...done].sort(),
    percent: Math.round((100 * completed) / Math.max(1, required)),
    next,
    unsyncedItems,
  };
}

/**
 * The path of a lesson, the quiz or the course page of an enrolment's `next`; in an imported course,
 * the player of the next module (SCO or AU).
 */
export function nextPath(
  course: { id: string; format: CourseSummary['format'] },
  next: EnrolmentView['next'],
) {
  if (!next) return coursePath(course.id);
  if (course.format !== 'native') return playerPath(course.id, next.moduleKey);
  return next.lessonKey
    ? lessonPath(course.id, next.moduleKey, next.lessonKey)
    : quizPath(course.id, next.moduleKey);
}

export const coursePath = (courseId: string) => `/utbildning/kurser/${courseId}`;
export const lessonPath = (courseId: string, moduleKey: string, lessonKey: string) =>
  `/utbildning/kurser/${courseId}/moduler/${moduleKey}/lektioner/${lessonKey}`;
export const quizPath = (courseId: string, moduleKey: string) =>
  `/utbildning/kurser/${courseId}/moduler/${moduleKey}/quiz`;
export const playerPath = (courseId: string, moduleKey: string) =>
  `/utbildning/kurser/${courseId}/moduler/${moduleKey}/spela`;
export const certificatePath = (courseId: string) => `/utbildning/kurser/${courseId}/intyg`;
