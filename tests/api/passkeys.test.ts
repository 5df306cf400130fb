import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { softAuthenticator } from '../support/soft-authenticator.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

// The test app's PUBLIC_URL (the default): the relying party's origin and RP ID follow it.
const ORIGIN = 'http://localhost:3000';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function count(table: string, userEmail: string) {
  const [row] = await queryRows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from ${sql.identifier(table)} x join users u on u.id = x.user_id where u.email = ${userEmail}`,
  );
  return row!.n;
}

async function addPasskey(a: Agent, auth: ReturnType<typeof softAuthenticator>, name?: string) {
  const options = (await a.post('/api/v1/me/passkeys/registration-options')).json();
  return a.post('/api/v1/me/passkeys', { response: auth.register(options), ...(name ? { name } : {}) });
}

describe('passkeys', () => {
  it('adds a discoverable passkey, then logs in with it alone (usernameless), audited', async () => {
    const email = demoEmail('personal.falun');
    const a = await t.as('personal.falun');
    const auth = softAuthenticator(ORIGIN);
    const options = (await a.post('/api/v1/me/passkeys/registration-options')).json();
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    });
    expect(options.rp.id).toBe('localhost');
    const added = await a.post('/api/v1/me/passkeys', {
      response: auth.register(options),
      name: 'Min telefon',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ name: 'Min telefon', lastUsedAt: null });
    expect(JSON.stringify(added.json())).not.toContain('publicKey');

    // A second registration excludes the passkey already there.
    const again = (await a.post('/api/v1/me/passkeys/registration-options')).json();
    expect(again.excludeCredentials.map((c: { id: string }) => c.id)).toEqual(auth.credentialIds());

    const visitor = t.agent();
    const loginOptions = (await visitor.post('/api/v1/auth/passkey/options')).json();
    expect(loginOptions.allowCredentials ?? []).toEqual([]);
    expect(loginOptions.userVerification).toBe('required');
    const login = await visitor.post('/api/v1/auth/passkey/login', {
      response: auth.authenticate(loginOptions),
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().email).toBe(email);
    expect((await visitor.get('/api/v1/me')).statusCode).toBe(200);
    const [session] = await queryRows<{ auth_method: string }>(
      t.db,
      sql`select s.auth_method from sessions s join users u on u.id = s.user_id
          where u.email = ${email} order by s.created_at desc limit 1`,
    );
    expect(session!.auth_method).toBe('passkey');
    const [pk] = await queryRows<{ counter: number; last_used_at: Date | null }>(
      t.db,
      sql`select counter, last_used_at from passkeys where credential_id = ${auth.credentialIds()[0]!}`,
    );
    expect(pk!.counter).toBe(1);
    expect(pk!.last_used_at).not.toBeNull();
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where action in ('user.passkey_added', 'user.passkey_login')
          and actor_id = (select id from users where email = ${email}) order by id`,
    );
    expect(audit.map((r) => r.action)).toEqual(['user.passkey_added', 'user.passkey_login']);
  });

  it('never accepts a login challenge twice, nor one from another origin', async () => {
    const a = await t.as('lina.persson');
    const auth = softAuthenticator(ORIGIN);
    expect((await addPasskey(a, auth)).statusCode).toBe(201);

    const visitor = t.agent();
    const options = (await visitor.post('/api/v1/auth/passkey/options')).json();
    const signed = auth.authenticate(options);
    expect((await visitor.post('/api/v1/auth/passkey/login', { response: signed })).statusCode).toBe(200);
    const replay = await t.agent().post('/api/v1/auth/passkey/login', { response: signed });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('passkey_failed');

    // Registration answered for another site is refused and stores nothing.
    const before = await count('passkeys', demoEmail('lina.persson'));
    const regOptions = (await a.post('/api/v1/me/passkeys/registration-options')).json();
    const evil = await a.post('/api/v1/me/passkeys', {
      response: softAuthenticator('https://evil.example').register(regOptions, {
        origin: 'https://evil.example',
      }),
    });
    expect(evil.statusCode).toBe(400);
    expect(evil.json().code).toBe('passkey_failed');
    expect(await count('passkeys', demoEmail('lina.persson'))).toBe(before);
  });

  it("refuses a registration challenge made for someone else, and an unknown person's passkey", async () => {
    const lina = await t.as('jonas.oberg');
    const erik = await t.as('erik.wallin');
    const options = (await lina.post('/api/v1/me/passkeys/registration-options')).json();
    const auth = softAuthenticator(ORIGIN);
    const stolen = await erik.post('/api/v1/me/passkeys', { response: auth.register(options) });
    expect(stolen.statusCode).toBe(400);
    expect(await count('passkeys', demoEmail('erik.wallin'))).toBe(0);

    const visitor = t.agent();
    const loginOptions = (await visitor.post('/api/v1/auth/passkey/options')).json();
    const unknown = await visitor.post('/api/v1/auth/passkey/login', {
      response: auth.authenticate(loginOptions),
    });
    expect(unknown.statusCode).toBe(401);
    expect(visitor.cookies.has('vn_session')).toBe(false);
  });

  it('lists, renames and removes only my own passkeys (audited)', async () => {
    const a = await t.as('fatima.ali');
    const auth = softAuthenticator(ORIGIN);
    const added = (await addPasskey(a, auth, 'Telefon')).json();
    const overview = (await a.get('/api/v1/me/security')).json();
    expect(overview.passkeys).toEqual([expect.objectContaining({ id: added.id, name: 'Telefon' })]);

    const other = await t.as('ulla.aberg');
    expect((await other.patch(`/api/v1/me/passkeys/${added.id}`, { name: 'Min' })).statusCode).toBe(404);
    expect((await other.delete(`/api/v1/me/passkeys/${added.id}`)).statusCode).toBe(404);
    expect((await a.patch(`/api/v1/me/passkeys/${added.id}`, { name: '' })).statusCode).toBe(400);
    expect((await a.patch('/api/v1/me/passkeys/not-a-uuid', { name: 'x' })).statusCode).toBe(400);

    const renamed = await a.patch(`/api/v1/me/passkeys/${added.id}`, { name: 'Jobbtelefon' });
    expect(renamed.json().name).toBe('Jobbtelefon');
    expect((await a.delete(`/api/v1/me/passkeys/${added.id}`)).statusCode).toBe(200);
    expect((await a.get('/api/v1/me/security')).json().passkeys).toEqual([]);
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${added.id} order by id`,
    );
    expect(audit.map((r) => r.action)).toEqual([
      'user.passkey_added',
      'user.passkey_renamed',
      'user.passkey_removed',
    ]);
  });

  it('needs a session to manage passkeys and refuses malformed answers', async () => {
    const visitor = t.agent();
    expect((await visitor.post('/api/v1/me/passkeys/registration-options')).statusCode).toBe(401);
    expect((await visitor.get('/api/v1/me/security')).statusCode).toBe(401);
    const a = await t.as('chef.falun');
    const bad = await a.post('/api/v1/me/passkeys', { response: { id: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    const badLogin = await visitor.post('/api/v1/auth/passkey/login', { response: 'nope' });
    expect(badLogin.statusCode).toBe(400);
  });
});
