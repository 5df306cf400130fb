import { describe, expect, it } from 'vitest';
import { type ApiScope, actionsOfScopes, apiClientRole, scopesForKind } from './api-scopes.ts';
import { type Action, type Actor, authorize, authorizeOwn, canGrantRole, type OrgContext } from './index.ts';
import { isNationalAdmin, scopeFor } from './scope.ts';

const nation: OrgContext = { id: 'n', kind: 'nation', lineage: ['n'], associationIds: [] };
const falun: OrgContext = { id: 'f', kind: 'municipality', lineage: ['f', 'r', 'n'], associationIds: [] };
const borlange: OrgContext = { id: 'b', kind: 'municipality', lineage: ['b', 'r', 'n'], associationIds: [] };

/** An API client's actor as the bearer plugin builds it: its organisation's role, limited to its scopes. */
function client(org: OrgContext, scopes: ApiScope[]) {
  const denied: Action[] = [];
  const actor: Actor = {
    userId: 'svc',
    memberships: [{ organisationId: org.id, organisationKind: org.kind, role: apiClientRole(org.kind)! }],
    allowedActions: actionsOfScopes(scopes),
    onScopeDenied: (a) => denied.push(a),
  };
  return { actor, denied };
}

describe('an API client actor', () => {
  it('may do only what its scopes list, at its own organisation', () => {
    const { actor, denied } = client(falun, ['mapping:read']);
    expect(authorize(actor, 'adoption.read', falun)).toBe(true);
    expect(authorize(actor, 'adoption.read', borlange)).toBe(false);
    expect(denied).toEqual([]);
    expect(authorize(actor, 'adoption.edit', falun)).toBe(false);
    expect(authorizeOwn(actor, 'identity.manage', falun)).toBe(false);
    // Refused by the scopes alone: reported, so the API can answer insufficient_scope.
    expect(denied).toEqual(['adoption.edit', 'identity.manage']);
    expect(scopeFor(actor, 'members.list')).toMatchObject({ memberships: [], restrictTo: [] });
    expect(scopeFor(actor, 'adoption.read').organisationIds).toEqual(['f']);
  });

  it("of the nation reaches every organisation within its scopes, but is never a national administrator's shortcut", () => {
    const { actor } = client(nation, ['mapping:read']);
    expect(authorize(actor, 'adoption.read', borlange)).toBe(true);
    expect(authorize(actor, 'audit.read', null)).toBe(false);
    expect(authorize(actor, 'members.list', falun)).toBe(false);
    expect(isNationalAdmin(actor)).toBe(false);
    expect(scopeFor(actor, 'adoption.read')).toMatchObject({ national: true, restrictTo: null });
    expect(scopeFor(actor, 'audit.read')).toMatchObject({ national: false, restrictTo: [] });
  });

  it('places staff and managers with people:write, never a coordinator', () => {
    const { actor } = client(falun, ['people:write']);
    expect(canGrantRole(actor, 'staff', falun)).toBe(true);
    expect(canGrantRole(actor, 'manager', falun)).toBe(true);
    expect(canGrantRole(actor, 'municipal_coordinator', falun)).toBe(false);
    expect(canGrantRole(client(falun, ['people:read']).actor, 'staff', falun)).toBe(false);
  });

  it('is offered the scopes its kind of organisation can use; units have no clients', () => {
    expect(scopesForKind('municipality')).toHaveLength(11);
    expect(scopesForKind('region')).not.toContain('mapping:write');
    expect(scopesForKind('association')).toEqual(scopesForKind('region'));
    expect(scopesForKind('nation')).toHaveLength(11);
    expect(scopesForKind('unit')).toEqual([]);
  });
});
