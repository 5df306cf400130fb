import type { ActorScope } from './authorize.ts';
import { authorizeOwn } from './authorize.ts';
import { type ScopedMembership, scopeFor } from './scope.ts';

/**
 * The learning record store at /xapi (issue 18). An API client with `xapi:*` scopes acts for its
 * organisation: it writes statements and documents under its organisation, and reads what was written
 * under its organisation and the organisations below it (a region's client reads its municipalities')
 * together with the records of the people who belong there. A national client reads everything. A person
 * signed in to the web app reads only her own statements.
 */
type XapiActor = { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>;

/** What the actor reads at /xapi: everything (`national`), or what lies under these organisations. */
export function xapiReadScope(actor: XapiActor): { national: boolean; organisationIds: string[] } {
  const scope = scopeFor(actor, 'xapi.read');
  return { national: scope.national, organisationIds: scope.organisationIds };
}

/** May the actor write statements and documents under this organisation (its own)? */
export function writesXapiAt(actor: ActorScope, organisationId: string): boolean {
  return authorizeOwn(actor, 'xapi.write', { id: organisationId });
}
