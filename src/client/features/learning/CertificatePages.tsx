import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { CertificateCodeParams, type CertificateView } from '../../../shared/contracts/learning.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { formatDate } from '../../lib/i18n.ts';
import { GetCertificateButton } from './CoursePage.tsx';
import { Breadcrumbs, LearningPage } from './components.tsx';
import { useVerifyCertificate } from './data.ts';
import { coursePath, verifyPath } from './progress.ts';
import { useCourseContext } from './useCourseContext.ts';

function CertificateFacts({ cert }: { cert: z.infer<typeof CertificateView> }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${verifyPath(cert.code)}`;
  return (
    <dl className="facts certificate-facts">
      <dt>{t('learning.certificate.name')}</dt>
      <dd>{cert.learnerName ?? t('learning.certificate.holderErased')}</dd>
      <dt>{t('learning.certificate.course')}</dt>
      <dd>{cert.courseTitle}</dd>
      <dt>{t('learning.certificate.date')}</dt>
      <dd>{formatDate(cert.issuedAt)}</dd>
      <dt>{t('learning.certificate.issuer')}</dt>
      <dd>{cert.issuer}</dd>
      <dt>{t('learning.certificate.code')}</dt>
      <dd>
        <code className="certificate-code">{cert.code}</code>
      </dd>
      <dt>{t('learning.certificate.verifyAt')}</dt>
      <dd>
        <Link className="ds-link break" to={verifyPath(cert.code)}>
          {url}
        </Link>
      </dd>
    </dl>
  );
}

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

/** Public: anyone with a code (or the link) can see whether a certificate is valid. No login. */
export function VerifyCertificatePage() {
  const { t, i18n } = useTranslation();
  const { code: raw = '' } = useParams();
  const code = raw.toUpperCase();
  const wellFormed = CertificateCodeParams.safeParse({ code }).success;
  const cert = useVerifyCertificate(wellFormed ? code : '', i18n.language);
  const navigate = useNavigate();
  const [input, setInput] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = input.trim().toUpperCase();
    if (next) navigate(verifyPath(next));
  };

  return (
    <LearningPage title={t('learning.verify.title')}>
      <p className="ds-paragraph lead">{t('learning.verify.lead')}</p>
      {!wellFormed ? (
        <div className="ds-alert" data-color="danger">
          <p className="ds-paragraph">{t('learning.verify.malformed', { code: raw })}</p>
        </div>
      ) : cert.isPending ? (
        <Loading />
      ) : cert.isError ? (
        <ErrorAlert error={cert.error} onRetry={() => void cert.refetch()} />
      ) : cert.data ? (
        <>
          <div className="ds-alert" data-color="success">
            <h2 className="ds-heading" data-size="xs">
              {t('learning.verify.valid')}
            </h2>
            <p className="ds-paragraph">{t('learning.verify.validText')}</p>
          </div>
          <CertificateFacts cert={cert.data} />
        </>
      ) : (
        <div className="ds-alert" data-color="danger">
          <h2 className="ds-heading" data-size="xs">
            {t('learning.verify.invalid')}
          </h2>
          <p className="ds-paragraph">{t('learning.verify.invalidText', { code })}</p>
        </div>
      )}
      <form className="form narrow verify-form" onSubmit={submit}>
        <div className="field">
          <label className="ds-label" htmlFor="verify-code">
            {t('learning.verify.other')}
          </label>
          <p className="field-hint" id="verify-code-hint">
            {t('learning.verify.codeHint')}
          </p>
          <input
            id="verify-code"
            className="ds-input"
            aria-describedby="verify-code-hint"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            value={input}
            onChange={(e) => setInput(e.target.value)}
          />
        </div>
        <p>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('learning.verify.check')}
          </button>
        </p>
      </form>
    </LearningPage>
  );
}
