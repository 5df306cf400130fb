import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { MfaCompleted } from '../../../shared/contracts/auth.ts';
import { CompleteMfa, type MfaChallenge, TotpSetup, WebAuthnOptions } from '../../../shared/contracts/mfa.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { setLanguage } from '../../lib/i18n.ts';
import { meKey } from '../../lib/session.ts';
import { safeNext } from './LoginPage.tsx';
import { createPasskey, PasskeyErrorAlert, passkeyError, signWithPasskey } from './PasskeyLoginButton.tsx';

type Completed = typeof MfaCompleted._output;

/** The codes shown once after the first factor was set up, before going on. */
export function RecoveryCodeList({ codes, label }: { codes: string[]; label: string }) {
  return (
    <ul className="ds-list recovery-codes" aria-label={label}>
      {codes.map((c) => (
        <li key={c}>
          <code>{c}</code>
        </li>
      ))}
    </ul>
  );
}

/**
 * `/logga-in/andra-steget`: after a correct password, the second factor — a code from the app, the
 * person's passkey or a recovery code — or, for someone who has none yet, setting one up. The one-time
 * token comes in the router state from the login page (never in the address).
 */
export function MfaPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const state = location.state as { mfa?: MfaChallenge; next?: string } | null;
  const challenge = state?.mfa;
  const next = safeNext(state?.next ?? null);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [done, setDone] = useState<Completed | null>(null);

  async function finish(result: Completed) {
    api.resetCsrf();
    qc.clear();
    qc.setQueryData(meKey, result);
    await setLanguage(result.preferredLanguage);
    if (result.recoveryCodes?.length) setDone(result);
    else navigate(next, { replace: true });
  }

  if (!challenge) {
    return (
      <div className="narrow">
        <Page title={t('mfa.title')}>
          <div className="ds-alert" data-color="warning">
            <p className="ds-paragraph">{t('mfa.expired')}</p>
          </div>
          <p className="ds-paragraph">
            <Link className="ds-link" to="/logga-in">
              {t('mfa.toLogin')}
            </Link>
          </p>
        </Page>
      </div>
    );
  }

  if (done?.recoveryCodes) {
    return (
      <div className="narrow">
        <Page title={t('mfa.recoveryTitle')} lead={t('mfa.recoveryIntro')}>
          <RecoveryCodeList codes={done.recoveryCodes} label={t('mfa.recoveryList')} />
          <button
            type="button"
            className="ds-button"
            data-variant="primary"
            onClick={() => navigate(next, { replace: true })}
          >
            {t('mfa.continue')}
          </button>
        </Page>
      </div>
    );
  }

  return (
    <div className="narrow">
      {challenge.setupRequired ? (
        <Page title={t('mfa.setupTitle')} lead={t('mfa.setupIntro')}>
          <SetupFactor token={challenge.mfaToken} onDone={finish} />
        </Page>
      ) : (
        <Page title={t('mfa.title')} lead={t('mfa.intro')}>
          <GiveFactor challenge={challenge} onDone={finish} />
        </Page>
      )}
    </div>
  );
}

/** One code (from the app, or a recovery code) completing the second step, checked by the CompleteMfa contract. */
function CodeForm({
  id,
  field,
  mfaToken,
  label,
  hint,
  onSubmit,
  autoComplete,
  inputMode,
}: {
  id: string;
  field: 'totpCode' | 'recoveryCode';
  mfaToken: string;
  label: string;
  hint: string;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
}) {
  const { t } = useTranslation();
  const cf = useContractForm(CompleteMfa, {
    id,
    defaultValues: { mfaToken, [field]: '' },
    labels: { [field]: label },
    onSubmit,
  });
  return (
    <form className="form" noValidate onSubmit={cf.onSubmit}>
      {cf.summary}
      <ContractTextField
        cf={cf}
        name={field}
        hint={hint}
        required
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode ?? 'text'}
        maxLength={40}
      />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={t('mfa.verify')} busyLabel={t('mfa.verifying')} />
      </div>
    </form>
  );
}

function GiveFactor({
  challenge,
  onDone,
}: {
  challenge: MfaChallenge;
  onDone: (r: Completed) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const token = challenge.mfaToken;
  const complete = (body: Record<string, unknown>) =>
    api.post('/auth/mfa', MfaCompleted, { mfaToken: token, ...body }).then(onDone);
  const passkey = useMutation({
    mutationFn: async () => {
      const options = await api.post('/auth/mfa/passkey-options', WebAuthnOptions, { mfaToken: token });
      let response: unknown;
      try {
        response = await signWithPasskey(options);
      } catch (err) {
        throw passkeyError(err, t('mfa.passkeyCancelled'));
      }
      return complete({ passkey: response });
    },
  });
  return (
    <>
      {challenge.methods.includes('totp') && !recovery ? (
        <CodeForm
          id="mfa-totp"
          field="totpCode"
          mfaToken={token}
          label={t('mfa.code')}
          hint={t('mfa.codeHint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          onSubmit={complete}
        />
      ) : null}
      {challenge.methods.includes('passkey') && !recovery ? (
        <div className="form-actions">
          <button
            type="button"
            className="ds-button"
            data-variant={challenge.methods.includes('totp') ? 'secondary' : 'primary'}
            aria-busy={passkey.isPending || undefined}
            disabled={passkey.isPending}
            onClick={() => passkey.mutate()}
          >
            {passkey.isPending ? t('mfa.passkeyBusy') : t('mfa.usePasskey')}
          </button>
          {passkey.isError ? <PasskeyErrorAlert error={passkey.error} /> : null}
        </div>
      ) : null}
      {challenge.methods.includes('recovery_code') ? (
        recovery ? (
          <CodeForm
            id="mfa-recovery"
            field="recoveryCode"
            mfaToken={token}
            label={t('mfa.recoveryCode')}
            hint={t('mfa.recoveryHint')}
            onSubmit={complete}
          />
        ) : (
          <p className="ds-paragraph">
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              onClick={() => setRecovery(true)}
            >
              {t('mfa.useRecovery')}
            </button>
          </p>
        )
      ) : null}
    </>
  );
}

function SetupFactor({ token, onDone }: { token: string; onDone: (r: Completed) => Promise<void> }) {
  const { t } = useTranslation();
  const totp = useMutation({
    mutationFn: () => api.post('/auth/mfa/totp-setup', TotpSetup, { mfaToken: token }),
  });
  const passkey = useMutation({
    mutationFn: async () => {
      const options = await api.post('/auth/mfa/passkey-registration-options', WebAuthnOptions, {
        mfaToken: token,
      });
      let response: unknown;
      try {
        response = await createPasskey(options);
      } catch (err) {
        throw passkeyError(err, t('mfa.passkeyCancelled'));
      }
      return api
        .post('/auth/mfa', MfaCompleted, { mfaToken: token, passkeyRegistration: response })
        .then(onDone);
    },
  });
  return (
    <>
      <div className="form-actions">
        <button
          type="button"
          className="ds-button"
          data-variant="primary"
          aria-busy={totp.isPending || undefined}
          disabled={totp.isPending}
          onClick={() => totp.mutate()}
        >
          {t('mfa.setupTotp')}
        </button>
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          aria-busy={passkey.isPending || undefined}
          disabled={passkey.isPending}
          onClick={() => passkey.mutate()}
        >
          {passkey.isPending ? t('mfa.passkeyBusy') : t('mfa.setupPasskey')}
        </button>
      </div>
      {totp.isError ? <ErrorAlert error={totp.error} /> : null}
      {passkey.isError ? <PasskeyErrorAlert error={passkey.error} /> : null}
      {totp.data ? (
        <Section title={t('security.totpTitle')} id="totp-setup">
          <TotpSetupView setup={totp.data} />
          <CodeForm
            id="mfa-setup"
            field="totpCode"
            mfaToken={token}
            label={t('mfa.code')}
            hint={t('mfa.codeHint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            onSubmit={(body) => api.post('/auth/mfa', MfaCompleted, body).then(onDone)}
          />
        </Section>
      ) : null}
    </>
  );
}

/** The QR code to scan and the same secret as text, for typing in by hand. */
export function TotpSetupView({ setup }: { setup: typeof TotpSetup._output }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="ds-paragraph">{t('security.totpScan')}</p>
      <img src={setup.qrCode} alt={t('security.totpQrAlt')} width={200} height={200} className="totp-qr" />
      <p className="ds-paragraph">
        {t('security.totpSecret')}: <code className="break">{setup.secret}</code>
      </p>
    </>
  );
}
