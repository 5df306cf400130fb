import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { grantableRoles } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { InvitationCreated, type Role } from '../../../shared/contracts/people.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { EMAIL_RE, SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { currentLanguage, formatDate } from '../../lib/i18n.ts';
import { organisationKey, orgPath } from '../../lib/organisations.ts';
import { actorOf, orgContextOf, useMe } from '../../lib/session.ts';
import { Breadcrumbs, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

export function InvitePage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { org, fallback } = useRouteOrganisation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [language, setLanguage] = useState<UiLanguage>(currentLanguage());
  const [status, setStatus] = useState<string | null>(null);
  const form = useFormErrors('invite');

  const invite = useMutation({
    mutationFn: (body: {
      email: string;
      name: string;
      role: Role;
      organisationId: string;
      language: UiLanguage;
    }) => api.post('/invitations', InvitationCreated, body),
    onSuccess: async (res) => {
      setStatus(
        res.existingUser
          ? t('invite.existing', { email: res.email })
          : t('invite.sent', { email: res.email, date: res.expiresAt ? formatDate(res.expiresAt) : '' }),
      );
      setEmail('');
      setName('');
      await qc.invalidateQueries({ queryKey: ['members', res.organisationId] });
      await qc.invalidateQueries({ queryKey: organisationKey(res.organisationId) });
    },
    onError: (err) => form.failFromApi(err, ['email', 'name', 'role', 'language']),
  });

  if (!org || !me.data) return fallback ?? <Loading />;
  const options = grantableRoles(actorOf(me.data), orgContextOf(org));
  if (options.length === 0) return <NotFoundPage forbidden />;
  const selectedRole: Role = role && options.includes(role) ? role : (options[0] as Role);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!org) return;
    const errs: Record<string, string> = {};
    if (!email.trim()) errs.email = t('form.requiredField', { field: t('invite.email').toLowerCase() });
    else if (!EMAIL_RE.test(email.trim())) errs.email = t('form.invalidEmail');
    if (!name.trim()) errs.name = t('form.requiredField', { field: t('invite.name').toLowerCase() });
    if (Object.keys(errs).length) return form.fail(errs);
    form.clear();
    setStatus(null);
    invite.mutate({
      email: email.trim(),
      name: name.trim(),
      role: selectedRole,
      organisationId: org.id,
      language,
    });
  }

  return (
    <>
      <Breadcrumbs org={org} current={t('orgs.invite')} />
      <div className="narrow">
        <Page title={t('invite.title', { name: org.name })} lead={t('invite.intro')}>
          <LiveStatus message={status} />
          <form onSubmit={submit} noValidate className="form">
            {form.summary}
            <TextField
              id={form.fieldId('email')}
              label={t('invite.email')}
              type="email"
              autoComplete="off"
              required
              value={email}
              onValueChange={setEmail}
              error={form.errors.email}
            />
            <TextField
              id={form.fieldId('name')}
              label={t('invite.name')}
              autoComplete="off"
              required
              value={name}
              onValueChange={setName}
              error={form.errors.name}
            />
            <SelectField<Role>
              id={form.fieldId('role')}
              label={t('invite.role')}
              required
              value={selectedRole}
              onValueChange={setRole}
              options={options.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              error={form.errors.role}
            />
            <SelectField<UiLanguage>
              id={form.fieldId('language')}
              label={t('invite.language')}
              value={language}
              onValueChange={setLanguage}
              options={[
                { value: 'sv', label: t('languages.sv') },
                { value: 'en', label: t('languages.en') },
              ]}
              error={form.errors.language}
            />
            <div className="form-actions">
              <SubmitButton
                busy={invite.isPending}
                label={t('invite.submit')}
                busyLabel={t('invite.submitting')}
              />
              <Link className="ds-link" to={`${orgPath(org.id)}/personer`}>
                {t('orgs.showMembers')}
              </Link>
            </div>
          </form>
        </Page>
      </div>
    </>
  );
}
