import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles } from '../contracts/people.ts';
import {
  type Actor,
  authorize,
  authorizeOwn,
  canGrantRole,
  grantableRoles,
  type OrgContext,
} from './authorize.ts';
import { actions, roleRank } from './permissions.ts';

const nation = 'n';
const region = 'r20';
const falun = 'm2080';
const borlange = 'm2081';
const kramfors = 'm2282';
const akademiNorr = 'a1';
const falunUnit = 'u1';

const ctx = {
  nation: { id: nation, kind: 'nation', lineage: [nation], associationIds: [] },
  region: { id: region, kind: 'region', lineage: [region, nation], associationIds: [] },
  falun: { id: falun, kind: 'municipality', lineage: [falun, region, nation], associationIds: [] },
  borlange: { id: borlange, kind: 'municipality', lineage: [borlange, region, nation], associationIds: [] },
  kramfors: {
    id: kramfors,
    kind: 'municipality',
    lineage: [kramfors, 'r22', nation],
    associationIds: [akademiNorr],
  },
  falunUnit: { id: falunUnit, kind: 'unit', lineage: [falunUnit, falun, region, nation], associationIds: [] },
} satisfies Record<string, OrgContext>;

const actor = (role: (typeof roles)[number], organisationId: string, kind: OrgContext['kind']): Actor => ({
  userId: 'x',
  memberships: [{ organisationId, organisationKind: kind, role }],
});

describe('authorize', () => {
  it('covers the organisation and everything below it', () => {
    const coordinator = actor('municipal_coordinator', falun, 'municipality');
    expect(authorize(coordinator, 'members.list', ctx.falun)).toBe(true);
    expect(authorize(coordinator, 'members.list', ctx.falunUnit)).toBe(true);
    expect(authorize(coordinator, 'members.list', ctx.borlange)).toBe(false);
    expect(authorize(coordinator, 'members.list', ctx.region)).toBe(false);
  });

  it('covers an association’s member municipalities across county borders', () => {
    const assoc = actor('regional_coordinator', akademiNorr, 'association');
    expect(authorize(assoc, 'members.list', ctx.kramfors)).toBe(true);
    expect(authorize(assoc, 'members.list', ctx.falun)).toBe(false);
  });

  it('keeps staff from listing colleagues and managers from managing members', () => {
    expect(authorize(actor('staff', falunUnit, 'unit'), 'members.list', ctx.falunUnit)).toBe(false);
    expect(authorize(actor('manager', falunUnit, 'unit'), 'members.list', ctx.falunUnit)).toBe(true);
    expect(authorize(actor('manager', falunUnit, 'unit'), 'members.manage', ctx.falunUnit)).toBe(false);
    expect(authorize(actor('manager', falunUnit, 'unit'), 'members.list', ctx.falun)).toBe(false);
  });

  it('lets only national administrators act without an organisation', () => {
    expect(authorize(actor('national_admin', nation, 'nation'), 'audit.read', null)).toBe(true);
    expect(authorize(actor('regional_coordinator', region, 'region'), 'audit.read', null)).toBe(false);
  });

  it('never grants anything to someone without memberships (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...actions), fc.constantFrom(...Object.values(ctx)), (action, target) => {
        expect(authorize({ userId: 'x', memberships: [] }, action, target)).toBe(false);
      }),
    );
  });

  it('a membership elsewhere in the tree never covers a sibling (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles.filter((r) => r !== 'national_admin')),
        fc.constantFrom(...actions),
        (role, action) => {
          expect(authorize(actor(role, borlange, 'municipality'), action, ctx.falun)).toBe(false);
          expect(authorize(actor(role, borlange, 'municipality'), action, ctx.falunUnit)).toBe(false);
        },
      ),
    );
  });
});

describe('granting roles', () => {
  it('lets a municipal coordinator grant staff, manager and coordinator roles in their municipality only', () => {
    const coordinator = actor('municipal_coordinator', falun, 'municipality');
    expect(grantableRoles(coordinator, ctx.falun)).toEqual(['staff', 'manager', 'municipal_coordinator']);
    expect(grantableRoles(coordinator, ctx.falunUnit)).toEqual(['staff', 'manager']);
    expect(grantableRoles(coordinator, ctx.borlange)).toEqual([]);
    expect(canGrantRole(coordinator, 'regional_coordinator', ctx.region)).toBe(false);
  });

  it('never lets anyone grant a role above their own rank (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.constantFrom(...roles),
        fc.constantFrom(...Object.values(ctx)),
        (held, granted, target) => {
          const a = actor(held, target.lineage.at(-1)!, 'nation');
          if (canGrantRole(a, granted, target)) expect(roleRank[granted]).toBeLessThanOrEqual(roleRank[held]);
        },
      ),
    );
  });
});

describe('authorizeOwn', () => {
  it('counts only a role at the organisation itself, or a national administrator', () => {
    const region20 = actor('regional_coordinator', region, 'region');
    expect(authorize(region20, 'document.manage', ctx.falun)).toBe(true);
    expect(authorizeOwn(region20, 'document.manage', ctx.falun)).toBe(false);
    expect(authorizeOwn(region20, 'document.manage', ctx.region)).toBe(true);
    expect(
      authorizeOwn(actor('municipal_coordinator', falun, 'municipality'), 'document.manage', ctx.falun),
    ).toBe(true);
    expect(authorizeOwn(actor('manager', falun, 'municipality'), 'document.manage', ctx.falun)).toBe(false);
    expect(authorizeOwn(actor('national_admin', nation, 'nation'), 'network.manage', ctx.borlange)).toBe(
      true,
    );
  });
});
