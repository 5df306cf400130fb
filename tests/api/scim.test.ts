import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { SCIM } from '../../src/shared/contracts/scim.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let falun: string;
let borlange: string;
let falunToken: string;
let borlangeToken: string;

const orgId = async (code: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where kind = 'municipality' and code = ${code}`,
    )
  )[0]!.id;

/** A SCIM client: bearer token, JSON in and out, no cookie and no CSRF token. */
function scim(token: string | null) {
  return async (method: string, url: string, body?: unknown, contentType = 'application/scim+json') => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/scim/v2${url}`,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': contentType }),
      },
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: res.statusCode, headers: res.headers, body: res.body ? res.json() : null };
  };
}

async function createToken(localPart: string, org: string, name = 'Entra ID') {
  const res = await (await t.as(localPart)).post(`/api/v1/organisations/${org}/scim-tokens`, { name });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string; baseUrl: string };
}

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.db, query))[0]!.n;
const snapshot = async () => ({
  users: await count(sql`select count(*)::int as n from users`),
  links: await count(sql`select count(*)::int as n from scim_users`),
  memberships: await count(sql`select count(*)::int as n from memberships`),
  groups: await count(sql`select count(*)::int as n from scim_groups`),
});

const newUser = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [SCIM.user, SCIM.enterprise],
  userName,
  externalId: `ext-${userName}`,
  active: true,
  name: { givenName: 'Karin', familyName: 'Lund' },
  emails: [{ primary: true, type: 'work', value: userName }],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://navet.example' });
  falun = await orgId('2080');
  borlange = await orgId('2081');
  falunToken = (await createToken('samordnare.falun', falun)).token;
  borlangeToken = (await createToken('samordnare.borlange', borlange)).token;
});
afterAll(() => t.close());

describe('SCIM token management', () => {
  it('shows the token once, lists it without the secret and audits creation and revocation', async () => {
    const created = await createToken('samordnare.falun', falun, 'HR-systemet');
    expect(created.token).toMatch(/^vnscim_/);
    expect(created.baseUrl).toBe('https://navet.example/scim/v2');
    const coordinator = await t.as('samordnare.falun');
    const list = (await coordinator.get(`/api/v1/organisations/${falun}/scim-tokens`)).json();
    expect(list.baseUrl).toBe('https://navet.example/scim/v2');
    expect(list.items.some((i: { name: string }) => i.name === 'HR-systemet')).toBe(true);
    expect(JSON.stringify(list)).not.toContain(created.token);
    const [stored] = await queryRows<{ token_hash: string }>(
      t.db,
      sql`select token_hash from scim_tokens where id = ${created.id}`,
    );
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await scim(created.token)('GET', '/ServiceProviderConfig')).status).toBe(200);

    const revoked = await coordinator.delete(`/api/v1/scim-tokens/${created.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await coordinator.delete(`/api/v1/scim-tokens/${created.id}`)).statusCode).toBe(200);
    const after = await scim(created.token)('GET', '/Users');
    expect(after.status).toBe(401);
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${created.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['scim_token.created', 'scim_token.revoked']);
    expect(
      JSON.stringify(
        await queryRows(t.db, sql`select after from audit_log where entity_type = 'scim_token'`),
      ),
    ).not.toContain('vnscim_');
  });

  it('is refused to other roles, to another municipality and to the region above', async () => {
    const before = await count(sql`select count(*)::int as n from scim_tokens`);
    for (const who of ['chef.falun', 'personal.falun', 'samordnare.borlange', 'region.dalarna']) {
      const a = await t.as(who);
      expect((await a.post(`/api/v1/organisations/${falun}/scim-tokens`, { name: 'x' })).statusCode).toBe(
        403,
      );
      expect((await a.get(`/api/v1/organisations/${falun}/scim-tokens`)).statusCode).toBe(403);
    }
    const [tok] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from scim_tokens where organisation_id = ${falun} limit 1`,
    );
    expect(
      (await (await t.as('samordnare.borlange')).delete(`/api/v1/scim-tokens/${tok!.id}`)).statusCode,
    ).toBe(403);
    expect((await t.agent().get(`/api/v1/organisations/${falun}/scim-tokens`)).statusCode).toBe(401);
    expect(await count(sql`select count(*)::int as n from scim_tokens`)).toBe(before);
  });

  it('lets a national administrator manage any organisation, and rejects bad input', async () => {
    const admin = await t.as('admin');
    expect((await admin.get(`/api/v1/organisations/${falun}/scim-tokens`)).statusCode).toBe(200);
    const before = await count(sql`select count(*)::int as n from scim_tokens`);
    expect((await admin.post(`/api/v1/organisations/${falun}/scim-tokens`, { name: '' })).statusCode).toBe(
      400,
    );
    expect(
      (await admin.post(`/api/v1/organisations/${falun}/scim-tokens`, { name: 'a\u0000b' })).statusCode,
    ).toBe(400);
    expect((await admin.post('/api/v1/organisations/nope/scim-tokens', { name: 'x' })).statusCode).toBe(400);
    expect((await admin.delete('/api/v1/scim-tokens/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect(await count(sql`select count(*)::int as n from scim_tokens`)).toBe(before);
  });
});

describe('SCIM authentication and discovery', () => {
  it('answers 401 in SCIM format with WWW-Authenticate for a missing or unknown token', async () => {
    for (const token of [null, 'vnscim_wrong']) {
      const res = await scim(token)('GET', '/Users');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.headers['content-type']).toContain('application/scim+json');
      expect(res.body).toMatchObject({ schemas: [SCIM.error], status: '401' });
    }
    // A session cookie is no SCIM credential.
    const coordinator = await t.as('samordnare.falun');
    const res = await coordinator.get('/scim/v2/Users');
    expect(res.statusCode).toBe(401);
  });

  it('describes itself', async () => {
    const call = scim(falunToken);
    const config = await call('GET', '/ServiceProviderConfig');
    expect(config.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      sort: { supported: false },
      etag: { supported: false },
      changePassword: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
    });
    const schemas = await call('GET', '/Schemas');
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([
      SCIM.user,
      SCIM.enterprise,
      SCIM.group,
    ]);
    expect((await call('GET', `/Schemas/${SCIM.enterprise}`)).body.name).toBe('EnterpriseUser');
    expect((await call('GET', '/ResourceTypes')).body.totalResults).toBe(2);
    expect((await call('GET', '/ResourceTypes/User')).body.endpoint).toBe('/Users');
    expect((await call('GET', '/ResourceTypes/Nope')).status).toBe(404);
    expect((await call('GET', '/Nope')).status).toBe(404);
  });
});

describe('SCIM users', () => {
  it('creates a user with a staff membership in the unit named by department, and reads it back', async () => {
    const call = scim(falunToken);
    const res = await call(
      'POST',
      '/Users',
      newUser('karin.lund@falun.example', {
        [SCIM.enterprise]: { employeeNumber: '1001', department: 'hemtjänsten norr' },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`https://navet.example/scim/v2/Users/${res.body.id}`);
    expect(res.body).toMatchObject({
      userName: 'karin.lund@falun.example',
      externalId: 'ext-karin.lund@falun.example',
      displayName: 'Karin Lund',
      name: { givenName: 'Karin', familyName: 'Lund', formatted: 'Karin Lund' },
      emails: [{ value: 'karin.lund@falun.example', type: 'work', primary: true }],
      active: true,
      [SCIM.enterprise]: { employeeNumber: '1001', department: 'hemtjänsten norr' },
      meta: { resourceType: 'User' },
    });
    const places = await queryRows<{ name: string; role: string }>(
      t.db,
      sql`select o.name, m.role from memberships m join organisations o on o.id = m.organisation_id where m.user_id = ${res.body.id}`,
    );
    expect(places).toEqual([{ name: 'Hemtjänsten Norr', role: 'staff' }]);
    expect((await call('GET', `/Users/${res.body.id}`)).body.userName).toBe('karin.lund@falun.example');
    const [user] = await queryRows<{ status: string; password_hash: string | null }>(
      t.db,
      sql`select status, password_hash from users where id = ${res.body.id}`,
    );
    expect(user).toEqual({ status: 'active', password_hash: null });
  });

  it('refuses a second user with the same userName (any case) with 409 uniqueness', async () => {
    const before = await snapshot();
    const res = await scim(falunToken)('POST', '/Users', newUser('KARIN.LUND@falun.example'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ scimType: 'uniqueness', status: '409' });
    expect(await snapshot()).toEqual(before);
  });

  it('links an existing account with the same e-mail instead of duplicating it', async () => {
    const before = await snapshot();
    const email = demoEmail('lina.persson');
    const res = await scim(falunToken)(
      'POST',
      '/Users',
      newUser(email, { name: { formatted: 'Lina Persson' } }),
    );
    expect(res.status).toBe(201);
    const [existing] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from users where email = ${email}`,
    );
    expect(res.body.id).toBe(existing!.id);
    expect(await snapshot()).toMatchObject({ users: before.users, links: before.links + 1 });
  });

  it('filters by userName (case-insensitive), externalId, work e-mail and id, with paging', async () => {
    const call = scim(falunToken);
    const q = (f: string) => call('GET', `/Users?filter=${encodeURIComponent(f)}`);
    const byName = await q('userName eq "KARIN.lund@FALUN.example"');
    expect(byName.body).toMatchObject({
      schemas: [SCIM.list],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
    });
    const id = byName.body.Resources[0].id;
    expect((await q('externalId eq "ext-karin.lund@falun.example"')).body.totalResults).toBe(1);
    expect((await q('externalId eq "EXT-karin.lund@falun.example"')).body.totalResults).toBe(0);
    expect((await q('emails[type eq "work"].value eq "karin.lund@falun.example"')).body.totalResults).toBe(1);
    expect((await q(`id eq "${id}" and active eq true`)).body.totalResults).toBe(1);
    expect((await q('userName eq "nobody@falun.example"')).body).toMatchObject({
      totalResults: 0,
      Resources: [],
    });
    const page = await call('GET', '/Users?startIndex=2&count=1');
    expect(page.body).toMatchObject({ totalResults: 2, startIndex: 2, itemsPerPage: 1 });
  });

  it('answers a malformed filter with 400 invalidFilter', async () => {
    for (const f of [
      'userName eq',
      'userName foo "x"',
      '(userName eq "x"',
      'userName eq "unterminated',
      'userName eq "x" and',
    ]) {
      const res = await scim(falunToken)('GET', `/Users?filter=${encodeURIComponent(f)}`);
      expect(res.status, f).toBe(400);
      expect(res.body).toMatchObject({ scimType: 'invalidFilter', status: '400' });
    }
  });

  it("never shows or changes another organisation's people", async () => {
    const karin = (
      await scim(falunToken)('GET', '/Users?filter=userName%20eq%20%22karin.lund@falun.example%22')
    ).body.Resources[0].id;
    const other = scim(borlangeToken);
    expect((await other('GET', '/Users')).body.totalResults).toBe(0);
    expect((await other('GET', `/Users/${karin}`)).status).toBe(404);
    const before = await snapshot();
    expect(
      (
        await other('PATCH', `/Users/${karin}`, {
          schemas: [SCIM.patchOp],
          Operations: [{ op: 'replace', path: 'active', value: false }],
        })
      ).status,
    ).toBe(404);
    expect((await other('PUT', `/Users/${karin}`, newUser('x@y.example'))).status).toBe(404);
    expect((await other('DELETE', `/Users/${karin}`)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
    const [u] = await queryRows<{ status: string }>(t.db, sql`select status from users where id = ${karin}`);
    expect(u!.status).toBe('active');
    // Adding someone else's person to a group is refused too.
    const group = await other('POST', '/Groups', {
      schemas: [SCIM.group],
      displayName: 'Borlänge X',
      members: [{ value: karin }],
    });
    expect(group.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects bad input with SCIM errors and writes nothing', async () => {
    const call = scim(falunToken);
    const before = await snapshot();
    const karin = (await call('GET', '/Users?filter=userName%20eq%20%22karin.lund@falun.example%22')).body
      .Resources[0].id;
    const cases: [string, string, unknown, string][] = [
      ['POST', '/Users', '{not json', 'invalidSyntax'],
      ['POST', '/Users', { schemas: [SCIM.user] }, 'invalidValue'],
      [
        'POST',
        '/Users',
        newUser('a@b.example', { emails: [{ type: 'work', value: 'not-an-address' }] }),
        'invalidValue',
      ],
      ['POST', '/Users', newUser('a@b.example', { active: 'maybe' }), 'invalidValue'],
      ['PATCH', `/Users/${karin}`, { Operations: [] }, 'invalidSyntax'],
      [
        'PATCH',
        `/Users/${karin}`,
        { Operations: [{ op: 'frobnicate', path: 'active', value: true }] },
        'invalidSyntax',
      ],
      ['PATCH', `/Users/${karin}`, { Operations: [{ op: 'replace', path: 'id', value: 'x' }] }, 'mutability'],
      ['PATCH', `/Users/${karin}`, { Operations: [{ op: 'remove', path: 'userName' }] }, 'mutability'],
      [
        'PATCH',
        `/Users/${karin}`,
        { Operations: [{ op: 'replace', path: 'emails[type eq "home"].value', value: 'a@b.example' }] },
        'noTarget',
      ],
      [
        'PATCH',
        `/Users/${karin}`,
        { Operations: [{ op: 'replace', path: 'nosuchattribute', value: 1 }] },
        'invalidPath',
      ],
      [
        'PATCH',
        `/Users/${karin}`,
        {
          Operations: [
            { op: 'replace', path: 'name.givenName', value: 'Ny' },
            { op: 'replace', path: 'active', value: 'nej' },
          ],
        },
        'invalidValue',
      ],
    ];
    for (const [method, url, body, scimType] of cases) {
      const res = await call(method, url, body);
      expect(res.status, `${method} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body).toMatchObject({ schemas: [SCIM.error], status: '400', scimType });
    }
    expect((await call('GET', '/Users/not-a-uuid')).status).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect((await call('GET', `/Users/${karin}`)).body.name.givenName).toBe('Karin');
  });

  it('accepts application/json too and replaces a user with PUT', async () => {
    const call = scim(falunToken);
    const karin = (await call('GET', '/Users?filter=userName%20eq%20%22karin.lund@falun.example%22')).body
      .Resources[0].id;
    const res = await call(
      'PUT',
      `/Users/${karin}`,
      newUser('karin.lund@falun.example', {
        name: { givenName: 'Karin', familyName: 'Berg' },
        displayName: 'Karin Berg',
      }),
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'Karin Berg', name: { familyName: 'Berg' } });
    expect(res.body[SCIM.enterprise]).toBeUndefined();
    // Department gone: the staff membership moves to the municipality itself.
    const places = await queryRows<{ id: string }>(
      t.db,
      sql`select organisation_id as id from memberships where user_id = ${karin}`,
    );
    expect(places).toEqual([{ id: falun }]);
  });
});
