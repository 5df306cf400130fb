import type { ActorScope } from './authorize.ts';
import { type ScopedMembership, scopeFor } from './scope.ts';

/**
 * The supplier register is national, one for the country: whoever holds `supplier.manage` anywhere —
 * a national administrator, a regional coordinator at a region or an association — maintains all of it
 * (adds, edits, merges duplicates, records products). Everyone signed in reads it.
 */
export function maintainsSuppliers(
  actor: { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>,
): boolean {
  return scopeFor(actor, 'supplier.manage').memberships.length > 0;
}
