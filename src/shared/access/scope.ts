import type { OrganisationKind } from '../contracts/organisations.ts';
import type { Role } from '../contracts/people.ts';
import type { ActorScope, OrgContext } from './authorize.ts';
import { authorize, withinLimit } from './authorize.ts';
import { type Action, roleAllows } from './permissions.ts';

/**
 * The named rules about roles that services, repositories and screens ask for. Role names are compared
 * here and in the permission matrix only (`role-names.guard.test.ts` fails anywhere else), so that a
 * rule reads the same on the server and in the UI and changes in one place.
 */

/** What a scope needs of a membership; the server's `ActorMembership` and the UI's `MembershipView` fit. */
export interface ScopedMembership {
  organisationId: string;
  organisationKind: OrganisationKind;
  role: Role;
}

/**
 * A national administrator reaches every organisation (DESIGN.md §2). This is a shortcut past the
 * per-action rules, so it never applies to an API client, not even the nation's: a client reaches what
 * its scopes allow through `authorize` and `scopeFor` (whose `national` is per action) and nothing more.
 */
export function isNationalAdmin(actor: {
  memberships: readonly { role: Role }[];
  allowedActions?: ReadonlySet<Action>;
}): boolean {
  return !actor.allowedActions && actor.memberships.some((m) => m.role === 'national_admin');
}

/**
 * Where the actor may do an action: the organisations at which they hold a role allowing it (each covers
 * itself and everything below it, see `authorize`). `restrictTo` is the shape list queries take: null
 * means no condition (a national role allows it), otherwise the organisation ids — empty means nowhere,
 * which a query must turn into `false`, never into "no condition".
 */
export interface Scope<M extends ScopedMembership = ScopedMembership> {
  /** A national role allows the action: it reaches every organisation. */
  national: boolean;
  /** The actor's memberships whose role allows the action (the national one included). */
  memberships: M[];
  /** The organisations of those memberships, each once. */
  organisationIds: string[];
  /** `null` when national, otherwise `organisationIds`. */
  restrictTo: string[] | null;
}

export function scopeFor<M extends ScopedMembership>(
  actor: { memberships: readonly M[] } & Omit<ActorScope, 'memberships'>,
  action: Action,
): Scope<M> {
  const allowing = actor.memberships.filter((m) => roleAllows(m.role, action));
  // An API client whose scopes lack the action has no scope for it anywhere.
  const memberships = withinLimit(actor, action, allowing.length > 0) ? allowing : [];
  const organisationIds = [...new Set(memberships.map((m) => m.organisationId))];
  const national = isNationalAdmin({ memberships });
  return { national, memberships, organisationIds, restrictTo: national ? null : organisationIds };
}

/** The scope's memberships held at organisations of the given kinds (an owner kind, a municipality). */
export function scopeAt<M extends ScopedMembership>(scope: Scope<M>, kinds: Iterable<string>): M[] {
  const wanted = new Set(kinds);
  const seen = new Set<string>();
  return scope.memberships.filter(
    (m) => wanted.has(m.organisationKind) && !seen.has(m.organisationId) && seen.add(m.organisationId),
  );
}

/** The ids of `scopeAt`. */
export function scopeIdsAt(scope: Scope, kinds: Iterable<string>): string[] {
  return scopeAt(scope, kinds).map((m) => m.organisationId);
}

/**
 * A care worker sees only their own learning progress, not their colleagues': anyone without
 * `learning.report` over the organisation (`target`), or — without a target — anywhere at all.
 * Someone with no role at all is not a care worker (nothing is theirs to see).
 */
export function seesOnlyOwnProgress(actor: ActorScope, target?: OrgContext): boolean {
  if (target) return !authorize(actor, 'learning.report', target);
  return actor.memberships.length > 0 && scopeFor(actor, 'learning.report').memberships.length === 0;
}

/**
 * The roles by which a person works in an organisation and takes its courses (a placement): care
 * workers and their managers. Coordinators and administrators are not enrolled through their role.
 */
export const placementRoles = ['staff', 'manager'] as const satisfies readonly Role[];
export type PlacementRole = (typeof placementRoles)[number];

export function isPlacementRole(role: Role): role is PlacementRole {
  return (placementRoles as readonly Role[]).includes(role);
}

/** The course track a placement follows: managers take the managers' course, everyone else the staff's. */
export function trackOfPlacement(role: PlacementRole): 'staff' | 'managers' {
  return role === 'manager' ? 'managers' : 'staff';
}
