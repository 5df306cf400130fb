import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import {
  ChangePasswordForm,
  Me,
  PersonalDataExport,
  SessionList,
  type SessionView,
  UpdateMe,
} from '../../../shared/contracts/auth.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { SubmitButton, TextField } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { NewPasswordFields } from '../../components/NewPasswordFields.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { LanguageAndGenderFields } from '../../components/ProfileFields.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, setLanguage } from '../../lib/i18n.ts';
import { orgPath } from '../../lib/organisations.ts';
import { meKey, useMe } from '../../lib/session.ts';

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cf = useContractForm(UpdateMe, {
    id: 'profile',
    defaultValues: {
      name: me.name,
      preferredLanguage: me.preferredLanguage,
      gender: me.gender ?? 'not_stated',
    },
    labels: {
      name: t('account.name'),
      preferredLanguage: t('account.language'),
      gender: t('account.gender'),
    },
    onSubmit: async (body) => {
      const updated = await api.patch('/me', Me, body);
      qc.setQueryData(meKey, updated);
      await setLanguage(updated.preferredLanguage);
      return t('account.profileSaved', { lng: updated.preferredLanguage });
    },
  });

  return (
    <Section title={t('account.profileTitle')} id="profile">
      <form onSubmit={cf.onSubmit} noValidate className="form">
        {cf.summary}
        {me.email === null && me.username ? (
          <TextField
            id={cf.fieldId('username')}
            label={t('account.username')}
            hint={t('account.usernameHint')}
            value={me.username}
            readOnly
            onValueChange={() => {}}
          />
        ) : (
          <TextField
            id={cf.fieldId('email')}
            label={t('account.email')}
            hint={t('account.emailHint')}
            type="email"
            value={me.email ?? ''}
            readOnly
            onValueChange={() => {}}
          />
        )}
        <ContractTextField cf={cf} name="name" autoComplete="name" required />
        <LanguageAndGenderFields
          languageId={cf.fieldId('preferredLanguage')}
          genderId={cf.fieldId('gender')}
          languageLabel={t('account.language')}
          genderLabel={t('account.gender')}
          genderHint={t('account.genderHint')}
          language={cf.form.watch('preferredLanguage') ?? me.preferredLanguage}
          gender={cf.form.watch('gender') ?? 'not_stated'}
          onLanguage={(v) => cf.form.setValue('preferredLanguage', v, { shouldDirty: true })}
          onGender={(v) => cf.form.setValue('gender', v, { shouldDirty: true })}
          languageError={cf.errorFor('preferredLanguage')}
          genderError={cf.errorFor('gender')}
        />
        <div className="form-actions">
          <SubmitButton busy={cf.busy} label={t('account.saveProfile')} busyLabel={t('app.saving')} />
        </div>
        {cf.saved}
      </form>
    </Section>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const empty = { currentPassword: '', newPassword: '', confirm: '' };
  const cf = useContractForm(ChangePasswordForm, {
    id: 'password',
    defaultValues: empty,
    labels: {
      currentPassword: t('account.currentPassword'),
      newPassword: t('account.newPassword'),
      confirm: t('account.confirmPassword'),
    },
    onSubmit: async ({ currentPassword, newPassword }, { form }) => {
      await api.post('/auth/password', Ok, { currentPassword, newPassword });
      // Passwords do not stay in the fields once changed.
      form.reset(empty);
      return t('account.passwordChanged');
    },
  });

  return (
    <Section title={t('account.passwordTitle')} id="password">
      <form onSubmit={cf.onSubmit} noValidate className="form">
        {cf.summary}
        <ContractTextField
          cf={cf}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <NewPasswordFields cf={cf} name="newPassword" />
        <div className="form-actions">
          <SubmitButton busy={cf.busy} label={t('account.changePassword')} busyLabel={t('app.saving')} />
        </div>
        {cf.saved}
      </form>
    </Section>
  );
}

function describeAgent(ua: string | null, fallback: string): string {
  if (!ua) return fallback;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return browser || os ? [browser, os].filter(Boolean).join(', ') : ua.slice(0, 60);
}

function Sessions() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: () => api.get('/auth/sessions', SessionList),
  });
  const revoke = useMutation({
    mutationFn: (s: z.infer<typeof SessionView>) => api.delete(`/auth/sessions/${s.id}`, z.unknown()),
    onSuccess: async () => {
      setStatus(t('account.revoked'));
      await qc.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  return (
    <Section title={t('account.sessionsTitle')} id="sessions">
      <p className="ds-paragraph">{t('account.sessionsIntro')}</p>
      <LiveStatus message={status} />
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <ErrorAlert error={sessions.error} /> : null}
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      {sessions.data ? (
        <TableWrap label={t('account.sessionsCaption')}>
          <table className="ds-table" data-border="true" data-zebra="true">
            <caption>{t('account.sessionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.device')}</th>
                <th scope="col">{t('account.started')}</th>
                <th scope="col">{t('account.lastSeen')}</th>
                <th scope="col">{t('account.expires')}</th>
                <th scope="col">
                  <span className="sr-only">{t('members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{describeAgent(s.userAgent, t('account.unknownDevice'))}</th>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>{formatDateTime(s.lastSeenAt)}</td>
                  <td>{formatDateTime(s.expiresAt)}</td>
                  <td>
                    {s.current ? (
                      <strong>{t('account.thisSession')}</strong>
                    ) : (
                      <button
                        type="button"
                        className="ds-button"
                        data-variant="tertiary"
                        aria-label={t('account.revokeLabel', { date: formatDateTime(s.createdAt) })}
                        aria-busy={(revoke.isPending && revoke.variables?.id === s.id) || undefined}
                        onClick={() => {
                          if (!revoke.isPending) revoke.mutate(s);
                        }}
                      >
                        {t('account.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </Section>
  );
}

function ExportData() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const download = useMutation({
    mutationFn: () => api.get('/me/export', PersonalDataExport),
    onSuccess: (data) => {
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `valfardsnavet-mina-uppgifter-${data.exportedAt.slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setStatus(t('account.exported'));
    },
  });
  return (
    <Section title={t('account.exportTitle')} id="export">
      <p className="ds-paragraph">{t('account.exportText')}</p>
      <LiveStatus message={status} />
      {download.isError ? <ErrorAlert error={download.error} /> : null}
      <button
        type="button"
        className="ds-button"
        data-variant="secondary"
        aria-busy={download.isPending || undefined}
        onClick={() => {
          if (!download.isPending) download.mutate();
        }}
      >
        {download.isPending ? t('account.exporting') : t('account.exportButton')}
      </button>
    </Section>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <Loading />;
  const user = me.data;
  return (
    <Page title={t('account.title')}>
      <div className="account-grid">
        <ProfileForm me={user} />
        <Section title={t('account.rolesTitle')} id="roles">
          {user.memberships.length === 0 ? (
            <p className="ds-paragraph">{t('start.noMemberships')}</p>
          ) : (
            <ul className="link-list">
              {user.memberships.map((m) => (
                <li key={m.id}>
                  {t(`roles.${m.role}`)} –{' '}
                  <Link className="ds-link" to={orgPath(m.organisationId)}>
                    {m.organisationName}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t('security.link')} id="security">
          <p className="ds-paragraph">{t('security.linkText')}</p>
          <Link className="ds-link" to="/mitt-konto/sakerhet">
            {t('security.title')}
          </Link>
        </Section>
        <PasswordForm />
        <Sessions />
        <ExportData />
      </div>
    </Page>
  );
}
