import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { ApiError } from '../../lib/api.ts';
import { useSyncState } from '../../lib/offline/sync.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import {
  Breadcrumbs,
  Content,
  CourseLanguageControl,
  LearningPage,
  OfflineNote,
  ProgressBar,
  SyncStatus,
} from './components.tsx';
import { useEnrol, useIssueCertificate } from './data.ts';
import { certificatePath, lessonPath, nextPath, quizPath } from './progress.ts';
import { useCourseContext } from './useCourseContext.ts';

/** Issues the certificate (once; again is harmless) and opens it. */
export function GetCertificateButton({
  courseId,
  enrolmentId,
  hasCode,
}: {
  courseId: string;
  enrolmentId: string;
  hasCode: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const issue = useIssueCertificate();
  const sync = useSyncState();
  if (hasCode) {
    return (
      <Link className="ds-button big-button" data-variant="primary" to={certificatePath(courseId)}>
        {t('learning.certificate.show')}
      </Link>
    );
  }
  return (
    <>
      {issue.isError ? <ErrorAlert error={issue.error} /> : null}
      <button
        type="button"
        className="ds-button big-button"
        data-variant="primary"
        disabled={!sync.online}
        aria-busy={issue.isPending || undefined}
        onClick={() => {
          if (!issue.isPending)
            issue.mutate(enrolmentId, { onSuccess: () => navigate(certificatePath(courseId)) });
        }}
      >
        {issue.isPending ? t('learning.certificate.getting') : t('learning.certificate.get')}
      </button>
      {sync.online ? null : <p className="field-hint">{t('learning.certificate.needsNetwork')}</p>}
    </>
  );
}

export function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { lang, setLang, course, detail, progress, offline, mine } = useCourseContext(id);
  const enrol = useEnrol();
  const sync = useSyncState();

  if (course.isPending) return <Loading />;
  if (course.isError) {
    if (course.error instanceof ApiError && (course.error.status === 404 || course.error.status === 400))
      return <NotFoundPage />;
    if (course.error instanceof ApiError && course.error.status === 0) {
      return (
        <LearningPage title={t('learning.course.notOnDevice')}>
          <p className="ds-paragraph">{t('learning.course.notOnDeviceText')}</p>
          <Link className="ds-link" to="/utbildning">
            {t('learning.mine.title')}
          </Link>
        </LearningPage>
      );
    }
    return <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />;
  }
  const c = detail!;
  const complete = !!progress && (!!progress.completedAt || progress.percent >= 100);

  return (
    <>
      <Breadcrumbs items={[{ to: '/utbildning', label: t('learning.mine.title') }]} />
      <LearningPage title={c.title} titleLang={c.language}>
        <Content lang={c.language}>
          <p className="ds-paragraph lead">{c.summary}</p>
        </Content>
        <p className="card-meta">
          {t(`learning.track.${c.track}`)} · {t('learning.minutes', { count: c.estimatedMinutes })} ·{' '}
          {t('learning.modules', { count: c.modules.length })}
        </p>
        {offline && course.data ? <OfflineNote savedAt={course.data.savedAt} /> : null}
        <CourseLanguageControl languages={c.languages} value={lang} onChange={setLang} />
        {progress ? <SyncStatus /> : null}

        <div className="course-status">
          {progress ? (
            <>
              <ProgressBar
                percent={progress.percent}
                label={t('learning.percentDone', { percent: progress.percent })}
              />
              {complete ? (
                <div className="ds-alert" data-color="success">
                  <p className="ds-paragraph">
                    {progress.completedAt
                      ? t('learning.course.complete')
                      : t('learning.completedPendingSync')}
                  </p>
                  {progress.completedAt ? (
                    <GetCertificateButton
                      courseId={c.id}
                      enrolmentId={progress.id}
                      hasCode={!!progress.certificateCode}
                    />
                  ) : null}
                </div>
              ) : (
                <p className="card-actions">
                  <Link
                    className="ds-button big-button"
                    data-variant="primary"
                    to={nextPath(c.id, progress.next)}
                  >
                    {progress.percent > 0 ? t('learning.continue') : t('learning.start')}
                  </Link>
                </p>
              )}
            </>
          ) : mine.isPending ? null : (
            <>
              <p className="ds-paragraph">{t('learning.course.notEnrolled')}</p>
              {enrol.isError ? <ErrorAlert error={enrol.error} /> : null}
              <button
                type="button"
                className="ds-button big-button"
                data-variant="primary"
                disabled={!sync.online}
                aria-busy={enrol.isPending || undefined}
                onClick={() => {
                  if (!enrol.isPending) enrol.mutate(c.id);
                }}
              >
                {t('learning.enrol')}
              </button>
            </>
          )}
        </div>

        <ol className="module-list">
          {c.modules.map((m, mi) => {
            const mp = progress?.modules.find((x) => x.key === m.key);
            const headingId = `modul-${m.key}`;
            return (
              <li key={m.key} className="module">
                <h2 className="ds-heading" data-size="sm" id={headingId}>
                  <span className="module-number">
                    {t('learning.course.moduleNumber', { number: mi + 1 })}
                  </span>{' '}
                  <Content as="span" lang={c.language}>
                    {m.title}
                  </Content>
                </h2>
                <Content lang={c.language}>
                  <p className="ds-paragraph">{m.summary}</p>
                </Content>
                {mp ? (
                  <p className="ds-paragraph module-progress" data-size="sm">
                    {mp.completed
                      ? t('learning.course.moduleDone')
                      : t('learning.course.lessonsDone', {
                          done: mp.lessonsCompleted,
                          count: mp.lessonCount,
                        })}
                    {mp.quizPassed
                      ? ` · ${t('learning.course.quizPassed')}${
                          mp.bestScore != null ? ` (${Math.round(mp.bestScore * 100)} %)` : ''
                        }`
                      : ''}
                  </p>
                ) : null}
                <ul className="step-list">
                  {m.lessons.map((l) => {
                    const done = progress?.completedItems.includes(`lesson:${m.key}/${l.key}`);
                    return (
                      <li key={l.key} data-done={done || undefined}>
                        <span className="step-mark" aria-hidden="true">
                          {done ? '✓' : '○'}
                        </span>
                        <Link className="ds-link step-link" to={lessonPath(c.id, m.key, l.key)}>
                          <Content as="span" lang={l.language}>
                            {l.title}
                          </Content>
                        </Link>
                        <span className="step-meta">
                          {done ? <span className="sr-only">{t('learning.course.done')}, </span> : null}
                          {t('learning.minutes', { count: l.estimatedMinutes })}
                        </span>
                      </li>
                    );
                  })}
                  <li data-done={mp?.quizPassed || undefined}>
                    <span className="step-mark" aria-hidden="true">
                      {mp?.quizPassed ? '✓' : '○'}
                    </span>
                    <Link className="ds-link step-link" to={quizPath(c.id, m.key)}>
                      {t('learning.quiz.linkLabel')}
                    </Link>
                    <span className="step-meta">
                      {mp?.quizPassed ? <span className="sr-only">{t('learning.course.done')}, </span> : null}
                      {t('learning.quiz.questions', { count: m.quiz.questions.length })}
                    </span>
                  </li>
                </ul>
                <details className="reflection-details">
                  <summary>{t('learning.reflection.title')}</summary>
                  <Content lang={c.language}>
                    <ul className="ds-list">
                      {m.reflectionQuestions.map((q) => (
                        <li key={q}>{q}</li>
                      ))}
                    </ul>
                  </Content>
                </details>
              </li>
            );
          })}
        </ol>
      </LearningPage>
    </>
  );
}
