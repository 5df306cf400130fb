import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { Me } from '../../../shared/contracts/auth.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Gender, InvitationView } from '../../../shared/contracts/people.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { NewPasswordFields, newPasswordErrors } from '../../components/NewPasswordFields.tsx';
import { Page } from '../../components/Page.tsx';
import { LanguageAndGenderFields } from '../../components/ProfileFields.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { currentLanguage, formatDate, setLanguage } from '../../lib/i18n.ts';
import { meKey } from '../../lib/session.ts';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get(`/invitations/${encodeURIComponent(token)}`, InvitationView),
    retry: false,
  });

  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [language, setLang] = useState<UiLanguage>(currentLanguage());
  const [gender, setGender] = useState<Gender>('not_stated');
  const form = useFormErrors('invitation');
  const nameValue = name ?? invitation.data?.name ?? '';

  const accept = useMutation({
    mutationFn: () =>
      api.post(`/invitations/${encodeURIComponent(token)}/accept`, z.unknown(), {
        name: nameValue.trim(),
        password,
        preferredLanguage: language,
        gender,
      }),
    onSuccess: async (body) => {
      await setLanguage(language);
      api.resetCsrf();
      const parsed = Me.safeParse(body);
      if (parsed.success) {
        qc.setQueryData(meKey, parsed.data);
        navigate('/', { replace: true });
      } else {
        // The server may not log the person in: refresh /me and go on from there.
        await qc.invalidateQueries({ queryKey: meKey });
        navigate('/logga-in', { replace: true });
      }
    },
    onError: (err) => form.failFromApi(err, ['name', 'password', 'preferredLanguage', 'gender']),
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!nameValue.trim()) errs.name = t('form.requiredField', { field: t('invitation.name').toLowerCase() });
    Object.assign(errs, newPasswordErrors(t, password, confirm, 'password'));
    if (Object.keys(errs).length) return form.fail(errs);
    form.clear();
    accept.mutate();
  }

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
        <form onSubmit={submit} noValidate className="form">
          {form.summary}
          <TextField
            id={form.fieldId('email')}
            label={t('invitation.email')}
            type="email"
            autoComplete="username"
            value={inv.email}
            readOnly
            onValueChange={() => {}}
          />
          <TextField
            id={form.fieldId('name')}
            label={t('invitation.name')}
            autoComplete="name"
            required
            value={nameValue}
            onValueChange={setName}
            error={form.errors.name}
          />
          <NewPasswordFields
            passwordId={form.fieldId('password')}
            confirmId={form.fieldId('confirm')}
            label={t('invitation.password')}
            confirmLabel={t('invitation.confirm')}
            password={password}
            confirm={confirm}
            onPassword={setPassword}
            onConfirm={setConfirm}
            passwordError={form.errors.password}
            confirmError={form.errors.confirm}
          />
          <LanguageAndGenderFields
            languageId={form.fieldId('preferredLanguage')}
            genderId={form.fieldId('gender')}
            languageLabel={t('invitation.language')}
            genderLabel={t('invitation.gender')}
            genderHint={t('invitation.genderHint')}
            language={language}
            gender={gender}
            onLanguage={setLang}
            onGender={setGender}
            languageError={form.errors.preferredLanguage}
            genderError={form.errors.gender}
          />
          <div className="form-actions">
            <SubmitButton
              busy={accept.isPending}
              label={t('invitation.submit')}
              busyLabel={t('invitation.submitting')}
            />
          </div>
        </form>
      </Page>
    </div>
  );
}
