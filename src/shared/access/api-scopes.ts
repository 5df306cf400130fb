import type { OrganisationKind } from '../contracts/organisations.ts';
import type { Role } from '../contracts/people.ts';
import { type Action, roleAllows } from './permissions.ts';

/**
 * What an API client (OAuth 2.0 client credentials, issue 15) may do. A client acts as its organisation's
 * coordinator would (see `apiClientRole`), but only the actions its scopes list: every other action is
 * refused by `authorize`, `authorizeOwn` and `scopeFor` through the actor's `allowedActions`.
 */
export const apiScopes = [
  'open-data:read',
  'mapping:read',
  'mapping:write',
  'learning:read',
  'people:read',
  'people:write',
  'xapi:read',
  'xapi:write',
  'xapi:all',
  'cmi5:admin',
  'courses:write',
] as const;
export type ApiScope = (typeof apiScopes)[number];

export const scopeActions: Record<ApiScope, readonly Action[]> = {
  'open-data:read': ['organisation.read', 'dashboard.read'],
  'mapping:read': ['organisation.read', 'adoption.read'],
  'mapping:write': ['organisation.read', 'adoption.read', 'adoption.edit'],
  'learning:read': ['organisation.read', 'learning.report', 'programme.report'],
  'people:read': ['organisation.read', 'members.list'],
  'people:write': ['organisation.read', 'members.list', 'members.manage', 'staff.import'],
  // The LRS (issue 18): statements, state and profiles of the organisation's people and tools.
  'xapi:read': ['organisation.read', 'xapi.read'],
  'xapi:write': ['organisation.read', 'xapi.write'],
  'xapi:all': ['organisation.read', 'xapi.read', 'xapi.write'],
  // An LMS or test harness that imports cmi5 courses and launches their AUs.
  'cmi5:admin': ['organisation.read', 'course.author', 'learning.enrol'],
  // A content producer's system that imports SCORM and cmi5 packages as courses.
  'courses:write': ['organisation.read', 'course.author'],
};

export function isApiScope(value: string): value is ApiScope {
  return (apiScopes as readonly string[]).includes(value);
}

/** The actions a token with these scopes allows. */
export function actionsOfScopes(scopes: readonly ApiScope[]): ReadonlySet<Action> {
  return new Set(scopes.flatMap((s) => scopeActions[s]));
}

/** The scopes that would allow an action: what a refused client is told it lacks. */
export function scopesAllowing(action: Action): ApiScope[] {
  return apiScopes.filter((s) => scopeActions[s].includes(action));
}

/**
 * The role a client acts with at its organisation: the coordinator of that kind of organisation, so the
 * same permission matrix applies. A national administrator's reach is a client's only when the client
 * belongs to the nation. Units have no clients (their municipality's coordinator creates one).
 */
export function apiClientRole(kind: OrganisationKind): Role | null {
  switch (kind) {
    case 'municipality':
      return 'municipal_coordinator';
    case 'region':
    case 'association':
      return 'regional_coordinator';
    case 'nation':
      return 'national_admin';
    default:
      return null;
  }
}

/** The scopes a client of this kind of organisation can use: every action they list fits its role. */
export function scopesForKind(kind: OrganisationKind): ApiScope[] {
  const role = apiClientRole(kind);
  if (!role) return [];
  return apiScopes.filter((s) => scopeActions[s].every((a) => roleAllows(role, a)));
}
