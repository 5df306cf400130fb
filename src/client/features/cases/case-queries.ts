import { useQuery } from '@tanstack/react-query';
import { roleAllows, scopeAt, scopeFor } from '../../../shared/access/index.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import { CaseView, WhoHasDoneThis } from '../../../shared/contracts/cases.ts';
import { TechnologyList } from '../../../shared/contracts/mapping.ts';
import { api, qs } from '../../lib/api.ts';

/** Every change to a case invalidates `casesKey`: lists, searches, the case itself and the review queue. */
export const casesKey = ['cases'] as const;
export const caseKey = (id: string) => ['cases', 'one', id] as const;

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => api.get(`/cases/${encodeURIComponent(id)}`, CaseView),
  });
}

export function useWho(technologyKey: string) {
  return useQuery({
    queryKey: ['cases', 'who', technologyKey],
    queryFn: () =>
      api.get(`/technologies/${encodeURIComponent(technologyKey)}/who-has-done-this`, WhoHasDoneThis),
  });
}

export function useTechnologies(lang: string) {
  return useQuery({
    queryKey: ['technologies', lang],
    queryFn: () => api.get(`/technologies${qs({ lang })}`, TechnologyList),
    staleTime: 5 * 60_000,
  });
}

/** The municipalities whose cases the person writes (a coordinator at the municipality itself). */
export function authorMunicipalities(me: Me) {
  return scopeAt(scopeFor(me, 'case.write'), ['municipality'])
    .filter((m) => m.organisationCode)
    .map((m) => ({ code: m.organisationCode ?? '', name: m.organisationName }));
}

/** Whether the person reviews cases anywhere (the server decides which). */
export const isReviewer = (me: Me) => me.memberships.some((m) => roleAllows(m.role, 'case.publish'));
