import type { ActorScope } from './authorize.ts';
import { authorizeOwn } from './authorize.ts';
import { isNationalAdmin, type ScopedMembership, scopeFor, scopeIdsAt } from './scope.ts';

/**
 * Support from the region (issue 17). A municipality's coordinators ask their region or one of their
 * associations for support and see their municipality's requests; the coordinators of the region or
 * association a request is addressed to see it, assign it, answer and close it. A role above the
 * municipality does not make a region's coordinator a requester, nor does a municipal role make anyone
 * a provider: both sides act only where they hold the role themselves (or nationally).
 */

type SupportActor = { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>;

/** The kinds of organisation that offer support and receive requests. */
export const SUPPORT_PROVIDER_KINDS = ['region', 'association'] as const;

/** Which side of a request the actor stands on. */
export type SupportSide = 'municipality' | 'provider';

/** The municipalities for which the actor asks for support. */
export function supportRequesterAt(actor: SupportActor): string[] {
  return scopeIdsAt(scopeFor(actor, 'support.request'), ['municipality']);
}

/** The regions and associations whose support the actor gives (publishes offers, answers requests). */
export function supportProviderAt(actor: SupportActor): string[] {
  return scopeIdsAt(scopeFor(actor, 'support.provide'), SUPPORT_PROVIDER_KINDS);
}

/** Whether the actor takes part in support at all (asks, provides or administers): the menu entry, the offers and the pages. */
export function usesSupport(actor: SupportActor): boolean {
  return (
    isNationalAdmin(actor) || supportRequesterAt(actor).length > 0 || supportProviderAt(actor).length > 0
  );
}

/** May the actor ask for support on behalf of this municipality? */
export function requestsSupportFor(actor: ActorScope, municipality: { id: string }): boolean {
  return authorizeOwn(actor, 'support.request', municipality);
}

/** May the actor publish offers and handle requests for this region or association? */
export function providesSupportAt(actor: ActorScope, provider: { id: string }): boolean {
  return authorizeOwn(actor, 'support.provide', provider);
}

/**
 * The actor's side of a request, or null when it is none of hers. The provider's side wins when the
 * actor holds both (a national administrator): she acts for the one who answers.
 */
export function supportSideOf(
  actor: ActorScope,
  request: { municipalityId: string; providerId: string },
): SupportSide | null {
  if (providesSupportAt(actor, { id: request.providerId })) return 'provider';
  if (requestsSupportFor(actor, { id: request.municipalityId })) return 'municipality';
  return null;
}
