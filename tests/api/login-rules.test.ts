import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { DEMO_PASSWORD } from '../../src/server/db/demo/demo-people.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function orgId(kind: string, name: string) {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where kind = ${kind} and name = ${name}`,
  );
  return row!.id;
}

describe('login with a username', () => {
  it('logs in by username (any case) and locks it like an address', async () => {
    await t.db.execute(sql`update users set username = 'jonas.o' where email = ${demoEmail('jonas.oberg')}`);
    const ok = await t.agent().post('/api/v1/auth/login', { username: 'Jonas.O', password: DEMO_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe('Jonas Öberg');

    const a = t.agent();
    for (let i = 0; i < 4; i++) {
      const res = await a.post('/api/v1/auth/login', { username: 'jonas.o', password: 'wrong-password-1' });
      expect(res.statusCode).toBe(401);
    }
    expect(
      (await a.post('/api/v1/auth/login', { username: 'jonas.o', password: 'wrong-password-1' })).statusCode,
    ).toBe(423);
    expect(
      (await a.post('/api/v1/auth/login', { username: 'jonas.o', password: DEMO_PASSWORD })).statusCode,
    ).toBe(423);
    // An unknown username answers exactly like a wrong password.
    const unknown = await t
      .agent()
      .post('/api/v1/auth/login', { username: 'ingen.alls', password: DEMO_PASSWORD });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('invalid_credentials');
  });

  it('wants exactly one of e-mail and username', async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from sessions`);
    for (const body of [
      { password: DEMO_PASSWORD },
      { email: demoEmail('lina.persson'), username: 'lina', password: DEMO_PASSWORD },
      { username: 'has@sign', password: DEMO_PASSWORD },
      { username: '', password: DEMO_PASSWORD },
    ]) {
      const res = await t.agent().post('/api/v1/auth/login', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    const after = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from sessions`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('an organisation that requires SSO', () => {
  let idpId = '';
  beforeAll(async () => {
    const falun = await orgId('municipality', 'Falun');
    const [row] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into identity_providers (organisation_id, kind, name, issuer, client_id, require_sso)
          values (${falun}, 'oidc', 'Falu kommun (Entra ID)', 'https://login.example/falun', 'vn', true) returning id`,
    );
    idpId = row!.id;
  });
  afterAll(async () => {
    await t.db.execute(sql`delete from identity_providers where id = ${idpId}`);
  });

  it('refuses the password of someone in a unit below it and says where to log in', async () => {
    const res = await t.agent().login(demoEmail('chef.falun'));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'sso_required',
      loginUrl: `/auth/sso/${idpId}/login`,
      identityProviderName: 'Falu kommun (Entra ID)',
    });
    expect(res.cookies.find((c) => c.name === 'vn_session')).toBeUndefined();
  });

  it('says nothing about SSO to someone without the password, and counts the failure', async () => {
    const res = await t.agent().login(demoEmail('ulla.aberg'), 'wrong-password-2');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
    expect(res.json().loginUrl).toBeUndefined();
    const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from login_throttles`);
    expect(row!.n).toBeGreaterThan(0);
  });

  it('leaves other municipalities and a disabled provider alone', async () => {
    expect((await t.agent().login(demoEmail('samordnare.borlange'))).statusCode).toBe(200);
    await t.db.execute(sql`update identity_providers set enabled = false where id = ${idpId}`);
    expect((await t.agent().login(demoEmail('chef.falun'))).statusCode).toBe(200);
    await t.db.execute(sql`update identity_providers set enabled = true where id = ${idpId}`);
  });
});

describe('sign-in policy: a second factor for everyone in an organisation', () => {
  it('lets the organisation itself (and a national admin) require it; then its staff are asked', async () => {
    const falun = await orgId('municipality', 'Falun');
    const coordinator = await t.as('samordnare.falun');
    expect((await coordinator.get(`/api/v1/organisations/${falun}/sign-in-policy`)).json()).toEqual({
      organisationId: falun,
      requireMfa: false,
      inheritedRequireMfa: false,
    });
    const put = await coordinator.request({
      method: 'PUT',
      url: `/api/v1/organisations/${falun}/sign-in-policy`,
      payload: { requireMfa: true },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().requireMfa).toBe(true);

    const step = await t.agent().login(demoEmail('lina.persson'));
    expect(step.json()).toMatchObject({ mfaRequired: true, setupRequired: true });
    const norr = await orgId('unit', 'Hemtjänsten Norr');
    const unit = (await coordinator.get(`/api/v1/organisations/${norr}/sign-in-policy`)).statusCode;
    // A coordinator above the unit does not speak for it (authorizeOwn), but the rule reaches it.
    expect(unit).toBe(403);
    const admin = await t.as('admin');
    expect((await admin.get(`/api/v1/organisations/${norr}/sign-in-policy`)).json()).toMatchObject({
      requireMfa: false,
      inheritedRequireMfa: true,
    });
    expect((await t.agent().login(demoEmail('samordnare.borlange'))).json().email).toBeTruthy();

    const off = await admin.request({
      method: 'PUT',
      url: `/api/v1/organisations/${falun}/sign-in-policy`,
      payload: { requireMfa: false },
    });
    expect(off.statusCode).toBe(200);
    expect((await t.agent().login(demoEmail('lina.persson'))).json().email).toBe(demoEmail('lina.persson'));
    const audit = await queryRows<{ after: { requireMfa: boolean } }>(
      t.db,
      sql`select after from audit_log where action = 'sign_in_policy.updated' and entity_id = ${falun} order by id`,
    );
    expect(audit.map((r) => r.after.requireMfa)).toEqual([true, false]);
  });

  it('refuses a manager, another municipality and the region above; bad input writes nothing', async () => {
    const falun = await orgId('municipality', 'Falun');
    for (const who of ['chef.falun', 'samordnare.borlange', 'region.dalarna']) {
      const a = await t.as(who);
      const res = await a.request({
        method: 'PUT',
        url: `/api/v1/organisations/${falun}/sign-in-policy`,
        payload: { requireMfa: true },
      });
      expect(res.statusCode, who).toBe(403);
    }
    const coordinator = await t.as('samordnare.falun');
    const bad = await coordinator.request({
      method: 'PUT',
      url: `/api/v1/organisations/${falun}/sign-in-policy`,
      payload: { requireMfa: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    const missing = await coordinator.get(
      '/api/v1/organisations/00000000-0000-4000-8000-000000000000/sign-in-policy',
    );
    expect(missing.statusCode).toBe(404);
    expect((await t.agent().get(`/api/v1/organisations/${falun}/sign-in-policy`)).statusCode).toBe(401);
    const [row] = await queryRows<{ require_mfa: boolean }>(
      t.db,
      sql`select require_mfa from sign_in_policies where organisation_id = ${falun}`,
    );
    expect(row?.require_mfa ?? false).toBe(false);
  });
});
