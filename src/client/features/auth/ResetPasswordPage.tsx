import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NewPasswordForm } from '../../../shared/contracts/auth.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import { LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { useContractForm } from '../../components/form/index.ts';
import { NewPasswordFields } from '../../components/NewPasswordFields.tsx';
import { Page } from '../../components/Page.tsx';
import { ApiError, api } from '../../lib/api.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const [linkFailed, setLinkFailed] = useState(false);
  const cf = useContractForm(NewPasswordForm, {
    id: 'reset',
    defaultValues: { password: '', confirm: '' },
    labels: { password: t('reset.password'), confirm: t('reset.confirm') },
    onSubmit: async ({ password }) => {
      try {
        await api.post('/auth/password-reset/confirm', Ok, { token, password });
        setDone(true);
      } catch (err) {
        // A link that no longer works is no field's fault: offer a new one beside the message.
        setLinkFailed(err instanceof ApiError && !('password' in err.fieldErrors));
        throw err;
      }
    },
  });

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
      <Page title={t('reset.title')} lead={done ? undefined : t('reset.intro')}>
        <LiveStatus message={done ? t('reset.done') : null} />
        {done ? (
          <p className="ds-paragraph">
            <Link className="ds-link" to="/logga-in">
              {t('reset.toLogin')}
            </Link>
          </p>
        ) : (
          <form onSubmit={cf.onSubmit} noValidate className="form">
            {cf.summary}
            <NewPasswordFields cf={cf} name="password" />
            {linkFailed ? (
              <p className="ds-paragraph">
                <Link className="ds-link" to="/glomt-losenord">
                  {t('reset.requestNew')}
                </Link>
              </p>
            ) : null}
            <div className="form-actions">
              <SubmitButton busy={cf.busy} label={t('reset.submit')} busyLabel={t('reset.submitting')} />
            </div>
          </form>
        )}
      </Page>
    </div>
  );
}
