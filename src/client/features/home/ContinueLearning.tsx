import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Section } from '../../components/Page.tsx';
import { useQueued, useSyncState } from '../../lib/offline/sync.ts';
import { SyncStatus } from '../learning/components.tsx';
import { useContentLanguage, useCourse, useMyLearning } from '../learning/data.ts';
import { nextPath, type Progress, withQueued } from '../learning/progress.ts';

/**
 * Where the learner left off: the course worked on last; a course not yet started (just enrolled on)
 * comes after every course with activity, newest enrolment first.
 */
const byLastWorkedOn = (a: Progress, b: Progress) =>
  Number(!!b.lastActivityAt) - Number(!!a.lastActivityAt) ||
  (b.lastActivityAt ?? b.enrolledAt).localeCompare(a.lastActivityAt ?? a.enrolledAt);

/**
 * A learner's next step, one tap away: the course they worked on last and its next lesson (or quiz),
 * counting what is done on this device but not sent yet; and, when something waits in the offline
 * queue, how it stands.
 */
export function ContinueLearning() {
  const { t } = useTranslation();
  const [lang] = useContentLanguage();
  const mine = useMyLearning(lang);
  const queued = useQueued();
  const sync = useSyncState();
  const active = (mine.data?.data.items ?? [])
    .map((e) => withQueued(e, queued))
    .filter((p) => !p.completedAt && p.percent < 100)
    .sort(byLastWorkedOn);
  const current = active[0];

  return (
    <Section title={t('start.continueTitle')} id="continue">
      {sync.pending > 0 ? <SyncStatus /> : null}
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {current ? <NextStep progress={current} lang={lang} /> : null}
      {mine.data && !current ? (
        <p className="ds-paragraph">
          {t('start.noActiveCourse')}{' '}
          <Link className="ds-link" to="/utbildning">
            {t('start.chooseCourse')}
          </Link>
        </p>
      ) : null}
      {current ? (
        <p className="ds-paragraph">
          <Link className="ds-link" to="/utbildning">
            {t('start.allMyCourses')}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}

/**
 * The big link to the next lesson. The course is read for the lesson's title, which also has it ready
 * (and saved on the device) when the lesson opens; until it answers, the link names the course.
 */
function NextStep({ progress, lang }: { progress: Progress; lang: string }) {
  const { t } = useTranslation();
  const queued = useQueued();
  const course = useCourse(progress.course.id, lang);
  const detail = course.data?.data;
  const p = detail ? withQueued(progress, queued, detail) : progress;
  const module = detail?.modules.find((m) => m.key === p.next?.moduleKey);
  const lesson =
    module && 'lessons' in module ? module.lessons.find((l) => l.key === p.next?.lessonKey) : undefined;
  const label = lesson
    ? t(p.percent > 0 ? 'start.continueLesson' : 'start.beginLesson', { lesson: lesson.title })
    : module && !('lessons' in module)
      ? t(p.percent > 0 ? 'start.continueLesson' : 'start.beginLesson', { lesson: module.title })
      : module && p.next && !p.next.lessonKey
        ? t('start.continueQuiz', { module: module.title })
        : t(p.percent > 0 ? 'start.continueLesson' : 'start.beginLesson', { lesson: p.course.title });
  return (
    <div className="start-continue">
      <Link className="ds-button big-button" data-variant="primary" to={nextPath(p.course, p.next)}>
        {label}
      </Link>
      <p className="ds-paragraph card-meta">
        {t('start.continueMeta', { course: p.course.title, percent: p.percent })}
      </p>
    </div>
  );
}
