import type { ActorScope, OrgContext } from './authorize.ts';
import { authorize, authorizeOwn } from './authorize.ts';
import { isNationalAdmin, type ScopedMembership, scopeFor, scopeIdsAt } from './scope.ts';

/**
 * Joint procurements (issue 17). The coordinators of the lead organisation (a region, an association,
 * a municipality or the nation) run one: they invite, move the phases, tick the checklist, build the
 * specification and write the resulting contracts. An invited municipality's own coordinators read it
 * and confirm or decline; the coordinators of its region and associations read it. A role above the
 * lead does not make anyone its leader (a region does not run a municipality's procurement). Staff and
 * managers have no part in it.
 */

type Person = { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>;

/** The kinds of organisation that lead a joint procurement. */
export const procurementLeadKinds = ['nation', 'region', 'association', 'municipality'] as const;

/** The organisations the actor leads procurements for (holds a coordinator's role at them). */
export function procurementLeadAt(actor: Person): string[] {
  return scopeIdsAt(scopeFor(actor, 'procurement.lead'), procurementLeadKinds);
}

/** The menu entry and every endpoint: coordinators only. */
export function usesProcurements(actor: Person): boolean {
  return isNationalAdmin(actor) || scopeFor(actor, 'procurement.lead').memberships.length > 0;
}

/** May the actor run procurements led by this organisation? */
export function leadsProcurementFor(actor: ActorScope, lead: { id: string }): boolean {
  return authorizeOwn(actor, 'procurement.lead', lead);
}

/** May the actor confirm or decline for this invited municipality (its own coordinators)? */
export function respondsForParticipant(actor: ActorScope, municipality: { id: string }): boolean {
  return authorizeOwn(actor, 'procurement.join', municipality);
}

/**
 * May the actor read a participant's power of attorney? The municipality itself, its region and its
 * associations (a coordinator's role covering it), and the lead organisation's coordinators.
 */
export function readsPowerOfAttorney(
  actor: ActorScope,
  municipality: OrgContext,
  lead: { id: string },
): boolean {
  return authorize(actor, 'procurement.lead', municipality) || leadsProcurementFor(actor, lead);
}
