import { useQuery } from '@tanstack/react-query';
import type { Action } from '../../shared/access/index.ts';
import { authorize, authorizeOwn, grantableRoles } from '../../shared/access/index.ts';
import type { Me } from '../../shared/contracts/auth.ts';
import { Organisation, OrganisationList } from '../../shared/contracts/organisations.ts';
import { api } from './api.ts';
import { actorOf, orgContextOf } from './session.ts';

export function organisationKey(id: string) {
  return ['organisation', id] as const;
}

/** All regions or all associations: reference data that changes rarely, shared by pickers and lists. */
export function useOrganisationsOfKind(kind: 'region' | 'association', enabled = true) {
  return useQuery({
    queryKey: ['organisations', kind],
    queryFn: () => api.get(`/organisations?kind=${kind}`, OrganisationList),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: organisationKey(id ?? ''),
    queryFn: () => api.get(`/organisations/${encodeURIComponent(id ?? '')}`, Organisation),
    enabled: Boolean(id),
  });
}

export interface OrgAbilities {
  listMembers: boolean;
  invite: boolean;
  addUnit: boolean;
  importStaff: boolean;
  readTechnologies: boolean;
  readAdoptionMatrix: boolean;
  /** Its identity providers, SCIM tokens, API clients and sign-in rules (a role at the organisation itself). */
  manageIdentity: boolean;
  /** Accounts with a username and activation codes for people without work e-mail. */
  activateAccounts: boolean;
  /** The unit's team page: its people's learning progress, enrolling and reminding. */
  teamProgress: boolean;
}

/** What the user may do at an organisation, from the shared access matrix. */
export function abilitiesAt(me: Me, org: Organisation): OrgAbilities {
  const actor = actorOf(me);
  const ctx = orgContextOf(org);
  const can = (a: Action) => authorize(actor, a, ctx);
  return {
    listMembers: can('members.list'),
    invite: can('members.manage') && grantableRoles(actor, ctx).length > 0,
    addUnit: org.kind === 'municipality' && can('unit.create'),
    importStaff: (org.kind === 'municipality' || org.kind === 'unit') && can('staff.import'),
    readTechnologies: org.kind === 'municipality' && can('adoption.read'),
    readAdoptionMatrix:
      (org.kind === 'region' || org.kind === 'nation' || org.kind === 'association') && can('adoption.read'),
    manageIdentity: org.kind !== 'unit' && authorizeOwn(actor, 'identity.manage', ctx),
    activateAccounts: (org.kind === 'municipality' || org.kind === 'unit') && can('people.activate'),
    teamProgress: org.kind === 'unit' && can('learning.report'),
  };
}

export const orgPath = (id: string) => `/organisationer/${id}`;
