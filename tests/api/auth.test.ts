import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('login', () => {
  it('logs in a demo account and returns the user with memberships', async () => {
    const a = t.agent();
    const res = await a.login(demoEmail('samordnare.falun'));
    expect(res.statusCode).toBe(200);
    expect(res.json().memberships).toEqual([
      expect.objectContaining({
        organisationName: 'Falun',
        role: 'municipal_coordinator',
        organisationCode: '2080',
      }),
    ]);
    const cookie = res.cookies.find((c) => c.name === 'vn_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await a.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(demoEmail('samordnare.falun'));
    expect(me.body).not.toContain('passwordHash');
  });

  it('refuses a wrong password with a localised problem', async () => {
    const res = await t.agent().request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: demoEmail('chef.falun'), password: 'wrong-password-123' },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'invalid_credentials',
      title: 'Wrong e-mail address or password.',
    });
  });

  it('refuses an unknown e-mail the same way as a wrong password', async () => {
    const res = await t.agent().login('nobody@example.se', 'whatever-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
  });

  it('rejects bad input field by field and writes no session', async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from sessions`);
    const res = await t.agent().post('/api/v1/auth/login', { email: 'not-an-email', password: '' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.email', 'body.password']);
    const after = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from sessions`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const a = t.agent();
    const email = demoEmail('erik.wallin');
    for (let i = 0; i < 4; i++) expect((await a.login(email, 'wrong-password-xyz')).statusCode).toBe(401);
    expect((await a.login(email, 'wrong-password-xyz')).statusCode).toBe(423);
    const locked = await a.login(email);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('account_locked');
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'user.locked'`,
    );
    expect(audit[0]!.n).toBe(1);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: demoEmail('admin'), password: 'demo-valfard-2026' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });

  it('refuses a request from another origin even with the token', async () => {
    const a = t.agent();
    await a.get('/api/v1/auth/csrf');
    const res = await a.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: demoEmail('admin'), password: 'demo-valfard-2026' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('sessions', () => {
  it('logout ends the session', async () => {
    const a = await t.as('personal.falun');
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('lists and revokes my own sessions but not others', async () => {
    const first = await t.as('chef.lugnet');
    const second = await t.as('chef.lugnet');
    const list = (await second.get('/api/v1/auth/sessions')).json().items as {
      id: string;
      current: boolean;
    }[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    const other = list.find((s) => !s.current)!;
    const stranger = await t.as('samordnare.borlange');
    expect((await stranger.delete(`/api/v1/auth/sessions/${other.id}`)).statusCode).toBe(404);
    expect((await second.delete(`/api/v1/auth/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await first.get('/api/v1/me')).statusCode).toBe(401);
    expect((await second.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('an anonymous request to /me gets 401 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });
});

describe('password reset', () => {
  it('sends a one-time link that sets a new password and ends old sessions', async () => {
    const old = await t.as('maja.strom');
    const a = t.agent();
    expect((await a.post('/api/v1/auth/password-reset', { email: demoEmail('maja.strom') })).statusCode).toBe(
      202,
    );
    const [mail] = await queryRows<{ text: string }>(
      t.db,
      sql`select text from outbox where "to" = ${demoEmail('maja.strom')} order by created_at desc limit 1`,
    );
    const token = /token=([\w-]+)/.exec(mail!.text)![1]!;
    const weak = await a.post('/api/v1/auth/password-reset/confirm', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('password_too_short');
    const common = await a.post('/api/v1/auth/password-reset/confirm', { token, password: 'Lösenord 1234' });
    expect(common.json().code).toBe('password_too_common');
    // A refused password leaves the link usable, so the person can try again.
    const token2 = token;
    const ok = await a.post('/api/v1/auth/password-reset/confirm', {
      token: token2,
      password: 'ett nytt långt lösenord',
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (
        await a.post('/api/v1/auth/password-reset/confirm', {
          token: token2,
          password: 'ett annat långt lösen',
        })
      ).statusCode,
    ).toBe(400);
    expect((await old.get('/api/v1/me')).statusCode).toBe(401);
    expect((await t.agent().login(demoEmail('maja.strom'), 'ett nytt långt lösenord')).statusCode).toBe(200);
  });

  it('answers the same for an unknown e-mail and sends nothing', async () => {
    const res = await t.agent().post('/api/v1/auth/password-reset', { email: 'unknown@example.se' });
    expect(res.statusCode).toBe(202);
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from outbox where "to" = 'unknown@example.se'`,
    );
    expect(rows[0]!.n).toBe(0);
  });
});

describe('rate limit', () => {
  it('answers 429 problem+json when one client tries to log in too often', async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const a = limited.agent();
      for (let i = 0; i < 3; i++) expect((await a.login('nobody@example.se', 'x')).statusCode).toBe(401);
      const res = await a.login('nobody@example.se', 'x');
      expect(res.statusCode).toBe(429);
      expect(res.json().code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
