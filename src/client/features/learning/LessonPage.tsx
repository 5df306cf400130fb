import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { ApiError } from '../../lib/api.ts';
import { enqueue } from '../../lib/offline/sync.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import {
  Breadcrumbs,
  Content,
  CourseLanguageControl,
  LearningPage,
  LessonMarkdown,
  OfflineNote,
  SyncStatus,
  useActiveSeconds,
} from './components.tsx';
import { useEnrol } from './data.ts';
import { saveLessonSnapshot } from './lesson-snapshot.ts';
import { pageChunks } from './page-chunks.ts';
import { coursePath, lessonPath, quizPath } from './progress.ts';
import { lessonCompleted } from './statements.ts';
import { useCourseContext } from './useCourseContext.ts';

/** Resource links: web addresses and paths on this site only (no javascript: and the like). */
const SAFE_URL = /^(https?:\/\/|\/(?!\/))/i;
const resourceIcon = { video: '▶', file: '⤓', link: '↗' } as const;

export function LessonPage() {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.language;
  const navigate = useNavigate();
  const { id = '', moduleKey = '', lessonKey = '' } = useParams();
  const { lang, setLang, course, detail, progress, offline, mine } = useCourseContext(id);
  const enrol = useEnrol();
  const activeSeconds = useActiveSeconds(`${id}/${moduleKey}/${lessonKey}`);
  const [saving, setSaving] = useState(false);
  // The same object while the lesson is unchanged (the query shares structure between fetches).
  const shown = course.isPlaceholderData
    ? undefined
    : detail?.format === 'native'
      ? detail.modules.find((m) => m.key === moduleKey)?.lessons.find((l) => l.key === lessonKey)
      : undefined;
  useEffect(() => {
    if (!shown || !uiLanguage) return;
    // On screen now: the installed app keeps a copy to open it with next time (ADR 0018) …
    saveLessonSnapshot();
    // … and the learner's next pages come while the lesson is read.
    const next = window.setTimeout(() => {
      void pageChunks.quiz().catch(() => undefined);
      void pageChunks.course().catch(() => undefined);
    }, 2000);
    return () => window.clearTimeout(next);
  }, [shown, uiLanguage]);

  if (course.isPending) return <Loading />;
  if (course.isError) {
    if (course.error instanceof ApiError && course.error.status !== 0) {
      return course.error.status === 404 || course.error.status === 400 ? (
        <NotFoundPage />
      ) : (
        <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />
      );
    }
    return (
      <LearningPage title={t('learning.course.notOnDevice')}>
        <p className="ds-paragraph">{t('learning.course.notOnDeviceText')}</p>
      </LearningPage>
    );
  }
  const c = detail!;
  // An imported course's modules are played, not read: it has no lessons of ours.
  if (c.format !== 'native') return <NotFoundPage />;
  const mi = c.modules.findIndex((m) => m.key === moduleKey);
  const m = c.modules[mi];
  const li = m ? m.lessons.findIndex((l) => l.key === lessonKey) : -1;
  const lesson = m?.lessons[li];
  if (!m || !lesson) return <NotFoundPage />;

  const nextLesson = m.lessons[li + 1];
  const previous = m.lessons[li - 1];
  const nextTo = nextLesson ? lessonPath(c.id, m.key, nextLesson.key) : quizPath(c.id, m.key);
  const done = !!progress?.completedItems.includes(`lesson:${m.key}/${lesson.key}`);

  const finish = async () => {
    if (saving) return;
    if (progress && !done) {
      setSaving(true);
      try {
        await enqueue([
          lessonCompleted(
            {
              courseKey: c.key,
              moduleKey: m.key,
              enrolmentId: progress.id,
              language: lesson.language || lang,
            },
            lesson.key,
            activeSeconds(),
          ),
        ]);
      } finally {
        setSaving(false);
      }
    }
    navigate(nextTo);
  };

  return (
    <div className="lesson-page">
      <Breadcrumbs
        items={[
          { to: '/utbildning', label: t('learning.mine.title') },
          { to: coursePath(c.id), label: c.title, lang: c.language },
        ]}
      />
      <p className="ds-paragraph lesson-position" data-size="sm">
        {t('learning.course.moduleNumber', { number: mi + 1 })}:{' '}
        <Content as="span" lang={c.language}>
          {m.title}
        </Content>{' '}
        · {t('learning.lesson.position', { number: li + 1, count: m.lessons.length })}
      </p>
      <LearningPage title={lesson.title} titleLang={lesson.language}>
        {offline && course.data ? <OfflineNote savedAt={course.data.savedAt} /> : null}
        {done ? (
          <p className="ds-paragraph done-note" data-personal>
            <span aria-hidden="true">✓ </span>
            {t('learning.lesson.alreadyDone')}
          </p>
        ) : null}
        <Content as="article" lang={lesson.language} className="lesson">
          <LessonMarkdown body={lesson.body} />
          {lesson.resources.length ? (
            <section aria-labelledby="lesson-resources" className="lesson-resources">
              <h2 className="ds-heading" data-size="xs" id="lesson-resources">
                {t('learning.lesson.resources')}
              </h2>
              <ul className="resource-list">
                {lesson.resources
                  .filter((r) => SAFE_URL.test(r.url))
                  .map((r) => (
                    <li key={r.url}>
                      <a className="ds-link" href={r.url} target="_blank" rel="noopener noreferrer">
                        <span aria-hidden="true">{resourceIcon[r.kind]} </span>
                        {r.label}
                        <span className="sr-only"> ({t(`learning.lesson.resourceKind.${r.kind}`)})</span>
                      </a>
                    </li>
                  ))}
              </ul>
            </section>
          ) : null}
        </Content>

        <div className="lesson-actions" data-personal>
          {progress ? (
            <>
              <button
                type="button"
                className="ds-button big-button"
                data-variant="primary"
                aria-describedby="lesson-next-hint"
                aria-busy={saving || undefined}
                onClick={() => void finish()}
              >
                {t('learning.lesson.doneNext')}
              </button>
              <p className="field-hint" id="lesson-next-hint">
                {nextLesson
                  ? t('learning.lesson.nextIs', { title: nextLesson.title })
                  : t('learning.lesson.nextIsQuiz')}
              </p>
            </>
          ) : mine.isPending ? null : (
            <>
              <p className="ds-paragraph">{t('learning.lesson.enrolToSave')}</p>
              {enrol.isError ? <ErrorAlert error={enrol.error} /> : null}
              <button
                type="button"
                className="ds-button big-button"
                data-variant="primary"
                aria-busy={enrol.isPending || undefined}
                onClick={() => {
                  if (!enrol.isPending) enrol.mutate(c.id);
                }}
              >
                {t('learning.enrol')}
              </button>
            </>
          )}
          <nav className="lesson-nav" aria-label={t('learning.lesson.navigation')}>
            {previous ? (
              <Link className="ds-link" to={lessonPath(c.id, m.key, previous.key)}>
                <span aria-hidden="true">← </span>
                {t('learning.lesson.previous')}
              </Link>
            ) : null}
            <Link className="ds-link" to={coursePath(c.id)}>
              {t('learning.lesson.toCourse')}
            </Link>
          </nav>
        </div>
        {progress ? <SyncStatus /> : null}
        {c.languages.length > 1 ? (
          <CourseLanguageControl languages={c.languages} value={lang} onChange={setLang} />
        ) : null}
      </LearningPage>
    </div>
  );
}
