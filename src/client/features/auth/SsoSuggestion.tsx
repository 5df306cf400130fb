import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DiscoverResult } from '../../../shared/contracts/identity-providers.ts';
import { api } from '../../lib/api.ts';

/** The domain of a typed address, lower-cased; null while it is not an address yet. */
export function domainOf(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  const domain =
    at > 0
      ? email
          .trim()
          .slice(at + 1)
          .toLowerCase()
      : '';
  return /^[^\s@]+\.[^\s@]+$/.test(domain) ? domain : null;
}

/** Where the IdP's sign-in starts, bringing the person back to the page they came for. */
export const ssoHref = (loginUrl: string, next: string) =>
  next === '/' ? loginUrl : `${loginUrl}?returnTo=${encodeURIComponent(next)}`;

/**
 * Home-realm discovery on the login page: when the address's domain belongs to an organisation's
 * identity provider, offer to continue there. Asked by domain only, so it reveals no accounts.
 */
export function SsoSuggestion({ email, next }: { email: string; next: string }) {
  const { t } = useTranslation();
  const domain = domainOf(email);
  const discovered = useQuery({
    queryKey: ['discover', domain],
    // Only the domain is sent: the local part is nobody's business before the person signs in.
    queryFn: () => api.get(`/auth/discover?email=${encodeURIComponent(`x@${domain}`)}`, DiscoverResult),
    enabled: domain !== null,
    staleTime: 5 * 60_000,
  });
  const found = domain && discovered.data?.method === 'sso' ? discovered.data : null;
  return (
    <div aria-live="polite">
      {found?.loginUrl ? (
        <div className="ds-alert sso-suggestion" data-color="info">
          <p className="ds-paragraph">{t('idp.login.suggestion', { name: found.identityProviderName })}</p>
          <p className="ds-paragraph">
            <a className="ds-button" data-variant="primary" href={ssoHref(found.loginUrl, next)}>
              {t('idp.login.continue', { name: found.identityProviderName })}
            </a>
          </p>
          <p className="ds-paragraph">{t('idp.login.orText')}</p>
        </div>
      ) : null}
    </div>
  );
}

/** The way to the list of organisations that sign in with their own identity provider. */
export function OrganisationLoginLink({ next }: { next: string }) {
  const { t } = useTranslation();
  return (
    <p className="ds-paragraph">
      <Link
        className="ds-button"
        data-variant="secondary"
        to={
          next === '/' ? '/logga-in/organisation' : `/logga-in/organisation?next=${encodeURIComponent(next)}`
        }
      >
        {t('idp.login.orgButton')}
      </Link>
    </p>
  );
}
