import { describe, expect, it } from 'vitest';
import type { Actor } from './authorize.ts';
import { requirementOwnerIds, usesRequirementLibrary, writesRequirementsFor } from './requirements.ts';

const person = (
  ...held: [Actor['memberships'][number]['role'], Actor['memberships'][number]['organisationKind'], string][]
): Actor => ({
  userId: 'u',
  memberships: held.map(([role, organisationKind, organisationId]) => ({
    role,
    organisationKind,
    organisationId,
  })),
});

const falun = person(['municipal_coordinator', 'municipality', 'm2080']);
const region = person(['regional_coordinator', 'region', 'r20']);
const association = person(['regional_coordinator', 'association', 'a1']);
const admin = person(['national_admin', 'nation', 'n']);
const staff = person(['staff', 'municipality', 'm2080']);
const manager = person(['manager', 'unit', 'u1']);

describe('the requirements library rules', () => {
  it('is every coordinator’s, of every kind, and no care worker’s or manager’s', () => {
    for (const coordinator of [falun, region, association, admin])
      expect(usesRequirementLibrary(coordinator)).toBe(true);
    for (const other of [staff, manager]) expect(usesRequirementLibrary(other)).toBe(false);
  });

  it('writes for the coordinator’s own organisation only: a region does not rewrite its municipality', () => {
    expect(requirementOwnerIds(falun)).toEqual(['m2080']);
    expect(requirementOwnerIds(region)).toEqual(['r20']);
    expect(requirementOwnerIds(association)).toEqual(['a1']);
    expect(writesRequirementsFor(falun, 'm2080')).toBe(true);
    expect(writesRequirementsFor(falun, 'm2081')).toBe(false);
    expect(writesRequirementsFor(region, 'm2080')).toBe(false);
    expect(writesRequirementsFor(admin, 'm2080')).toBe(true);
    expect(writesRequirementsFor(staff, 'm2080')).toBe(false);
  });

  it('gives an API client nothing here (no scope lists requirement.write)', () => {
    const client: Actor = { ...falun, allowedActions: new Set(['organisation.read']) };
    expect(usesRequirementLibrary(client)).toBe(false);
    expect(writesRequirementsFor(client, 'm2080')).toBe(false);
  });
});
