import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RequirementList,
  RequirementSearchResult,
  type RequirementSummary,
} from '../../../shared/contracts/requirements.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { requirementsKey } from './data.ts';
import { apiFilters, type FilterValues } from './RequirementFilterForm.tsx';
import { RequirementItem } from './RequirementItem.tsx';

/** What a list may offer beside each requirement (the builder's "Add"). */
export type ItemAction = (item: RequirementSummary) => ReactNode;

/** Search hits when there are search words, else the whole library newest first; both filtered. */
export function LibraryResults(props: { q: string; filters: FilterValues; action?: ItemAction; id: string }) {
  return props.q ? <SearchHits {...props} /> : <AllRequirements {...props} />;
}

function SearchHits({
  q,
  filters,
  action,
  id,
}: {
  q: string;
  filters: FilterValues;
  action?: ItemAction;
  id: string;
}) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: [...requirementsKey, 'search', q, filters],
    queryFn: () =>
      api.get(`/requirements/search${qs({ q, ...apiFilters(filters) })}`, RequirementSearchResult),
  });
  const items = results.data?.items ?? [];
  const message = results.data
    ? items.length
      ? t('requirements.search.results', { count: items.length, q })
      : t('requirements.search.none', { q })
    : null;
  return (
    <Section title={t('requirements.search.resultsHeading')} id={id}>
      <LiveStatus message={message} tone="info" />
      {results.isPending ? <Loading /> : null}
      {results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {items.length ? (
        <ul className="requirement-list">
          {items.map((hit) => (
            <RequirementItem key={hit.requirement.id} item={hit.requirement} text={hit.text}>
              {action?.(hit.requirement)}
            </RequirementItem>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function AllRequirements({
  filters,
  action,
  id,
}: {
  filters: FilterValues;
  action?: ItemAction;
  id: string;
}) {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: [...requirementsKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get(
        `/requirements${qs({ limit: 20, cursor: pageParam, ...apiFilters(filters) })}`,
        RequirementList,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title={t('requirements.list.heading')} id={id}>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? (
        <p className="ds-paragraph">{t('requirements.list.empty')}</p>
      ) : null}
      {items.length ? (
        <ul className="requirement-list">
          {items.map((r) => (
            <RequirementItem key={r.id} item={r}>
              {action?.(r)}
            </RequirementItem>
          ))}
        </ul>
      ) : null}
      <LoadMoreButton pages={list} />
    </Section>
  );
}
