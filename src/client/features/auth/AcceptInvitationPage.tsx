import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { AcceptInvitationForm, Me } from '../../../shared/contracts/auth.ts';
import { InvitationView } from '../../../shared/contracts/people.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SubmitButton, TextField } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { NewPasswordFields } from '../../components/NewPasswordFields.tsx';
import { Page } from '../../components/Page.tsx';
import { LanguageAndGenderFields } from '../../components/ProfileFields.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { currentLanguage, formatDate, setLanguage } from '../../lib/i18n.ts';
import { meKey } from '../../lib/session.ts';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get(`/invitations/${encodeURIComponent(token)}`, InvitationView),
    retry: false,
  });

  if (invitation.isPending)
    return (
      <Page title={t('invitation.title')}>
        <Loading />
      </Page>
    );
  if (invitation.isError) {
    const gone = invitation.error instanceof ApiError && [400, 404, 410].includes(invitation.error.status);
    return (
      <div className="narrow">
        <Page title={t('invitation.title')}>
          {gone ? (
            <div className="ds-alert" data-color="warning">
              <p className="ds-paragraph">{t('invitation.invalid')}</p>
            </div>
          ) : (
            <ErrorAlert error={invitation.error} onRetry={() => void invitation.refetch()} />
          )}
        </Page>
      </div>
    );
  }
  const inv = invitation.data;

  return (
    <div className="narrow">
      <Page
        title={t('invitation.title')}
        lead={t('invitation.intro', { organisation: inv.organisationName, role: t(`roles.${inv.role}`) })}
      >
        <p className="ds-paragraph">{t('invitation.expires', { date: formatDate(inv.expiresAt) })}</p>
        <AcceptForm token={token} inv={inv} />
      </Page>
    </div>
  );
}

function AcceptForm({ token, inv }: { token: string; inv: z.infer<typeof InvitationView> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const cf = useContractForm(AcceptInvitationForm, {
    id: 'invitation',
    defaultValues: {
      name: inv.name,
      password: '',
      confirm: '',
      preferredLanguage: currentLanguage(),
      gender: 'not_stated',
    },
    labels: {
      name: t('invitation.name'),
      password: t('invitation.password'),
      confirm: t('invitation.confirm'),
      preferredLanguage: t('invitation.language'),
      gender: t('invitation.gender'),
    },
    onSubmit: async ({ confirm: _repeated, ...body }) => {
      const answer = await api.post(`/invitations/${encodeURIComponent(token)}/accept`, z.unknown(), body);
      await setLanguage(body.preferredLanguage);
      api.resetCsrf();
      const parsed = Me.safeParse(answer);
      if (parsed.success) {
        qc.setQueryData(meKey, parsed.data);
        navigate('/', { replace: true });
      } else {
        // The server may not log the person in: refresh /me and go on from there.
        await qc.invalidateQueries({ queryKey: meKey });
        navigate('/logga-in', { replace: true });
      }
    },
  });

  return (
    <form onSubmit={cf.onSubmit} noValidate className="form">
      {cf.summary}
      <TextField
        id={cf.fieldId('email')}
        label={t('invitation.email')}
        type="email"
        autoComplete="username"
        value={inv.email}
        readOnly
        onValueChange={() => {}}
      />
      <ContractTextField cf={cf} name="name" autoComplete="name" required />
      <NewPasswordFields cf={cf} name="password" />
      <LanguageAndGenderFields
        languageId={cf.fieldId('preferredLanguage')}
        genderId={cf.fieldId('gender')}
        languageLabel={t('invitation.language')}
        genderLabel={t('invitation.gender')}
        genderHint={t('invitation.genderHint')}
        language={cf.form.watch('preferredLanguage') ?? 'sv'}
        gender={cf.form.watch('gender') ?? 'not_stated'}
        onLanguage={(v) => cf.form.setValue('preferredLanguage', v, { shouldDirty: true })}
        onGender={(v) => cf.form.setValue('gender', v, { shouldDirty: true })}
        languageError={cf.errorFor('preferredLanguage')}
        genderError={cf.errorFor('gender')}
      />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={t('invitation.submit')} busyLabel={t('invitation.submitting')} />
      </div>
    </form>
  );
}
