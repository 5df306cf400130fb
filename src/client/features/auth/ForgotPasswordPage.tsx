import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Ok } from '../../../shared/contracts/common.ts';
import { LiveStatus } from '../../components/Feedback.tsx';
import { EMAIL_RE, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormErrors('forgot');

  const request = useMutation({
    mutationFn: (address: string) => api.post('/auth/password-reset', Ok, { email: address }),
    onSuccess: (_r, address) => setSentTo(address),
    onError: (err) => form.failFromApi(err, ['email']),
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const value = email.trim();
    if (!value)
      return form.fail({ email: t('form.requiredField', { field: t('forgot.email').toLowerCase() }) });
    if (!EMAIL_RE.test(value)) return form.fail({ email: t('form.invalidEmail') });
    form.clear();
    setSentTo(null);
    request.mutate(value);
  }

  return (
    <div className="narrow">
      <Page title={t('forgot.title')} lead={t('forgot.intro')}>
        <LiveStatus message={sentTo ? t('forgot.sent', { email: sentTo }) : null} />
        <form onSubmit={submit} noValidate className="form">
          {form.summary}
          <TextField
            id={form.fieldId('email')}
            label={t('forgot.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onValueChange={setEmail}
            error={form.errors.email}
          />
          <div className="form-actions">
            <SubmitButton
              busy={request.isPending}
              label={t('forgot.submit')}
              busyLabel={t('forgot.submitting')}
            />
            <Link className="ds-link" to="/logga-in">
              {t('forgot.backToLogin')}
            </Link>
          </div>
        </form>
      </Page>
    </div>
  );
}
