import { describe, expect, it } from 'vitest';
import type { Actor, OrgContext } from './authorize.ts';
import { idpMayGrant, mayCreateAccountWith, rolesNeedingSecondFactor } from './provisioning-roles.ts';

const unit: OrgContext = { id: 'u', kind: 'unit', lineage: ['u', 'm', 'r', 'n'], associationIds: [] };
const at = (organisationId: string, role: Actor['memberships'][number]['role']): Actor => ({
  userId: 'x',
  memberships: [{ organisationId, organisationKind: organisationId === 'u' ? 'unit' : 'municipality', role }],
});

describe('roles given by provisioning and sign-in rules', () => {
  it('lets an identity provider grant what fits its organisation, never the national role', () => {
    expect(idpMayGrant('manager', 'unit')).toBe(true);
    expect(idpMayGrant('municipal_coordinator', 'municipality')).toBe(true);
    expect(idpMayGrant('municipal_coordinator', 'unit')).toBe(false);
    expect(idpMayGrant('national_admin', 'nation')).toBe(false);
  });

  it('asks coordinators and national administrators for a second factor, not staff or managers', () => {
    expect([...rolesNeedingSecondFactor].sort()).toEqual([
      'municipal_coordinator',
      'national_admin',
      'regional_coordinator',
    ]);
  });

  it('lets a unit manager create care staff only, and a coordinator also managers', () => {
    expect(mayCreateAccountWith(at('u', 'manager'), 'staff', unit)).toBe(true);
    expect(mayCreateAccountWith(at('u', 'manager'), 'manager', unit)).toBe(false);
    expect(mayCreateAccountWith(at('m', 'municipal_coordinator'), 'manager', unit)).toBe(true);
    expect(mayCreateAccountWith(at('m', 'municipal_coordinator'), 'municipal_coordinator', unit)).toBe(false);
  });
});
