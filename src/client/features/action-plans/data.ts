import { useQuery } from '@tanstack/react-query';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import {
  ActionPlanList,
  ActionPlanView,
  BenefitsSummary,
  FundingTotals,
  NeedList,
  type SummaryScopeQuery,
} from '../../../shared/contracts/action-plans.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import { api, qs } from '../../lib/api.ts';

/** Query keys: every change to a plan or a need invalidates `plansKey` (plans, totals and needs). */
export const plansKey = ['action-plans'] as const;
export const planKey = (id: string, at: string | null) => ['action-plans', 'one', id, at ?? 'now'] as const;
export const needsKey = ['action-plans', 'needs'] as const;

export function usePlans() {
  return useQuery({ queryKey: plansKey, queryFn: () => api.get('/action-plans', ActionPlanList) });
}

export function usePlan(id: string, at: string | null) {
  return useQuery({
    queryKey: planKey(id, at),
    queryFn: () => api.get(`/action-plans/${encodeURIComponent(id)}${qs({ at })}`, ActionPlanView),
  });
}

export function useFundingTotals(scope: SummaryScopeQuery, enabled = true) {
  return useQuery({
    queryKey: ['action-plans', 'funding-totals', scope],
    queryFn: () => api.get(`/funding-totals${qs({ ...scope })}`, FundingTotals),
    enabled,
  });
}

export function useBenefitsSummary(scope: SummaryScopeQuery, enabled = true) {
  return useQuery({
    queryKey: ['action-plans', 'benefits-summary', scope],
    queryFn: () => api.get(`/benefits-summary${qs({ ...scope })}`, BenefitsSummary),
    enabled,
  });
}

export function useNeeds(region: string | undefined, status: string | undefined) {
  return useQuery({
    queryKey: [...needsKey, region ?? '', status ?? ''],
    queryFn: () => api.get(`/needs${qs({ region, status })}`, NeedList),
  });
}

/** Organisations a person may make a plan for: initiative.manage at a municipality, region or association itself. */
export const PLAN_OWNER_KINDS = new Set(['municipality', 'region', 'association']);
export function planOwnersOf(me: Me) {
  return scopeAt(scopeFor(me, 'initiative.manage'), PLAN_OWNER_KINDS).map((m) => ({
    id: m.organisationId,
    name: m.organisationName,
    kind: m.organisationKind,
  }));
}

/** The municipalities a person coordinates (may propose and endorse needs for). */
export function coordinatedMunicipalities(me: Me) {
  return scopeAt(scopeFor(me, 'initiative.manage'), ['municipality'])
    .filter((m) => m.organisationCode)
    .map((m) => ({ code: m.organisationCode ?? '', name: m.organisationName }));
}
