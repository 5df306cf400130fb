import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const WRONG = 'wrong-password-xyz';

/** Status and body of each attempt, with the address swapped out so two addresses can be compared. */
async function attempts(email: string, password: string, n: number) {
  const a = t.agent();
  const seen: { status: number; body: string }[] = [];
  for (let i = 0; i < n; i++) {
    const res = await a.login(email, password);
    seen.push({ status: res.statusCode, body: res.body.replaceAll(email, '<address>') });
  }
  return seen;
}

async function mailsTo(email: string) {
  return queryRows<{ subject: string; text: string }>(
    t.db,
    sql`select subject, text from outbox where "to" = ${email} order by created_at`,
  );
}

function unlockToken(text: string) {
  return /las-upp-konto\?token=([\w-]+)/.exec(text)![1]!;
}

async function lock(email: string) {
  const a = t.agent();
  for (let i = 0; i < 5; i++) await a.login(email, WRONG);
}

async function auditCount(action: string, entityId?: string) {
  const [row] = await queryRows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from audit_log where action = ${action}
        and (${entityId ?? null}::text is null or entity_id = ${entityId ?? null})`,
  );
  return row!.n;
}

async function userId(local: string) {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from users where email = ${demoEmail(local)}`,
  );
  return row!.id;
}

describe('login failures are counted per submitted address', () => {
  it('answers an existing and an unknown address with the same statuses and bodies', async () => {
    const existing = await attempts(demoEmail('lina.persson'), WRONG, 7);
    const unknown = await attempts('ingen.alls@example.se', WRONG, 7);
    expect(existing.map((s) => s.status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
    expect(unknown).toEqual(existing);
    // Once locked, even the right password gets the same answer as any password for an unknown address.
    const right = await attempts(demoEmail('lina.persson'), 'demo-valfard-2026', 1);
    expect(right).toEqual(await attempts('ingen.alls@example.se', 'demo-valfard-2026', 1));
    expect(right[0]!.status).toBe(423);
  });

  it('counts the address however it is written', async () => {
    const a = t.agent();
    for (const email of ['Jonas.Oberg@demo.valfardsnavet.se', ' jonas.oberg@DEMO.valfardsnavet.se ']) {
      for (let i = 0; i < 2; i++) expect((await a.login(email, WRONG)).statusCode).toBe(401);
    }
    expect((await a.login(demoEmail('jonas.oberg'), WRONG)).statusCode).toBe(423);
  });

  it('stores a keyed hash, never the address', async () => {
    await attempts('someone.else@example.se', WRONG, 1);
    const rows = await queryRows<Record<string, unknown>>(t.db, sql`select * from login_throttles`);
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('@');
    expect(dump).not.toContain('someone');
    for (const row of rows) expect(row.address_hash).toMatch(/^[0-9a-f]{64}$/);
    // Keyed: not the plain SHA-256 of the address that anyone could compute.
    const [plain] = await queryRows<{ h: string }>(
      t.db,
      sql`select encode(sha256(convert_to('someone.else@example.se', 'UTF8')), 'hex') as h`,
    );
    expect(rows.map((r) => r.address_hash)).not.toContain(plain!.h);
  });

  it('a successful login clears the count', async () => {
    const a = t.agent();
    const email = demoEmail('noah.eriksson');
    for (let i = 0; i < 4; i++) expect((await a.login(email, WRONG)).statusCode).toBe(401);
    expect((await a.login(email)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await t.agent().login(email, WRONG)).statusCode).toBe(401);
  });
});

describe('unlock link', () => {
  it('is mailed to the owner when the address locks, and to no one for an unknown address', async () => {
    const email = demoEmail('chef.borlange');
    await lock(email);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Lås upp ditt konto i Välfärdsnavet');
    expect(mails[0]!.text).toMatch(/\/las-upp-konto\?token=/);
    await lock('okand.adress@example.se');
    expect(await mailsTo('okand.adress@example.se')).toHaveLength(0);
    const id = await userId('chef.borlange');
    expect(await auditCount('user.locked', id)).toBe(1);
    expect(await auditCount('user.unlock_link_sent', id)).toBe(1);
  });

  it('unlocks once, then logs in; a second use is refused', async () => {
    const email = demoEmail('samordnare.kramfors');
    await lock(email);
    expect((await t.agent().login(email)).statusCode).toBe(423);
    const token = unlockToken((await mailsTo(email))[0]!.text);
    const a = t.agent();
    expect((await a.post('/api/v1/auth/unlock/confirm', { token })).statusCode).toBe(200);
    expect((await t.agent().login(email)).statusCode).toBe(200);
    const again = await a.post('/api/v1/auth/unlock/confirm', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('token_invalid');
    expect(await auditCount('user.unlocked', await userId('samordnare.kramfors'))).toBe(1);
  });

  it('expires', async () => {
    const email = demoEmail('chef.lugnet');
    await lock(email);
    const token = unlockToken((await mailsTo(email))[0]!.text);
    await t.db.execute(sql`update account_unlocks set expires_at = now() - interval '1 second'`);
    const res = await t.agent().post('/api/v1/auth/unlock/confirm', { token });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('token_invalid');
    expect((await t.agent().login(email)).statusCode).toBe(423);
  });

  it('unlocks only the address it was made for', async () => {
    const first = demoEmail('region.dalarna');
    const second = demoEmail('samordnare.borlange');
    await lock(first);
    await lock(second);
    const token = unlockToken((await mailsTo(first))[0]!.text);
    expect((await t.agent().post('/api/v1/auth/unlock/confirm', { token })).statusCode).toBe(200);
    expect((await t.agent().login(second)).statusCode).toBe(423);
    expect((await t.agent().login(first)).statusCode).toBe(200);
  });

  it('unlocks nothing once the account has another address', async () => {
    const email = demoEmail('personal.falun');
    await lock(email);
    const token = unlockToken((await mailsTo(email))[0]!.text);
    await t.db.execute(sql`update users set email = 'ny.adress@example.se' where email = ${email}`);
    try {
      const res = await t.agent().post('/api/v1/auth/unlock/confirm', { token });
      expect(res.statusCode).toBe(400);
      expect((await t.agent().login(email, WRONG)).statusCode).toBe(423);
    } finally {
      await t.db.execute(sql`update users set email = ${email} where email = 'ny.adress@example.se'`);
    }
  });

  it('can be asked for again, answering the same for every address, at most three times an hour', async () => {
    const email = demoEmail('ulla.aberg');
    const unlockFor = (address: string) => t.agent().post('/api/v1/auth/unlock', { email: address });
    // Not locked: nothing to unlock, nothing sent.
    const open = await unlockFor(email);
    expect(open.statusCode).toBe(202);
    expect(await mailsTo(email)).toHaveLength(0);
    await lock(email);
    await lock('ingen.annan@example.se');
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const known = await unlockFor(email);
      const unknown = await unlockFor('ingen.annan@example.se');
      answers.push([known.statusCode, known.body], [unknown.statusCode, unknown.body]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify([202, open.body])]),
    );
    // One at the moment of locking and two on request make three; the fourth request sends nothing.
    expect(await mailsTo(email)).toHaveLength(3);
    expect(await mailsTo('ingen.annan@example.se')).toHaveLength(0);
    // Any of them works, and once one is used the others are spent.
    const tokens = (await mailsTo(email)).map((m) => unlockToken(m.text));
    expect((await t.agent().post('/api/v1/auth/unlock/confirm', { token: tokens[1] })).statusCode).toBe(200);
    expect((await t.agent().post('/api/v1/auth/unlock/confirm', { token: tokens[2] })).statusCode).toBe(400);
  });

  it('sends an English mail to a person who prefers English', async () => {
    const email = demoEmail('fatima.ali');
    await lock(email);
    const [mail] = await mailsTo(email);
    expect(mail!.subject).toBe('Unlock your Välfärdsnavet account');
  });

  it('refuses bad input and a missing CSRF token without writing anything', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          t.db,
          sql`select (select count(*) from account_unlocks) + (select count(*) from outbox) as n`,
        )
      )[0]!.n;
    const before = await count();
    const a = t.agent();
    const bad = await a.post('/api/v1/auth/unlock', { email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.email']);
    const short = await a.post('/api/v1/auth/unlock/confirm', { token: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('validation_failed');
    const unknown = await a.post('/api/v1/auth/unlock/confirm', { token: 'x'.repeat(43) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('token_invalid');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/unlock',
      payload: { email: demoEmail('admin') },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });
});
