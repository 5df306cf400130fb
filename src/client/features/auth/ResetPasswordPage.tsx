import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Ok } from '../../../shared/contracts/common.ts';
import { LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton, useFormErrors } from '../../components/Form.tsx';
import { NewPasswordFields, newPasswordErrors } from '../../components/NewPasswordFields.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useFormErrors('reset');

  const reset = useMutation({
    mutationFn: () => api.post('/auth/password-reset/confirm', Ok, { token, password }),
    onError: (err) => form.failFromApi(err, ['password']),
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    Object.assign(errs, newPasswordErrors(t, password, confirm, 'password'));
    if (Object.keys(errs).length) return form.fail(errs);
    form.clear();
    reset.mutate();
  }

  if (!token) {
    return (
      <div className="narrow">
        <Page title={t('reset.title')}>
          <div className="ds-alert" data-color="warning">
            <p className="ds-paragraph">{t('reset.missingToken')}</p>
          </div>
          <p className="ds-paragraph">
            <Link className="ds-link" to="/glomt-losenord">
              {t('reset.requestNew')}
            </Link>
          </p>
        </Page>
      </div>
    );
  }

  return (
    <div className="narrow">
      <Page title={t('reset.title')} lead={reset.isSuccess ? undefined : t('reset.intro')}>
        <LiveStatus message={reset.isSuccess ? t('reset.done') : null} />
        {reset.isSuccess ? (
          <p className="ds-paragraph">
            <Link className="ds-link" to="/logga-in">
              {t('reset.toLogin')}
            </Link>
          </p>
        ) : (
          <form onSubmit={submit} noValidate className="form">
            {form.summary}
            <NewPasswordFields
              passwordId={form.fieldId('password')}
              confirmId={form.fieldId('confirm')}
              label={t('reset.password')}
              confirmLabel={t('reset.confirm')}
              password={password}
              confirm={confirm}
              onPassword={setPassword}
              onConfirm={setConfirm}
              passwordError={form.errors.password}
              confirmError={form.errors.confirm}
            />
            {form.general && form.general.length > 0 ? (
              <p className="ds-paragraph">
                <Link className="ds-link" to="/glomt-losenord">
                  {t('reset.requestNew')}
                </Link>
              </p>
            ) : null}
            <div className="form-actions">
              <SubmitButton
                busy={reset.isPending}
                label={t('reset.submit')}
                busyLabel={t('reset.submitting')}
              />
            </div>
          </form>
        )}
      </Page>
    </div>
  );
}
