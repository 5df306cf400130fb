import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemMessages } from '../../../shared/i18n/errors.ts';
import { Page } from '../../components/Page.tsx';
import { currentLanguage } from '../../lib/i18n.ts';

/** Only our own problem codes are shown by text; anything else in the address gets the generic one. */
function messageFor(code: string): string | null {
  if (!Object.hasOwn(problemMessages, code)) return null;
  return problemMessages[code as keyof typeof problemMessages][currentLanguage()];
}

/**
 * Where a refused sign-in through the organisation's IdP ends (`/logga-in/sso-fel?code=…`): the
 * server has already audited it and written nothing. Says why in words, and offers the two ways on.
 */
export function SsoErrorPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = (params.get('code') ?? '').slice(0, 100);
  const message = messageFor(code) ?? t('ssoError.unknown');

  return (
    <div className="narrow">
      <Page title={t('ssoError.title')}>
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{message}</p>
        </div>
        <p className="ds-paragraph">{t('ssoError.nothingSaved')}</p>
        {code ? (
          <p className="ds-paragraph" data-size="sm">
            {t('ssoError.code', { code })}
          </p>
        ) : null}
        <ul className="link-list">
          <li>
            <Link className="ds-link" to="/logga-in/organisation">
              {t('ssoError.tryAgain')}
            </Link>
          </li>
          <li>
            <Link className="ds-link" to="/logga-in">
              {t('ssoError.toLogin')}
            </Link>
          </li>
        </ul>
      </Page>
    </div>
  );
}
