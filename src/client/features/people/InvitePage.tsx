import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { grantableRoles } from '../../../shared/access/index.ts';
import { CreateInvitation, InvitationCreated, type Role } from '../../../shared/contracts/people.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractSelectField, ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { currentLanguage, formatDate } from '../../lib/i18n.ts';
import { organisationKey, orgPath } from '../../lib/organisations.ts';
import { actorOf, orgContextOf, useMe } from '../../lib/session.ts';
import { orgTrail, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

export function InvitePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { org, fallback } = useRouteOrganisation();

  if (!org || !me.data) return fallback ?? <Loading />;
  const options = grantableRoles(actorOf(me.data), orgContextOf(org));
  if (options.length === 0) return <NotFoundPage forbidden />;

  return (
    <div className="narrow">
      <Page
        breadcrumbs={orgTrail(org, t, t('orgs.invite'))}
        title={t('invite.title', { name: org.name })}
        lead={t('invite.intro')}
      >
        <InviteForm organisationId={org.id} roles={options} />
      </Page>
    </div>
  );
}

function InviteForm({ organisationId, roles }: { organisationId: string; roles: readonly Role[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const cf = useContractForm(CreateInvitation, {
    id: 'invite',
    defaultValues: { email: '', name: '', organisationId, role: roles[0], language: currentLanguage() },
    labels: {
      email: t('invite.email'),
      name: t('invite.name'),
      role: t('invite.role'),
      language: t('invite.language'),
    },
    onSubmit: async (body, { form }) => {
      const res = await api.post('/invitations', InvitationCreated, body);
      // The next person is often invited with the same role and language.
      form.reset({ ...form.getValues(), email: '', name: '' });
      await qc.invalidateQueries({ queryKey: ['members', res.organisationId] });
      await qc.invalidateQueries({ queryKey: organisationKey(res.organisationId) });
      return res.existingUser
        ? t('invite.existing', { email: res.email })
        : t('invite.sent', { email: res.email, date: res.expiresAt ? formatDate(res.expiresAt) : '' });
    },
  });

  return (
    <form onSubmit={cf.onSubmit} noValidate className="form">
      {cf.summary}
      <ContractTextField cf={cf} name="email" type="email" autoComplete="off" required />
      <ContractTextField cf={cf} name="name" autoComplete="off" required />
      <ContractSelectField
        cf={cf}
        name="role"
        required
        options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <ContractSelectField
        cf={cf}
        name="language"
        options={[
          { value: 'sv', label: t('languages.sv') },
          { value: 'en', label: t('languages.en') },
        ]}
      />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={t('invite.submit')} busyLabel={t('invite.submitting')} />
        <Link className="ds-link" to={`${orgPath(organisationId)}/personer`}>
          {t('orgs.showMembers')}
        </Link>
      </div>
      {cf.saved}
    </form>
  );
}
