import type { ActorScope, OrgContext } from './authorize.ts';
import { authorize, coveringMemberships, withinLimit } from './authorize.ts';
import { roleAllows } from './permissions.ts';
import { type ScopedMembership, scopeFor, scopeIdsAt } from './scope.ts';

/**
 * A municipality's contract register (issue 17). Only the municipality's own municipal coordinators
 * write it: a region reads its municipalities' contracts and never writes them, and neither does a
 * national administrator (the register is the municipality's record of its own agreements). The
 * coordinators of its region and associations and national administrators read it; other
 * municipalities do not. The annual value and the documents stay with the municipality, its region and
 * its associations: a national administrator reads the contract without them.
 */

type Person = { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>;

/** May the actor read this municipality's contracts (list, detail, history)? */
export function readsContractsOf(actor: ActorScope, municipality: OrgContext): boolean {
  return authorize(actor, 'contract.read', municipality);
}

/** May the actor record, change and remove this municipality's contracts? Its own coordinators only. */
export function writesContractsOf(actor: ActorScope, municipality: { id: string }): boolean {
  const roleAllowed = actor.memberships.some(
    (m) =>
      m.organisationId === municipality.id &&
      m.role !== 'national_admin' &&
      roleAllows(m.role, 'contract.write'),
  );
  return roleAllowed && withinLimit(actor, 'contract.write', roleAllowed);
}

/**
 * May the actor see the contracts' annual values and documents? A role at the municipality, its region
 * or one of its associations that reads contracts; a national role alone does not.
 */
export function seesContractValuesOf(actor: ActorScope, municipality: OrgContext): boolean {
  return (
    readsContractsOf(actor, municipality) &&
    coveringMemberships(actor, municipality).some(
      (m) => m.role !== 'national_admin' && roleAllows(m.role, 'contract.read'),
    )
  );
}

/** The municipalities whose register the actor keeps (the menu link goes to the first). */
export function contractRegistersKeptBy(actor: Person): string[] {
  return scopeIdsAt(scopeFor(actor, 'contract.write'), ['municipality']);
}

/** The regions and associations whose municipalities' registers the actor reads (a picker page). */
export function contractRegistersReadAt(actor: Person): string[] {
  return scopeIdsAt(scopeFor(actor, 'contract.read'), ['region', 'association']);
}
