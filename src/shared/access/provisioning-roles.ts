import type { OrganisationKind } from '../contracts/organisations.ts';
import type { Role } from '../contracts/people.ts';
import { type Actor, highestRoleOver, type OrgContext, roleFitsOrganisation } from './authorize.ts';
import { roleRank } from './permissions.ts';
import { roles } from './roles.ts';

/**
 * Roles given to people by systems and by the sign-in rules of issue 15: SSO, SCIM, activation codes
 * and the second factor. Kept here so that services do not decide role questions of their own.
 */

/** What a provisioning system (SCIM, an IdP without a matching rule) gives when nothing says more. */
export const PROVISIONED_ROLE: Role = 'staff';

/** An identity provider vouches for people inside its organisation only: never for the national role. */
export function idpMayGrant(role: Role, kind: OrganisationKind): boolean {
  return role !== 'national_admin' && roleFitsOrganisation(role, kind);
}

/** Roles whose password login needs a second factor: national administrators and coordinators. */
export const rolesNeedingSecondFactor: readonly Role[] = roles.filter(
  (r) => roleRank[r] >= roleRank.municipal_coordinator,
);

/**
 * Whoever creates an account with an activation code gives the lowest role, or a role below their
 * own (a unit manager creates care staff; a coordinator may also create managers), fitting the place.
 */
export function mayCreateAccountWith(actor: Actor, role: Role, target: OrgContext): boolean {
  if (!roleFitsOrganisation(role, target.kind)) return false;
  if (role === PROVISIONED_ROLE) return true;
  const best = highestRoleOver(actor, target);
  return best !== null && roleRank[best] > roleRank[role];
}
