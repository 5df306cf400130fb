import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { scopeAt, scopeFor, supportProviderAt, supportRequesterAt } from '../../../shared/access/index.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import {
  SupportOfferList,
  SupportRequestList,
  SupportRequestView,
} from '../../../shared/contracts/support.ts';
import { api, qs } from '../../lib/api.ts';

/** Every change to an offer or a request invalidates `supportKey`: lists, the request, the report. */
export const supportKey = ['support'] as const;
export const requestKey = (id: string) => ['support', 'request', id] as const;

export function useOffers(params: { municipality?: string | undefined; status?: string | undefined } = {}) {
  return useQuery({
    queryKey: ['support', 'offers', params],
    queryFn: () => api.get(`/support-offers${qs(params)}`, SupportOfferList),
  });
}

export function useRequests(filter: Record<string, string | undefined>) {
  return useInfiniteQuery({
    queryKey: ['support', 'requests', filter],
    queryFn: ({ pageParam }) =>
      api.get(`/support-requests${qs({ ...filter, limit: '25', cursor: pageParam })}`, SupportRequestList),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: requestKey(id),
    queryFn: () => api.get(`/support-requests/${encodeURIComponent(id)}`, SupportRequestView),
  });
}

/** The municipalities the person asks for (a coordinator at the municipality itself), with their codes. */
export function requesterMunicipalities(me: Me) {
  const ids = new Set(supportRequesterAt(me));
  return scopeAt(scopeFor(me, 'support.request'), ['municipality'])
    .filter((m) => ids.has(m.organisationId) && m.organisationCode)
    .map((m) => ({ code: m.organisationCode ?? '', name: m.organisationName }));
}

/** The regions and associations the person answers for, with what the report needs to address them. */
export function providerOrganisations(me: Me) {
  const ids = new Set(supportProviderAt(me));
  return me.memberships
    .filter(
      (m, i, all) =>
        ids.has(m.organisationId) && all.findIndex((x) => x.organisationId === m.organisationId) === i,
    )
    .map((m) => ({
      id: m.organisationId,
      name: m.organisationName,
      report:
        m.organisationKind === 'region'
          ? { region: m.organisationCode ?? '' }
          : { association: m.organisationId },
    }));
}
