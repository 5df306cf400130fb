import { isImported, type StoredCourseContent } from '../../../shared/contracts/imported-course.ts';
import type { EnrolmentView } from '../../../shared/contracts/learning.ts';
import { unitItem } from './course-content.ts';

/** A completed item of an enrolment, with its score (0–100) where it has one. */
export interface DoneItem {
  score: number | null;
}

/**
 * Per-module progress and where to continue, from the items an enrolment has completed. A module of an
 * imported course is one SCO or AU: it has no lessons or quiz of ours, and `completed` says it all.
 */
export function progressThrough(
  content: StoredCourseContent,
  done: ReadonlyMap<string, DoneItem>,
): Pick<EnrolmentView, 'modules' | 'next'> {
  if (isImported(content)) {
    const modules = content.modules.map((m) => {
      const unit = done.get(unitItem(m.key));
      return {
        key: m.key,
        lessonsCompleted: 0,
        lessonCount: 0,
        quizPassed: false,
        meetingAttended: false,
        bestScore: unit?.score != null ? unit.score / 100 : null,
        completed: unit !== undefined,
      };
    });
    const open = content.modules.find((m) => m.moveOn !== 'NotApplicable' && !done.has(unitItem(m.key)));
    return { modules, next: open ? { moduleKey: open.key, lessonKey: null } : null };
  }
  const modules = content.modules.map((m) => {
    const lessonsCompleted = m.lessons.filter((l) => done.has(`lesson:${m.key}/${l.key}`)).length;
    const quiz = done.get(`quiz:${m.key}`);
    const meetingAttended = done.has(`meeting:${m.key}`);
    return {
      key: m.key,
      lessonsCompleted,
      lessonCount: m.lessons.length,
      quizPassed: quiz !== undefined,
      meetingAttended,
      bestScore: quiz?.score != null ? quiz.score / 100 : null,
      completed:
        lessonsCompleted === m.lessons.length &&
        quiz !== undefined &&
        (meetingAttended || !content.completionRequiresMeetings),
    };
  });
  let next: EnrolmentView['next'] = null;
  for (const m of content.modules) {
    const lesson = m.lessons.find((l) => !done.has(`lesson:${m.key}/${l.key}`));
    if (lesson) {
      next = { moduleKey: m.key, lessonKey: lesson.key };
      break;
    }
    if (!done.has(`quiz:${m.key}`)) {
      next = { moduleKey: m.key, lessonKey: null };
      break;
    }
  }
  return { modules, next };
}
