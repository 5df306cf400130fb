import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** PATCH /memberships/{id}: a person's role changed in one call, by the rules that give roles. */

let t: TestApp;
let norr: string;

const rolesOf = async (name: string, organisationId: string) =>
  (
    await queryRows<{ role: string }>(
      t.db,
      sql`select m.role from memberships m join users u on u.id = m.user_id
          where u.name = ${name} and m.organisation_id = ${organisationId} order by m.role`,
    )
  ).map((r) => r.role);

const membershipOf = async (name: string, organisationId: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select m.id from memberships m join users u on u.id = m.user_id
          where u.name = ${name} and m.organisation_id = ${organisationId}`,
    )
  )[0]!.id;

const auditCount = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  const [unit] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where name = 'Hemtjänsten Norr' and kind = 'unit'`,
  );
  norr = unit!.id;
});
afterAll(() => t.close());

describe('PATCH /memberships/{id}', () => {
  it('lets the municipal coordinator make a care worker a manager: one change, one audit event', async () => {
    const before = await membershipOf('Amir Haddad', norr);
    expect(await rolesOf('Amir Haddad', norr)).toEqual(['staff']);
    const a = await t.as('samordnare.falun');
    const res = await a.patch(`/api/v1/memberships/${before}`, { role: 'manager' });
    expect(res.statusCode).toBe(200);
    expect(await rolesOf('Amir Haddad', norr)).toEqual(['manager']);
    const events = await queryRows<{ action: string; before: { role: string }; after: { role: string } }>(
      t.db,
      sql`select action, before, after from audit_log
          where action like 'membership.%' and (entity_id = ${before} or before->>'membershipId' = ${before})`,
    );
    expect(events).toEqual([
      expect.objectContaining({
        action: 'membership.role_changed',
        before: expect.objectContaining({ role: 'staff' }),
        after: expect.objectContaining({ role: 'manager' }),
      }),
    ]);
    // And back, so that the demo stays as it was for the tests below.
    const now = await membershipOf('Amir Haddad', norr);
    expect((await a.patch(`/api/v1/memberships/${now}`, { role: 'staff' })).statusCode).toBe(200);
    expect(await rolesOf('Amir Haddad', norr)).toEqual(['staff']);
  });

  it('refuses a role above the caller’s own, and the person’s current role, writing nothing', async () => {
    const id = await membershipOf('Amir Haddad', norr);
    const audits = await auditCount();
    const a = await t.as('samordnare.falun');
    const tooHigh = await a.patch(`/api/v1/memberships/${id}`, { role: 'regional_coordinator' });
    expect(tooHigh.statusCode).toBe(403);
    expect(tooHigh.json()).toMatchObject({ code: 'role_not_grantable' });
    expect(tooHigh.json().errors[0]).toMatchObject({ path: 'body.role' });
    const same = await a.patch(`/api/v1/memberships/${id}`, { role: 'staff' });
    expect(same.statusCode).toBe(409);
    expect(same.json().errors[0]).toMatchObject({ path: 'body.role', code: 'membership_exists' });
    expect(await rolesOf('Amir Haddad', norr)).toEqual(['staff']);
    expect(await membershipOf('Amir Haddad', norr)).toBe(id);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses staff and a unit manager (wrong role), and hides the role from another municipality', async () => {
    const id = await membershipOf('Amir Haddad', norr);
    const audits = await auditCount();
    const manager = await t.as('chef.falun');
    expect((await manager.patch(`/api/v1/memberships/${id}`, { role: 'manager' })).statusCode).toBe(403);
    const staff = await t.as('personal.falun');
    // Care staff do not see their colleagues' roles at all.
    expect((await staff.patch(`/api/v1/memberships/${id}`, { role: 'manager' })).statusCode).toBe(404);
    const borlange = await t.as('samordnare.borlange');
    expect((await borlange.patch(`/api/v1/memberships/${id}`, { role: 'manager' })).statusCode).toBe(404);
    expect(await rolesOf('Amir Haddad', norr)).toEqual(['staff']);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses changing one’s own role', async () => {
    const a = await t.as('samordnare.falun');
    const own = (await a.get('/api/v1/me')).json().memberships[0].id as string;
    const res = await a.patch(`/api/v1/memberships/${own}`, { role: 'manager' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('cannot_remove_own_role');
  });

  it('rejects bad input naming the field, and an unknown role id', async () => {
    const id = await membershipOf('Amir Haddad', norr);
    const a = await t.as('samordnare.falun');
    const badRole = await a.patch(`/api/v1/memberships/${id}`, { role: 'boss' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.role']);
    const noBody = await a.patch(`/api/v1/memberships/${id}`, {});
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.role']);
    const badId = await a.patch('/api/v1/memberships/not-a-uuid', { role: 'manager' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0]).toMatchObject({ path: 'params.id' });
    const unknown = await a.patch('/api/v1/memberships/00000000-0000-4000-8000-000000000000', {
      role: 'manager',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await rolesOf('Amir Haddad', norr)).toEqual(['staff']);
  });
});
