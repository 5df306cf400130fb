import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CourseDetail } from '../../../shared/contracts/learning.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { ApiError } from '../../lib/api.ts';
import { enqueue } from '../../lib/offline/sync.ts';
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
import { ModuleRating } from './ModuleRating.tsx';
import { coursePath, lessonPath, type Progress } from './progress.ts';
import { questionAnswered, quizFinished } from './statements.ts';
import { useCourseContext } from './useCourseContext.ts';

type Module = CourseDetail['modules'][number];
type Question = Module['quiz']['questions'][number];

interface Answer {
  questionKey: string;
  chosen: string[];
  correct: boolean;
}

const isCorrect = (q: Question, chosen: string[]) => {
  const right = q.options.filter((o) => o.correct).map((o) => o.key);
  return right.length === chosen.length && right.every((k) => chosen.includes(k));
};

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
  course: CourseDetail;
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

function Quiz({
  course,
  moduleIndex,
  progress,
  lang,
}: {
  course: CourseDetail;
  moduleIndex: number;
  progress: Progress | null;
  lang: string;
}) {
  const { t } = useTranslation();
  const m = course.modules[moduleIndex]!;
  const questions = m.quiz.questions;
  const [attempt, setAttempt] = useState(0);
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const [current, setCurrent] = useState<Answer | null>(null);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [finished, setFinished] = useState(false);
  const [missing, setMissing] = useState(false);
  const seconds = useActiveSeconds(`${course.id}/${m.key}/${attempt}`);
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const feedback = useRef<HTMLDivElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const where = progress
    ? { courseKey: course.key, moduleKey: m.key, enrolmentId: progress.id, language: lang }
    : null;
  const q = questions[index]!;
  const passPercent = Math.round(m.quiz.passMark * 100);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows each step of the quiz
  useEffect(() => {
    if (!moved.current) return;
    if (finished) resultHeading.current?.focus();
    else if (current) feedback.current?.focus();
    else questionHeading.current?.focus();
  }, [finished, current, index, attempt]);

  const answer = () => {
    if (!chosen.length) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const a = { questionKey: q.key, chosen, correct: isCorrect(q, chosen) };
    moved.current = true;
    setCurrent(a);
    setAnswers((all) => [...all, a]);
    if (where) void enqueue([questionAnswered(where, q.key, a.chosen, a.correct)]);
  };

  const next = () => {
    moved.current = true;
    if (index + 1 < questions.length) {
      setIndex(index + 1);
      setChosen([]);
      setCurrent(null);
      return;
    }
    const all = answers;
    const scaled = all.filter((a) => a.correct).length / questions.length;
    const passed = scaled >= m.quiz.passMark;
    if (where) void enqueue([quizFinished(where, scaled, passed, seconds())]);
    setFinished(true);
  };

  const retry = () => {
    moved.current = true;
    setAttempt(attempt + 1);
    setIndex(0);
    setChosen([]);
    setCurrent(null);
    setAnswers([]);
    setFinished(false);
  };

  if (finished) {
    const right = answers.filter((a) => a.correct).length;
    const percent = Math.round((100 * right) / questions.length);
    const passed = right / questions.length >= m.quiz.passMark;
    return (
      <>
        <h2 className="ds-heading" data-size="md" tabIndex={-1} ref={resultHeading}>
          {passed ? t('learning.quiz.passed') : t('learning.quiz.failed')}
        </h2>
        <div className="ds-alert" data-color={passed ? 'success' : 'warning'}>
          <p className="ds-paragraph">
            {t('learning.quiz.score', { right, count: questions.length, percent })}{' '}
            {passed ? t('learning.quiz.passedText') : t('learning.quiz.failedText', { percent: passPercent })}
          </p>
        </div>
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
        {passed ? <Reflection module={m} lang={lang} /> : null}
        {passed && progress ? <ModuleRating enrolmentId={progress.id} moduleKey={m.key} /> : null}
        {passed ? <Continue course={course} moduleIndex={moduleIndex} progress={progress} /> : null}
      </>
    );
  }

  const multiple = q.kind === 'multiple';
  const hintId = `quiz-hint-${q.key}`;
  const errorId = `quiz-error-${q.key}`;
  return (
    <form
      className="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        if (current) next();
        else answer();
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
            const state = current
              ? selected
                ? o.correct
                  ? 'right'
                  : 'wrong'
                : o.correct
                  ? 'missed'
                  : undefined
              : undefined;
            return (
              <label
                key={o.key}
                className="quiz-option"
                data-state={state}
                data-selected={selected || undefined}
              >
                <input
                  className="ds-input"
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`q-${q.key}`}
                  value={o.key}
                  checked={selected}
                  disabled={!!current}
                  onChange={(e) => {
                    setMissing(false);
                    setChosen(
                      multiple
                        ? e.target.checked
                          ? [...chosen, o.key]
                          : chosen.filter((k) => k !== o.key)
                        : [o.key],
                    );
                  }}
                />
                <span className="quiz-option-text">
                  <span>{o.text}</span>
                  {state ? (
                    <span className="quiz-feedback">
                      <strong lang={document.documentElement.lang}>
                        {state === 'right'
                          ? t('learning.quiz.yourAnswerRight')
                          : state === 'wrong'
                            ? t('learning.quiz.yourAnswerWrong')
                            : t('learning.quiz.correctAnswer')}
                      </strong>{' '}
                      {o.feedback}
                    </span>
                  ) : null}
                </span>
              </label>
            );
          })}
        </Content>
      </fieldset>
      {current ? (
        <div className="quiz-result-box" data-correct={current.correct} tabIndex={-1} ref={feedback}>
          <p className="ds-paragraph">
            <strong>{current.correct ? t('learning.quiz.right') : t('learning.quiz.wrong')}</strong>{' '}
            {current.correct ? null : t('learning.quiz.seeFeedback')}
          </p>
        </div>
      ) : null}
      <p className="card-actions">
        <button type="submit" className="ds-button big-button" data-variant="primary">
          {current
            ? index + 1 < questions.length
              ? t('learning.quiz.next')
              : t('learning.quiz.showResult')
            : t('learning.quiz.answer')}
        </button>
      </p>
    </form>
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
  const mi = c.modules.findIndex((x) => x.key === moduleKey);
  const m = c.modules[mi];
  if (!m) return <NotFoundPage />;
  const passed = !!progress?.modules.find((x) => x.key === m.key)?.quizPassed;

  return (
    <>
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
    </>
  );
}
