import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions, auditGroupOf, auditGroups } from '../../../shared/contracts/audit.ts';
import { PeopleSearchPage } from '../../../shared/contracts/people-search.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Form.tsx';
import { describedBy, FieldFrame } from '../../components/form/index.ts';
import { api, qs } from '../../lib/api.ts';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { useMunicipalities } from '../organisations/MunicipalitiesPage.tsx';
import { useEventName } from './audit-entry.tsx';
import './audit.css';

export interface AuditFilterValues {
  /** An action key, `grupp:<group>` for a whole group, or '' for all. */
  event: string;
  personId: string;
  personName: string;
  organisationId: string;
  organisationName: string;
  from: string;
  to: string;
}

const collator = new Intl.Collator('sv');

/** The event select: one group per subject, each with "all of the group" first, in plain words. */
function EventSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const eventName = useEventName();
  const groups = useMemo(
    () =>
      auditGroups
        .map((g) => ({
          key: g,
          name: t(`auditLog.groups.${g}`, { defaultValue: g }),
          events: auditActions
            .filter((a) => auditGroupOf(a) === g)
            .map((a) => ({ key: a, name: eventName(a) }))
            .sort((a, b) => collator.compare(a.name, b.name)),
        }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    [t, eventName],
  );
  return (
    <FieldFrame id="audit-event" label={t('auditLog.event')}>
      <select id="audit-event" className="ds-input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('auditLog.allEvents')}</option>
        {groups.map((g) => (
          <optgroup key={g.key} label={g.name}>
            <option value={`grupp:${g.key}`}>{t('auditLog.allInGroup', { group: g.name })}</option>
            {g.events.map((e) => (
              <option key={e.key} value={e.key}>
                {e.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Find a person by name or e-mail (the people search) and choose her; the log shows her entries. */
function PersonPicker({
  personId,
  personName,
  onChoose,
}: {
  personId: string;
  personName: string;
  onChoose: (id: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const resultsId = useId();
  const people = useQuery({
    queryKey: ['people-search', q, 'audit'],
    queryFn: () => api.get(`/people${qs({ q, limit: 10 })}`, PeopleSearchPage),
    enabled: q.length >= 2,
  });
  const search = () => setQ(draft.trim());
  if (personId) {
    return (
      <div className="ds-field field chosen-person">
        <p className="ds-paragraph">{t('auditLog.personChosen', { name: personName || personId })}</p>
        <button type="button" className="ds-button" data-variant="tertiary" onClick={() => onChoose('', '')}>
          {t('auditLog.clearPerson')}
        </button>
      </div>
    );
  }
  return (
    <fieldset className="ds-fieldset person-picker">
      <legend className="ds-label">{t('auditLog.person')}</legend>
      <TextField
        id="audit-person"
        label={t('auditLog.personSearch')}
        hint={t('auditLog.personHint')}
        type="search"
        value={draft}
        onValueChange={setDraft}
        // Enter searches for the person instead of submitting the filters without her.
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            search();
          }
        }}
        aria-controls={resultsId}
      />
      <button type="button" className="ds-button" data-variant="secondary" onClick={search}>
        {t('auditLog.personSearch')}
      </button>
      <div id={resultsId} aria-live="polite">
        {people.isError ? <ErrorAlert error={people.error} /> : null}
        {people.data && people.data.items.length === 0 ? (
          <p className="ds-paragraph">{t('auditLog.noPeople')}</p>
        ) : null}
        {people.data && people.data.items.length > 0 ? (
          <ul className="person-choices">
            {people.data.items.map((p) => (
              <li key={p.userId}>
                <span>
                  {p.name}
                  {p.email ? <span className="muted break"> {p.email}</span> : null}
                </span>{' '}
                <button
                  type="button"
                  className="ds-button"
                  data-variant="tertiary"
                  aria-label={t('auditLog.chooseLabel', { name: p.name })}
                  onClick={() => onChoose(p.userId, p.name)}
                >
                  {t('auditLog.choose')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  );
}

/** Regions, municipalities and associations by name, for the organisation field's suggestions. */
function useOrganisationChoices() {
  const municipalities = useMunicipalities();
  const regions = useOrganisationsOfKind('region');
  const associations = useOrganisationsOfKind('association');
  return useMemo(() => {
    const all = [
      ...(regions.data?.items ?? []).map((o) => ({ id: o.id, name: o.name })),
      ...(municipalities.data?.items ?? []).map((m) => ({ id: m.id, name: m.name })),
      ...(associations.data?.items ?? []).map((o) => ({ id: o.id, name: o.name })),
    ];
    return all.sort((a, b) => collator.compare(a.name, b.name));
  }, [municipalities.data, regions.data, associations.data]);
}

export function AuditFilters({
  applied,
  onApply,
}: {
  applied: AuditFilterValues;
  onApply: (v: AuditFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(applied);
  const [orgError, setOrgError] = useState<string | undefined>();
  const organisations = useOrganisationChoices();

  function apply(e: React.FormEvent) {
    e.preventDefault();
    const typed = draft.organisationName.trim();
    const match = typed
      ? organisations.find((o) => collator.compare(o.name, typed) === 0 || o.id === draft.organisationId)
      : null;
    if (typed && !match) {
      setOrgError(t('auditLog.organisationUnknown'));
      document.getElementById('audit-org')?.focus();
      return;
    }
    setOrgError(undefined);
    onApply({ ...draft, organisationId: match?.id ?? '', organisationName: match?.name ?? '' });
  }

  return (
    <form
      className="filters audit-filters"
      onSubmit={apply}
      aria-labelledby="audit-filter-heading"
      noValidate
    >
      <h2 className="ds-heading sr-only" data-size="xs" id="audit-filter-heading">
        {t('audit.filters')}
      </h2>
      <EventSelect value={draft.event} onChange={(event) => setDraft({ ...draft, event })} />
      <PersonPicker
        personId={draft.personId}
        personName={draft.personName}
        onChoose={(personId, personName) => setDraft({ ...draft, personId, personName })}
      />
      <FieldFrame
        id="audit-org"
        label={t('auditLog.organisation')}
        hint={t('auditLog.organisationHint')}
        error={orgError}
      >
        <input
          id="audit-org"
          className="ds-input"
          list="audit-org-list"
          autoComplete="off"
          value={draft.organisationName}
          onChange={(e) => setDraft({ ...draft, organisationName: e.target.value, organisationId: '' })}
          aria-invalid={orgError ? true : undefined}
          aria-describedby={describedBy('audit-org', true, orgError)}
        />
      </FieldFrame>
      <datalist id="audit-org-list">
        {organisations.map((o) => (
          <option key={o.id} value={o.name} />
        ))}
      </datalist>
      <TextField
        id="audit-from"
        label={t('audit.from')}
        type="date"
        value={draft.from}
        onValueChange={(from) => setDraft({ ...draft, from })}
      />
      <TextField
        id="audit-to"
        label={t('audit.to')}
        type="date"
        value={draft.to}
        onValueChange={(to) => setDraft({ ...draft, to })}
      />
      <button type="submit" className="ds-button" data-variant="primary">
        {t('audit.apply')}
      </button>
    </form>
  );
}
