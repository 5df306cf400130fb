import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type Municipality, Organisation } from '../../../shared/contracts/organisations.ts';
import { api } from '../../lib/api.ts';
import { useMunicipalities } from './MunicipalitiesPage.tsx';

export interface MunicipalityOwner {
  id: string;
  kind: string;
  code?: string | null;
}

/**
 * The municipalities an owner covers, for pickers: all of them for the nation, a region's own, an
 * association's members, or the municipality itself. Mirrors the scope the server enforces.
 */
export function useMunicipalitiesOf(owner: MunicipalityOwner | undefined) {
  const municipalities = useMunicipalities();
  const association = useQuery({
    queryKey: ['organisation', owner?.id],
    queryFn: () => api.get(`/organisations/${owner!.id}`, Organisation),
    enabled: owner?.kind === 'association',
  });
  const items = useMemo((): Municipality[] => {
    const all = municipalities.data?.items ?? [];
    if (!owner) return [];
    if (owner.kind === 'nation') return all;
    if (owner.kind === 'municipality') return all.filter((m) => m.code === owner.code);
    if (owner.kind === 'region') return all.filter((m) => m.regionId === owner.id);
    const members = new Set((association.data?.related ?? []).map((o) => o.id));
    return all.filter((m) => members.has(m.id));
  }, [owner, municipalities.data, association.data]);
  return {
    items,
    isPending: municipalities.isPending || (owner?.kind === 'association' && association.isPending),
    error: municipalities.error ?? association.error,
  };
}
