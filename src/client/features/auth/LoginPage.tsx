import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginForm, LoginResponse, loginCredentials, type Me } from '../../../shared/contracts/auth.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import { SystemInfo } from '../../../shared/contracts/system.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { setLanguage } from '../../lib/i18n.ts';
import { meKey, useMe } from '../../lib/session.ts';
import { PasskeyLoginButton } from './PasskeyLoginButton.tsx';
import { OrganisationLoginLink, SsoSuggestion } from './SsoSuggestion.tsx';

/** Only same-site paths are allowed as the return address after login. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  // The address as it was when the field was left: its domain may belong to an organisation's IdP.
  const [discoverFor, setDiscoverFor] = useState('');
  // The address that was answered "locked", so its owner can ask for an unlock link.
  const [lockedEmail, setLockedEmail] = useState<string | null>(null);
  const [unlockSentTo, setUnlockSentTo] = useState<string | null>(null);
  // The person's organisation signs in with its own IdP (403 sso_required after the right password).
  const [sso, setSso] = useState<{ loginUrl: string; name: string } | null>(null);
  const next = safeNext(params.get('next'));
  const system = useQuery({
    queryKey: ['system'],
    queryFn: () => api.get('/system', SystemInfo),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const demo = system.data?.demo ? system.data : null;

  async function loggedIn(user: Me) {
    api.resetCsrf();
    qc.clear();
    qc.setQueryData(meKey, user);
    await setLanguage(user.preferredLanguage);
    navigate(next, { replace: true });
  }

  const login = useMutation({
    mutationFn: (v: LoginForm) =>
      api.post('/auth/login', LoginResponse, loginCredentials(v.identifier, v.password)),
    onSuccess: async (result) => {
      // A second factor is needed: the one-time token travels in the router state, never in the URL.
      if ('mfaRequired' in result)
        return navigate('/logga-in/andra-steget', { state: { mfa: result, next } });
      await loggedIn(result);
    },
  });

  const cf = useContractForm(LoginForm, {
    id: 'login',
    defaultValues: { identifier: '', password: '' },
    labels: { identifier: t('mfa.identifier'), password: t('login.password') },
    onSubmit: async (v) => {
      setSso(null);
      setLockedEmail(null);
      setUnlockSentTo(null);
      try {
        await login.mutateAsync(v);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'account_locked') setLockedEmail(v.identifier);
        if (err instanceof ApiError && err.code === 'sso_required' && err.problem?.loginUrl) {
          const url = `${err.problem.loginUrl}?returnTo=${encodeURIComponent(next)}`;
          setSso({ loginUrl: url, name: err.problem.identityProviderName ?? '' });
          return;
        }
        throw err;
      }
    },
  });

  const unlock = useMutation({
    mutationFn: (address: string) => api.post('/auth/unlock', Ok, { email: address }),
    onSuccess: (_r, address) => setUnlockSentTo(address),
  });

  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  return (
    <div className="narrow">
      <Page title={t('login.title')} lead={t('login.intro')}>
        <LiveStatus
          message={
            unlockSentTo
              ? t('login.unlockSent', { email: unlockSentTo })
              : params.get('utloggad')
                ? t('login.loggedOut')
                : null
          }
        />
        <form onSubmit={cf.onSubmit} noValidate className="form">
          {cf.summary}
          {sso ? (
            <div className="ds-alert" data-color="info" role="alert">
              <h2 className="ds-heading" data-size="xs">
                {t('mfa.ssoTitle', { name: sso.name })}
              </h2>
              <p className="ds-paragraph">{t('mfa.ssoText')}</p>
              <a className="ds-button" data-variant="primary" href={sso.loginUrl}>
                {t('mfa.ssoContinue', { name: sso.name })}
              </a>
            </div>
          ) : null}
          {lockedEmail && !unlockSentTo ? (
            <div className="ds-alert" data-color="info">
              <p className="ds-paragraph">{t('login.lockedHelp')}</p>
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                aria-busy={unlock.isPending || undefined}
                disabled={unlock.isPending}
                onClick={() => unlock.mutate(lockedEmail)}
              >
                {unlock.isPending ? t('login.unlockSending') : t('login.unlockSend')}
              </button>
              {unlock.isError ? <ErrorAlert error={unlock.error} /> : null}
            </div>
          ) : null}
          <ContractTextField
            cf={cf}
            name="identifier"
            type="text"
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="username"
            required
            onBlur={(e) => setDiscoverFor(e.currentTarget.value)}
          />
          <SsoSuggestion email={discoverFor} next={next} />
          <ContractTextField
            cf={cf}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <div className="form-actions">
            <SubmitButton busy={cf.busy} label={t('login.submit')} busyLabel={t('login.submitting')} />
            <Link className="ds-link" to="/glomt-losenord">
              {t('login.forgot')}
            </Link>
          </div>
        </form>
        <PasskeyLoginButton onLoggedIn={loggedIn} />
        <OrganisationLoginLink next={next} />
        {demo ? (
          <Section title={t('login.demoTitle')} id="demo">
            <p className="ds-paragraph">{t('login.demoText', { password: demo.demoPassword ?? '' })}</p>
            <ul className="demo-list" aria-label={t('login.demoCaption')}>
              {demo.demoAccounts.map((a) => (
                <li key={a.email}>
                  <span className="demo-account">
                    <span className="break">{a.email}</span>
                    <span className="muted">{t(`roles.${a.role}`)}</span>
                  </span>
                  <button
                    type="button"
                    className="ds-button"
                    data-variant="secondary"
                    aria-label={t('login.demoUseLabel', { email: a.email })}
                    onClick={() => {
                      cf.form.setValue('identifier', a.email);
                      cf.form.setValue('password', demo.demoPassword ?? '');
                      document.getElementById(cf.fieldId('identifier'))?.focus();
                    }}
                  >
                    {t('login.demoUse')}
                  </button>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </Page>
    </div>
  );
}
