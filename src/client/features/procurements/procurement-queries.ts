import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { procurementLeadAt } from '../../../shared/access/index.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import { ProcurementList, ProcurementView } from '../../../shared/contracts/procurements.ts';
import { api, qs } from '../../lib/api.ts';

/** Every change to a procurement invalidates `procurementsKey`: the list and the procurement. */
export const procurementsKey = ['procurements'] as const;
export const procurementKey = (id: string) => ['procurements', 'one', id] as const;
export const procurementPath = (id: string) => `/upphandlingar/${encodeURIComponent(id)}`;

export function useProcurements(filter: Record<string, string | undefined>, lang: string) {
  return useInfiniteQuery({
    queryKey: [...procurementsKey, 'list', filter, lang],
    queryFn: ({ pageParam }) =>
      api.get(`/procurements${qs({ ...filter, limit: '50', cursor: pageParam })}`, ProcurementList),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useProcurement(id: string) {
  return useQuery({
    queryKey: procurementKey(id),
    queryFn: () => api.get(`/procurements/${encodeURIComponent(id)}`, ProcurementView),
  });
}

const Invitable = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) });

/** The municipalities a procurement led by `lead` may invite (empty until a lead is chosen). */
export function useInvitable(lead: string | undefined) {
  return useQuery({
    queryKey: [...procurementsKey, 'invitable', lead],
    queryFn: () => api.get(`/procurements/invitable${qs({ lead })}`, Invitable),
    enabled: Boolean(lead),
  });
}

/** The organisations the person leads procurements for, with their names. */
export function leadOrganisations(me: Me) {
  const ids = new Set(procurementLeadAt(me));
  return me.memberships
    .filter(
      (m, i, all) =>
        ids.has(m.organisationId) && all.findIndex((x) => x.organisationId === m.organisationId) === i,
    )
    .map((m) => ({ id: m.organisationId, name: m.organisationName }));
}
