import { useQuery } from '@tanstack/react-query';
import { authorizeOwn, scopeAt, scopeFor } from '../../../shared/access/index.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import { SteeringReport, SteeringReportList } from '../../../shared/contracts/steering-reports.ts';
import { api } from '../../lib/api.ts';
import { swedishToday } from '../../lib/format.ts';

/** Query keys: every change to a report invalidates `reportsKey` (the list and the reports). */
export const reportsKey = ['steering-reports'] as const;
export const reportKey = (id: string) => ['steering-reports', 'one', id] as const;
export const API_BASE = '/reports/steering-group';

export function useReports(enabled: boolean) {
  return useQuery({
    queryKey: reportsKey,
    queryFn: () => api.get(API_BASE, SteeringReportList),
    enabled,
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: () => api.get(`${API_BASE}/${encodeURIComponent(id)}`, SteeringReport),
  });
}

const OWNER_KINDS = new Set(['region', 'association']);

/** The regions and associations a person reports for: `report.steering` held there. */
export function reportOwnersOf(me: Me) {
  return scopeAt(scopeFor(me, 'report.steering'), OWNER_KINDS).map((m) => ({
    id: m.organisationId,
    name: m.organisationName,
  }));
}

/** May the person report for this organisation (the UI's mirror of the server's rule)? */
export function mayReportFor(me: Me, organisationId: string) {
  return authorizeOwn(me, 'report.steering', { id: organisationId });
}

/** The last half-year up to today (Swedish dates): the default period of a new report. */
export function lastHalfYear(now = new Date()) {
  const from = new Date(now);
  from.setMonth(from.getMonth() - 6);
  from.setDate(from.getDate() + 1);
  return { from: swedishToday(from), to: swedishToday(now) };
}
