import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type RequirementFilters,
  requirementCategories,
  requirementLevels,
} from '../../../shared/contracts/requirements.ts';
import { SelectField } from '../../components/Form.tsx';
import { useTechnologies } from '../cases/case-queries.ts';

export interface FilterValues {
  category: string;
  technology: string;
  level: string;
}

/** Address parameters (Swedish, shareable) ↔ filter values. */
const paramNames: Record<keyof FilterValues, string> = {
  category: 'kategori',
  technology: 'teknik',
  level: 'niva',
};

export function filtersFrom(params: URLSearchParams): FilterValues {
  const get = (k: keyof FilterValues) => params.get(paramNames[k]) ?? '';
  return { category: get('category'), technology: get('technology'), level: get('level') };
}

export function filterParams(f: FilterValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(paramNames) as (keyof FilterValues)[]) if (f[k]) out[paramNames[k]] = f[k];
  return out;
}

/** The filters as the API takes them (an empty choice is no filter). */
export const apiFilters = (f: FilterValues) =>
  ({
    category: f.category || undefined,
    technology: f.technology || undefined,
    level: f.level || undefined,
  }) as Record<keyof RequirementFilters, string | undefined>;

/** The filters, applied with a button so that moving through a list never changes the page (WCAG 3.2.2). */
export function RequirementFilterForm({
  filters,
  onApply,
  idPrefix = 'requirement-filter',
}: {
  filters: FilterValues;
  onApply: (f: FilterValues) => void;
  idPrefix?: string;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const technologies = useTechnologies(i18n.language);
  const any = { value: '', label: t('requirements.filters.any') };
  const set = (k: keyof FilterValues) => (v: string) => setDraft({ ...draft, [k]: v });
  return (
    <form
      className="filters"
      aria-labelledby={`${idPrefix}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <h2 className="ds-heading sr-only" data-size="xs" id={`${idPrefix}-heading`}>
        {t('requirements.filters.legend')}
      </h2>
      <SelectField
        id={`${idPrefix}-category`}
        label={t('requirements.filters.category')}
        value={draft.category}
        onValueChange={set('category')}
        options={[
          any,
          ...requirementCategories.map((c) => ({ value: c, label: t(`requirements.categories.${c}`) })),
        ]}
      />
      <SelectField
        id={`${idPrefix}-technology`}
        label={t('requirements.filters.technology')}
        value={draft.technology}
        onValueChange={set('technology')}
        options={[any, ...(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name }))]}
      />
      <SelectField
        id={`${idPrefix}-level`}
        label={t('requirements.filters.level')}
        value={draft.level}
        onValueChange={set('level')}
        options={[any, ...requirementLevels.map((l) => ({ value: l, label: t(`requirements.levels.${l}`) }))]}
      />
      <button type="submit" className="ds-button" data-variant="secondary">
        {t('requirements.filters.apply')}
      </button>
    </form>
  );
}
