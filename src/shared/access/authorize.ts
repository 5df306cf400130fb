import type { OrganisationKind } from '../contracts/organisations.ts';
import type { Role } from '../contracts/people.ts';
import { type Action, roleAllows, roleRank } from './permissions.ts';

export interface ActorMembership {
  organisationId: string;
  organisationKind: OrganisationKind;
  role: Role;
}

export interface Actor {
  userId: string;
  memberships: readonly ActorMembership[];
  /**
   * An API client's limit (its token's scopes, `api-scopes.ts`): only these actions, whatever its role
   * would allow. Absent for people. Every rule below and in `scope.ts` respects it.
   */
  allowedActions?: ReadonlySet<Action>;
  /** Told when a check fails only because of `allowedActions` (the API answers `insufficient_scope`). */
  onScopeDenied?: (action: Action) => void;
}

/** What the rules need of an actor: its memberships and, for an API client, its limit. */
export type ActorScope = Pick<Actor, 'memberships' | 'allowedActions' | 'onScopeDenied'>;

/**
 * Whether the actor's limit (an API client's scopes) lets it do `action` at all; `roleAllowed` says
 * whether its roles would, so that a refusal caused by the scopes alone can be reported as such.
 */
export function withinLimit(actor: ActorScope, action: Action, roleAllowed: boolean): boolean {
  if (!actor.allowedActions || actor.allowedActions.has(action)) return true;
  if (roleAllowed) actor.onScopeDenied?.(action);
  return false;
}

/**
 * Where a target organisation sits: itself and its ancestors (`lineage`, self first) and the
 * associations its municipality belongs to. A role held at any of these covers the target
 * (DESIGN.md §2: a role covers its organisation and everything below it; at an association, its
 * member municipalities).
 */
export interface OrgContext {
  id: string;
  kind: OrganisationKind;
  lineage: readonly string[];
  associationIds: readonly string[];
}

/**
 * The memberships of the actor whose scope covers the target (where, not what: callers check the action
 * through `authorize`, which also applies an API client's limit).
 */
export function coveringMemberships(actor: ActorScope, target: OrgContext): ActorMembership[] {
  return actor.memberships.filter(
    (m) =>
      m.role === 'national_admin' ||
      target.lineage.includes(m.organisationId) ||
      (m.organisationKind === 'association' && target.associationIds.includes(m.organisationId)),
  );
}

/** The single access rule: may `actor` do `action` on `target`? Used by every service and by the UI. */
export function authorize(actor: ActorScope, action: Action, target: OrgContext | null): boolean {
  const roleAllowed =
    target === null
      ? // Actions without an organisation (e.g. the audit log) need a national role.
        actor.memberships.some((m) => m.role === 'national_admin' && roleAllows(m.role, action))
      : coveringMemberships(actor, target).some((m) => roleAllows(m.role, action));
  return roleAllowed && withinLimit(actor, action, roleAllowed);
}

/**
 * For what an organisation owns and speaks for itself — its governing documents, its groups — a role
 * held above it does not count: a regional coordinator reads a municipality's strategy but does not
 * edit it. Only a role at the organisation itself, or a national administrator, may.
 */
export function authorizeOwn(actor: ActorScope, action: Action, target: Pick<OrgContext, 'id'>): boolean {
  const roleAllowed = actor.memberships.some(
    (m) => (m.role === 'national_admin' || m.organisationId === target.id) && roleAllows(m.role, action),
  );
  return roleAllowed && withinLimit(actor, action, roleAllowed);
}

/** Highest role the actor holds over the target, or null. */
export function highestRoleOver(actor: ActorScope, target: OrgContext): Role | null {
  let best: Role | null = null;
  for (const m of coveringMemberships(actor, target)) {
    if (best === null || roleRank[m.role] > roleRank[best]) best = m.role;
  }
  return best;
}

/**
 * A person who manages members may grant roles up to their own rank, and only roles that fit the
 * organisation's kind (a national role only at the nation, a regional role only at a region or an
 * association, a municipal role at a municipality, staff and managers at a municipality or unit).
 * An API client (an HR system) places staff and managers only: it never makes anyone a coordinator.
 */
export function canGrantRole(actor: ActorScope, role: Role, target: OrgContext): boolean {
  if (!authorize(actor, 'members.manage', target)) return false;
  if (!roleFitsOrganisation(role, target.kind)) return false;
  if (actor.allowedActions && role !== 'staff' && role !== 'manager') return false;
  const best = highestRoleOver(actor, target);
  return best !== null && roleRank[role] <= roleRank[best];
}

export function roleFitsOrganisation(role: Role, kind: OrganisationKind): boolean {
  switch (role) {
    case 'national_admin':
      return kind === 'nation';
    case 'regional_coordinator':
      return kind === 'region' || kind === 'association';
    case 'municipal_coordinator':
      return kind === 'municipality';
    case 'manager':
    case 'staff':
      return kind === 'municipality' || kind === 'unit';
  }
}

export function grantableRoles(actor: ActorScope, target: OrgContext): Role[] {
  return (Object.keys(roleRank) as Role[]).filter((r) => canGrantRole(actor, r, target));
}
