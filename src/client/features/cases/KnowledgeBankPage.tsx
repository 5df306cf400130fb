import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CaseList, CaseSearchResult } from '../../../shared/contracts/cases.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { SearchForm, type SearchTexts } from '../../components/SearchForm.tsx';
import { api, qs } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { CaseFilterForm, type CaseFilterValues, filterParams, filtersFrom } from './CaseFilterForm.tsx';
import { CaseItem } from './CaseItem.tsx';
import { authorMunicipalities, isReviewer } from './case-queries.ts';

/**
 * The knowledge bank: search (Swedish word forms, hits marked), filters and the cases — model
 * municipalities first. Search words and filters live in the address, so a result can be shared.
 */
export function KnowledgeBankPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filters = filtersFrom(params);
  const update = (next: { q?: string; filters?: CaseFilterValues }) => {
    const merged = { q: next.q ?? q, ...filterParams(next.filters ?? filters) };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)));
  };
  const canWrite = me.data ? authorMunicipalities(me.data).length > 0 : false;
  const reviews = me.data ? isReviewer(me.data) : false;
  return (
    <Page title={t('cases.title')} lead={t('cases.lead')}>
      {canWrite || reviews ? (
        <p className="case-actions">
          {canWrite ? (
            <Link className="ds-button" data-variant="primary" to="/kunskapsbank/nytt">
              {t('cases.newCase')}
            </Link>
          ) : null}
          {reviews ? (
            <Link className="ds-button" data-variant="secondary" to="/kunskapsbank/granska">
              {t('cases.reviewQueue')}
            </Link>
          ) : null}
        </p>
      ) : null}
      <SearchForm
        key={q}
        id="case-search-q"
        q={q}
        texts={t('cases.search', { returnObjects: true }) as SearchTexts}
        onSearch={(next) => update({ q: next })}
      />
      <CaseFilterForm
        key={JSON.stringify(filters)}
        filters={filters}
        onApply={(f) => update({ filters: f })}
      />
      {q ? <SearchResults q={q} filters={filters} /> : <AllCases filters={filters} />}
    </Page>
  );
}

function SearchResults({ q, filters }: { q: string; filters: CaseFilterValues }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: ['cases', 'search', q, filters],
    queryFn: () => api.get(`/cases/search${qs({ q, ...filters })}`, CaseSearchResult),
  });
  const message = results.data
    ? results.data.items.length
      ? t('cases.search.results', { count: results.data.items.length, q })
      : t('cases.search.none', { q })
    : null;
  return (
    <Section title={t('cases.search.resultsHeading')} id="case-results">
      <LiveStatus message={message} tone="info" />
      {results.isPending ? <Loading /> : null}
      {results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data?.items.length ? (
        <ul className="case-list">
          {results.data.items.map((hit) => (
            <CaseItem key={hit.case.id} item={hit.case} title={hit.title} snippet={hit.snippet} />
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function AllCases({ filters }: { filters: CaseFilterValues }) {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: ['cases', 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get(`/cases${qs({ limit: 20, cursor: pageParam, ...filters })}`, CaseList),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title={t('cases.list.heading')} id="case-list">
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? <p className="ds-paragraph">{t('cases.list.empty')}</p> : null}
      {items.length ? (
        <ul className="case-list">
          {items.map((c) => (
            <CaseItem key={c.id} item={c} />
          ))}
        </ul>
      ) : null}
      <LoadMoreButton pages={list} />
    </Section>
  );
}
