import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IdentityProviderList } from '../../../shared/contracts/identity-providers.ts';
import { Loading, Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryTable } from '../../components/QueryTable.tsx';
import { api } from '../../lib/api.ts';
import { abilitiesAt, orgPath } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { orgTrail, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

export const identityProvidersKey = (orgId: string) => ['identity-providers', orgId];

/** The identity hub of an organisation: its identity providers and links to SCIM, API clients and sign-in rules. */
export function IdentityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { org, fallback } = useRouteOrganisation();
  const orgId = org?.id ?? '';
  const allowed = Boolean(org && me.data && abilitiesAt(me.data, org).manageIdentity);
  const list = useQuery({
    queryKey: identityProvidersKey(orgId),
    queryFn: () => api.get(`/organisations/${orgId}/identity-providers`, IdentityProviderList),
    enabled: allowed,
  });

  if (!org || !me.data) return fallback ?? <Loading />;
  if (!allowed) return <NotFoundPage forbidden />;
  const base = `${orgPath(org.id)}/inloggning`;
  const items = list.data?.items ?? [];

  return (
    <Page
      breadcrumbs={orgTrail(org, t, t('orgs.identity'))}
      title={t('idp.hub.title', { name: org.name })}
      lead={t('idp.hub.intro')}
    >
      <Section title={t('idp.hub.providers')} id="providers">
        <p className="ds-paragraph">
          <Link className="ds-button" data-variant="primary" to={`${base}/ny`}>
            {t('idp.hub.add')}
          </Link>
        </p>
        <QueryTable
          query={list}
          count={items.length}
          empty={t('idp.hub.empty')}
          caption={t('idp.hub.caption')}
        >
          <thead>
            <tr>
              <th scope="col">{t('idp.hub.name')}</th>
              <th scope="col">{t('idp.hub.kind')}</th>
              <th scope="col">{t('idp.hub.domains')}</th>
              <th scope="col">{t('idp.hub.requireSso')}</th>
              <th scope="col">{t('idp.hub.status')}</th>
              <th scope="col">{t('idp.hub.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{t(`idp.kinds.${p.kind}`)}</td>
                <td className="break">
                  {p.emailDomains.length ? p.emailDomains.join(', ') : t('idp.hub.none')}
                </td>
                <td>{p.requireSso ? t('idp.hub.yes') : t('idp.hub.no')}</td>
                <td>
                  <Tag color={p.enabled ? 'success' : 'neutral'}>
                    {p.enabled ? t('idp.hub.enabled') : t('idp.hub.disabled')}
                  </Tag>
                </td>
                <td>
                  <Link
                    className="ds-link"
                    to={`${base}/${p.id}`}
                    aria-label={t('idp.hub.editLabel', { name: p.name })}
                  >
                    {t('idp.hub.edit')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </QueryTable>
      </Section>
      <Section title={t('idp.hub.more')} id="more">
        <ul className="ds-list">
          <li>
            <Link className="ds-link" to={`${orgPath(org.id)}/scim`}>
              {t('idp.hub.scim')}
            </Link>
          </li>
          <li>
            <Link className="ds-link" to={`${orgPath(org.id)}/api-klienter`}>
              {t('idp.hub.apiClients')}
            </Link>
          </li>
          <li>
            <Link className="ds-link" to={`${base}/regler`}>
              {t('idp.hub.rules')}
            </Link>
          </li>
        </ul>
      </Section>
    </Page>
  );
}
