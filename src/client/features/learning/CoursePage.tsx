import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { ApiError } from '../../lib/api.ts';
import { useSyncState } from '../../lib/offline/sync.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { NativeModuleList, PackagedModuleList } from './CourseModules.tsx';
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
import { certificatePath, nextPath } from './progress.ts';
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
                    to={nextPath(c, progress.next)}
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

        {c.format === 'native' ? (
          <NativeModuleList course={c} progress={progress} />
        ) : (
          <PackagedModuleList course={c} progress={progress} />
        )}
      </LearningPage>
    </>
  );
}
