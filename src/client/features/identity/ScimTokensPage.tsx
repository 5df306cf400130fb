import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CreateScimToken,
  ScimToken,
  ScimTokenCreated,
  ScimTokenList,
} from '../../../shared/contracts/scim.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { QueryTable } from '../../components/QueryTable.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { abilitiesAt } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { orgTrail, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

/** The new token, shown once: focus moves here so that screen reader users find it. */
function NewToken({ created, onDone }: { created: ScimTokenCreated; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('scimTokens.created.copied', { what }));
    } catch {
      setCopied(t('scimTokens.created.copyFailed'));
    }
  };
  return (
    <div className="ds-alert" data-color="success">
      <h2 className="ds-heading" data-size="xs" tabIndex={-1} ref={heading}>
        {t('scimTokens.created.heading', { name: created.name })}
      </h2>
      <p className="ds-paragraph">{t('scimTokens.created.once')}</p>
      <dl className="facts">
        <dt>{t('scimTokens.created.baseUrl')}</dt>
        <dd>
          <code className="break" data-testid="scim-base-url">
            {created.baseUrl}
          </code>{' '}
          <button
            type="button"
            className="ds-button"
            data-variant="tertiary"
            onClick={() => void copy(created.baseUrl, t('scimTokens.created.baseUrl'))}
          >
            {t('scimTokens.created.copyBaseUrl')}
          </button>
        </dd>
        <dt>{t('scimTokens.created.token')}</dt>
        <dd>
          <code className="break" data-testid="scim-token">
            {created.token}
          </code>{' '}
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => void copy(created.token, t('scimTokens.created.token'))}
          >
            {t('scimTokens.created.copyToken')}
          </button>
        </dd>
      </dl>
      <LiveStatus message={copied} />
      <button type="button" className="ds-button" data-variant="primary" onClick={onDone}>
        {t('scimTokens.created.done')}
      </button>
    </div>
  );
}

/** SCIM tokens for the organisation's HR system or Entra ID: create one (shown once), see use, revoke. */
export function ScimTokensPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { org, fallback } = useRouteOrganisation();
  const [created, setCreated] = useState<ScimTokenCreated | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const orgId = org?.id ?? '';
  const listKey = ['scim-tokens', orgId];
  const allowed = Boolean(org && me.data && abilitiesAt(me.data, org).manageIdentity);

  const tokens = useQuery({
    queryKey: listKey,
    queryFn: () => api.get(`/organisations/${orgId}/scim-tokens`, ScimTokenList),
    enabled: allowed,
  });
  const cf = useContractForm(CreateScimToken, {
    id: 'scim-token',
    defaultValues: { name: '' },
    labels: { name: t('scimTokens.create.name') },
    onSubmit: async (body, { form }) => {
      const res = await api.post(`/organisations/${orgId}/scim-tokens`, ScimTokenCreated, body);
      form.reset({ name: '' });
      setCreated(res);
      setStatus(null);
      await qc.invalidateQueries({ queryKey: listKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (tok: ScimToken) => api.delete(`/scim-tokens/${tok.id}`, ScimToken),
    onSuccess: async (tok) => {
      setConfirming(null);
      setStatus(t('scimTokens.list.revoked', { name: tok.name }));
      await qc.invalidateQueries({ queryKey: listKey });
    },
  });

  if (!org || !me.data) return fallback ?? <Loading />;
  if (!allowed) return <NotFoundPage forbidden />;

  const items = tokens.data?.items ?? [];
  return (
    <Page
      breadcrumbs={orgTrail(org, t, t('scimTokens.breadcrumb'))}
      title={t('scimTokens.title', { name: org.name })}
      lead={t('scimTokens.intro')}
    >
      {created ? <NewToken key={created.id} created={created} onDone={() => setCreated(null)} /> : null}
      <div className="narrow">
        <Section title={t('scimTokens.create.heading')} id="new-token">
          {tokens.data ? (
            <p className="ds-paragraph">
              {t('scimTokens.create.baseUrl')} <code className="break">{tokens.data.baseUrl}</code>
            </p>
          ) : null}
          <form onSubmit={cf.onSubmit} noValidate className="form">
            {cf.summary}
            <ContractTextField
              cf={cf}
              name="name"
              hint={t('scimTokens.create.nameHint')}
              autoComplete="off"
              required
              maxLength={200}
            />
            <div className="form-actions">
              <SubmitButton
                busy={cf.busy}
                label={t('scimTokens.create.submit')}
                busyLabel={t('scimTokens.create.submitting')}
              />
            </div>
          </form>
        </Section>
      </div>
      <Section title={t('scimTokens.list.heading')} id="tokens">
        <LiveStatus message={status} />
        {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
        <QueryTable
          query={tokens}
          count={items.length}
          empty={t('scimTokens.list.empty')}
          caption={t('scimTokens.list.caption')}
        >
          <thead>
            <tr>
              <th scope="col">{t('scimTokens.list.name')}</th>
              <th scope="col">{t('scimTokens.list.created')}</th>
              <th scope="col">{t('scimTokens.list.lastUsed')}</th>
              <th scope="col">{t('scimTokens.list.status')}</th>
              <th scope="col">{t('scimTokens.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((tok) => (
              <tr key={tok.id}>
                <th scope="row">{tok.name}</th>
                <td>
                  {formatDate(tok.createdAt)}
                  {tok.createdByName ? ` · ${tok.createdByName}` : ''}
                </td>
                <td>{tok.lastUsedAt ? formatDate(tok.lastUsedAt) : t('scimTokens.list.never')}</td>
                <td>
                  {tok.revokedAt ? (
                    <Tag color="neutral">
                      {t('scimTokens.list.revokedOn', { date: formatDate(tok.revokedAt) })}
                    </Tag>
                  ) : (
                    <Tag color="success">{t('scimTokens.list.active')}</Tag>
                  )}
                </td>
                <td>
                  {tok.revokedAt ? null : confirming === tok.id ? (
                    <ConfirmRevoke
                      name={tok.name}
                      busy={revoke.isPending}
                      onConfirm={() => !revoke.isPending && revoke.mutate(tok)}
                      onCancel={() => setConfirming(null)}
                    />
                  ) : (
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      data-color="danger"
                      aria-label={t('scimTokens.list.revokeLabel', { name: tok.name })}
                      onClick={() => setConfirming(tok.id)}
                    >
                      {t('scimTokens.list.revoke')}
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

/** Revoking stops the HR system at once: asked once more, with focus on the question's answer. */
function ConfirmRevoke(props: { name: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>{t('scimTokens.list.confirm', { name: props.name })}</legend>
      <button
        ref={yes}
        type="button"
        className="ds-button"
        data-variant="primary"
        data-color="danger"
        aria-busy={props.busy || undefined}
        onClick={props.onConfirm}
      >
        {t('scimTokens.list.confirmYes')}
      </button>{' '}
      <button type="button" className="ds-button" data-variant="tertiary" onClick={props.onCancel}>
        {t('scimTokens.list.confirmNo')}
      </button>
    </fieldset>
  );
}
