import type { TFunction } from 'i18next';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { idpMayGrant } from '../../../shared/access/index.ts';
import { type IdentityProviderForm, MAX_ROLE_RULES } from '../../../shared/contracts/identity-providers.ts';
import type { OrganisationKind } from '../../../shared/contracts/organisations.ts';
import { type Role, roles } from '../../../shared/contracts/people.ts';
import { type ContractForm, ContractSelectField, ContractTextField } from '../../components/form/index.ts';
import { RowsFieldset } from '../../components/form/RowsFieldset.tsx';

type Cf = ContractForm<typeof IdentityProviderForm>;

/** The roles an IdP of this kind of organisation can give: never national, only what fits there or a unit below. */
export function ruleRoles(kind: OrganisationKind): Role[] {
  return roles.filter((r) => idpMayGrant(r, kind) || (kind === 'municipality' && idpMayGrant(r, 'unit')));
}

/**
 * Labels for every role rule a provider may have (the contract's most), so that each message names its
 * rule ("Gruppnamn 2: …") however many rows are shown.
 */
export function ruleLabels(t: TFunction) {
  const labels: Record<string, string> = {};
  for (let i = 0; i < MAX_ROLE_RULES; i++) {
    labels[`mapping.roleRules.${i}.value`] = t('idp.form.ruleValue', { n: i + 1 });
    labels[`mapping.roleRules.${i}.role`] = t('idp.form.ruleRole', { n: i + 1 });
  }
  return labels;
}

/** Groups (or other claim values) that give a role: added and removed as rows, each with its own key. */
export function IdpRoleRules({ cf, organisationKind }: { cf: Cf; organisationKind: OrganisationKind }) {
  const { t } = useTranslation();
  const rules = useFieldArray({ control: cf.form.control, name: 'mapping.roleRules' });
  const roleOptions = ruleRoles(organisationKind);
  return (
    <RowsFieldset
      legend={t('idp.form.roleRules')}
      intro={t('idp.form.roleRulesIntro')}
      rows={rules.fields}
      rowClassName="role-rule"
      renderRow={(_, i) => (
        <>
          <ContractTextField cf={cf} name={`mapping.roleRules.${i}.value`} />
          <ContractSelectField
            cf={cf}
            name={`mapping.roleRules.${i}.role`}
            options={roleOptions.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </>
      )}
      removeLabel={(i) => t('idp.form.removeRule', { n: i + 1 })}
      onRemove={(i) => rules.remove(i)}
      addLabel={t('idp.form.addRule')}
      onAdd={
        roleOptions.length && rules.fields.length < MAX_ROLE_RULES
          ? () => rules.append({ value: '', role: roleOptions[0]! })
          : null
      }
    />
  );
}
