import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Ok } from '../../../shared/contracts/common.ts';
import {
  ConfirmTotp,
  PasskeyView,
  RecoveryCodes,
  RenamePasskey,
  SecurityOverview,
  TotpSetup,
  WebAuthnOptions,
} from '../../../shared/contracts/mfa.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/i18n.ts';
import { RecoveryCodeList, TotpSetupView } from '../auth/MfaPage.tsx';
import { createPasskey, PasskeyErrorAlert, passkeyError } from '../auth/PasskeyLoginButton.tsx';

const securityKey = ['me', 'security'] as const;
type Passkey = typeof PasskeyView._output;

/** `/mitt-konto/sakerhet`: my passkeys, my authenticator app and my recovery codes. */
export function SecurityPage() {
  const { t } = useTranslation();
  const overview = useQuery({
    queryKey: securityKey,
    queryFn: () => api.get('/me/security', SecurityOverview),
  });
  // One live region for the whole page, so every change is announced.
  const [status, setStatus] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <Page title={t('security.title')} lead={t('security.lead')}>
      <LiveStatus message={status} />
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <ErrorAlert error={overview.error} /> : null}
      {overview.data ? (
        <>
          {overview.data.mfaRequired ? (
            <div className="ds-alert" data-color="info">
              <p className="ds-paragraph">{t('security.required')}</p>
            </div>
          ) : null}
          <Passkeys items={overview.data.passkeys} onStatus={setStatus} />
          <Totp enabled={overview.data.totpEnabled} onStatus={setStatus} onCodes={setCodes} />
          <Recovery
            left={overview.data.recoveryCodesLeft}
            hasFactor={overview.data.totpEnabled || overview.data.passkeys.length > 0}
            codes={codes}
            onCodes={setCodes}
          />
        </>
      ) : null}
    </Page>
  );
}

function Passkeys({ items, onStatus }: { items: Passkey[]; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<Passkey | null>(null);
  const form = useFormErrors('passkey');
  const refresh = () => qc.invalidateQueries({ queryKey: securityKey });
  const add = useMutation({
    mutationFn: async () => {
      const options = await api.post('/me/passkeys/registration-options', WebAuthnOptions);
      let response: unknown;
      try {
        response = await createPasskey(options);
      } catch (err) {
        throw passkeyError(err, t('mfa.passkeyCancelled'));
      }
      return api.post('/me/passkeys', PasskeyView, {
        response,
        ...(name.trim() ? { name: name.trim() } : {}),
      });
    },
    onSuccess: async (p) => {
      setName('');
      onStatus(t('security.added', { name: p.name }));
      await refresh();
    },
    onError: (err) => form.failFromApi(err, ['name']),
  });
  const remove = useMutation({
    mutationFn: (p: Passkey) => api.delete(`/me/passkeys/${p.id}`, Ok),
    onSuccess: async (_r, p) => {
      onStatus(t('security.removed', { name: p.name }));
      await refresh();
    },
  });
  return (
    <Section title={t('security.passkeysTitle')} id="passkeys">
      <p className="ds-paragraph">{t('security.passkeysIntro')}</p>
      {items.length === 0 ? <p className="ds-paragraph">{t('security.noPasskeys')}</p> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {items.length > 0 ? (
        <TableWrap label={t('security.caption')}>
          <table className="ds-table" data-border="true" data-zebra="true">
            <caption>{t('security.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('security.colName')}</th>
                <th scope="col">{t('security.colCreated')}</th>
                <th scope="col">{t('security.colUsed')}</th>
                <th scope="col">{t('security.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{formatDateTime(p.createdAt)}</td>
                  <td>{p.lastUsedAt ? formatDateTime(p.lastUsedAt) : t('security.never')}</td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="ds-button"
                        data-variant="tertiary"
                        aria-label={t('security.renameLabel', { name: p.name })}
                        onClick={() => setRenaming(p)}
                      >
                        {t('security.rename')}
                      </button>
                      <button
                        type="button"
                        className="ds-button"
                        data-variant="tertiary"
                        data-color="danger"
                        aria-label={t('security.removeLabel', { name: p.name })}
                        aria-busy={(remove.isPending && remove.variables?.id === p.id) || undefined}
                        onClick={() => {
                          if (
                            !remove.isPending &&
                            window.confirm(t('security.removeConfirm', { name: p.name }))
                          )
                            remove.mutate(p);
                        }}
                      >
                        {t('security.remove')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {renaming ? (
        <RenameForm
          passkey={renaming}
          onDone={async (renamed) => {
            setRenaming(null);
            if (renamed) {
              onStatus(t('security.renamed', { name: renamed.name }));
              await refresh();
            }
          }}
        />
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          form.clear();
          add.mutate();
        }}
      >
        {form.summary}
        <TextField
          id={form.fieldId('name')}
          label={t('security.passkeyName')}
          hint={t('security.passkeyNameHint')}
          value={name}
          maxLength={80}
          onValueChange={setName}
          error={form.errors.name}
        />
        <div className="form-actions">
          <SubmitButton
            busy={add.isPending}
            label={t('security.addPasskey')}
            busyLabel={t('security.adding')}
          />
        </div>
        {add.isError && !form.hasErrors ? <PasskeyErrorAlert error={add.error} /> : null}
      </form>
    </Section>
  );
}

function RenameForm({ passkey, onDone }: { passkey: Passkey; onDone: (p: Passkey | null) => Promise<void> }) {
  const { t } = useTranslation();
  const cf = useContractForm(RenamePasskey, {
    id: 'rename-passkey',
    defaultValues: { name: passkey.name },
    labels: { name: t('security.newName', { name: passkey.name }) },
    onSubmit: async (body) => onDone(await api.patch(`/me/passkeys/${passkey.id}`, PasskeyView, body)),
  });
  return (
    <form className="form" noValidate onSubmit={cf.onSubmit}>
      {cf.summary}
      <ContractTextField
        cf={cf}
        name="name"
        required
        maxLength={80}
        // The field appears because the person asked to rename: focus goes there.
        autoFocus
      />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={t('security.save')} busyLabel={t('security.save')} />
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => onDone(null)}>
          {t('security.cancel')}
        </button>
      </div>
    </form>
  );
}

function Totp({
  enabled,
  onStatus,
  onCodes,
}: {
  enabled: boolean;
  onStatus: (s: string) => void;
  onCodes: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: securityKey });
  const start = useMutation({ mutationFn: () => api.post('/me/totp', TotpSetup) });
  const cf = useContractForm(ConfirmTotp, {
    id: 'totp',
    defaultValues: { code: '' },
    labels: { code: t('security.totpCode') },
    onSubmit: async (body, { form }) => {
      const r = await api.post('/me/totp/confirm', RecoveryCodes.partial(), body);
      form.reset({ code: '' });
      start.reset();
      onStatus(t('security.totpEnabled'));
      if (r.codes) onCodes(r.codes);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete('/me/totp', Ok),
    onSuccess: async () => {
      onStatus(t('security.totpRemoved'));
      await refresh();
    },
  });
  return (
    <Section title={t('security.totpTitle')} id="totp">
      <p className="ds-paragraph">{t('security.totpIntro')}</p>
      {enabled ? (
        <>
          <p className="ds-paragraph">{t('security.totpOn')}</p>
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            data-color="danger"
            aria-busy={remove.isPending || undefined}
            onClick={() => {
              if (!remove.isPending && window.confirm(t('security.totpRemoveConfirm'))) remove.mutate();
            }}
          >
            {t('security.totpRemove')}
          </button>
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        </>
      ) : start.data ? (
        <>
          <TotpSetupView setup={start.data} />
          <form className="form" noValidate onSubmit={cf.onSubmit}>
            {cf.summary}
            <ContractTextField
              cf={cf}
              name="code"
              hint={t('mfa.codeHint')}
              required
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={10}
            />
            <div className="form-actions">
              <SubmitButton busy={cf.busy} label={t('security.totpConfirm')} busyLabel={t('mfa.verifying')} />
            </div>
          </form>
        </>
      ) : (
        <>
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            aria-busy={start.isPending || undefined}
            onClick={() => start.mutate()}
          >
            {t('security.totpStart')}
          </button>
          {start.isError ? <ErrorAlert error={start.error} /> : null}
        </>
      )}
    </Section>
  );
}

function Recovery({
  left,
  hasFactor,
  codes,
  onCodes,
}: {
  left: number;
  hasFactor: boolean;
  codes: string[] | null;
  onCodes: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const regenerate = useMutation({
    mutationFn: () => api.post('/me/recovery-codes', RecoveryCodes),
    onSuccess: async (r) => {
      onCodes(r.codes);
      await qc.invalidateQueries({ queryKey: securityKey });
    },
  });
  return (
    <Section title={t('security.recoveryTitle')} id="recovery">
      {hasFactor ? (
        <>
          <p className="ds-paragraph">{t('security.recoveryLeft', { count: left })}</p>
          {codes ? (
            <div className="ds-alert" data-color="warning">
              <p className="ds-paragraph">{t('security.recoveryShown')}</p>
              <RecoveryCodeList codes={codes} label={t('security.recoveryList')} />
            </div>
          ) : null}
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            aria-busy={regenerate.isPending || undefined}
            onClick={() => {
              if (!regenerate.isPending && (left === 0 || window.confirm(t('security.recoveryNewConfirm'))))
                regenerate.mutate();
            }}
          >
            {t('security.recoveryNew')}
          </button>
          {regenerate.isError ? <ErrorAlert error={regenerate.error} /> : null}
        </>
      ) : (
        <p className="ds-paragraph">{t('security.recoveryNeedFactor')}</p>
      )}
    </Section>
  );
}
