import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { roleAllows } from '../../../shared/access/index.ts';
import { SelectField } from '../../components/Form.tsx';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { useMunicipalities } from '../organisations/MunicipalitiesPage.tsx';
import { dashboardChoicesFor } from './data.ts';

/** The page's lead: what it shows, with the word "välfärdsteknik" leading to the shared definition. */
export function DashboardIntro() {
  const { t } = useTranslation();
  return (
    <p className="ds-paragraph lead">
      {t('dashboards.intro.before')}
      <Link className="ds-link" to="/begrepp#welfare-technology">
        {t('dashboards.intro.term')}
      </Link>
      {t('dashboards.intro.after')}
    </p>
  );
}

/**
 * Choose another dashboard: the person's own areas, and for national administrators every region and
 * association; for those who cover the county (`county`), its municipalities' pages. A button applies
 * the choice, so moving through the list never changes the page (WCAG 3.2.2).
 */
export function DashboardPicker({ current, county }: { current: string; county?: string | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const national = me.data ? isNationalAdmin(me.data) : false;
  const [value, setValue] = useState(current);
  const regions = useOrganisationsOfKind('region', national);
  const associations = useOrganisationsOfKind('association', national);
  const coversCounty =
    !!county &&
    (national ||
      (me.data?.memberships ?? []).some(
        (m) =>
          m.organisationKind === 'region' &&
          m.organisationCode === county &&
          roleAllows(m.role, 'dashboard.read'),
      ));
  const municipalities = useMunicipalities();
  if (!me.data) return null;
  const options = dashboardChoicesFor(me.data, t('dashboards.country')).map((c) => ({
    value: c.to,
    label: c.label,
  }));
  const add = (to: string, label: string) => {
    if (!options.some((o) => o.value === to)) options.push({ value: to, label });
  };
  for (const r of regions.data?.items ?? []) if (r.code) add(`/lagesbild/${r.code}`, r.name);
  for (const a of associations.data?.items ?? []) add(`/lagesbild/${a.id}`, a.name);
  if (coversCounty)
    for (const m of municipalities.data?.items ?? [])
      if (m.countyCode === county)
        add(`/lagesbild/kommuner/${m.code}`, t('dashboards.picker.municipality', { name: m.name }));
  if (options.length < 2) return null;
  if (!options.some((o) => o.value === value))
    options.unshift({ value, label: t('dashboards.picker.current') });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value !== current) navigate(value);
  };
  return (
    <form className="scope-picker dashboard-picker" onSubmit={submit}>
      <SelectField
        id="dashboard-scope"
        label={t('dashboards.picker.label')}
        value={value}
        onValueChange={setValue}
        options={options}
      />
      <button type="submit" className="ds-button" data-variant="secondary">
        {t('dashboards.picker.show')}
      </button>
    </form>
  );
}
