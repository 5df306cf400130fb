import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idpMayGrant } from '../../../shared/access/index.ts';
import {
  type AttributeMapping,
  defaultClaimNames,
  EmailDomain,
  type IdentityProvider,
  type IdentityProviderInput,
  type IdentityProviderKind,
} from '../../../shared/contracts/identity-providers.ts';
import type { OrganisationKind } from '../../../shared/contracts/organisations.ts';
import { type Role, roles } from '../../../shared/contracts/people.ts';
import {
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type useFormErrors,
} from '../../components/Form.tsx';

type MappingField = 'email' | 'name' | 'givenName' | 'familyName' | 'employeeNumber' | 'unit' | 'role';
const mappingFields: { field: MappingField; label: string }[] = [
  { field: 'email', label: 'idp.form.mapEmail' },
  { field: 'name', label: 'idp.form.mapName' },
  { field: 'givenName', label: 'idp.form.mapGivenName' },
  { field: 'familyName', label: 'idp.form.mapFamilyName' },
  { field: 'employeeNumber', label: 'idp.form.mapEmployeeNumber' },
  { field: 'unit', label: 'idp.form.mapUnit' },
  { field: 'role', label: 'idp.form.mapRole' },
];

const isWebUrl = (v: string) => /^https?:\/\/[^\s]+$/i.test(v);
export const splitDomains = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);

let ruleKeys = 0;
/** A key for a role-rule row (crypto.randomUUID needs a secure context; plain HTTP may not be one). */
const newRuleKey = () => `rule-${++ruleKeys}`;

/** The roles an IdP of this kind of organisation can give: never national, only what fits there or a unit below. */
function ruleRoles(kind: OrganisationKind): Role[] {
  return roles.filter((r) => idpMayGrant(r, kind) || (kind === 'municipality' && idpMayGrant(r, 'unit')));
}

/** The form for a new identity provider or a change to one; the parent sends it and shows the result. */
export function IdentityProviderForm({
  organisationKind,
  existing,
  busy,
  onSubmit,
  form,
}: {
  organisationKind: OrganisationKind;
  existing: IdentityProvider | null;
  busy: boolean;
  onSubmit: (body: IdentityProviderInput) => void;
  form: ReturnType<typeof useFormErrors>;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<IdentityProviderKind>(existing?.kind ?? 'oidc');
  const [name, setName] = useState(existing?.name ?? '');
  const [issuer, setIssuer] = useState(existing?.issuer ?? '');
  const [clientId, setClientId] = useState(existing?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [scopes, setScopes] = useState(existing?.scopes ?? 'openid email profile');
  const [metadataUrl, setMetadataUrl] = useState(existing?.metadataUrl ?? '');
  const [metadataXml, setMetadataXml] = useState('');
  const [domains, setDomains] = useState(existing?.emailDomains.join('\n') ?? '');
  const [mapping, setMapping] = useState<AttributeMapping>(existing?.mapping ?? {});
  // Each row keeps its own key, so removing one does not hand its neighbours' input state to another.
  const [rules, setRules] = useState<{ key: string; value: string; role: Role }[]>(() =>
    (existing?.mapping.roleRules ?? []).map((r) => ({ ...r, key: newRuleKey() })),
  );
  const [requireSso, setRequireSso] = useState(existing?.requireSso ?? false);
  const [enabled, setEnabled] = useState(existing?.enabled ?? true);
  const roleOptions = ruleRoles(organisationKind);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const required = (field: string, label: string) => {
      errs[field] = t('form.requiredField', { field: t(label).toLowerCase() });
    };
    if (!name.trim()) required('name', 'idp.form.name');
    if (kind === 'oidc') {
      if (!issuer.trim()) required('issuer', 'idp.form.issuer');
      else if (!isWebUrl(issuer.trim())) errs.issuer = t('idp.form.invalidUrl');
      if (!clientId.trim()) required('clientId', 'idp.form.clientId');
    } else {
      if (metadataUrl.trim() && !isWebUrl(metadataUrl.trim())) errs.metadataUrl = t('idp.form.invalidUrl');
      if (!metadataUrl.trim() && !metadataXml.trim() && !existing?.hasMetadataXml) {
        required('metadataUrl', 'idp.form.metadataUrl');
      }
    }
    const domainList = splitDomains(domains);
    const badDomain = domainList.find((d) => !EmailDomain.safeParse(d).success);
    if (badDomain) errs.emailDomains = t('idp.form.invalidDomain', { domain: badDomain });
    rules.forEach((r, i) => {
      if (!r.value.trim()) required(`rule-${i}`, 'idp.form.ruleValue');
    });
    if (Object.keys(errs).length) return form.fail(errs);
    form.clear();
    const cleanMapping: AttributeMapping = {};
    for (const { field } of mappingFields) {
      const v = mapping[field]?.trim();
      if (v) cleanMapping[field] = v;
    }
    if (mapping.unitMatch) cleanMapping.unitMatch = mapping.unitMatch;
    if (rules.length) cleanMapping.roleRules = rules.map((r) => ({ value: r.value.trim(), role: r.role }));
    onSubmit({
      kind,
      name: name.trim(),
      ...(kind === 'oidc'
        ? {
            issuer: issuer.trim(),
            clientId: clientId.trim(),
            ...(clientSecret ? { clientSecret } : {}),
            ...(scopes.trim() ? { scopes: scopes.trim().replace(/\s+/g, ' ') } : {}),
          }
        : {
            ...(metadataUrl.trim() ? { metadataUrl: metadataUrl.trim() } : {}),
            ...(metadataXml.trim() ? { metadataXml: metadataXml.trim() } : {}),
          }),
      emailDomains: domainList,
      mapping: cleanMapping,
      requireSso,
      enabled,
    });
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      {form.summary}
      {existing ? null : (
        <RadioGroup<IdentityProviderKind>
          id={form.fieldId('kind')}
          legend={t('idp.form.kind')}
          hint={t('idp.form.kindHint')}
          value={kind}
          onValueChange={setKind}
          options={(['oidc', 'saml'] as const).map((k) => ({ value: k, label: t(`idp.kinds.${k}`) }))}
          error={form.errors.kind}
        />
      )}
      <TextField
        id={form.fieldId('name')}
        label={t('idp.form.name')}
        hint={t('idp.form.nameHint')}
        required
        value={name}
        onValueChange={setName}
        error={form.errors.name}
      />
      {kind === 'oidc' ? (
        <>
          <TextField
            id={form.fieldId('issuer')}
            label={t('idp.form.issuer')}
            hint={t('idp.form.issuerHint')}
            type="url"
            required
            value={issuer}
            onValueChange={setIssuer}
            error={form.errors.issuer}
          />
          <TextField
            id={form.fieldId('clientId')}
            label={t('idp.form.clientId')}
            required
            autoComplete="off"
            value={clientId}
            onValueChange={setClientId}
            error={form.errors.clientId}
          />
          <TextField
            id={form.fieldId('clientSecret')}
            label={t('idp.form.clientSecret')}
            hint={existing?.hasClientSecret ? t('idp.form.secretSaved') : t('idp.form.secretHint')}
            type="password"
            autoComplete="new-password"
            value={clientSecret}
            onValueChange={setClientSecret}
            error={form.errors.clientSecret}
          />
          <TextField
            id={form.fieldId('scopes')}
            label={t('idp.form.scopes')}
            hint={t('idp.form.scopesHint')}
            value={scopes}
            onValueChange={setScopes}
            error={form.errors.scopes}
          />
        </>
      ) : (
        <>
          <TextField
            id={form.fieldId('metadataUrl')}
            label={t('idp.form.metadataUrl')}
            hint={t('idp.form.metadataUrlHint')}
            type="url"
            value={metadataUrl}
            onValueChange={setMetadataUrl}
            error={form.errors.metadataUrl}
          />
          <TextAreaField
            id={form.fieldId('metadataXml')}
            label={t('idp.form.metadataXml')}
            hint={existing?.hasMetadataXml ? t('idp.form.metadataSaved') : t('idp.form.metadataXmlHint')}
            rows={6}
            spellCheck={false}
            value={metadataXml}
            onValueChange={setMetadataXml}
            error={form.errors.metadataXml}
          />
        </>
      )}
      <TextAreaField
        id={form.fieldId('emailDomains')}
        label={t('idp.form.domains')}
        hint={t('idp.form.domainsHint')}
        rows={3}
        spellCheck={false}
        autoCapitalize="none"
        value={domains}
        onValueChange={setDomains}
        error={form.errors.emailDomains}
      />
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {t('idp.form.mapping')}
        </legend>
        <p className="field-hint">{t('idp.form.mappingIntro')}</p>
        {mappingFields.map(({ field, label }) => (
          <TextField
            key={field}
            id={form.fieldId(`map-${field}`)}
            label={t(label)}
            hint={t('idp.form.defaultHint', { names: defaultClaimNames[kind][field].join(', ') })}
            spellCheck={false}
            autoCapitalize="none"
            value={mapping[field] ?? ''}
            onValueChange={(v) => setMapping((m) => ({ ...m, [field]: v }))}
          />
        ))}
        <RadioGroup<'name' | 'code'>
          id={form.fieldId('unitMatch')}
          legend={t('idp.form.unitMatch')}
          value={mapping.unitMatch ?? 'name'}
          onValueChange={(v) => setMapping((m) => ({ ...m, unitMatch: v }))}
          options={[
            { value: 'name', label: t('idp.form.unitMatchName') },
            { value: 'code', label: t('idp.form.unitMatchCode') },
          ]}
        />
      </fieldset>
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {t('idp.form.roleRules')}
        </legend>
        <p className="field-hint">{t('idp.form.roleRulesIntro')}</p>
        {rules.map((r, i) => (
          <div key={r.key} className="role-rule">
            <TextField
              id={form.fieldId(`rule-${i}`)}
              label={t('idp.form.ruleValue', { n: i + 1 })}
              value={r.value}
              onValueChange={(v) =>
                setRules((list) => list.map((x, j) => (j === i ? { ...x, value: v } : x)))
              }
              error={form.errors[`rule-${i}`]}
            />
            <SelectField<Role>
              id={form.fieldId(`rule-role-${i}`)}
              label={t('idp.form.ruleRole', { n: i + 1 })}
              value={r.role}
              onValueChange={(v) => setRules((list) => list.map((x, j) => (j === i ? { ...x, role: v } : x)))}
              options={roleOptions.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            />
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              data-color="danger"
              onClick={() => setRules((list) => list.filter((_, j) => j !== i))}
            >
              {t('idp.form.removeRule', { n: i + 1 })}
            </button>
          </div>
        ))}
        {roleOptions.length ? (
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() =>
              setRules((list) => [...list, { key: newRuleKey(), value: '', role: roleOptions[0]! }])
            }
          >
            {t('idp.form.addRule')}
          </button>
        ) : null}
      </fieldset>
      <div className="ds-field checkbox">
        <input
          className="ds-input"
          type="checkbox"
          id={form.fieldId('requireSso')}
          aria-describedby={`${form.fieldId('requireSso')}-hint`}
          checked={requireSso}
          onChange={(e) => setRequireSso(e.target.checked)}
        />
        <label className="ds-label" data-weight="regular" htmlFor={form.fieldId('requireSso')}>
          {t('idp.form.requireSso')}
        </label>
        <div className="field-hint" id={`${form.fieldId('requireSso')}-hint`}>
          {t('idp.form.requireSsoHint')}
        </div>
      </div>
      <div className="ds-field checkbox">
        <input
          className="ds-input"
          type="checkbox"
          id={form.fieldId('enabled')}
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
        />
        <label className="ds-label" data-weight="regular" htmlFor={form.fieldId('enabled')}>
          {t('idp.form.enabled')}
        </label>
      </div>
      <div className="form-actions">
        <SubmitButton busy={busy} label={t('idp.form.save')} busyLabel={t('idp.form.saving')} />
      </div>
    </form>
  );
}
