import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  DocumentList,
  DocumentSearchResult,
  documentKinds,
  documentLevels,
  documentStatuses,
} from '../../../shared/contracts/documents.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { SearchForm, type SearchTexts } from '../../components/SearchForm.tsx';
import { api, qs } from '../../lib/api.ts';
import { DocumentItem } from './DocumentItem.tsx';
import { useDocumentOwners } from './document-queries.ts';
import { ReviewReminders } from './ReviewReminders.tsx';

type Filters = { level: string; kind: string; status: string };

/**
 * Every governing document: search (Swedish word forms, hits marked), filters, and — for those who look
 * after documents — the ones due for review. Search words and filters live in the address, so a result
 * can be bookmarked and shared.
 */
export function DocumentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filters: Filters = {
    level: params.get('niva') ?? '',
    kind: params.get('typ') ?? '',
    status: params.get('lage') ?? '',
  };
  const owners = useDocumentOwners();
  const update = (next: { q?: string } & Partial<Filters>) => {
    const merged = { q, ...filters, ...next };
    const p: Record<string, string> = {};
    if (merged.q) p.q = merged.q;
    if (merged.level) p.niva = merged.level;
    if (merged.kind) p.typ = merged.kind;
    if (merged.status) p.lage = merged.status;
    setParams(p);
  };

  return (
    <Page title={t('documents.title')} lead={t('documents.lead')}>
      {owners.data?.items.length ? (
        <p>
          <Link className="ds-button" data-variant="primary" to="/styrdokument/nytt">
            {t('documents.add')}
          </Link>
        </p>
      ) : null}
      {owners.data?.items.length ? <ReviewReminders /> : null}
      <SearchForm
        key={q}
        id="document-search-q"
        q={q}
        texts={t('documents.search', { returnObjects: true }) as SearchTexts}
        onSearch={(next) => update({ q: next })}
      />
      <FilterForm key={JSON.stringify(filters)} filters={filters} onApply={(f) => update(f)} />
      {q ? <SearchResults q={q} filters={filters} /> : <AllDocuments filters={filters} />}
    </Page>
  );
}

function FilterForm({ filters, onApply }: { filters: Filters; onApply: (f: Filters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const any = { value: '', label: t('documents.filters.any') };
  return (
    <form
      className="filters"
      aria-labelledby="document-filter-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <h2 className="ds-heading sr-only" data-size="xs" id="document-filter-heading">
        {t('documents.filters.legend')}
      </h2>
      <SelectField
        id="document-filter-level"
        label={t('documents.filters.level')}
        value={draft.level}
        onValueChange={(level) => setDraft({ ...draft, level })}
        options={[any, ...documentLevels.map((l) => ({ value: l, label: t(`documents.levels.${l}`) }))]}
      />
      <SelectField
        id="document-filter-kind"
        label={t('documents.filters.kind')}
        value={draft.kind}
        onValueChange={(kind) => setDraft({ ...draft, kind })}
        options={[any, ...documentKinds.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))]}
      />
      <SelectField
        id="document-filter-status"
        label={t('documents.filters.status')}
        value={draft.status}
        onValueChange={(status) => setDraft({ ...draft, status })}
        options={[any, ...documentStatuses.map((s) => ({ value: s, label: t(`documents.statuses.${s}`) }))]}
      />
      <button type="submit" className="ds-button" data-variant="secondary">
        {t('documents.filters.apply')}
      </button>
    </form>
  );
}

const filterQuery = (f: Filters) => ({ level: f.level, kind: f.kind, status: f.status });

function SearchResults({ q, filters }: { q: string; filters: Filters }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: ['documents', 'search', q, filters],
    queryFn: () => api.get(`/documents/search${qs({ q, ...filterQuery(filters) })}`, DocumentSearchResult),
  });
  const message = results.data
    ? results.data.items.length
      ? t('documents.search.results', { count: results.data.items.length, q })
      : t('documents.search.none', { q })
    : null;
  return (
    <Section title={t('documents.search.resultsHeading')} id="document-results">
      <LiveStatus message={message} tone="info" />
      {results.isPending ? <Loading /> : null}
      {results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data?.items.length ? (
        <ul className="document-list">
          {results.data.items.map((hit) => (
            <DocumentItem key={hit.document.id} doc={hit.document} title={hit.title} snippet={hit.snippet} />
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function AllDocuments({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: ['documents', 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get(`/documents${qs({ limit: 20, cursor: pageParam, ...filterQuery(filters) })}`, DocumentList),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title={t('documents.list.heading')} id="document-list">
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p className="ds-paragraph">{t('documents.list.empty')}</p> : null}
      {items.length ? (
        <ul className="document-list">
          {items.map((d) => (
            <DocumentItem key={d.id} doc={d} />
          ))}
        </ul>
      ) : null}
      <LoadMoreButton pages={list} />
    </Section>
  );
}
