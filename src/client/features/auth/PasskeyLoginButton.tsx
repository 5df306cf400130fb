import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Me } from '../../../shared/contracts/auth.ts';
import { WebAuthnOptions } from '../../../shared/contracts/mfa.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { api } from '../../lib/api.ts';

/** The browser's passkey dialogs; the library is loaded only when a passkey is used. */
export async function createPasskey(options: WebAuthnOptions) {
  const { startRegistration } = await import('@simplewebauthn/browser');
  return startRegistration({ optionsJSON: options as never });
}

export async function signWithPasskey(options: WebAuthnOptions) {
  const { startAuthentication } = await import('@simplewebauthn/browser');
  return startAuthentication({ optionsJSON: options as never });
}

/** A cancelled or failed browser dialog says so in words the person understands. */
export class PasskeyCancelled extends Error {}
export function passkeyError(err: unknown, message: string): unknown {
  return err instanceof Error &&
    (err.name === 'NotAllowedError' || err.name === 'WebAuthnError' || err.name === 'AbortError')
    ? new PasskeyCancelled(message)
    : err;
}

/** Like ErrorAlert, but a cancelled passkey dialog is told in its own words. */
export function PasskeyErrorAlert({ error }: { error: unknown }) {
  if (error instanceof PasskeyCancelled) {
    return (
      <div className="ds-alert" data-color="warning" role="alert">
        <p className="ds-paragraph">{error.message}</p>
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}

/** "Logga in med nyckel": a usernameless passkey login (the browser offers the passkeys it has for the site). */
export function PasskeyLoginButton({ onLoggedIn }: { onLoggedIn: (me: Me) => void | Promise<void> }) {
  const { t } = useTranslation();
  const login = useMutation({
    mutationFn: async () => {
      const options = await api.post('/auth/passkey/options', WebAuthnOptions);
      let response: unknown;
      try {
        response = await signWithPasskey(options);
      } catch (err) {
        throw passkeyError(err, t('mfa.passkeyCancelled'));
      }
      return api.post('/auth/passkey/login', Me, { response });
    },
    onSuccess: onLoggedIn,
  });
  const supported = typeof window !== 'undefined' && 'PublicKeyCredential' in window;
  if (!supported) return null;
  return (
    <div className="passkey-login">
      <p className="ds-paragraph" data-size="sm">
        {t('mfa.passkeyHint')}
      </p>
      <button
        type="button"
        className="ds-button"
        data-variant="secondary"
        aria-busy={login.isPending || undefined}
        disabled={login.isPending}
        onClick={() => login.mutate()}
      >
        {login.isPending ? t('mfa.passkeyBusy') : t('mfa.passkeyButton')}
      </button>
      {login.isError ? <PasskeyErrorAlert error={login.error} /> : null}
    </div>
  );
}
