import type { ActorScope } from './authorize.ts';
import { type ScopedMembership, scopeFor } from './scope.ts';

/**
 * People search (`/personer`) is for those who list members beyond one unit: administrators and
 * coordinators. A manager whose only roles are at units has her team page instead. Returns the
 * organisations whose people the actor may search (`null`: the whole country), or `false` when she may not.
 */
export function peopleSearchScope(
  actor: { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>,
): string[] | null | false {
  const scope = scopeFor(actor, 'members.list');
  if (!scope.memberships.some((m) => m.organisationKind !== 'unit')) return false;
  return scope.restrictTo;
}

/** Whether the actor may search people at all (the menu entry and the page). */
export function searchesPeople(
  actor: { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>,
): boolean {
  return peopleSearchScope(actor) !== false;
}
