import { describe, expect, it } from 'vitest';
import type { Actor } from './authorize.ts';
import {
  externalContactReadScope,
  externalContactWriterAt,
  readsExternalContacts,
  writesExternalContactsFor,
} from './external-contacts.ts';

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

describe('the external contacts rules', () => {
  it('lets every coordinator read and no care worker or manager', () => {
    for (const p of [falun, region, association, admin]) expect(readsExternalContacts(p)).toBe(true);
    for (const p of [staff, manager]) expect(readsExternalContacts(p)).toBe(false);
    expect(externalContactReadScope(falun)).toEqual({
      national: false,
      municipalityIds: ['m2080'],
      regionIds: [],
      associationIds: [],
    });
    expect(externalContactReadScope(admin).national).toBe(true);
  });

  it("writes only the coordinator's own region's or association's log", () => {
    expect(externalContactWriterAt(region)).toEqual(['r20']);
    expect(externalContactWriterAt(association)).toEqual(['a1']);
    expect(externalContactWriterAt(falun)).toEqual([]);
    expect(writesExternalContactsFor(region, { id: 'r20' })).toBe(true);
    expect(writesExternalContactsFor(region, { id: 'r22' })).toBe(false);
    expect(writesExternalContactsFor(falun, { id: 'r20' })).toBe(false);
    expect(writesExternalContactsFor(admin, { id: 'r22' })).toBe(true);
    expect(writesExternalContactsFor(staff, { id: 'r20' })).toBe(false);
  });
});
