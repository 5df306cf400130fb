import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { SelectField } from '../../components/Form.tsx';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { type ScopeParams, scopeSearch } from './mapping-scope.ts';

const optionOf = (scope: ScopeParams) =>
  scope.association ? `forbund:${scope.association}` : scope.region ? `lan:${scope.region}` : 'SE';
const scopeOf = (value: string): ScopeParams =>
  value.startsWith('forbund:')
    ? { association: value.slice(8) }
    : value.startsWith('lan:')
      ? { region: value.slice(4) }
      : {};

/**
 * National administrators choose the area of the views: the country, a region or an association. A
 * button applies the choice, so that moving through the list never changes the page (WCAG 3.2.2).
 * `regionsOnly` for views that exist per region only, such as a region's needs backlog.
 */
export function ScopePicker({ scope, regionsOnly = false }: { scope: ScopeParams; regionsOnly?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const national = me.data ? isNationalAdmin(me.data) : false;
  const [value, setValue] = useState(optionOf(scope));
  const regions = useOrganisationsOfKind('region', national);
  const associations = useOrganisationsOfKind('association', national && !regionsOnly);
  if (!national || !regions.data) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Keep the view's other choices (measure, technology); replace only the area.
    const params = new URLSearchParams(location.search);
    params.delete('lan');
    params.delete('forbund');
    const area = new URLSearchParams(scopeSearch(scopeOf(value)));
    for (const [k, v] of area) params.set(k, v);
    const search = params.toString();
    navigate(`${location.pathname}${search ? `?${search}` : ''}`);
  };
  return (
    <form className="scope-picker" onSubmit={submit}>
      <SelectField
        id="mapping-scope"
        label={t('mapping.views.scope')}
        value={value}
        onValueChange={setValue}
        options={[
          { value: 'SE', label: t('mapping.views.wholeCountry') },
          ...regions.data.items.filter((r) => r.code).map((r) => ({ value: `lan:${r.code}`, label: r.name })),
          ...(regionsOnly ? [] : (associations.data?.items ?? [])).map((a) => ({
            value: `forbund:${a.id}`,
            label: a.name,
          })),
        ]}
      />
      <button type="submit" className="ds-button" data-variant="secondary">
        {t('mapping.views.chooseScope')}
      </button>
    </form>
  );
}
