import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const ids = {} as Record<'falun' | 'norr' | 'lugnet' | 'tjarna', string>;
const orgId = async (name: string, kind: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where name = ${name} and kind = ${kind}`,
    )
  )[0]!.id;
const count = async (table: 'users' | 'memberships' | 'activation_codes' | 'audit_log') =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
const counts = async () => Promise.all((['users', 'memberships', 'activation_codes'] as const).map(count));
const PASSWORD = 'Blåbärssoppa i termosen 7';

let seq = 0;
const newAccount = (over: Record<string, unknown> = {}) => ({
  username: `vardare.${++seq}.${Date.now().toString(36)}`,
  name: 'Bo Testsson',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  ids.falun = await orgId('Falun', 'municipality');
  ids.norr = await orgId('Hemtjänsten Norr', 'unit');
  ids.lugnet = await orgId('Lugnets vård- och omsorgsboende', 'unit');
  ids.tjarna = await orgId('Hemtjänsten Tjärna Ängar', 'unit');
});
afterAll(() => t.close());

describe('POST /organisations/{id}/accounts', () => {
  it('lets a unit manager create a staff account without e-mail and shows its code and QR code once', async () => {
    const chef = await t.as('chef.falun');
    const body = newAccount({ username: `  Anna.K-${Date.now().toString(36)} `, employeeNumber: 'A-1234' });
    const res = await chef.post(`/api/v1/organisations/${ids.norr}/accounts`, body);
    expect(res.statusCode).toBe(201);
    const issued = res.json();
    expect(issued.username).toBe((body.username as string).trim().toLowerCase());
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(issued.activationUrl).toMatch(new RegExp(`/aktivera\\?kod=${issued.code}$`));
    expect(issued.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(issued.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
    const days = (Date.parse(issued.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    const [user] = await queryRows<{ email: string | null; status: string; employee_number: string }>(
      t.db,
      sql`select email, status, employee_number from users where id = ${issued.userId}`,
    );
    expect(user).toEqual({ email: null, status: 'invited', employee_number: 'A-1234' });
    const [stored] = await queryRows<{ code_hash: string }>(
      t.db,
      sql`select code_hash from activation_codes where id = ${issued.id}`,
    );
    expect(stored!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id in (${issued.userId}, ${issued.id}) order by at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['account.created', 'activation_code.issued']);
    // The person is listed as a member of the unit, with the username where there is no e-mail.
    const members = (await chef.get(`/api/v1/organisations/${ids.norr}/members?q=testsson`)).json();
    expect(members.items).toContainEqual(
      expect.objectContaining({ userId: issued.userId, email: null, username: issued.username }),
    );
  });

  it('uses the employee number as username when no username is given', async () => {
    const coord = await t.as('samordnare.falun');
    const number = `E${Date.now().toString(36).toUpperCase()}`;
    const res = await coord.post(`/api/v1/organisations/${ids.lugnet}/accounts`, {
      employeeNumber: number,
      name: 'Cecilia Nummer',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().username).toBe(number.toLowerCase());
  });

  it('lets a coordinator create a manager, but a manager only staff', async () => {
    const coord = await t.as('samordnare.falun');
    expect(
      (await coord.post(`/api/v1/organisations/${ids.norr}/accounts`, newAccount({ role: 'manager' })))
        .statusCode,
    ).toBe(201);
    const before = await counts();
    const chef = await t.as('chef.falun');
    const res = await chef.post(
      `/api/v1/organisations/${ids.norr}/accounts`,
      newAccount({ role: 'manager' }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('role_not_grantable');
    expect(await counts()).toEqual(before);
  });

  it('refuses staff, a manager of another unit and another municipality’s coordinator; nothing is written', async () => {
    const before = await counts();
    const attempts: [string, string, number][] = [
      ['personal.falun', ids.norr, 403],
      ['chef.lugnet', ids.norr, 404],
      ['samordnare.borlange', ids.norr, 404],
      ['samordnare.borlange', ids.falun, 403],
      ['chef.borlange', ids.norr, 404],
    ];
    for (const [who, org, status] of attempts) {
      const res = await (await t.as(who)).post(`/api/v1/organisations/${org}/accounts`, newAccount());
      expect(res.statusCode, `${who} at ${org}`).toBe(status);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a bad or taken username with a clear 4xx and writes nothing', async () => {
    const chef = await t.as('chef.falun');
    const taken = newAccount();
    expect((await chef.post(`/api/v1/organisations/${ids.norr}/accounts`, taken)).statusCode).toBe(201);
    const before = await counts();
    for (const username of ['ab', 'anna@falun.se', 'anna karlsson', 'x'.repeat(65)]) {
      const res = await chef.post(`/api/v1/organisations/${ids.norr}/accounts`, newAccount({ username }));
      expect(res.statusCode, username).toBe(400);
      expect(res.json().errors[0].path).toBe('body.username');
    }
    const none = await chef.post(`/api/v1/organisations/${ids.norr}/accounts`, { name: 'Utan Namn' });
    expect(none.statusCode).toBe(400);
    const dup = await chef.post(`/api/v1/organisations/${ids.norr}/accounts`, {
      ...taken,
      username: taken.username.toUpperCase(),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('username_taken');
    expect(await counts()).toEqual(before);
  });
});

describe('activation', () => {
  it('checks a code (name and username only), sets the password, logs in, and works once', async () => {
    const chef = await t.as('chef.falun');
    const issued = (await chef.post(`/api/v1/organisations/${ids.norr}/accounts`, newAccount())).json();
    const person = t.agent();
    // Typed from paper: lower case, spaces instead of hyphens.
    const typed = issued.code.toLowerCase().replaceAll('-', ' ');
    const check = await person.post('/api/v1/auth/activate/check', { code: typed });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({ name: 'Bo Testsson', username: issued.username });

    const weak = await person.post('/api/v1/auth/activate', { code: typed, password: 'kort' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('password_too_short');

    const res = await person.post('/api/v1/auth/activate', { code: typed, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: issued.userId, email: null });
    expect((await person.get('/api/v1/me')).statusCode).toBe(200);
    const [session] = await queryRows<{ auth_method: string }>(
      t.db,
      sql`select auth_method from sessions where user_id = ${issued.userId}`,
    );
    expect(session!.auth_method).toBe('activation');
    const [user] = await queryRows<{ status: string }>(
      t.db,
      sql`select status from users where id = ${issued.userId}`,
    );
    expect(user!.status).toBe('active');
    // From now on the person signs in with the username and the password they chose.
    const login = await t.agent().post('/api/v1/auth/login', {
      username: issued.username.toUpperCase(),
      password: PASSWORD,
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ id: issued.userId });

    const again = await t.agent().post('/api/v1/auth/activate', { code: issued.code, password: PASSWORD });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('activation_code_invalid');

    // The person now has a password: no new code can be issued (it would be a way into the account).
    const reissue = await chef.post(`/api/v1/organisations/${ids.norr}/activation-codes`, {
      userId: issued.userId,
    });
    expect(reissue.statusCode).toBe(409);
    expect(reissue.json().code).toBe('activation_not_needed');
  });

  it('answers the same for wrong, expired, used and revoked codes, and writes nothing', async () => {
    const chef = await t.as('chef.falun');
    const make = async () =>
      (await chef.post(`/api/v1/organisations/${ids.norr}/accounts`, newAccount())).json();
    const expired = await make();
    await t.db.execute(
      sql`update activation_codes set expires_at = now() - interval '1 minute' where id = ${expired.id}`,
    );
    const revoked = await make();
    expect((await chef.delete(`/api/v1/activation-codes/${revoked.id}`)).statusCode).toBe(200);
    const used = await make();
    expect(
      (await t.agent().post('/api/v1/auth/activate', { code: used.code, password: PASSWORD })).statusCode,
    ).toBe(200);
    const before = await counts();
    const sessionsBefore = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from sessions`);
    const bodies: unknown[] = [];
    for (const code of ['ZZZZ-ZZZZ-ZZZZ', expired.code, revoked.code, used.code]) {
      for (const url of ['/api/v1/auth/activate/check', '/api/v1/auth/activate']) {
        const res = await t.agent().post(url, { code, password: PASSWORD });
        expect(res.statusCode, `${url} ${code}`).toBe(400);
        bodies.push(res.json());
      }
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect((bodies[0] as { code: string }).code).toBe('activation_code_invalid');
    expect(await counts()).toEqual(before);
    expect(await queryRows(t.db, sql`select count(*)::int as n from sessions`)).toEqual(sessionsBefore);
  });

  it('refuses an empty or oversized code as bad input', async () => {
    const a = t.agent();
    expect((await a.post('/api/v1/auth/activate/check', { code: '' })).statusCode).toBe(400);
    expect((await a.post('/api/v1/auth/activate/check', { code: 'x'.repeat(41) })).statusCode).toBe(400);
    expect((await a.post('/api/v1/auth/activate', { code: 'ABCD' })).statusCode).toBe(400);
  });
});

describe('issuing, listing and revoking codes', () => {
  it('issues a new code (the old one stops working), lists codes without them, and revokes', async () => {
    const chef = await t.as('chef.falun');
    const first = (await chef.post(`/api/v1/organisations/${ids.norr}/accounts`, newAccount())).json();
    const second = await chef.post(`/api/v1/organisations/${ids.norr}/activation-codes`, {
      userId: first.userId,
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().code).not.toBe(first.code);
    expect((await t.agent().post('/api/v1/auth/activate/check', { code: first.code })).statusCode).toBe(400);
    expect(
      (await t.agent().post('/api/v1/auth/activate/check', { code: second.json().code })).statusCode,
    ).toBe(200);

    const list = await chef.get(`/api/v1/organisations/${ids.norr}/activation-codes`);
    expect(list.statusCode).toBe(200);
    const mine = list.json().items.filter((c: { userId: string }) => c.userId === first.userId);
    expect(mine.map((c: { status: string }) => c.status)).toEqual(['open', 'revoked']);
    expect(mine[0]).toMatchObject({ name: 'Bo Testsson', username: first.username, canReissue: true });
    expect(list.body).not.toContain(first.code);
    expect(list.body).not.toContain(second.json().code);
    expect(list.body).not.toMatch(/code_?hash/i);

    // The coordinator sees the unit's codes from the municipality.
    const coordList = (
      await (await t.as('samordnare.falun')).get(`/api/v1/organisations/${ids.falun}/activation-codes`)
    ).json();
    expect(coordList.items.map((c: { id: string }) => c.id)).toContain(second.json().id);

    const revoke = await chef.delete(`/api/v1/activation-codes/${second.json().id}`);
    expect(revoke.statusCode).toBe(200);
    expect((await chef.delete(`/api/v1/activation-codes/${second.json().id}`)).statusCode).toBe(409);
    const actions = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${second.json().id} order by at, id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['activation_code.issued', 'activation_code.revoked']);
  });

  it('keeps other units and municipalities out of the list, the new codes and revoking', async () => {
    const chef = await t.as('chef.falun');
    const issued = (await chef.post(`/api/v1/organisations/${ids.norr}/accounts`, newAccount())).json();
    const lugnet = await t.as('chef.lugnet');
    const borlange = await t.as('samordnare.borlange');
    const staff = await t.as('personal.falun');
    expect((await lugnet.get(`/api/v1/organisations/${ids.norr}/activation-codes`)).statusCode).toBe(404);
    expect((await borlange.get(`/api/v1/organisations/${ids.falun}/activation-codes`)).statusCode).toBe(403);
    expect((await staff.get(`/api/v1/organisations/${ids.norr}/activation-codes`)).statusCode).toBe(403);
    const before = await counts();
    for (const a of [lugnet, borlange, staff]) {
      expect([403, 404]).toContain(
        (await a.post(`/api/v1/organisations/${ids.norr}/activation-codes`, { userId: issued.userId }))
          .statusCode,
      );
      expect([403, 404]).toContain((await a.delete(`/api/v1/activation-codes/${issued.id}`)).statusCode);
    }
    // A person who is not a member of the organisation gets no code there.
    const other = await (await t.as('samordnare.borlange')).post(
      `/api/v1/organisations/${ids.tjarna}/activation-codes`,
      { userId: issued.userId },
    );
    expect(other.statusCode).toBe(404);
    expect(
      (await chef.post(`/api/v1/organisations/${ids.norr}/activation-codes`, { userId: 'nope' })).statusCode,
    ).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await t.agent().post('/api/v1/auth/activate/check', { code: issued.code })).statusCode).toBe(200);
  });
});

describe('rate limit', () => {
  it('answers 429 when one client tries codes too often', async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const a = limited.agent();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await a.post('/api/v1/auth/activate/check', { code: 'ZZZZ-ZZZZ-ZZZZ' })).statusCode);
      expect(statuses).toEqual([400, 400, 400, 429]);
    } finally {
      await limited.close();
    }
  });
});
