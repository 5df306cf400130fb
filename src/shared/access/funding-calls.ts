import type { ActorScope } from './authorize.ts';
import { authorizeOwn } from './authorize.ts';
import { isNationalAdmin, type ScopedMembership, scopeFor, scopeIdsAt } from './scope.ts';

/**
 * Stimulus funds (issue 17). A call is owned by the nation or a region: its national administrators or
 * the region's own coordinators manage it (a role above the owner does not count, and a region never
 * manages a national call). Regional coordinators — at a region or an association — oversee their
 * municipalities' allocations in any call that covers them. A municipality's coordinators requisition
 * and report for their own municipality only and see nobody else's allocation. Staff and managers take
 * no part.
 */

type FundingActor = { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>;

/** The kinds of organisation that own (and cover) a call. */
export const FUNDING_OWNER_KINDS = ['nation', 'region'] as const;

/** The regions and associations whose municipalities' allocations the actor oversees. */
export function fundingOverseerAt(actor: FundingActor): { regionIds: string[]; associationIds: string[] } {
  const scope = scopeFor(actor, 'funding.manage');
  return { regionIds: scopeIdsAt(scope, ['region']), associationIds: scopeIdsAt(scope, ['association']) };
}

/** The municipalities for which the actor requisitions and reports. */
export function fundingRecipientAt(actor: FundingActor): string[] {
  return scopeIdsAt(scopeFor(actor, 'funding.requisition'), ['municipality']);
}

/** Whether the actor takes part in stimulus funds at all: the menu entry, the list, the pages. */
export function usesFundingCalls(actor: FundingActor): boolean {
  if (isNationalAdmin(actor)) return true;
  const over = fundingOverseerAt(actor);
  return over.regionIds.length + over.associationIds.length + fundingRecipientAt(actor).length > 0;
}

/** May the actor create and manage calls owned by this organisation (the nation or a region)? */
export function managesFundingAt(actor: ActorScope, owner: { id: string }): boolean {
  return authorizeOwn(actor, 'funding.manage', owner);
}

/** May the actor manage this call (open, close, deadlines, allocations)? */
export function managesFundingCall(actor: ActorScope, call: { ownerOrganisationId: string }): boolean {
  return managesFundingAt(actor, { id: call.ownerOrganisationId });
}

/** May the actor requisition and report for this municipality? */
export function requisitionsFor(actor: ActorScope, municipality: { id: string }): boolean {
  return authorizeOwn(actor, 'funding.requisition', municipality);
}
