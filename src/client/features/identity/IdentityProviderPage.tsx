import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Ok } from '../../../shared/contracts/common.ts';
import {
  IdentityProvider,
  type IdentityProviderInput,
} from '../../../shared/contracts/identity-providers.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { abilitiesAt, orgPath } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { orgTrail, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { identityProvidersKey } from './IdentityPage.tsx';
import { IdentityProviderForm } from './IdentityProviderForm.tsx';

/** Add (`…/inloggning/ny`) or change (`…/inloggning/:idpId`) one identity provider. */
export function IdentityProviderPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { idpId } = useParams();
  const { org, fallback } = useRouteOrganisation();
  // Arriving from the "new" form: say it was saved (until a later save says something else).
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const orgId = org?.id ?? '';
  const allowed = Boolean(org && me.data && abilitiesAt(me.data, org).manageIdentity);
  const isNew = !idpId;

  const idp = useQuery({
    queryKey: ['identity-provider', idpId],
    queryFn: () => api.get(`/identity-providers/${idpId}`, IdentityProvider),
    enabled: allowed && !isNew,
  });

  const save = async (body: IdentityProviderInput) => {
    const saved = isNew
      ? await api.post(`/organisations/${orgId}/identity-providers`, IdentityProvider, body)
      : await api.put(`/identity-providers/${idpId}`, IdentityProvider, body);
    await qc.invalidateQueries({ queryKey: identityProvidersKey(orgId) });
    qc.setQueryData(['identity-provider', saved.id], saved);
    if (!isNew) return t('idp.form.saved');
    navigate(`${orgPath(orgId)}/inloggning/${saved.id}`, { state: { created: true } });
    return undefined;
  };

  const remove = useMutation({
    mutationFn: () => api.delete(`/identity-providers/${idpId}`, Ok),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: identityProvidersKey(orgId) });
      navigate(`${orgPath(orgId)}/inloggning`);
    },
  });

  if (!org || !me.data) return fallback ?? <Loading />;
  if (!allowed) return <NotFoundPage forbidden />;
  if (!isNew && idp.isPending) return <Loading />;
  if (!isNew && idp.isError) return <ErrorAlert error={idp.error} onRetry={() => void idp.refetch()} />;
  const existing = isNew ? null : (idp.data ?? null);
  if (existing && existing.organisationId !== org.id) return <NotFoundPage />;
  const title = existing ? t('idp.form.editTitle', { name: existing.name }) : t('idp.form.newTitle');

  return (
    <Page breadcrumbs={orgTrail(org, t, title)} title={title} lead={t('idp.form.intro')}>
      <p className="ds-paragraph">
        <Link className="ds-link" to={`${orgPath(org.id)}/inloggning`}>
          {t('orgs.identity')}
        </Link>
      </p>
      <LiveStatus message={created && !isNew ? t('idp.form.created') : null} />
      <div className="narrow">
        <IdentityProviderForm
          key={existing?.id ?? 'new'}
          organisationKind={org.kind}
          existing={existing}
          onSave={save}
        />
      </div>
      <Section title={t('idp.form.register')} id="register">
        {existing ? (
          <dl className="facts">
            {existing.kind === 'oidc' ? (
              <>
                <dt>{t('idp.form.redirectUri')}</dt>
                <dd className="break">
                  <code>{existing.redirectUri}</code>
                </dd>
              </>
            ) : (
              <>
                <dt>{t('idp.form.spMetadata')}</dt>
                <dd className="break">
                  <a className="ds-link" href={existing.spMetadataUrl}>
                    {existing.spMetadataUrl}
                  </a>
                </dd>
                <dt>{t('idp.form.acsUrl')}</dt>
                <dd className="break">
                  <code>{existing.acsUrl}</code>
                </dd>
              </>
            )}
          </dl>
        ) : (
          <p className="ds-paragraph">{t('idp.form.registerAfterSave')}</p>
        )}
      </Section>
      {existing ? (
        <div className="form-actions">
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            data-color="danger"
            aria-busy={remove.isPending || undefined}
            onClick={() => {
              if (!remove.isPending && window.confirm(t('idp.form.deleteConfirm', { name: existing.name }))) {
                remove.mutate();
              }
            }}
          >
            {remove.isPending ? t('idp.form.deleting') : t('idp.form.delete')}
          </button>
        </div>
      ) : null}
    </Page>
  );
}
