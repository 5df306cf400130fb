import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ActivationCodeOwner, CheckActivationCode } from '../../../shared/contracts/activation.ts';
import { Me, NewPasswordForm } from '../../../shared/contracts/auth.ts';
import { SubmitButton, TextField } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { NewPasswordFields } from '../../components/NewPasswordFields.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { setLanguage } from '../../lib/i18n.ts';
import { meKey } from '../../lib/session.ts';

/**
 * `/aktivera` (or `/aktivera?kod=…` from the QR code): a person without work e-mail types or scans the
 * code from their manager, sees their name, chooses a password and is signed in.
 */
export function ActivatePage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  // The code that was checked: the password step sends it again.
  const [code, setCode] = useState('');
  const [owner, setOwner] = useState<ActivationCodeOwner | null>(null);
  const [done, setDone] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const cf = useContractForm(CheckActivationCode, {
    id: 'activate',
    // The code is read once and then taken out of the address bar, so it does not stay in the history.
    defaultValues: { code: params.get('kod') ?? '' },
    labels: { code: t('activation.activate.code') },
    onSubmit: async (body) => {
      setOwner(await api.post('/auth/activate/check', ActivationCodeOwner, body));
      setCode(body.code);
    },
  });
  const check = useMutation({
    mutationFn: (value: string) => api.post('/auth/activate/check', ActivationCodeOwner, { code: value }),
    onSuccess: (o, value) => {
      setOwner(o);
      setCode(value);
    },
    onError: cf.failFromApi,
  });

  const pw = useContractForm(NewPasswordForm, {
    id: 'activate-password',
    defaultValues: { password: '', confirm: '' },
    labels: { password: t('activation.activate.password'), confirm: t('activation.activate.confirm') },
    onSubmit: async ({ password }) => {
      const me = await api.post('/auth/activate', Me, { code, password });
      api.resetCsrf();
      await setLanguage(me.preferredLanguage);
      qc.setQueryData(meKey, me);
      setDone(true);
    },
  });

  // A code that came in the link (QR) is checked at once and leaves the address bar and history; the
  // ref makes that happen once, whatever re-renders follow.
  const fromLink = useRef(params.get('kod'));
  const checkCode = check.mutate;
  useEffect(() => {
    const linked = fromLink.current?.trim();
    if (fromLink.current === null) return;
    fromLink.current = null;
    setParams({}, { replace: true });
    if (linked) checkCode(linked);
  }, [setParams, checkCode]);

  // Each step replaces the form: focus its heading so a screen reader user hears where they are.
  useEffect(() => {
    if (owner || done) heading.current?.focus();
  }, [owner, done]);

  if (done) {
    return (
      <div className="narrow">
        <Page title={t('activation.activate.doneTitle')} lead={t('activation.activate.doneIntro')}>
          <h2 className="ds-heading" data-size="sm" tabIndex={-1} ref={heading}>
            {t('activation.activate.passkey')}
          </h2>
          <p className="ds-paragraph">{t('activation.activate.passkeyHint')}</p>
          <div className="form-actions">
            <Link className="ds-button" data-variant="primary" to="/mitt-konto/sakerhet">
              {t('activation.activate.passkey')}
            </Link>
            <Link className="ds-button" data-variant="secondary" to="/">
              {t('activation.activate.start')}
            </Link>
          </div>
        </Page>
      </div>
    );
  }

  if (owner) {
    return (
      <div className="narrow">
        <Page title={t('activation.activate.title')}>
          <h2 className="ds-heading" data-size="sm" tabIndex={-1} ref={heading}>
            {t('activation.activate.hello', { name: owner.name })}
          </h2>
          <form onSubmit={pw.onSubmit} noValidate className="form">
            {pw.summary}
            {owner.username ? (
              <TextField
                id={pw.fieldId('username')}
                label={t('activation.activate.yourUsername')}
                hint={t('activation.activate.usernameNote')}
                autoComplete="username"
                value={owner.username}
                readOnly
                onValueChange={() => {}}
              />
            ) : null}
            <NewPasswordFields cf={pw} name="password" />
            <div className="form-actions">
              <SubmitButton
                busy={pw.busy}
                label={t('activation.activate.submit')}
                busyLabel={t('activation.activate.submitting')}
              />
              <button
                type="button"
                className="ds-button"
                data-variant="tertiary"
                onClick={() => {
                  pw.form.reset();
                  cf.form.reset({ code: '' });
                  setOwner(null);
                  setCode('');
                }}
              >
                {t('activation.activate.otherCode')}
              </button>
            </div>
          </form>
        </Page>
      </div>
    );
  }

  return (
    <div className="narrow">
      <Page title={t('activation.activate.title')} lead={t('activation.activate.intro')}>
        <form onSubmit={cf.onSubmit} noValidate className="form">
          {cf.summary}
          <ContractTextField
            cf={cf}
            name="code"
            hint={t('activation.activate.codeHint')}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={40}
          />
          <div className="form-actions">
            <SubmitButton
              busy={cf.busy || check.isPending}
              label={t('activation.activate.next')}
              busyLabel={t('activation.activate.checking')}
            />
          </div>
        </form>
      </Page>
    </div>
  );
}
