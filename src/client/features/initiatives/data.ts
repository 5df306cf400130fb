import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  InitiativeList,
  type InitiativeListQuery,
  InitiativeView,
} from '../../../shared/contracts/initiatives.ts';
import { TechnologyList } from '../../../shared/contracts/mapping.ts';
import { api, qs } from '../../lib/api.ts';

/** Query keys of the initiatives capability: every change invalidates `initiativesKey`. */
export const initiativesKey = ['initiatives'] as const;
export const initiativeKey = (id: string) => ['initiatives', 'one', id] as const;

export function useInitiative(id: string) {
  return useQuery({
    queryKey: initiativeKey(id),
    queryFn: () => api.get(`/initiatives/${id}`, InitiativeView),
  });
}

export type InitiativeListFilters = Partial<Omit<InitiativeListQuery, 'limit' | 'cursor'>>;

/** The initiatives the caller may read, filtered, a page at a time ("Visa fler" follows nextCursor). */
export function useInitiativeList(filters: InitiativeListFilters, limit = 100) {
  return useInfiniteQuery({
    queryKey: [...initiativesKey, 'list', filters, limit],
    queryFn: ({ pageParam }) =>
      api.get(`/initiatives${qs({ ...filters, limit, cursor: pageParam })}`, InitiativeList),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The national technology catalogue, in the UI language. */
export function useTechnologyCatalogue(lang: string) {
  return useQuery({
    queryKey: ['technologies', lang],
    queryFn: () => api.get(`/technologies${qs({ lang })}`, TechnologyList),
    staleTime: 10 * 60_000,
  });
}
