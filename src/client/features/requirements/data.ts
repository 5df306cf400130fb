import { useQuery } from '@tanstack/react-query';
import { requirementOwnerIds } from '../../../shared/access/index.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import {
  RequirementDetail,
  SpecificationDetail,
  SpecificationList,
} from '../../../shared/contracts/requirements.ts';
import { api } from '../../lib/api.ts';

/** Every change in the library or a specification invalidates `requirementsKey`. */
export const requirementsKey = ['requirements'] as const;

export function useRequirement(id: string) {
  return useQuery({
    queryKey: [...requirementsKey, 'one', id],
    queryFn: () => api.get(`/requirements/${encodeURIComponent(id)}`, RequirementDetail),
  });
}

export function useSpecifications() {
  return useQuery({
    queryKey: [...requirementsKey, 'specifications'],
    queryFn: () => api.get('/requirement-specifications', SpecificationList),
  });
}

export function useSpecification(id: string) {
  return useQuery({
    queryKey: [...requirementsKey, 'specification', id],
    queryFn: () => api.get(`/requirement-specifications/${encodeURIComponent(id)}`, SpecificationDetail),
  });
}

/** The organisations the person writes for (the same rule the server applies), each once, by name. */
export function ownOrganisations(me: Me) {
  const ids = new Set(requirementOwnerIds(me));
  const seen = new Set<string>();
  return me.memberships
    .filter((m) => ids.has(m.organisationId) && !seen.has(m.organisationId) && seen.add(m.organisationId))
    .map((m) => ({ value: m.organisationId, label: m.organisationName }));
}

export const exportUrl = (id: string, format: 'docx' | 'xlsx') =>
  `/api/v1/requirement-specifications/${encodeURIComponent(id)}/export?format=${format}`;
