import { sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { softAuthenticator } from '../support/soft-authenticator.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ ADMIN_MFA: 'required' });
});
afterAll(() => t.close());

const codeAt = (secret: string, offsetMs = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + offsetMs,
  });

async function passwordStep(a: Agent, local: string) {
  const res = await a.login(demoEmail(local));
  expect(res.statusCode).toBe(200);
  return res.json() as { mfaRequired?: true; mfaToken: string; methods: string[]; setupRequired: boolean };
}

async function lastSessionMethod(local: string) {
  const [row] = await queryRows<{ auth_method: string }>(
    t.db,
    sql`select s.auth_method from sessions s join users u on u.id = s.user_id
        where u.email = ${demoEmail(local)} order by s.created_at desc limit 1`,
  );
  return row?.auth_method ?? null;
}

describe('second factor after the password', () => {
  let secret = '';
  let recoveryCodes: string[] = [];

  it('asks an administrator with a password only to set up a factor, with no session yet', async () => {
    const a = t.agent();
    const step = await passwordStep(a, 'admin');
    expect(step).toMatchObject({ mfaRequired: true, methods: [], setupRequired: true });
    expect(a.cookies.has('vn_session')).toBe(false);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);

    const setup = await a.post('/api/v1/auth/mfa/totp-setup', { mfaToken: step.mfaToken });
    expect(setup.statusCode).toBe(200);
    secret = setup.json().secret;
    expect(setup.json().otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.json().qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const [stored] = await queryRows<{ secret_enc: string }>(
      t.db,
      sql`select secret_enc from totp_secrets where user_id = (select id from users where email = ${demoEmail('admin')})`,
    );
    expect(stored!.secret_enc).not.toContain(secret);

    const wrong = await a.post('/api/v1/auth/mfa', { mfaToken: step.mfaToken, totpCode: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('mfa_code_wrong');
    const done = await a.post('/api/v1/auth/mfa', { mfaToken: step.mfaToken, totpCode: codeAt(secret) });
    expect(done.statusCode).toBe(200);
    expect(done.json().email).toBe(demoEmail('admin'));
    recoveryCodes = done.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
    expect(await lastSessionMethod('admin')).toBe('password_mfa');
    // The token was spent with the login.
    const reuse = await t
      .agent()
      .post('/api/v1/auth/mfa', { mfaToken: step.mfaToken, totpCode: codeAt(secret) });
    expect(reuse.json().code).toBe('mfa_token_invalid');
  });

  it('refuses a wrong and a replayed code, then accepts the next one', async () => {
    const a = t.agent();
    const step = await passwordStep(a, 'admin');
    expect(step).toMatchObject({ methods: ['totp', 'recovery_code'], setupRequired: false });
    // Someone with the password only may not add a factor of their own.
    expect((await a.post('/api/v1/auth/mfa/totp-setup', { mfaToken: step.mfaToken })).statusCode).toBe(409);
    expect(
      (await a.post('/api/v1/auth/mfa/passkey-registration-options', { mfaToken: step.mfaToken })).statusCode,
    ).toBe(409);

    expect(
      (await a.post('/api/v1/auth/mfa', { mfaToken: step.mfaToken, totpCode: '123456' })).statusCode,
    ).toBe(400);
    const replay = await a.post('/api/v1/auth/mfa', { mfaToken: step.mfaToken, totpCode: codeAt(secret) });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('mfa_code_wrong');
    expect(a.cookies.has('vn_session')).toBe(false);
    const next = await a.post('/api/v1/auth/mfa', {
      mfaToken: step.mfaToken,
      totpCode: codeAt(secret, 30_000),
    });
    expect(next.statusCode).toBe(200);
    expect(next.json().recoveryCodes).toBeUndefined();
  });

  it('accepts a recovery code once, audited', async () => {
    const first = t.agent();
    const step = await passwordStep(first, 'admin');
    const ok = await first.post('/api/v1/auth/mfa', {
      mfaToken: step.mfaToken,
      recoveryCode: recoveryCodes[0]!.toUpperCase(),
    });
    expect(ok.statusCode).toBe(200);
    const second = t.agent();
    const step2 = await passwordStep(second, 'admin');
    const again = await second.post('/api/v1/auth/mfa', {
      mfaToken: step2.mfaToken,
      recoveryCode: recoveryCodes[0],
    });
    expect(again.statusCode).toBe(400);
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'user.recovery_code_used'
          and actor_id = (select id from users where email = ${demoEmail('admin')})`,
    );
    expect(audit[0]!.n).toBe(1);
    // Regenerating invalidates every earlier code.
    const fresh = (await first.post('/api/v1/me/recovery-codes')).json().codes as string[];
    expect(fresh).toHaveLength(10);
    const third = t.agent();
    const step3 = await passwordStep(third, 'admin');
    expect(
      (await third.post('/api/v1/auth/mfa', { mfaToken: step3.mfaToken, recoveryCode: recoveryCodes[1] }))
        .statusCode,
    ).toBe(400);
    expect(
      (await third.post('/api/v1/auth/mfa', { mfaToken: step3.mfaToken, recoveryCode: fresh[1] })).statusCode,
    ).toBe(200);
  });

  it('counts wrong codes towards the lockout of the address', async () => {
    const a = t.agent();
    const step = await passwordStep(a, 'region.dalarna');
    expect(step.setupRequired).toBe(true);
    const setup = (await a.post('/api/v1/auth/mfa/totp-setup', { mfaToken: step.mfaToken })).json();
    for (let i = 0; i < 4; i++) {
      expect(
        (await a.post('/api/v1/auth/mfa', { mfaToken: step.mfaToken, totpCode: '000000' })).statusCode,
      ).toBe(400);
    }
    const locked = await a.post('/api/v1/auth/mfa', { mfaToken: step.mfaToken, totpCode: '000000' });
    expect(locked.statusCode).toBe(423);
    const after = await a.post('/api/v1/auth/mfa', {
      mfaToken: step.mfaToken,
      totpCode: codeAt(setup.secret),
    });
    expect(after.statusCode).toBe(400);
    expect((await t.agent().login(demoEmail('region.dalarna'))).statusCode).toBe(423);
  });

  it('lets a coordinator set up a passkey as the first factor and sign the next login with it', async () => {
    const auth = softAuthenticator('http://localhost:3000');
    const a = t.agent();
    const step = await passwordStep(a, 'samordnare.borlange');
    const options = (
      await a.post('/api/v1/auth/mfa/passkey-registration-options', { mfaToken: step.mfaToken })
    ).json();
    const done = await a.post('/api/v1/auth/mfa', {
      mfaToken: step.mfaToken,
      passkeyRegistration: auth.register(options),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);

    const b = t.agent();
    const step2 = await passwordStep(b, 'samordnare.borlange');
    expect(step2.methods).toEqual(['passkey', 'recovery_code']);
    const signOptions = (
      await b.post('/api/v1/auth/mfa/passkey-options', { mfaToken: step2.mfaToken })
    ).json();
    expect(signOptions.allowCredentials).toHaveLength(1);
    const signed = await b.post('/api/v1/auth/mfa', {
      mfaToken: step2.mfaToken,
      passkey: auth.authenticate(signOptions),
    });
    expect(signed.statusCode).toBe(200);
  });

  it('refuses bad input: no factor, two factors, a malformed code or token', async () => {
    const a = t.agent();
    const step = await passwordStep(a, 'admin');
    for (const body of [
      { mfaToken: step.mfaToken },
      { mfaToken: step.mfaToken, totpCode: '123456', recoveryCode: 'abcde-fghjk' },
      { mfaToken: step.mfaToken, totpCode: '12ab56' },
      { mfaToken: 'short', totpCode: '123456' },
    ]) {
      const res = await a.post('/api/v1/auth/mfa', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    const unknown = await a.post('/api/v1/auth/mfa', { mfaToken: 'x'.repeat(43), totpCode: '123456' });
    expect(unknown.json().code).toBe('mfa_token_invalid');
  });

  it('does not ask staff without an organisation rule', async () => {
    const res = await t.agent().login(demoEmail('personal.falun'));
    expect(res.json().email).toBe(demoEmail('personal.falun'));
  });
});

describe('my authenticator app and recovery codes', () => {
  it('sets up TOTP from the security page, refuses a wrong first code, removes it', async () => {
    const a = await t.as('chef.falun');
    expect((await a.get('/api/v1/me/security')).json()).toMatchObject({
      totpEnabled: false,
      mfaRequired: false,
      recoveryCodesLeft: 0,
    });
    expect((await a.post('/api/v1/me/recovery-codes')).statusCode).toBe(409);
    const setup = (await a.post('/api/v1/me/totp')).json();
    const wrong = await a.post('/api/v1/me/totp/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect((await a.post('/api/v1/me/totp/confirm', { code: 'abc' })).json().code).toBe('validation_failed');
    expect((await a.get('/api/v1/me/security')).json().totpEnabled).toBe(false);
    const ok = await a.post('/api/v1/me/totp/confirm', { code: codeAt(setup.secret) });
    expect(ok.json().codes).toHaveLength(10);
    expect((await a.post('/api/v1/me/totp')).statusCode).toBe(409);
    expect((await a.get('/api/v1/me/security')).json()).toMatchObject({
      totpEnabled: true,
      recoveryCodesLeft: 10,
    });
    expect((await a.delete('/api/v1/me/totp')).statusCode).toBe(200);
    expect((await a.get('/api/v1/me/security')).json()).toMatchObject({
      totpEnabled: false,
      recoveryCodesLeft: 0,
    });
    expect((await a.delete('/api/v1/me/totp')).statusCode).toBe(404);
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where actor_id = (select id from users where email = ${demoEmail('chef.falun')})
          and action like 'user.%' order by id`,
    );
    expect(audit.map((r) => r.action)).toEqual([
      'user.totp_enabled',
      'user.recovery_codes_generated',
      'user.totp_removed',
    ]);
  });
});
