import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { TextField, useFormErrors } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { useVerifyCertificate } from '../learning/data.ts';
import { CertificateFacts } from './CertificateFacts.tsx';
import { checkPath, normaliseCertificateCode } from './code.ts';

/** The answer for one code: valid with what the certificate says, or not found. */
function CheckResult({ code, focusOnAnswer }: { code: string; focusOnAnswer: boolean }) {
  const { t, i18n } = useTranslation();
  const cert = useVerifyCertificate(code, i18n.language);
  const heading = useRef<HTMLHeadingElement>(null);
  const answered = !cert.isPending;

  // After a typed check, the answer is announced by moving to it (the page itself did not change).
  useEffect(() => {
    if (answered && focusOnAnswer) heading.current?.focus();
  }, [answered, focusOnAnswer]);

  if (cert.isPending) return <Loading />;
  if (cert.isError) return <ErrorAlert error={cert.error} onRetry={() => void cert.refetch()} />;
  return cert.data ? (
    <>
      <div className="ds-alert" data-color="success">
        <h2 className="ds-heading" data-size="xs" tabIndex={-1} ref={heading}>
          {t('certificateCheck.valid')}
        </h2>
        <p className="ds-paragraph">{t('certificateCheck.validText', { code })}</p>
      </div>
      <CertificateFacts cert={cert.data} />
    </>
  ) : (
    <div className="ds-alert" data-color="danger">
      <h2 className="ds-heading" data-size="xs" tabIndex={-1} ref={heading}>
        {t('certificateCheck.invalid')}
      </h2>
      <p className="ds-paragraph">{t('certificateCheck.invalidText', { code })}</p>
    </div>
  );
}

/**
 * Public (no login): anyone holding a certificate's code checks it here, by typing the code printed on
 * the certificate or by following a link `/intyg/<code>`. Shows no more than the public check answers.
 */
export function CertificateCheckPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code: raw } = useParams();
  const code = raw === undefined ? null : normaliseCertificateCode(raw);
  const form = useFormErrors('certificate-check');
  const [typed, setTyped] = useState('');
  const [checkedByForm, setCheckedByForm] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = normaliseCertificateCode(typed);
    if (!next) {
      form.fail({ code: t(typed.trim() ? 'certificateCheck.malformed' : 'certificateCheck.required') });
      return;
    }
    form.clear();
    setCheckedByForm(true);
    navigate(checkPath(next));
  };

  return (
    <Page title={t('certificateCheck.title')} lead={t('certificateCheck.lead')}>
      {raw !== undefined ? (
        <section className="check-result" aria-label={t('certificateCheck.title')}>
          {code ? (
            <CheckResult key={code} code={code} focusOnAnswer={checkedByForm} />
          ) : (
            <div className="ds-alert" data-color="danger">
              <p className="ds-paragraph">{t('certificateCheck.malformedLink', { code: raw })}</p>
            </div>
          )}
        </section>
      ) : null}
      <form className="form narrow" onSubmit={submit} noValidate>
        {form.summary}
        <TextField
          id={form.fieldId('code')}
          label={t('certificateCheck.codeLabel')}
          hint={t('certificateCheck.codeHint')}
          required
          error={form.errors.code}
          value={typed}
          onValueChange={setTyped}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
        />
        <p>
          <button type="submit" className="ds-button" data-variant="primary">
            {t('certificateCheck.check')}
          </button>
        </p>
      </form>
    </Page>
  );
}
