import { useQueued } from '../../lib/offline/sync.ts';
import { useContentLanguage, useCourse, useMyLearning } from './data.ts';
import { withQueued } from './progress.ts';

/**
 * Everything a course page needs: the course in the learner's content language (from the server, or
 * the copy on the device), the learner's enrolment, and progress including what is still queued.
 */
export function useCourseContext(courseId: string) {
  const [lang, setLang] = useContentLanguage();
  const course = useCourse(courseId, lang);
  const mine = useMyLearning(lang);
  const queued = useQueued();
  const enrolment = mine.data?.data.items.find((e) => e.course.id === courseId) ?? null;
  const progress = enrolment ? withQueued(enrolment, queued, course.data?.data) : null;
  return {
    lang,
    setLang,
    course,
    detail: course.data?.data,
    mine,
    enrolment,
    progress,
    offline: !!course.data?.offline,
  };
}
