import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceAreas, sizeBands } from '../../../shared/contracts/cases.ts';
import { initiativePhases } from '../../../shared/contracts/initiatives.ts';
import { SelectField } from '../../components/Form.tsx';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { useTechnologies } from './case-queries.ts';

export interface CaseFilterValues {
  technology: string;
  phase: string;
  county: string;
  sizeBand: string;
  serviceArea: string;
}

/** Address parameters (Swedish, shareable) ↔ filter values. */
const paramNames: Record<keyof CaseFilterValues, string> = {
  technology: 'teknik',
  phase: 'fas',
  county: 'lan',
  sizeBand: 'storlek',
  serviceArea: 'verksamhet',
};

export function filtersFrom(params: URLSearchParams): CaseFilterValues {
  const get = (k: keyof CaseFilterValues) => params.get(paramNames[k]) ?? '';
  return {
    technology: get('technology'),
    phase: get('phase'),
    county: get('county'),
    sizeBand: get('sizeBand'),
    serviceArea: get('serviceArea'),
  };
}

export function filterParams(f: CaseFilterValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(paramNames) as (keyof CaseFilterValues)[]) if (f[k]) out[paramNames[k]] = f[k];
  return out;
}

/** The filters, applied with a button so that moving through a list never changes the page (WCAG 3.2.2). */
export function CaseFilterForm({
  filters,
  onApply,
}: {
  filters: CaseFilterValues;
  onApply: (f: CaseFilterValues) => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const technologies = useTechnologies(i18n.language);
  const regions = useOrganisationsOfKind('region');
  const any = { value: '', label: t('cases.filters.any') };
  const set = (k: keyof CaseFilterValues) => (v: string) => setDraft({ ...draft, [k]: v });
  return (
    <form
      className="filters"
      aria-labelledby="case-filter-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <h2 className="ds-heading sr-only" data-size="xs" id="case-filter-heading">
        {t('cases.filters.legend')}
      </h2>
      <SelectField
        id="case-filter-technology"
        label={t('cases.filters.technology')}
        value={draft.technology}
        onValueChange={set('technology')}
        options={[any, ...(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name }))]}
      />
      <SelectField
        id="case-filter-phase"
        label={t('cases.filters.phase')}
        value={draft.phase}
        onValueChange={set('phase')}
        options={[any, ...initiativePhases.map((p) => ({ value: p, label: t(`initiatives.phase.${p}`) }))]}
      />
      <SelectField
        id="case-filter-county"
        label={t('cases.filters.county')}
        value={draft.county}
        onValueChange={set('county')}
        options={[
          any,
          ...(regions.data?.items ?? []).map((r) => ({ value: r.countyCode ?? r.code ?? '', label: r.name })),
        ]}
      />
      <SelectField
        id="case-filter-size"
        label={t('cases.filters.sizeBand')}
        value={draft.sizeBand}
        onValueChange={set('sizeBand')}
        options={[any, ...sizeBands.map((s) => ({ value: s, label: t(`cases.sizeBands.${s}`) }))]}
      />
      <SelectField
        id="case-filter-service"
        label={t('cases.filters.serviceArea')}
        value={draft.serviceArea}
        onValueChange={set('serviceArea')}
        options={[any, ...serviceAreas.map((s) => ({ value: s, label: t(`cases.serviceAreas.${s}`) }))]}
      />
      <button type="submit" className="ds-button" data-variant="secondary">
        {t('cases.filters.apply')}
      </button>
    </form>
  );
}
