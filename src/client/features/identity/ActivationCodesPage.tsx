import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { highestRoleOver, roleFitsOrganisation, roleRank } from '../../../shared/access/index.ts';
import {
  ActivationCodeIssued,
  ActivationCodeList,
  type ActivationCodeView,
  USERNAME_RE,
} from '../../../shared/contracts/activation.ts';
import { ErrorAlert, LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
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
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [employeeNumber, setEmployeeNumber] = useState('');
  const [role, setRole] = useState<AccountRole>('staff');
  const [issued, setIssued] = useState<ActivationCodeIssued | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const form = useFormErrors('activation');
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

  const create = useMutation({
    mutationFn: (body: { name: string; username?: string; employeeNumber?: string; role: AccountRole }) =>
      api.post(`/organisations/${orgId}/accounts`, ActivationCodeIssued, body),
    onSuccess: async (res) => {
      setName('');
      setUsername('');
      setEmployeeNumber('');
      await shown(res);
    },
    onError: (err) => form.failFromApi(err, ['name', 'username', 'employeeNumber', 'role']),
  });

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

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim())
      errs.name = t('form.requiredField', { field: t('activation.create.name').toLowerCase() });
    if (!username.trim() && !employeeNumber.trim()) errs.username = t('activation.create.usernameOrNumber');
    else if (username.trim() && !USERNAME_RE.test(username.trim()))
      errs.username = t('activation.create.usernameHint');
    if (Object.keys(errs).length) return form.fail(errs);
    form.clear();
    create.mutate({
      name: name.trim(),
      ...(username.trim() ? { username: username.trim() } : {}),
      ...(employeeNumber.trim() ? { employeeNumber: employeeNumber.trim() } : {}),
      role: roleOptions.includes(role) ? role : 'staff',
    });
  }

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
    <>
      <Page
        breadcrumbs={orgTrail(org, t, t('orgs.activationCodes'))}
        title={t('activation.title', { name: org.name })}
        lead={t('activation.intro')}
      >
        {issued ? <ActivationSheet key={issued.id} issued={issued} onDone={() => setIssued(null)} /> : null}
        <div className="narrow">
          <Section title={t('activation.create.heading')} id="new-account">
            <form onSubmit={submit} noValidate className="form">
              {form.summary}
              <TextField
                id={form.fieldId('name')}
                label={t('activation.create.name')}
                autoComplete="off"
                required
                value={name}
                onValueChange={setName}
                error={form.errors.name}
              />
              <TextField
                id={form.fieldId('username')}
                label={t('activation.create.username')}
                hint={t('activation.create.usernameHint')}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onValueChange={setUsername}
                error={form.errors.username}
              />
              <TextField
                id={form.fieldId('employeeNumber')}
                label={t('activation.create.employeeNumber')}
                autoComplete="off"
                value={employeeNumber}
                onValueChange={setEmployeeNumber}
                error={form.errors.employeeNumber}
              />
              <SelectField<AccountRole>
                id={form.fieldId('role')}
                label={t('activation.create.role')}
                required
                value={roleOptions.includes(role) ? role : 'staff'}
                onValueChange={setRole}
                options={roleOptions.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                error={form.errors.role}
              />
              <div className="form-actions">
                <SubmitButton
                  busy={create.isPending}
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
          {codes.isPending ? (
            <Loading />
          ) : codes.isError ? (
            <ErrorAlert error={codes.error} onRetry={() => void codes.refetch()} />
          ) : items.length === 0 ? (
            <p className="ds-paragraph">{t('activation.list.empty')}</p>
          ) : (
            <TableWrap label={t('activation.list.caption')}>
              <table className="ds-table" data-border="true" data-zebra="true">
                <caption>{t('activation.list.caption')}</caption>
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
              </table>
            </TableWrap>
          )}
        </Section>
      </Page>
    </>
  );
}
