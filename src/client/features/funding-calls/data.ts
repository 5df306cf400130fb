import { useQuery } from '@tanstack/react-query';
import { usesFundingCalls } from '../../../shared/access/index.ts';
import {
  AllocationDetail,
  AllocationOverview,
  FundingCallList,
  FundingCallView,
  LinkableCalls,
} from '../../../shared/contracts/funding-calls.ts';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';

/** Every change to a call or its allocations invalidates `fundingKey`. */
export const fundingKey = ['funding-calls'] as const;
export const callKey = (id: string) => ['funding-calls', 'one', id] as const;
export const overviewKey = (id: string) => ['funding-calls', 'one', id, 'allocations'] as const;
export const detailKey = (id: string, code: string) =>
  ['funding-calls', 'one', id, 'allocations', code] as const;

export const callPath = (id: string) => `/stimulansmedel/${id}`;

export const useFundingCalls = () =>
  useQuery({ queryKey: fundingKey, queryFn: () => api.get('/funding-calls', FundingCallList) });

export const useFundingCall = (id: string) =>
  useQuery({ queryKey: callKey(id), queryFn: () => api.get(`/funding-calls/${id}`, FundingCallView) });

export const useAllocations = (id: string) =>
  useQuery({
    queryKey: overviewKey(id),
    queryFn: () => api.get(`/funding-calls/${id}/allocations`, AllocationOverview),
  });

export const useAllocationDetail = (id: string, code: string) =>
  useQuery({
    queryKey: detailKey(id, code),
    queryFn: () => api.get(`/funding-calls/${id}/allocations/${code}`, AllocationDetail),
  });

/** The calls an initiative's stimulus funding rows can be linked to (its funding form and list). */
export const useLinkableCalls = (initiativeId: string) =>
  useQuery({
    queryKey: ['funding-calls', 'linkable', initiativeId],
    queryFn: () => api.get(`/funding-calls/linkable?initiativeId=${initiativeId}`, LinkableCalls),
  });

/** Whether the signed-in person takes part in stimulus funds (the same named rule as the server's). */
export function useUsesFundingCalls(): boolean {
  const me = useMe();
  return me.data ? usesFundingCalls(me.data) : false;
}
