import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordResetRequest } from '../../../shared/contracts/auth.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const cf = useContractForm(PasswordResetRequest, {
    id: 'forgot',
    defaultValues: { email: '' },
    labels: { email: t('forgot.email') },
    onSubmit: async (body) => {
      await api.post('/auth/password-reset', Ok, body);
      return t('forgot.sent', { email: body.email });
    },
  });

  return (
    <div className="narrow">
      <Page title={t('forgot.title')} lead={t('forgot.intro')}>
        <form onSubmit={cf.onSubmit} noValidate className="form">
          {cf.summary}
          <ContractTextField cf={cf} name="email" type="email" autoComplete="email" required />
          <div className="form-actions">
            <SubmitButton busy={cf.busy} label={t('forgot.submit')} busyLabel={t('forgot.submitting')} />
            <Link className="ds-link" to="/logga-in">
              {t('forgot.backToLogin')}
            </Link>
          </div>
          {cf.saved}
        </form>
      </Page>
    </div>
  );
}
