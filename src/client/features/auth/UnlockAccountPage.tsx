import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Ok } from '../../../shared/contracts/common.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';

/**
 * The page an e-mailed unlock link opens. Unlocking takes a press of the button, not just opening the
 * page, because mail scanners open links on their own and would spend the one-time link.
 */
export function UnlockAccountPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unlock = useMutation({ mutationFn: () => api.post('/auth/unlock/confirm', Ok, { token }) });

  return (
    <div className="narrow">
      <Page title={t('unlock.title')} lead={unlock.isSuccess || !token ? undefined : t('unlock.intro')}>
        <LiveStatus message={unlock.isSuccess ? t('unlock.done') : null} />
        {!token ? (
          <div className="ds-alert" data-color="warning">
            <p className="ds-paragraph">{t('unlock.missingToken')}</p>
          </div>
        ) : unlock.isSuccess ? null : (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              unlock.mutate();
            }}
          >
            {unlock.isError ? <ErrorAlert error={unlock.error} /> : null}
            <div className="form-actions">
              <SubmitButton
                busy={unlock.isPending}
                label={t('unlock.submit')}
                busyLabel={t('unlock.submitting')}
              />
            </div>
          </form>
        )}
        <p className="ds-paragraph">
          <Link className="ds-link" to="/logga-in">
            {t('unlock.toLogin')}
          </Link>
        </p>
      </Page>
    </div>
  );
}
