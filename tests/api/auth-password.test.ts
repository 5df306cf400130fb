import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Asks for a reset link and returns its token, read from the outbox as the person would. */
async function resetToken(local: string) {
  const email = demoEmail(local);
  expect((await t.agent().post('/api/v1/auth/password-reset', { email })).statusCode).toBe(202);
  const [mail] = await queryRows<{ text: string }>(
    t.db,
    sql`select text from outbox where "to" = ${email} order by created_at desc, id desc limit 1`,
  );
  return /token=([\w-]+)/.exec(mail!.text)![1]!;
}

const confirm = (token: string, password: string) =>
  t.agent().post('/api/v1/auth/password-reset/confirm', { token, password });

describe('using a reset link', () => {
  it('spends every other open link of the person and ends all their sessions', async () => {
    const phone = await t.as('lina.persson');
    const desktop = await t.as('lina.persson');
    const first = await resetToken('lina.persson');
    const second = await resetToken('lina.persson');
    const someoneElse = await resetToken('jonas.oberg');
    expect((await confirm(first, 'ett nytt långt lösenord')).statusCode).toBe(200);
    const stale = await confirm(second, 'ett annat långt lösenord');
    expect(stale.statusCode).toBe(400);
    expect(stale.json().code).toBe('token_invalid');
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
    expect((await desktop.get('/api/v1/me')).statusCode).toBe(401);
    expect((await t.agent().login(demoEmail('lina.persson'), 'ett nytt långt lösenord')).statusCode).toBe(
      200,
    );
    // Another person's link is not touched.
    expect((await confirm(someoneElse, 'jonas nya långa lösenord')).statusCode).toBe(200);
  });

  it('lets only one of two links used at the same moment set the password', async () => {
    const first = await resetToken('samordnare.kramfors');
    const second = await resetToken('samordnare.kramfors');
    const answers = await Promise.all([
      confirm(first, 'det första långa lösenordet'),
      confirm(second, 'det andra långa lösenordet'),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const winner =
      answers[0]!.statusCode === 200 ? 'det första långa lösenordet' : 'det andra långa lösenordet';
    expect((await t.agent().login(demoEmail('samordnare.kramfors'), winner)).statusCode).toBe(200);
  });

  it('leaves the other links open when the new password is refused', async () => {
    const first = await resetToken('noah.eriksson');
    const second = await resetToken('noah.eriksson');
    expect((await confirm(first, 'short')).statusCode).toBe(400);
    expect((await confirm(second, 'noahs nya långa lösenord')).statusCode).toBe(200);
    expect((await confirm(first, 'noahs andra långa lösen')).statusCode).toBe(400);
  });

  it('lifts a lockout of the address, since the mailbox was proven', async () => {
    const email = demoEmail('chef.lugnet');
    for (let i = 0; i < 5; i++) await t.agent().login(email, 'wrong-password-xyz');
    expect((await t.agent().login(email)).statusCode).toBe(423);
    expect((await confirm(await resetToken('chef.lugnet'), 'chefens nya långa lösenord')).statusCode).toBe(
      200,
    );
    expect((await t.agent().login(email, 'chefens nya långa lösenord')).statusCode).toBe(200);
  });
});

describe('changing the password from the account page', () => {
  it('keeps the current session, ends the others and spends every open reset link', async () => {
    const current = await t.as('ulla.aberg');
    const other = await t.as('ulla.aberg');
    const link = await resetToken('ulla.aberg');
    const res = await current.post('/api/v1/auth/password', {
      currentPassword: 'demo-valfard-2026',
      newPassword: 'ullas nya långa lösenord',
    });
    expect(res.statusCode).toBe(200);
    expect((await current.get('/api/v1/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/me')).statusCode).toBe(401);
    const stale = await confirm(link, 'någon annans långa lösenord');
    expect(stale.statusCode).toBe(400);
    expect(stale.json().code).toBe('token_invalid');
    expect((await t.agent().login(demoEmail('ulla.aberg'), 'ullas nya långa lösenord')).statusCode).toBe(200);
    const [audit] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'user.password_changed'
          and entity_id = (select id::text from users where email = ${demoEmail('ulla.aberg')})`,
    );
    expect(audit!.n).toBe(1);
  });

  it('with a wrong current password changes nothing and leaves links and sessions alone', async () => {
    const current = await t.as('chef.borlange');
    const other = await t.as('chef.borlange');
    const link = await resetToken('chef.borlange');
    const res = await current.post('/api/v1/auth/password', {
      currentPassword: 'not-the-password',
      newPassword: 'borlänges nya långa lösen',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('password_wrong');
    expect((await other.get('/api/v1/me')).statusCode).toBe(200);
    expect((await confirm(link, 'borlänges nya långa lösen')).statusCode).toBe(200);
  });

  it('needs a session', async () => {
    const res = await t.agent().post('/api/v1/auth/password', {
      currentPassword: 'demo-valfard-2026',
      newPassword: 'ett nytt långt lösenord',
    });
    expect(res.statusCode).toBe(401);
  });
});
