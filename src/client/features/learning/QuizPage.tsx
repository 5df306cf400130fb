import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { NativeCourseDetail } from '../../../shared/contracts/learning.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { ApiError } from '../../lib/api.ts';
import { allStrings } from '../../lib/i18n.ts';
import { useGradingOf, useLatestGrading, useRefused } from '../../lib/offline/gradings.ts';
import { enqueue, useSyncState } from '../../lib/offline/sync.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { GetCertificateButton } from './CoursePage.tsx';
import {
  Breadcrumbs,
  Content,
  LearningPage,
  OfflineNote,
  SyncStatus,
  useActiveSeconds,
} from './components.tsx';
import { coursePath, lessonPath, type Progress } from './progress.ts';
import { LastResult, Review, Score } from './QuizGrading.tsx';
import { quizAttempt } from './statements.ts';
import { useCourseContext } from './useCourseContext.ts';

// Shown only after a pass; its form brings zod, react-hook-form and the form strings (ModuleRating.tsx).
const ModuleRating = lazy(() =>
  Promise.all([import('./ModuleRating.tsx'), allStrings()]).then(([m]) => ({ default: m.ModuleRating })),
);

type Module = NativeCourseDetail['modules'][number];
function Reflection({ module, lang }: { module: Module; lang: string }) {
  const { t } = useTranslation();
  return (
    <section className="reflection" aria-labelledby="reflection-heading">
      <h2 className="ds-heading" data-size="sm" id="reflection-heading">
        {t('learning.reflection.title')}
      </h2>
      <p className="ds-paragraph">{t('learning.reflection.lead')}</p>
      <Content lang={lang}>
        <ol className="ds-list reflection-list">
          {module.reflectionQuestions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ol>
      </Content>
    </section>
  );
}

function Continue({
  course,
  moduleIndex,
  progress,
}: {
  course: NativeCourseDetail;
  moduleIndex: number;
  progress: Progress | null;
}) {
  const { t } = useTranslation();
  const next = course.modules[moduleIndex + 1];
  const complete = !!progress && (!!progress.completedAt || progress.percent >= 100);
  return (
    <div className="quiz-continue">
      {complete && progress ? (
        <div className="ds-alert" data-color="success">
          <p className="ds-paragraph">
            {progress.completedAt ? t('learning.course.complete') : t('learning.completedPendingSync')}
          </p>
          {progress.completedAt ? (
            <GetCertificateButton
              courseId={course.id}
              enrolmentId={progress.id}
              hasCode={!!progress.certificateCode}
            />
          ) : null}
        </div>
      ) : next?.lessons[0] ? (
        <p className="card-actions">
          <Link
            className="ds-button big-button"
            data-variant="primary"
            to={lessonPath(course.id, next.key, next.lessons[0].key)}
          >
            {t('learning.quiz.nextModule')}
          </Link>
        </p>
      ) : null}
      <p>
        <Link className="ds-link" to={coursePath(course.id)}>
          {t('learning.lesson.toCourse')}
        </Link>
      </p>
    </div>
  );
}

/**
 * The quiz: one question at a time, then the answers go to the server, which grades them (ADR 13) —
 * at once when online, when the queue is sent otherwise. The device does not know the right answers.
 */
function Quiz({
  course,
  moduleIndex,
  progress,
  lang,
}: {
  course: NativeCourseDetail;
  moduleIndex: number;
  progress: Progress | null;
  lang: string;
}) {
  const { t } = useTranslation();
  const m = course.modules[moduleIndex]!;
  const questions = m.quiz.questions;
  const sync = useSyncState();
  const [attempt, setAttempt] = useState(0);
  const [index, setIndex] = useState(0);
  const [responses, setResponses] = useState<Record<string, string[]>>({});
  const [sentId, setSentId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const grading = useGradingOf(sentId);
  const refused = useRefused(sentId);
  const last = useLatestGrading(sync.userId, course.key, m.key);
  const seconds = useActiveSeconds(`${course.id}/${m.key}/${attempt}`);
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const where = progress
    ? { courseKey: course.key, moduleKey: m.key, enrolmentId: progress.id, language: lang }
    : null;
  const q = questions[index]!;
  const chosen = responses[q.key] ?? [];
  const isLast = index + 1 === questions.length;

  // Focus follows each step of the quiz: the next question, the sent answers, then the result.
  const step = sentId ? `${sentId}:${grading ? 'graded' : 'sent'}` : `question:${attempt}/${index}`;
  useEffect(() => {
    if (!moved.current) return;
    if (step.startsWith('question:')) questionHeading.current?.focus();
    else resultHeading.current?.focus();
  }, [step]);

  const next = () => {
    if (!chosen.length) {
      setMissing(true);
      return;
    }
    setMissing(false);
    moved.current = true;
    if (!isLast) {
      setIndex(index + 1);
      return;
    }
    if (!where) return;
    const statement = quizAttempt(where, course.version, responses, seconds());
    setSentId(statement.id);
    void enqueue([statement]);
  };

  const retry = () => {
    moved.current = true;
    setAttempt(attempt + 1);
    setIndex(0);
    setResponses({});
    setSentId(null);
  };

  if (sentId && !grading) {
    return (
      <div className="quiz-waiting">
        <h2 className="ds-heading" data-size="md" tabIndex={-1} ref={resultHeading}>
          {t('learning.quiz.sent')}
        </h2>
        {refused ? (
          <>
            <p className="ds-paragraph" role="alert">
              {t('learning.quiz.refused')}
            </p>
            <p className="card-actions">
              <button type="button" className="ds-button big-button" data-variant="primary" onClick={retry}>
                {t('learning.quiz.retry')}
              </button>
            </p>
          </>
        ) : (
          <p className="ds-paragraph" role="status">
            {sync.online ? t('learning.quiz.grading') : t('learning.quiz.gradedLater')}
          </p>
        )}
      </div>
    );
  }

  if (sentId && grading) {
    const passed = grading.success;
    const retryButton = (
      <p className="card-actions">
        <button
          type="button"
          className="ds-button big-button"
          data-variant={passed ? 'secondary' : 'primary'}
          onClick={retry}
        >
          {t('learning.quiz.retry')}
        </button>
      </p>
    );
    // The next step comes first, within the first screen of a phone: onwards when passed, another try when not.
    return (
      <>
        <h2 className="ds-heading" data-size="md" tabIndex={-1} ref={resultHeading}>
          {passed ? t('learning.quiz.passed') : t('learning.quiz.failed')}
        </h2>
        <Score grading={grading} />
        {passed ? <Continue course={course} moduleIndex={moduleIndex} progress={progress} /> : null}
        {retryButton}
        <Review module={m} grading={grading} />
        {passed ? <Reflection module={m} lang={lang} /> : null}
        {passed && progress ? (
          <Suspense fallback={<Loading />}>
            <ModuleRating enrolmentId={progress.id} moduleKey={m.key} />
          </Suspense>
        ) : null}
      </>
    );
  }

  const multiple = q.kind === 'multiple';
  const hintId = `quiz-hint-${q.key}`;
  const errorId = `quiz-error-${q.key}`;
  return (
    <>
      {last && index === 0 && !chosen.length ? <LastResult module={m} grading={last} /> : null}
      <form
        className="quiz"
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        <h2 className="ds-heading quiz-counter" data-size="xs" tabIndex={-1} ref={questionHeading}>
          {t('learning.quiz.questionOf', { number: index + 1, count: questions.length })}
        </h2>
        <fieldset
          className="fieldset quiz-question"
          aria-describedby={[hintId, missing ? errorId : null].filter(Boolean).join(' ')}
        >
          <legend className="quiz-prompt">
            <Content as="span" lang={lang}>
              {q.prompt}
            </Content>
          </legend>
          <p className="field-hint" id={hintId}>
            {multiple ? t('learning.quiz.chooseMany') : t('learning.quiz.chooseOne')}
          </p>
          {missing ? (
            <p className="ds-validation-message quiz-error" data-color="danger" id={errorId}>
              {t('learning.quiz.chooseFirst')}
            </p>
          ) : null}
          <Content lang={lang} className="quiz-options">
            {q.options.map((o) => {
              const selected = chosen.includes(o.key);
              return (
                <label key={o.key} className="quiz-option" data-selected={selected || undefined}>
                  <input
                    className="ds-input"
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`q-${q.key}`}
                    value={o.key}
                    checked={selected}
                    onChange={(e) => {
                      setMissing(false);
                      setResponses({
                        ...responses,
                        [q.key]: multiple
                          ? e.target.checked
                            ? [...chosen, o.key]
                            : chosen.filter((k) => k !== o.key)
                          : [o.key],
                      });
                    }}
                  />
                  <span className="quiz-option-text">
                    <span>{o.text}</span>
                  </span>
                </label>
              );
            })}
          </Content>
        </fieldset>
        {isLast && !where ? <p className="ds-paragraph">{t('learning.quiz.notEnrolledNoGrading')}</p> : null}
        <p className="card-actions">
          <button
            type="submit"
            className="ds-button big-button"
            data-variant="primary"
            disabled={isLast && !where}
          >
            {isLast ? t('learning.quiz.send') : t('learning.quiz.next')}
          </button>
        </p>
      </form>
    </>
  );
}

export function QuizPage() {
  const { t } = useTranslation();
  const { id = '', moduleKey = '' } = useParams();
  const { lang, course, detail, progress, offline } = useCourseContext(id);

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
  if (c.format !== 'native') return <NotFoundPage />;
  const mi = c.modules.findIndex((x) => x.key === moduleKey);
  const m = c.modules[mi];
  if (!m) return <NotFoundPage />;
  const passed = !!progress?.modules.find((x) => x.key === m.key)?.quizPassed;

  return (
    <div className="lesson-page">
      <Breadcrumbs
        items={[
          { to: '/utbildning', label: t('learning.mine.title') },
          { to: coursePath(c.id), label: c.title, lang: c.language },
        ]}
      />
      <LearningPage title={t('learning.quiz.title', { module: m.title })}>
        {offline && course.data ? <OfflineNote savedAt={course.data.savedAt} /> : null}
        <p className="ds-paragraph">
          {t('learning.quiz.intro', {
            count: m.quiz.questions.length,
            percent: Math.round(m.quiz.passMark * 100),
          })}
        </p>
        {passed ? (
          <p className="ds-paragraph done-note">
            <span aria-hidden="true">✓ </span>
            {t('learning.quiz.alreadyPassed')}
          </p>
        ) : null}
        {progress ? null : <p className="ds-paragraph">{t('learning.quiz.notEnrolled')}</p>}
        <Quiz
          key={`${c.id}/${m.key}/${lang}`}
          course={c}
          moduleIndex={mi}
          progress={progress}
          lang={c.language}
        />
        {progress ? <SyncStatus /> : null}
      </LearningPage>
    </div>
  );
}
