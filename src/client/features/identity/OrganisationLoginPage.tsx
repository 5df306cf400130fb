import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SsoOrganisationList } from '../../../shared/contracts/identity-providers.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { safeNext } from '../auth/LoginPage.tsx';
import { ssoHref } from '../auth/SsoSuggestion.tsx';

/** "Logga in med din organisation": a searchable list of the organisations that have their own sign-in. */
export function OrganisationLoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const list = useQuery({
    queryKey: ['sso-organisations', query],
    queryFn: () =>
      api.get(
        `/auth/sso-organisations${query ? `?q=${encodeURIComponent(query)}` : ''}`,
        SsoOrganisationList,
      ),
    placeholderData: keepPreviousData,
  });
  const items = list.data ?? [];

  return (
    <div className="narrow">
      <Page title={t('idp.login.listTitle')} lead={t('idp.login.listIntro')}>
        <search>
          <form onSubmit={(e) => e.preventDefault()} className="form">
            <TextField
              id="sso-search"
              label={t('idp.login.search')}
              hint={t('idp.login.searchHint')}
              type="search"
              autoComplete="off"
              value={q}
              onValueChange={setQ}
            />
          </form>
        </search>
        <LiveStatus
          tone="info"
          message={list.data && query ? t('idp.login.count', { count: items.length }) : null}
        />
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <p className="ds-paragraph">{query ? t('idp.login.noResults') : t('idp.login.none')}</p>
        ) : (
          <ul className="ds-list sso-organisations" aria-label={t('idp.login.results')}>
            {items.map((o) => (
              <li key={o.organisationId}>
                {o.providers.length === 1 ? (
                  <a className="ds-link" href={ssoHref(o.providers[0]!.loginUrl, next)}>
                    {o.organisationName}
                  </a>
                ) : (
                  <>
                    <span>{o.organisationName}</span>
                    <ul className="ds-list">
                      {o.providers.map((p) => (
                        <li key={p.id}>
                          <a className="ds-link" href={ssoHref(p.loginUrl, next)}>
                            {p.name}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="ds-paragraph">
          <Link
            className="ds-link"
            to={next === '/' ? '/logga-in' : `/logga-in?next=${encodeURIComponent(next)}`}
          >
            {t('idp.login.back')}
          </Link>
        </p>
      </Page>
    </div>
  );
}
