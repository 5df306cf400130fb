import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  RequirementDetail,
  type RequirementSummary,
  SpecificationDetail,
  UpdateSpecification,
} from '../../../shared/contracts/requirements.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { SearchForm, type SearchTexts } from '../../components/SearchForm.tsx';
import { api } from '../../lib/api.ts';
import { useTechnologies } from '../cases/case-queries.ts';
import { requirementsKey, useSpecification } from './data.ts';
import { LibraryResults } from './LibraryResults.tsx';
import { type FilterValues, RequirementFilterForm } from './RequirementFilterForm.tsx';
import { Downloads } from './SpecificationDownloads.tsx';
import { type RowInfo, SpecificationRows } from './SpecificationRows.tsx';
import { specificationLabels } from './SpecificationsPage.tsx';
import { SpecificationView } from './SpecificationView.tsx';

const valuesOf = (s: SpecificationDetail): UpdateSpecification => ({
  title: s.title,
  technologyKey: s.technology.key,
  introduction: s.introduction,
  items: s.items.map((i) => ({
    requirementId: i.requirementId,
    version: i.version,
    level: i.level,
    textSv: i.textSv,
  })),
});

const infoOf = (s: SpecificationDetail) =>
  new Map<string, RowInfo>(
    s.items.map((i) => [
      i.requirementId,
      { textSv: i.textSv, category: i.category, owner: i.owner, currentVersion: i.currentVersion },
    ]),
  );

/** /kravspecifikationer/:id — the builder for the owner's coordinators, a reading view for the others. */
export function SpecificationPage() {
  const { id = '' } = useParams();
  const detail = useSpecification(id);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <QueryFailure error={detail.error} onRetry={() => void detail.refetch()} />;
  return detail.data.canEdit ? <Builder spec={detail.data} /> : <SpecificationView spec={detail.data} />;
}

function Builder({ spec }: { spec: SpecificationDetail }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const technologies = useTechnologies(i18n.language);
  const info = useRef(infoOf(spec));
  const [status, setStatus] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<FilterValues>({
    category: '',
    technology: spec.technology.key,
    level: '',
  });
  // Every row's fields are named by the row's number, so a message says which row it is about.
  const labels = useMemo(
    () => ({
      ...specificationLabels(t),
      ...Object.fromEntries(
        Array.from({ length: 400 }, (_, n) => [
          [`items.${n}.level`, t('requirements.builder.level', { number: n + 1 })],
          [`items.${n}.textSv`, t('requirements.builder.editText', { number: n + 1 })],
        ]).flat(),
      ),
    }),
    [t],
  );
  const cf = useContractForm(UpdateSpecification, {
    id: 'specification',
    defaultValues: valuesOf(spec),
    labels,
    onSubmit: async (values, { form }) => {
      const saved = await api.put(`/requirement-specifications/${spec.id}`, SpecificationDetail, values);
      info.current = infoOf(saved);
      form.reset(valuesOf(saved));
      await qc.invalidateQueries({ queryKey: requirementsKey });
      return t('requirements.builder.saved');
    },
  });
  const rows = useFieldArray({ control: cf.form.control, name: 'items' });
  const dirty = cf.form.formState.isDirty;
  useUnsavedChangesWarning(dirty);
  const chosen = new Set(rows.fields.map((f) => f.requirementId));
  const add = (r: RequirementSummary) => {
    info.current.set(r.id, {
      textSv: r.current.textSv,
      category: r.current.category,
      owner: r.owner.name,
      currentVersion: r.current.version,
    });
    rows.append({
      requirementId: r.id,
      version: r.current.version,
      level: r.current.level,
      textSv: r.current.textSv,
    });
    setStatus(t('requirements.builder.added', { number: rows.fields.length + 1 }));
  };
  const takeNewer = async (n: number) => {
    const row = cf.form.getValues(`items.${n}`);
    const r = await api.get(`/requirements/${row.requirementId}`, RequirementDetail);
    info.current.set(r.id, {
      ...info.current.get(r.id)!,
      textSv: r.current.textSv,
      currentVersion: r.current.version,
    });
    rows.update(n, { ...row, version: r.current.version, textSv: r.current.textSv });
    setStatus(t('requirements.builder.tookNewer', { number: n + 1, version: r.current.version }));
  };
  return (
    <Page title={spec.title} lead={`${spec.owner.name} · ${spec.technology.name}`}>
      <p className="ds-paragraph">
        <Link className="ds-link" to="/kravspecifikationer">
          {t('requirements.builder.back')}
        </Link>
      </p>
      <Downloads id={spec.id} dirty={dirty} />
      <LiveStatus message={status} tone="info" />
      <form onSubmit={cf.onSubmit} noValidate className="form spec-form">
        {cf.summary}
        <Section title={t('requirements.builder.detailsHeading')} id="spec-details">
          <ContractTextField cf={cf} name="title" required />
          <ContractSelectField
            cf={cf}
            name="technologyKey"
            required
            options={(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name }))}
          />
          <ContractTextAreaField
            cf={cf}
            name="introduction"
            rows={4}
            hint={t('requirements.specs.fields.introductionHint')}
          />
        </Section>
        <Section title={t('requirements.builder.rowsHeading')} id="spec-rows">
          <SpecificationRows
            cf={cf}
            rows={rows}
            info={(rid) => info.current.get(rid)}
            announce={setStatus}
            takeNewer={(n) => void takeNewer(n)}
          />
        </Section>
        <div className="form-actions">
          <SubmitButton
            busy={cf.busy}
            label={t('requirements.builder.save')}
            busyLabel={t('requirements.builder.saving')}
          />
        </div>
        {cf.saved}
      </form>
      <Section title={t('requirements.builder.addHeading')} id="spec-add">
        <SearchForm
          key={q}
          id="spec-search-q"
          q={q}
          texts={t('requirements.search', { returnObjects: true }) as SearchTexts}
          onSearch={setQ}
        />
        <RequirementFilterForm
          key={JSON.stringify(filters)}
          idPrefix="spec-filter"
          filters={filters}
          onApply={setFilters}
        />
        <LibraryResults
          q={q}
          filters={filters}
          id="spec-library"
          action={(r) =>
            chosen.has(r.id) ? (
              <p className="ds-paragraph muted" data-size="sm">
                {t('requirements.builder.alreadyAdded')}
              </p>
            ) : (
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                aria-label={t('requirements.builder.addLabel', { text: r.current.textSv.slice(0, 80) })}
                onClick={() => add(r)}
              >
                {t('requirements.builder.add')}
              </button>
            )
          }
        />
      </Section>
    </Page>
  );
}
