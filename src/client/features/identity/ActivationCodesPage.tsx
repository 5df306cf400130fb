import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { highestRoleOver, roleFitsOrganisation, roleRank } from '../../../shared/access/index.ts';
import {
  ActivationCodeIssued,
  ActivationCodeList,
  type ActivationCodeView,
  CreateAccount,
} from '../../../shared/contracts/activation.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { QueryTable } from '../../components/QueryTable.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { abilitiesAt } from '../../lib/organisations.ts';
import { actorOf, orgContextOf, useMe } from '../../lib/session.ts';
import { orgTrail, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { ActivationSheet } from './ActivationSheet.tsx';

type AccountRole = 'staff' | 'manager';
const statusColor = { open: 'info', used: 'success', expired: 'neutral', revoked: 'neutral' } as const;

/** Accounts for people without work e-mail: create one with a code, and follow up the codes issued. */
export function ActivationCodesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { org, fallback } = useRouteOrganisation();
  const [issued, setIssued] = useState<ActivationCodeIssued | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const orgId = org?.id ?? '';
  const listKey = ['activation-codes', orgId];
  const allowed = Boolean(org && me.data && abilitiesAt(me.data, org).activateAccounts);

  const codes = useQuery({
    queryKey: listKey,
    queryFn: () => api.get(`/organisations/${orgId}/activation-codes`, ActivationCodeList),
    enabled: allowed,
  });

  const shown = async (res: ActivationCodeIssued) => {
    setIssued(res);
    setStatus(null);
    await qc.invalidateQueries({ queryKey: listKey });
    await qc.invalidateQueries({ queryKey: ['members', orgId] });
  };

  const cf = useContractForm(CreateAccount, {
    id: 'activation',
    defaultValues: { name: '', role: 'staff' },
    labels: {
      name: t('activation.create.name'),
      username: t('activation.create.username'),
      employeeNumber: t('activation.create.employeeNumber'),
      role: t('activation.create.role'),
    },
    onSubmit: async (body, { form }) => {
      const res = await api.post(`/organisations/${orgId}/accounts`, ActivationCodeIssued, body);
      form.reset({ name: '', role: 'staff' });
      await shown(res);
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !cf.busy);

  const reissue = useMutation({
    mutationFn: (c: ActivationCodeView) =>
      api.post(`/organisations/${c.organisationId}/activation-codes`, ActivationCodeIssued, {
        userId: c.userId,
      }),
    onSuccess: shown,
  });

  const revoke = useMutation({
    mutationFn: (c: ActivationCodeView) => api.delete(`/activation-codes/${c.id}`, z.unknown()),
    onSuccess: async (_r, c) => {
      setStatus(t('activation.list.revoked', { name: c.name }));
      await qc.invalidateQueries({ queryKey: listKey });
    },
  });

  if (!org || !me.data) return fallback ?? <Loading />;
  if (!allowed) return <NotFoundPage forbidden />;
  const ctx = orgContextOf(org);
  const best = highestRoleOver(actorOf(me.data), ctx);
  // The server's rule: a manager may create staff only; someone above a manager may create managers.
  const roleOptions: AccountRole[] =
    best !== null && roleRank[best] > roleRank.manager && roleFitsOrganisation('manager', org.kind)
      ? ['staff', 'manager']
      : ['staff'];

  const items = codes.data?.items ?? [];
  // A new code is offered once per person, on their newest code (the list is newest first).
  const newest = new Set<string>();
  const offerNew = new Set<string>();
  for (const c of items) {
    if (newest.has(c.userId)) continue;
    newest.add(c.userId);
    if (c.canReissue && c.status !== 'open') offerNew.add(c.id);
  }
  const showUnit = items.some((c) => c.organisationId !== org.id);

  return (
    <Page
      breadcrumbs={orgTrail(org, t, t('orgs.activationCodes'))}
      title={t('activation.title', { name: org.name })}
      lead={t('activation.intro')}
    >
      {leaving}
      {issued ? <ActivationSheet key={issued.id} issued={issued} onDone={() => setIssued(null)} /> : null}
      <div className="narrow">
        <Section title={t('activation.create.heading')} id="new-account">
          <form onSubmit={cf.onSubmit} noValidate className="form">
            {cf.summary}
            <ContractTextField cf={cf} name="name" autoComplete="off" required />
            <ContractTextField
              cf={cf}
              name="username"
              hint={t('activation.create.usernameHint')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              emptyAsUndefined
            />
            <ContractTextField cf={cf} name="employeeNumber" autoComplete="off" emptyAsUndefined />
            <ContractSelectField
              cf={cf}
              name="role"
              required
              options={roleOptions.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
            <div className="form-actions">
              <SubmitButton
                busy={cf.busy}
                label={t('activation.create.submit')}
                busyLabel={t('activation.create.submitting')}
              />
            </div>
          </form>
        </Section>
      </div>
      <Section title={t('activation.list.heading')} id="codes">
        <LiveStatus message={status} />
        {reissue.isError ? <ErrorAlert error={reissue.error} /> : null}
        {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
        <QueryTable
          query={codes}
          count={items.length}
          empty={t('activation.list.empty')}
          caption={t('activation.list.caption')}
        >
          <thead>
            <tr>
              <th scope="col">{t('activation.list.name')}</th>
              <th scope="col">{t('activation.list.username')}</th>
              {showUnit ? <th scope="col">{t('activation.list.unit')}</th> : null}
              <th scope="col">{t('activation.list.status')}</th>
              <th scope="col">{t('activation.list.created')}</th>
              <th scope="col">{t('activation.list.expires')}</th>
              <th scope="col">{t('activation.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td className="break">{c.username ?? ''}</td>
                {showUnit ? <td>{c.organisationName}</td> : null}
                <td>
                  <Tag color={statusColor[c.status]}>{t(`activation.status.${c.status}`)}</Tag>
                </td>
                <td>{formatDate(c.createdAt)}</td>
                <td>{formatDate(c.expiresAt)}</td>
                <td>
                  {c.status === 'open' ? (
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      data-color="danger"
                      aria-label={t('activation.list.revokeLabel', { name: c.name })}
                      aria-busy={(revoke.isPending && revoke.variables?.id === c.id) || undefined}
                      onClick={() => !revoke.isPending && revoke.mutate(c)}
                    >
                      {t('activation.list.revoke')}
                    </button>
                  ) : null}
                  {offerNew.has(c.id) ? (
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      aria-label={t('activation.list.reissueLabel', { name: c.name })}
                      aria-busy={(reissue.isPending && reissue.variables?.id === c.id) || undefined}
                      onClick={() => !reissue.isPending && reissue.mutate(c)}
                    >
                      {t('activation.list.reissue')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </QueryTable>
      </Section>
    </Page>
  );
}
