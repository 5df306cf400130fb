import { useQuery } from '@tanstack/react-query';
import { ContractHistory, ContractView } from '../../../shared/contracts/supplier-contracts.ts';
import { api } from '../../lib/api.ts';

/** Every change to a register invalidates `contractsKey`: lists, contracts and their history. */
export const contractsKey = ['contracts'] as const;
export const contractKey = (id: string) => ['contracts', 'one', id] as const;
export const historyKey = (id: string) => ['contracts', 'one', id, 'history'] as const;

export const contractPath = (id: string) => `/avtal/${id}`;
export const registerPath = (code: string) => `/kommuner/${code}/avtal`;

export function useContract(id: string) {
  return useQuery({
    queryKey: contractKey(id),
    queryFn: () => api.get(`/contracts/${encodeURIComponent(id)}`, ContractView),
  });
}

export function useContractHistory(id: string) {
  return useQuery({
    queryKey: historyKey(id),
    queryFn: () => api.get(`/contracts/${encodeURIComponent(id)}/history`, ContractHistory),
  });
}

/** Kronor as Swedes write them: "1 250 000 kr". */
export function formatSek(value: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {
    style: 'currency',
    currency: 'SEK',
    maximumFractionDigits: 0,
  }).format(value);
}
