import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const ids = {} as Record<'falun' | 'borlange' | 'norr' | 'tjarna' | 'dalarna' | 'kramfors', string>;
const orgId = async (name: string, kind: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where name = ${name} and kind = ${kind}`,
    )
  )[0]!.id;
const count = async (table: 'memberships' | 'users' | 'invitations' | 'audit_log') =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
const swedish = new Intl.Collator('sv');

beforeAll(async () => {
  t = await createTestApp();
  ids.falun = await orgId('Falun', 'municipality');
  ids.borlange = await orgId('Borlänge', 'municipality');
  ids.norr = await orgId('Hemtjänsten Norr', 'unit');
  ids.tjarna = await orgId('Hemtjänsten Tjärna Ängar', 'unit');
  ids.dalarna = await orgId('Region Dalarna', 'region');
  ids.kramfors = await orgId('Kramfors', 'municipality');
});
afterAll(() => t.close());

describe('GET /organisations/{id}/members', () => {
  it('lists a unit’s people to its manager, in Swedish order', async () => {
    const a = await t.as('chef.falun');
    const res = await a.get(`/api/v1/organisations/${ids.norr}/members`);
    expect(res.statusCode).toBe(200);
    const names = (res.json().items as { name: string }[]).map((m) => m.name);
    expect(names).toContain('Amir Haddad');
    expect(names).toEqual([...names].sort(swedish.compare));
    expect(names[0]).toBe('Amir Haddad');
  });

  it('pages with a cursor and includes units below when asked', async () => {
    const a = await t.as('samordnare.falun');
    const direct = (await a.get(`/api/v1/organisations/${ids.falun}/members`)).json();
    expect(direct.items.map((m: { name: string }) => m.name)).toEqual(['Maria Sundin']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/v1/organisations/${ids.falun}/members?includeBelow=true&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await a.get(url)).json() as { items: { name: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((m) => m.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect(seen).toEqual([...seen].sort(swedish.compare));
    expect(seen).toContain('Ulla Åberg');
  });

  it('filters by text and role', async () => {
    const a = await t.as('samordnare.falun');
    const byName = (
      await a.get(`/api/v1/organisations/${ids.falun}/members?includeBelow=true&q=holm`)
    ).json();
    expect(byName.items.map((m: { name: string }) => m.name)).toEqual(['Sara Holmgren']);
    const managers = (
      await a.get(`/api/v1/organisations/${ids.falun}/members?includeBelow=true&role=manager`)
    ).json();
    expect(managers.items.map((m: { name: string }) => m.name).sort()).toEqual([
      'Hanna Lund',
      'Sara Holmgren',
    ]);
  });

  it('lets a regional coordinator list a municipality of the region, and the association coordinator its members', async () => {
    expect(
      (await (await t.as('region.dalarna')).get(`/api/v1/organisations/${ids.borlange}/members`)).statusCode,
    ).toBe(200);
    const assoc = await t.as('samordnare.akademinorr');
    expect((await assoc.get(`/api/v1/organisations/${ids.kramfors}/members`)).json().items).toHaveLength(1);
    expect((await assoc.get(`/api/v1/organisations/${ids.falun}/members`)).statusCode).toBe(403);
  });

  it('refuses staff (colleagues), another municipality and a manager outside the unit', async () => {
    expect(
      (await (await t.as('personal.falun')).get(`/api/v1/organisations/${ids.norr}/members`)).statusCode,
    ).toBe(403);
    const falun = await t.as('samordnare.falun');
    expect((await falun.get(`/api/v1/organisations/${ids.borlange}/members`)).statusCode).toBe(403);
    expect((await falun.get(`/api/v1/organisations/${ids.tjarna}/members`)).statusCode).toBe(404);
    expect(
      (await (await t.as('chef.falun')).get(`/api/v1/organisations/${ids.falun}/members`)).statusCode,
    ).toBe(403);
  });

  it('rejects bad parameters', async () => {
    const a = await t.as('samordnare.falun');
    expect((await a.get(`/api/v1/organisations/${ids.falun}/members?limit=1000`)).statusCode).toBe(400);
    expect((await a.get(`/api/v1/organisations/${ids.falun}/members?role=king`)).statusCode).toBe(400);
    const badCursor = await a.get(`/api/v1/organisations/${ids.falun}/members?cursor=garbage`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].path).toBe('querystring.cursor');
  });
});

describe('POST /organisations/{id}/members and DELETE /memberships/{id}', () => {
  it('gives an existing person a further role, e-mails them, and removes it again', async () => {
    const a = await t.as('samordnare.falun');
    const res = await a.post(`/api/v1/organisations/${ids.falun}/members`, {
      email: demoEmail('lina.persson'),
      role: 'manager',
    });
    expect(res.statusCode).toBe(201);
    const [mail] = await queryRows<{ subject: string }>(
      t.db,
      sql`select subject from outbox where "to" = ${demoEmail('lina.persson')} order by created_at desc limit 1`,
    );
    expect(mail!.subject).toContain('Ny roll');
    const dup = await a.post(`/api/v1/organisations/${ids.falun}/members`, {
      email: demoEmail('lina.persson'),
      role: 'manager',
    });
    expect(dup.statusCode).toBe(409);
    const list = (await a.get(`/api/v1/organisations/${ids.falun}/members?role=manager`)).json();
    const membership = list.items.find((m: { name: string }) => m.name === 'Lina Persson');
    expect((await a.delete(`/api/v1/memberships/${membership.membershipId}`)).statusCode).toBe(200);
    const actions = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${membership.membershipId} order by id`,
    );
    expect(actions.map((r) => r.action)).toEqual(['membership.created', 'membership.deleted']);
  });

  it('refuses roles above one’s own, other municipalities, managers and staff — writing nothing', async () => {
    const before = await count('memberships');
    const falun = await t.as('samordnare.falun');
    const tooHigh = await falun.post(`/api/v1/organisations/${ids.falun}/members`, {
      email: demoEmail('lina.persson'),
      role: 'regional_coordinator',
    });
    expect(tooHigh.statusCode).toBe(403);
    expect(tooHigh.json().code).toBe('role_not_grantable');
    const other = await falun.post(`/api/v1/organisations/${ids.borlange}/members`, {
      email: demoEmail('lina.persson'),
      role: 'staff',
    });
    expect(other.statusCode).toBe(403);
    const manager = await t.as('chef.falun');
    expect(
      (
        await manager.post(`/api/v1/organisations/${ids.norr}/members`, {
          email: demoEmail('lina.persson'),
          role: 'manager',
        })
      ).statusCode,
    ).toBe(403);
    expect(await count('memberships')).toBe(before);
  });

  it('rejects an unknown person or bad input with field errors', async () => {
    const a = await t.as('samordnare.falun');
    const unknown = await a.post(`/api/v1/organisations/${ids.falun}/members`, {
      email: 'ny@exempel.se',
      role: 'staff',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.email', code: 'user_not_found' });
    const bad = await a.post(`/api/v1/organisations/${ids.falun}/members`, { email: 'x', role: 'boss' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.email', 'body.role']);
  });

  it('refuses removing a role in another municipality, or one’s own role', async () => {
    const borlange = await t.as('samordnare.borlange');
    const falunList = (
      await (await t.as('samordnare.falun')).get(`/api/v1/organisations/${ids.norr}/members`)
    ).json();
    const target = falunList.items[0].membershipId;
    expect((await borlange.delete(`/api/v1/memberships/${target}`)).statusCode).toBe(404);
    const own = (await borlange.get(`/api/v1/organisations/${ids.borlange}/members`)).json().items[0]
      .membershipId;
    const res = await borlange.delete(`/api/v1/memberships/${own}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('cannot_remove_own_role');
  });
});

describe('invitations', () => {
  it('invites a new person who accepts with a password, is logged in and has the role', async () => {
    const a = await t.as('samordnare.falun');
    const res = await a.post('/api/v1/invitations', {
      email: 'Nya.Kollegan@Falun.se',
      name: 'Nya Kollegan',
      organisationId: ids.norr,
      role: 'staff',
      language: 'sv',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'nya.kollegan@falun.se', existingUser: false, role: 'staff' });
    const [mail] = await queryRows<{ text: string; subject: string }>(
      t.db,
      sql`select text, subject from outbox where "to" = 'nya.kollegan@falun.se'`,
    );
    expect(mail!.subject).toBe('Inbjudan till Välfärdsnavet – Hemtjänsten Norr');
    const token = /\/inbjudan\/([\w-]+)/.exec(mail!.text)![1]!;

    const visitor = t.agent();
    const view = await visitor.get(`/api/v1/invitations/${token}`);
    expect(view.json()).toMatchObject({
      name: 'Nya Kollegan',
      organisationName: 'Hemtjänsten Norr',
      role: 'staff',
    });
    const weak = await visitor.post(`/api/v1/invitations/${token}/accept`, {
      name: 'Nya Kollegan',
      password: 'kort',
    });
    expect(weak.json().code).toBe('password_too_short');
    const ok = await visitor.post(`/api/v1/invitations/${token}/accept`, {
      name: 'Nya Kollegan',
      password: 'ett eget långt lösenord',
      preferredLanguage: 'en',
      gender: 'woman',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().memberships[0]).toMatchObject({ organisationName: 'Hemtjänsten Norr', role: 'staff' });
    expect((await visitor.get('/api/v1/me')).json().preferredLanguage).toBe('en');
    expect((await visitor.get(`/api/v1/invitations/${token}`)).statusCode).toBe(404);
    expect((await t.agent().login('nya.kollegan@falun.se', 'ett eget långt lösenord')).statusCode).toBe(200);
  });

  it('adds the role directly when the person already has an account', async () => {
    const a = await t.as('samordnare.falun');
    const res = await a.post('/api/v1/invitations', {
      email: demoEmail('erik.wallin'),
      name: 'Erik Wallin',
      organisationId: ids.falun,
      role: 'manager',
      language: 'sv',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().existingUser).toBe(true);
  });

  it('refuses invitations outside one’s scope or above one’s rank, writing nothing', async () => {
    const before = [await count('users'), await count('memberships'), await count('invitations')];
    const invite = (organisationId: string, role: string) => ({
      email: 'nagon@exempel.se',
      name: 'Någon',
      organisationId,
      role,
      language: 'sv',
    });
    const falun = await t.as('samordnare.falun');
    expect((await falun.post('/api/v1/invitations', invite(ids.borlange, 'staff'))).statusCode).toBe(403);
    expect((await falun.post('/api/v1/invitations', invite(ids.falun, 'national_admin'))).statusCode).toBe(
      403,
    );
    expect(
      (await (await t.as('chef.falun')).post('/api/v1/invitations', invite(ids.norr, 'staff'))).statusCode,
    ).toBe(403);
    expect(
      (await (await t.as('personal.falun')).post('/api/v1/invitations', invite(ids.norr, 'staff')))
        .statusCode,
    ).toBe(403);
    expect([await count('users'), await count('memberships'), await count('invitations')]).toEqual(before);
  });

  it('lets a regional coordinator invite a municipal coordinator in the region', async () => {
    const a = await t.as('region.dalarna');
    const res = await a.post('/api/v1/invitations', {
      email: 'samordnare@mora.se',
      name: 'Mora Samordnare',
      organisationId: await orgId('Mora', 'municipality'),
      role: 'municipal_coordinator',
      language: 'en',
    });
    expect(res.statusCode).toBe(201);
    const [mail] = await queryRows<{ subject: string }>(
      t.db,
      sql`select subject from outbox where "to" = 'samordnare@mora.se'`,
    );
    expect(mail!.subject).toBe('Invitation to Välfärdsnavet – Mora');
  });

  it('rejects bad input and unknown tokens', async () => {
    const a = await t.as('samordnare.falun');
    const bad = await a.post('/api/v1/invitations', {
      email: 'nej',
      name: '',
      organisationId: 'x',
      role: 'staff',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.email', 'body.name', 'body.organisationId']);
    const visitor = t.agent();
    expect((await visitor.get(`/api/v1/invitations/${'x'.repeat(43)}`)).statusCode).toBe(404);
    const res = await visitor.post(`/api/v1/invitations/${'x'.repeat(43)}/accept`, {
      name: 'A',
      password: 'ett långt lösenord här',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('token_invalid');
  });
});

describe('re-inviting', () => {
  it('sends a fresh link to someone who has not accepted yet, and the new link works', async () => {
    const a = await t.as('samordnare.falun');
    const body = {
      email: 'glomsk@falun.se',
      name: 'Glömsk Person',
      organisationId: ids.norr,
      role: 'staff',
      language: 'sv',
    };
    expect((await a.post('/api/v1/invitations', body)).statusCode).toBe(201);
    const again = await a.post('/api/v1/invitations', body);
    expect(again.statusCode).toBe(201);
    expect(again.json().expiresAt).not.toBeNull();
    const mails = await queryRows<{ text: string }>(
      t.db,
      sql`select text from outbox where "to" = 'glomsk@falun.se' order by created_at desc`,
    );
    expect(mails).toHaveLength(2);
    const token = /\/inbjudan\/([\w-]+)/.exec(mails[0]!.text)![1]!;
    expect((await t.agent().get(`/api/v1/invitations/${token}`)).statusCode).toBe(200);
    const [n] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from memberships m join users u on u.id = m.user_id where u.email = 'glomsk@falun.se'`,
    );
    expect(n!.n).toBe(1);
  });
});

describe('sort keys kept by the database', () => {
  it('re-sorts a person who changes name and files new memberships under their municipality', async () => {
    const amir = await t.as('personal.falun');
    await amir.patch('/api/v1/me', { name: 'Östen Amir Haddad' });
    const manager = await t.as('chef.falun');
    const names = (
      (await manager.get(`/api/v1/organisations/${ids.norr}/members`)).json().items as { name: string }[]
    ).map((m) => m.name);
    expect(names.at(-1)).toBe('Östen Amir Haddad');
    const [row] = await queryRows<{ municipality_id: string; sort_name: string }>(
      t.db,
      sql`select m.municipality_id, m.sort_name from memberships m join users u on u.id = m.user_id
          where u.email = ${demoEmail('personal.falun')}`,
    );
    expect(row).toEqual({ municipality_id: ids.falun, sort_name: '}sten amir haddad' });
  });
});
