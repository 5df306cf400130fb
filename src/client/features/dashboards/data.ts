import { useQuery } from '@tanstack/react-query';
import { scopeFor } from '../../../shared/access/index.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import {
  Dashboard,
  type DashboardScope,
  MunicipalityDashboard,
} from '../../../shared/contracts/dashboards.ts';
import { api, qs } from '../../lib/api.ts';
import { scopeSearch } from '../mapping/mapping-scope.ts';

export function useScopeDashboard(scope: string, lang: string) {
  return useQuery({
    queryKey: ['dashboard', scope, lang],
    queryFn: () => api.get(`/dashboards/${encodeURIComponent(scope)}${qs({ lang })}`, Dashboard),
  });
}

export function useMunicipalityDashboard(code: string, peers: string[], lang: string) {
  return useQuery({
    queryKey: ['dashboard', 'municipality', code, peers.join(','), lang],
    queryFn: () =>
      api.get(
        `/dashboards/municipalities/${encodeURIComponent(code)}${qs({ lang, peers: peers.join(',') })}`,
        MunicipalityDashboard,
      ),
  });
}

export interface DashboardChoice {
  /** The page's address. */
  to: string;
  label: string;
}

/**
 * The dashboards a person's own roles give them, natural scope first: the country for a national
 * administrator, a regional coordinator's region or association, a municipal coordinator's
 * municipality. National administrators may also pick any region or association (see the picker).
 */
export function dashboardChoicesFor(me: Me, countryLabel: string): DashboardChoice[] {
  const readers = scopeFor(me, 'dashboard.read').memberships;
  const out: DashboardChoice[] = [];
  const add = (c: DashboardChoice) => {
    if (!out.some((o) => o.to === c.to)) out.push(c);
  };
  if (readers.some((m) => m.organisationKind === 'nation')) add({ to: '/lagesbild/SE', label: countryLabel });
  for (const m of readers) {
    if (m.organisationKind === 'region' && m.organisationCode)
      add({ to: `/lagesbild/${m.organisationCode}`, label: m.organisationName });
    if (m.organisationKind === 'association')
      add({ to: `/lagesbild/${m.organisationId}`, label: m.organisationName });
  }
  for (const m of readers)
    if (m.organisationKind === 'municipality' && m.organisationCode)
      add({ to: `/lagesbild/kommuner/${m.organisationCode}`, label: m.organisationName });
  return out;
}

/** The list pages behind a scope's figures take the area as `?lan=` or `?forbund=`; the country as nothing. */
export function listSearch(scope: DashboardScope): string {
  if (scope.kind === 'region') return scopeSearch({ region: scope.code });
  if (scope.kind === 'association') return scopeSearch({ association: scope.id });
  return '';
}

/** The initiatives list filtered by phase, status and municipality (its own address names). */
export function initiativesLink(f: { phase?: string; status?: string; municipality?: string }): string {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.phase) p.set('fas', f.phase);
  if (f.municipality) p.set('kommun', f.municipality);
  const s = p.toString();
  return `/insatser${s ? `?${s}` : ''}`;
}
