import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiClient,
  ApiClientCreated,
  ApiClientList,
  CreateApiClient,
  TOKEN_PATH,
} from '../../../shared/contracts/api-clients.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckboxGroup,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { QueryTable } from '../../components/QueryTable.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/i18n.ts';
import { abilitiesAt } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { orgTrail, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

/**
 * An organisation's API clients (issue 15): create one with a name and scopes, see its id and secret
 * once with the token URL and a curl example, follow the list, revoke with confirmation.
 */
export function ApiClientsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { org, fallback } = useRouteOrganisation();
  const [created, setCreated] = useState<ApiClientCreated | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const orgId = org?.id ?? '';
  const listKey = ['api-clients', orgId];
  const allowed = Boolean(org && me.data && abilitiesAt(me.data, org).manageIdentity);

  const list = useQuery({
    queryKey: listKey,
    queryFn: () => api.get(`/organisations/${orgId}/api-clients`, ApiClientList),
    enabled: allowed,
  });

  const cf = useContractForm(CreateApiClient, {
    id: 'api-client',
    defaultValues: { name: '', scopes: [] },
    labels: { name: t('apiClients.create.name'), scopes: t('apiClients.create.scopes') },
    onSubmit: async (body, { form }) => {
      const res = await api.post(`/organisations/${orgId}/api-clients`, ApiClientCreated, body);
      form.reset({ name: '', scopes: [] });
      setStatus(null);
      setCreated(res);
      await qc.invalidateQueries({ queryKey: listKey });
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !cf.busy);

  const revoke = useMutation({
    mutationFn: (c: ApiClient) => api.delete(`/api-clients/${c.id}`, ApiClient),
    onSuccess: async (_r, c) => {
      setStatus(t('apiClients.list.revokedStatus', { name: c.name }));
      await qc.invalidateQueries({ queryKey: listKey });
    },
  });

  if (!org || !me.data) return fallback ?? <Loading />;
  if (!allowed) return <NotFoundPage forbidden />;
  const available = list.data?.availableScopes ?? [];
  const items = list.data?.items ?? [];

  return (
    <Page
      breadcrumbs={orgTrail(org, t, t('apiClients.crumb'))}
      title={t('apiClients.title', { name: org.name })}
      lead={t('apiClients.intro')}
    >
      {leaving}
      {created ? <CreatedClient client={created} onDone={() => setCreated(null)} /> : null}
      <div className="narrow">
        <Section title={t('apiClients.create.heading')} id="new-client">
          <form onSubmit={cf.onSubmit} noValidate className="form">
            {cf.summary}
            <ContractTextField
              cf={cf}
              name="name"
              hint={t('apiClients.create.nameHint')}
              autoComplete="off"
              required
            />
            <ContractCheckboxGroup
              cf={cf}
              name="scopes"
              hint={t('apiClients.create.scopesHint')}
              options={available.map((s) => ({
                value: s,
                label: <code>{s}</code>,
                hint: t(`apiClients.scopes.${s}`),
              }))}
            />
            <div className="form-actions">
              <SubmitButton
                busy={cf.busy}
                label={t('apiClients.create.submit')}
                busyLabel={t('apiClients.create.submitting')}
              />
            </div>
          </form>
        </Section>
      </div>
      <Section title={t('apiClients.list.heading')} id="clients">
        <LiveStatus message={status} />
        {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
        <QueryTable
          query={list}
          count={items.length}
          empty={t('apiClients.list.empty')}
          caption={t('apiClients.list.caption')}
        >
          <thead>
            <tr>
              <th scope="col">{t('apiClients.list.name')}</th>
              <th scope="col">{t('apiClients.list.clientId')}</th>
              <th scope="col">{t('apiClients.list.scopes')}</th>
              <th scope="col">{t('apiClients.list.created')}</th>
              <th scope="col">{t('apiClients.list.lastUsed')}</th>
              <th scope="col">{t('apiClients.list.status')}</th>
              <th scope="col">{t('apiClients.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td className="break">
                  <code>{c.clientId}</code>
                </td>
                <td>{c.scopes.join(', ')}</td>
                <td>
                  {formatDate(c.createdAt)}
                  {c.createdByName ? ` ${t('apiClients.list.by', { name: c.createdByName })}` : ''}
                </td>
                <td>{c.lastUsedAt ? formatDateTime(c.lastUsedAt) : t('apiClients.list.never')}</td>
                <td>
                  {c.revokedAt ? (
                    <Tag color="neutral">
                      {t('apiClients.list.revoked', { date: formatDate(c.revokedAt) })}
                    </Tag>
                  ) : (
                    <Tag color="success">{t('apiClients.list.active')}</Tag>
                  )}
                </td>
                <td>
                  {c.revokedAt ? null : (
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      data-color="danger"
                      aria-label={t('apiClients.list.revokeLabel', { name: c.name })}
                      aria-busy={(revoke.isPending && revoke.variables?.id === c.id) || undefined}
                      onClick={() =>
                        !revoke.isPending &&
                        window.confirm(t('apiClients.list.revokeConfirm', { name: c.name })) &&
                        revoke.mutate(c)
                      }
                    >
                      {t('apiClients.list.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </QueryTable>
      </Section>
    </Page>
  );
}

/** The id and secret, shown this once, with what a system's developer needs to use them. */
function CreatedClient({ client, onDone }: { client: ApiClientCreated; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const apiBase = client.tokenUrl.slice(0, -TOKEN_PATH.length);
  const example = [
    `curl -s -u '${client.clientId}:${client.clientSecret}' \\`,
    `  -d grant_type=client_credentials ${client.tokenUrl}`,
    '',
    `curl -H "Authorization: Bearer <access_token>" \\`,
    `  ${apiBase}/api/v1/organisations/${client.organisationId}`,
  ].join('\n');

  const copy = (what: string, value: string) => {
    void navigator.clipboard?.writeText(value).then(
      () => setCopied(t('apiClients.created.copied', { what })),
      () => setCopied(null),
    );
  };
  const fields: [string, string, string][] = [
    ['client-id', t('apiClients.created.clientId'), client.clientId],
    ['client-secret', t('apiClients.created.clientSecret'), client.clientSecret],
    ['token-url', t('apiClients.created.tokenUrl'), client.tokenUrl],
  ];

  return (
    <div className="ds-alert" data-color="success">
      <h2 className="ds-heading" data-size="xs" tabIndex={-1} ref={heading}>
        {t('apiClients.created.heading', { name: client.name })}
      </h2>
      <p className="ds-paragraph">{t('apiClients.created.once')}</p>
      <dl className="facts">
        {fields.map(([id, label, value]) => [
          <dt key={`${id}-label`}>{label}</dt>,
          <dd key={id}>
            <code className="break" data-testid={`created-${id}`}>
              {value}
            </code>{' '}
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              aria-label={t('apiClients.created.copyLabel', { what: label })}
              onClick={() => copy(label, value)}
            >
              {t('apiClients.created.copy')}
            </button>
          </dd>,
        ])}
      </dl>
      <h3 className="ds-heading" data-size="xs">
        {t('apiClients.created.example')}
      </h3>
      <p className="ds-paragraph">{t('apiClients.created.exampleHint')}</p>
      {/* Wrapped, not scrolled: the whole example stays readable and selectable at any width. */}
      <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        <code>{example}</code>
      </pre>
      <LiveStatus message={copied} />
      <button type="button" className="ds-button" data-variant="primary" onClick={onDone}>
        {t('apiClients.created.done')}
      </button>
    </div>
  );
}
