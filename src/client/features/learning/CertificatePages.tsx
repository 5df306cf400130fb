import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { CertificateFacts } from '../certificate-check/CertificateFacts.tsx';
import { GetCertificateButton } from './CoursePage.tsx';
import { Breadcrumbs, LearningPage } from './components.tsx';
import { useVerifyCertificate } from './data.ts';
import { coursePath } from './progress.ts';
import { useCourseContext } from './useCourseContext.ts';

/** The learner's certificate of a completed course: issued on request, then shown with its code. */
export function MyCertificatePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { course, detail, progress, mine } = useCourseContext(id);
  const code = progress?.certificateCode ?? '';
  const cert = useVerifyCertificate(code, i18n.language);

  if (course.isPending || mine.isPending) return <Loading />;
  const title = t('learning.certificate.title');
  const crumbs = [
    { to: '/utbildning', label: t('learning.mine.title') },
    ...(detail ? [{ to: coursePath(id), label: detail.title, lang: detail.language }] : []),
  ];
  if (!progress?.completedAt) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <LearningPage title={title}>
          <p className="ds-paragraph">{t('learning.certificate.notYet')}</p>
          <Link className="ds-link" to={coursePath(id)}>
            {t('learning.lesson.toCourse')}
          </Link>
        </LearningPage>
      </>
    );
  }
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <LearningPage title={title}>
        {!code ? (
          <>
            <p className="ds-paragraph">{t('learning.course.complete')}</p>
            <GetCertificateButton courseId={id} enrolmentId={progress.id} hasCode={false} />
          </>
        ) : cert.isPending ? (
          <Loading />
        ) : cert.isError ? (
          <ErrorAlert error={cert.error} onRetry={() => void cert.refetch()} />
        ) : cert.data ? (
          <div className="certificate ds-card">
            <p className="certificate-kicker">{t('learning.certificate.kicker')}</p>
            <CertificateFacts cert={cert.data} />
            <p className="ds-paragraph" data-size="sm">
              {t('learning.certificate.howToVerify')}
            </p>
            <p className="card-actions no-print">
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                onClick={() => window.print()}
              >
                {t('learning.certificate.print')}
              </button>
              {(['sv', 'en'] as const).map((l) => (
                <a
                  key={l}
                  className="ds-button"
                  data-variant="secondary"
                  href={`/api/v1/certificates/${code}/pdf?lang=${l}`}
                  download={`intyg-${code}-${l}.pdf`}
                >
                  {l === 'sv' ? t('learning.certificate.pdfSv') : t('learning.certificate.pdfEn')}
                </a>
              ))}
            </p>
          </div>
        ) : null}
      </LearningPage>
    </>
  );
}
