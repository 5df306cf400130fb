import { useTranslation } from 'react-i18next';
import {
  type AttributeMapping,
  defaultClaimNames,
  IdentityProviderForm as FormContract,
  type IdentityProvider,
  type IdentityProviderInput,
  type IdentityProviderKind,
} from '../../../shared/contracts/identity-providers.ts';
import type { OrganisationKind } from '../../../shared/contracts/organisations.ts';
import { RadioGroup, SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckbox,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { IdpRoleRules, ruleLabels } from './IdpRoleRules.tsx';

type MappingField = Exclude<keyof AttributeMapping, 'unitMatch' | 'roleRules'>;
const mappingFields: { field: MappingField; label: string }[] = [
  { field: 'email', label: 'idp.form.mapEmail' },
  { field: 'name', label: 'idp.form.mapName' },
  { field: 'givenName', label: 'idp.form.mapGivenName' },
  { field: 'familyName', label: 'idp.form.mapFamilyName' },
  { field: 'employeeNumber', label: 'idp.form.mapEmployeeNumber' },
  { field: 'unit', label: 'idp.form.mapUnit' },
  { field: 'role', label: 'idp.form.mapRole' },
];
// What belongs to the other kind is kept while the kind is being chosen, and never sent.
const oidcOnly = ['issuer', 'clientId', 'clientSecret', 'scopes'] as const;
const samlOnly = ['metadataUrl', 'metadataXml'] as const;

/**
 * The form for a new identity provider or a change to one, from the shared contract (IdentityProviderForm):
 * `onSave` sends it and returns the saved message (a failed request lands on the fields).
 */
export function IdentityProviderForm({
  organisationKind,
  existing,
  onSave,
}: {
  organisationKind: OrganisationKind;
  existing: IdentityProvider | null;
  onSave: (body: IdentityProviderInput) => Promise<string | undefined>;
}) {
  const { t } = useTranslation();
  const cf = useContractForm(FormContract, {
    id: 'idp',
    defaultValues: {
      kind: existing?.kind ?? 'oidc',
      name: existing?.name ?? '',
      issuer: existing?.issuer ?? undefined,
      clientId: existing?.clientId ?? undefined,
      scopes: existing?.scopes ?? 'openid email profile',
      metadataUrl: existing?.metadataUrl ?? undefined,
      emailDomains: existing?.emailDomains.join('\n') ?? '',
      mapping: existing?.mapping ?? {},
      requireSso: existing?.requireSso ?? false,
      enabled: existing?.enabled ?? true,
      hasMetadataXml: existing?.hasMetadataXml ?? false,
    },
    labels: {
      kind: t('idp.form.kind'),
      name: t('idp.form.name'),
      issuer: t('idp.form.issuer'),
      clientId: t('idp.form.clientId'),
      clientSecret: t('idp.form.clientSecret'),
      scopes: t('idp.form.scopes'),
      metadataUrl: t('idp.form.metadataUrl'),
      metadataXml: t('idp.form.metadataXml'),
      emailDomains: t('idp.form.domains'),
      ...Object.fromEntries(mappingFields.map(({ field, label }) => [`mapping.${field}`, t(label)])),
      'mapping.unitMatch': t('idp.form.unitMatch'),
      ...ruleLabels(t),
      requireSso: t('idp.form.requireSso'),
      enabled: t('idp.form.enabled'),
    },
    onSubmit: async ({ hasMetadataXml: _stored, ...values }, { form }) => {
      const other = values.kind === 'oidc' ? samlOnly : oidcOnly;
      const body = { ...values };
      for (const field of other) delete body[field];
      const message = await onSave(body);
      // The secret and the metadata document are write-only: once stored, their fields empty again.
      form.setValue('clientSecret', undefined);
      if (body.metadataXml) {
        form.setValue('metadataXml', undefined);
        form.setValue('hasMetadataXml', true);
      }
      return message;
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !cf.busy);
  const kind = cf.form.watch('kind');
  const unitMatch = cf.form.watch('mapping.unitMatch');

  return (
    <form onSubmit={cf.onSubmit} noValidate className="form">
      {leaving}
      {cf.summary}
      {existing ? null : (
        <RadioGroup<IdentityProviderKind>
          id={cf.fieldId('kind')}
          legend={t('idp.form.kind')}
          hint={t('idp.form.kindHint')}
          value={kind}
          onValueChange={(v) => cf.form.setValue('kind', v, { shouldDirty: true })}
          options={(['oidc', 'saml'] as const).map((k) => ({ value: k, label: t(`idp.kinds.${k}`) }))}
          error={cf.errorFor('kind')}
        />
      )}
      <ContractTextField cf={cf} name="name" hint={t('idp.form.nameHint')} required />
      {kind === 'oidc' ? (
        <>
          <ContractTextField
            cf={cf}
            name="issuer"
            hint={t('idp.form.issuerHint')}
            type="url"
            required
            emptyAsUndefined
          />
          <ContractTextField cf={cf} name="clientId" required autoComplete="off" emptyAsUndefined />
          <ContractTextField
            cf={cf}
            name="clientSecret"
            hint={existing?.hasClientSecret ? t('idp.form.secretSaved') : t('idp.form.secretHint')}
            type="password"
            autoComplete="new-password"
            emptyAsUndefined
          />
          <ContractTextField cf={cf} name="scopes" hint={t('idp.form.scopesHint')} emptyAsUndefined />
        </>
      ) : (
        <>
          <ContractTextField
            cf={cf}
            name="metadataUrl"
            hint={t('idp.form.metadataUrlHint')}
            type="url"
            emptyAsUndefined
          />
          <ContractTextAreaField
            cf={cf}
            name="metadataXml"
            hint={existing?.hasMetadataXml ? t('idp.form.metadataSaved') : t('idp.form.metadataXmlHint')}
            rows={6}
            spellCheck={false}
            emptyAsUndefined
          />
        </>
      )}
      <ContractTextAreaField
        cf={cf}
        name="emailDomains"
        hint={t('idp.form.domainsHint')}
        rows={3}
        spellCheck={false}
        autoCapitalize="none"
      />
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {t('idp.form.mapping')}
        </legend>
        <p className="field-hint">{t('idp.form.mappingIntro')}</p>
        {mappingFields.map(({ field }) => (
          <ContractTextField
            key={field}
            cf={cf}
            name={`mapping.${field}`}
            hint={t('idp.form.defaultHint', { names: defaultClaimNames[kind][field].join(', ') })}
            spellCheck={false}
            autoCapitalize="none"
            emptyAsUndefined
          />
        ))}
        <RadioGroup<'name' | 'code'>
          id={cf.fieldId('mapping.unitMatch')}
          legend={t('idp.form.unitMatch')}
          value={unitMatch ?? 'name'}
          onValueChange={(v) => cf.form.setValue('mapping.unitMatch', v, { shouldDirty: true })}
          options={[
            { value: 'name', label: t('idp.form.unitMatchName') },
            { value: 'code', label: t('idp.form.unitMatchCode') },
          ]}
          error={cf.errorFor('mapping.unitMatch')}
        />
      </fieldset>
      <IdpRoleRules cf={cf} organisationKind={organisationKind} />
      <ContractCheckbox cf={cf} name="requireSso" hint={t('idp.form.requireSsoHint')} />
      <ContractCheckbox cf={cf} name="enabled" />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={t('idp.form.save')} busyLabel={t('idp.form.saving')} />
      </div>
      {cf.saved}
    </form>
  );
}
