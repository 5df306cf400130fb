import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scopeFor } from '../../../shared/access/index.ts';
import { initiativePhases, initiativeStatuses } from '../../../shared/contracts/initiatives.ts';
import { SelectField, TextField } from '../../components/Form.tsx';
import { useMe } from '../../lib/session.ts';
import { useMunicipalities } from '../organisations/MunicipalitiesPage.tsx';
import { useTechnologyCatalogue } from './data.ts';

export interface ListFilters {
  status: string;
  phase: string;
  municipality: string;
  technology: string;
  q: string;
}

export const emptyFilters: ListFilters = { status: '', phase: '', municipality: '', technology: '', q: '' };

const collator = new Intl.Collator('sv');

/**
 * The municipalities worth filtering by: those within the caller's organisations (a region's own, a
 * municipality itself); everything for national users and associations' members.
 */
function useFilterMunicipalities() {
  const me = useMe();
  const all = useMunicipalities();
  return useMemo(() => {
    const items = all.data?.items ?? [];
    const ms = me.data ? scopeFor(me.data, 'initiative.read').memberships : [];
    if (ms.some((m) => m.organisationKind === 'nation' || m.organisationKind === 'association')) return items;
    const regions = new Set(ms.filter((m) => m.organisationKind === 'region').map((m) => m.organisationId));
    const codes = new Set(ms.map((m) => m.organisationCode).filter(Boolean));
    const mine = items.filter((m) => regions.has(m.regionId) || codes.has(m.code));
    return (mine.length ? mine : items).slice().sort((a, b) => collator.compare(a.name, b.name));
  }, [me.data, all.data]);
}

/**
 * Filters of the initiatives list. Applied on submit (not on every change), so a screen reader user is
 * not taken by surprise; the page keeps them in the address.
 */
export function InitiativeFilters({
  filters,
  onApply,
  onClear,
}: {
  filters: ListFilters;
  onApply: (f: ListFilters) => void;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const municipalities = useFilterMunicipalities();
  const technologies = useTechnologyCatalogue(i18n.language);
  const any = { value: '', label: t('initiativeList.filters.any') };
  const set = (patch: Partial<ListFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const active = Object.values(filters).some(Boolean);
  const techOptions = (technologies.data?.items ?? [])
    .slice()
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((x) => ({ value: x.key, label: x.name }));
  // Keep a chosen value visible while the catalogue loads.
  if (draft.technology && !techOptions.some((o) => o.value === draft.technology))
    techOptions.unshift({ value: draft.technology, label: draft.technology });
  const municipalityOptions = municipalities.map((m) => ({ value: m.code, label: m.name }));
  if (draft.municipality && !municipalityOptions.some((o) => o.value === draft.municipality))
    municipalityOptions.unshift({ value: draft.municipality, label: draft.municipality });
  return (
    <search aria-labelledby="initiative-filter-heading">
      <form
        className="filters initiative-filters"
        onSubmit={(e) => {
          e.preventDefault();
          onApply({ ...draft, q: draft.q.trim() });
        }}
      >
        <h2 className="ds-heading sr-only" data-size="xs" id="initiative-filter-heading">
          {t('initiativeList.filters.heading')}
        </h2>
        <SelectField
          id="initiative-filter-status"
          label={t('initiativeList.filters.status')}
          value={draft.status}
          onValueChange={(status) => set({ status })}
          options={[
            any,
            ...initiativeStatuses.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) })),
          ]}
        />
        <SelectField
          id="initiative-filter-phase"
          label={t('initiativeList.filters.phase')}
          value={draft.phase}
          onValueChange={(phase) => set({ phase })}
          options={[any, ...initiativePhases.map((p) => ({ value: p, label: t(`initiatives.phase.${p}`) }))]}
        />
        <SelectField
          id="initiative-filter-municipality"
          label={t('initiativeList.filters.municipality')}
          value={draft.municipality}
          onValueChange={(municipality) => set({ municipality })}
          options={[any, ...municipalityOptions]}
        />
        <SelectField
          id="initiative-filter-technology"
          label={t('initiativeList.filters.technology')}
          value={draft.technology}
          onValueChange={(technology) => set({ technology })}
          options={[any, ...techOptions]}
        />
        <TextField
          id="initiative-filter-q"
          type="search"
          label={t('initiativeList.filters.q')}
          value={draft.q}
          onValueChange={(q) => set({ q })}
          maxLength={100}
        />
        <div className="button-row">
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('initiativeList.filters.apply')}
          </button>
          {active ? (
            <button type="button" className="ds-button" data-variant="tertiary" onClick={onClear}>
              {t('initiativeList.filters.clear')}
            </button>
          ) : null}
        </div>
      </form>
    </search>
  );
}
