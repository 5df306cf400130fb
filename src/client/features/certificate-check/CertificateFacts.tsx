import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { CertificateView } from '../../../shared/contracts/learning.ts';
import { formatDate } from '../../lib/i18n.ts';
import { CHECK_PATH, checkPath } from './code.ts';
import './certificate-check.css';

/**
 * What a certificate says, as the public check shows it: holder, course, date, issuer and code, and
 * where anyone can check it (the page, named without the code, as the PDF names it).
 */
export function CertificateFacts({ cert }: { cert: z.infer<typeof CertificateView> }) {
  const { t } = useTranslation();
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
      <dt>{t('certificateCheck.verifyAt')}</dt>
      <dd>
        <Link className="ds-link break" to={checkPath(cert.code)}>
          {`${window.location.origin}${CHECK_PATH}`}
        </Link>{' '}
        {t('certificateCheck.withCode', { code: cert.code })}
      </dd>
    </dl>
  );
}
