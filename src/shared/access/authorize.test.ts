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
import { actions, roleRank, rolesAllowing } from './permissions.ts';
import {
  isNationalAdmin,
  isPlacementRole,
  scopeAt,
  scopeFor,
  scopeIdsAt,
  seesOnlyOwnProgress,
  trackOfPlacement,
} from './scope.ts';

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
        expect(authorize({ memberships: [] }, action, target)).toBe(false);
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

describe('scopeFor', () => {
  const twoRoles: Actor = {
    userId: 'x',
    memberships: [
      { organisationId: falun, organisationKind: 'municipality', role: 'municipal_coordinator' },
      { organisationId: falunUnit, organisationKind: 'unit', role: 'manager' },
      { organisationId: region, organisationKind: 'region', role: 'staff' as const },
    ],
  };

  it('lists the organisations where a role allows the action, bounded unless national', () => {
    const manage = scopeFor(twoRoles, 'initiative.manage');
    expect(manage).toMatchObject({ national: false, organisationIds: [falun], restrictTo: [falun] });
    expect(scopeFor(twoRoles, 'studygroup.manage').organisationIds).toEqual([falun, falunUnit]);
    expect(scopeFor(twoRoles, 'organisation.read').organisationIds).toEqual([falun, falunUnit, region]);
  });

  it('is empty, and bounded to nothing, where no role allows the action', () => {
    const none = scopeFor(twoRoles, 'assessment.run');
    expect(none).toEqual({ national: false, memberships: [], organisationIds: [], restrictTo: [] });
  });

  it('is national, without bounds, for a national administrator', () => {
    const scope = scopeFor(actor('national_admin', nation, 'nation'), 'case.publish');
    expect(scope.national).toBe(true);
    expect(scope.restrictTo).toBeNull();
    expect(scope.organisationIds).toEqual([nation]);
  });

  it('picks the memberships at the given kinds, each organisation once', () => {
    const dup: Actor = {
      userId: 'x',
      memberships: [
        ...twoRoles.memberships,
        { organisationId: falun, organisationKind: 'municipality', role: 'manager' },
      ],
    };
    expect(scopeIdsAt(scopeFor(dup, 'learning.enrol'), ['municipality'])).toEqual([falun]);
    expect(scopeAt(scopeFor(dup, 'learning.enrol'), ['unit', 'region'])).toEqual([twoRoles.memberships[1]]);
  });

  it('agrees with authorize on the organisation itself (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.constantFrom(...actions),
        fc.constantFrom(...Object.values(ctx)),
        (role, action, at) => {
          const a = actor(role, at.id, at.kind);
          const scope = scopeFor(a, action);
          expect(scope.organisationIds.includes(at.id)).toBe(authorize(a, action, at));
          expect(scope.national).toBe(isNationalAdmin(a));
        },
      ),
    );
  });
});

describe('named role rules', () => {
  it('isNationalAdmin: only the national role', () => {
    expect(isNationalAdmin(actor('national_admin', nation, 'nation'))).toBe(true);
    for (const role of roles.filter((r) => r !== 'national_admin'))
      expect(isNationalAdmin(actor(role, region, 'region'))).toBe(false);
    expect(isNationalAdmin({ memberships: [] })).toBe(false);
  });

  it('seesOnlyOwnProgress: a care worker, not their manager or coordinator', () => {
    expect(seesOnlyOwnProgress(actor('staff', falunUnit, 'unit'))).toBe(true);
    expect(seesOnlyOwnProgress(actor('staff', falunUnit, 'unit'), ctx.falunUnit)).toBe(true);
    expect(seesOnlyOwnProgress(actor('manager', falunUnit, 'unit'))).toBe(false);
    expect(seesOnlyOwnProgress(actor('manager', falunUnit, 'unit'), ctx.falunUnit)).toBe(false);
    // A manager elsewhere is a care worker's colleague, not their manager.
    expect(seesOnlyOwnProgress(actor('manager', falunUnit, 'unit'), ctx.borlange)).toBe(true);
    expect(seesOnlyOwnProgress(actor('municipal_coordinator', falun, 'municipality'))).toBe(false);
    expect(seesOnlyOwnProgress({ memberships: [] })).toBe(false);
  });

  it('placements: staff and managers, managers on the managers’ track', () => {
    expect(roles.filter(isPlacementRole)).toEqual(['staff', 'manager']);
    expect(trackOfPlacement('manager')).toBe('managers');
    expect(trackOfPlacement('staff')).toBe('staff');
  });

  it('rolesAllowing reads the matrix', () => {
    expect(rolesAllowing('assessment.answer')).toEqual(['municipal_coordinator', 'national_admin']);
    expect(rolesAllowing('organisation.read')).toEqual([...roles]);
  });
});
