import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { SCIM } from '../../src/shared/contracts/scim.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Replays the request sequences Microsoft documents for Entra ID's provisioning service ("Tutorial:
 * Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID", and its SCIM validator):
 * the same bodies, the capitalised op names and string booleans Entra sends, in the same order.
 */
let t: TestApp;
let falun: string;
let token: string;

function entra(method: string, url: string, body?: unknown) {
  return t.app
    .inject({
      method: method as 'GET',
      url: `/scim/v2${url}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    })
    .then((res) => ({ status: res.statusCode, body: res.body ? res.json() : null }));
}
const filter = (f: string) => `?filter=${encodeURIComponent(f)}`;
const patch = (...Operations: unknown[]) => ({ schemas: [SCIM.patchOp], Operations });

beforeAll(async () => {
  t = await createTestApp();
  [{ id: falun }] = (await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where kind = 'municipality' and code = '2080'`,
  )) as [{ id: string }];
  const coordinator = await t.as('samordnare.falun');
  token = (await coordinator.post(`/api/v1/organisations/${falun}/scim-tokens`, { name: 'Entra ID' })).json()
    .token;
});
afterAll(() => t.close());

describe('Entra ID user provisioning', () => {
  let id: string;
  const userName = 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1';

  it('tests the connection with a filter on a user that does not exist', async () => {
    const res = await entra('GET', `/Users${filter('userName eq "non-existent user"')}`);
    expect(res).toMatchObject({
      status: 200,
      body: { schemas: [SCIM.list], totalResults: 0, Resources: [] },
    });
  });

  it('creates: GET by filter finds nothing, then POST', async () => {
    expect((await entra('GET', `/Users${filter(`userName eq "${userName}"`)}`)).body.totalResults).toBe(0);
    const res = await entra('POST', '/Users', {
      schemas: [SCIM.user, SCIM.enterprise],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName,
      active: true,
      emails: [
        { primary: true, type: 'work', value: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com' },
      ],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userName,
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      active: true,
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      emails: [
        { value: 'test_user_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com', type: 'work', primary: true },
      ],
      meta: { resourceType: 'User' },
    });
    id = res.body.id;
  });

  it('gets the user by id and by filter (userName is case-insensitive)', async () => {
    expect((await entra('GET', `/Users/${id}`)).body.id).toBe(id);
    const found = await entra('GET', `/Users${filter(`userName eq "${userName.toUpperCase()}"`)}`);
    expect(found.body).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: 1 });
    expect(found.body.Resources[0].id).toBe(id);
  });

  it('answers a duplicate create with 409 uniqueness', async () => {
    const res = await entra('POST', '/Users', { schemas: [SCIM.user], userName, active: true });
    expect(res).toMatchObject({ status: 409, body: { scimType: 'uniqueness' } });
  });

  it('updates multi-valued and single-valued attributes with PATCH Replace; twice changes nothing', async () => {
    const body = patch(
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      { op: 'Add', path: `${SCIM.enterprise}:employeeNumber`, value: '4711' },
      { op: 'Replace', path: `${SCIM.enterprise}:department`, value: 'Hemtjänsten Söder' },
    );
    const res = await entra('PATCH', `/Users/${id}`, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      emails: [{ value: 'updatedemail@microsoft.com', type: 'work' }],
      name: { givenName: 'givenName', familyName: 'updatedFamilyName' },
      [SCIM.enterprise]: { employeeNumber: '4711', department: 'Hemtjänsten Söder' },
    });
    const auditCount = async () =>
      (
        await queryRows<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from audit_log where entity_id = ${id}`,
        )
      )[0]!.n;
    const before = await auditCount();
    const again = await entra('PATCH', `/Users/${id}`, body);
    // The answer is built from the written state, not read back: it must be what a GET shows.
    expect(again.body).toEqual(res.body);
    expect((await entra('GET', `/Users/${id}`)).body).toEqual(res.body);
    expect(await auditCount()).toBe(before);
    const unit = await queryRows<{ name: string }>(
      t.db,
      sql`select o.name from memberships m join organisations o on o.id = m.organisation_id where m.user_id = ${id}`,
    );
    expect(unit).toEqual([{ name: 'Hemtjänsten Söder' }]);

    const renamed = await entra(
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'Replace', path: 'userName', value: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' }),
    );
    expect(renamed.body.userName).toBe('5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com');
    const noPath = await entra(
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'Replace', value: { displayName: 'Anna Berg', externalId: 'e-1' } }),
    );
    expect(noPath.body).toMatchObject({ displayName: 'Anna Berg', externalId: 'e-1' });
  });

  it('deactivates with active "False": sessions end at once; "True" re-enables', async () => {
    // Give the person a password and a session, as if they had signed in.
    const { hashPassword } = await import('../../src/server/lib/passwords.ts');
    await t.db.execute(
      sql`update users set password_hash = ${await hashPassword('ett-långt-lösenord-1')} where id = ${id}`,
    );
    const person = t.agent();
    expect((await person.login('updatedemail@microsoft.com', 'ett-långt-lösenord-1')).statusCode).toBe(200);
    expect((await person.get('/api/v1/me')).statusCode).toBe(200);

    const off = await entra(
      'PATCH',
      `/Users/${id}`,
      patch({ op: 'Replace', path: 'active', value: 'False' }),
    );
    expect(off.body.active).toBe(false);
    expect((await person.get('/api/v1/me')).statusCode).toBe(401);
    const [u] = await queryRows<{ status: string }>(t.db, sql`select status from users where id = ${id}`);
    expect(u!.status).toBe('disabled');
    const actions = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${id} order by id desc limit 1`,
    );
    expect(actions[0]!.action).toBe('scim.user_deactivated');

    const on = await entra('PATCH', `/Users/${id}`, patch({ op: 'replace', value: { active: 'True' } }));
    expect(on.body.active).toBe(true);
    expect((await person.login('updatedemail@microsoft.com', 'ett-långt-lösenord-1')).statusCode).toBe(200);
  });

  it('deletes the user (204) by the erasure rules; then 404', async () => {
    expect((await entra('DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await entra('GET', `/Users/${id}`)).status).toBe(404);
    expect((await entra('DELETE', `/Users/${id}`)).status).toBe(404);
    const [u] = await queryRows<{ name: string; email: string }>(
      t.db,
      sql`select name, email from users where id = ${id}`,
    );
    expect(u!.name).toBe('Borttagen person');
  });
});

describe('Entra ID group provisioning', () => {
  it('creates a group, adds and removes members, renames and deletes it', async () => {
    const member = async (userName: string) =>
      (
        await entra('POST', '/Users', {
          schemas: [SCIM.user],
          userName,
          active: true,
          emails: [{ type: 'work', value: userName }],
        })
      ).body.id as string;
    const a = await member('g.one@falun.example');
    const b = await member('g.two@falun.example');

    expect(
      (await entra('GET', `/Groups${filter('displayName eq "Hemtjänsten Norr"')}&excludedAttributes=members`))
        .body.totalResults,
    ).toBe(0);
    const created = await entra('POST', '/Groups', {
      schemas: [SCIM.group, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'hemtjänsten norr',
      meta: { resourceType: 'Group' },
    });
    expect(created.status).toBe(201);
    const gid = created.body.id;
    expect((await entra('GET', `/Groups/${gid}?excludedAttributes=members`)).body.members).toBeUndefined();
    expect(
      (await entra('GET', `/Groups${filter('displayName eq "HEMTJÄNSTEN NORR"')}&excludedAttributes=members`))
        .body.totalResults,
    ).toBe(1);

    const units = async (userId: string) =>
      (
        await queryRows<{ name: string }>(
          t.db,
          sql`select o.name from memberships m join organisations o on o.id = m.organisation_id where m.user_id = ${userId} order by o.name`,
        )
      ).map((r) => r.name);

    const add = patch({
      name: 'addMember',
      op: 'Add',
      path: 'members',
      value: [
        { $ref: null, value: a },
        { $ref: null, value: b },
      ],
    });
    expect((await entra('PATCH', `/Groups/${gid}`, add)).status).toBe(204);
    expect((await entra('PATCH', `/Groups/${gid}`, add)).status).toBe(204);
    expect(await units(a)).toEqual(['Falun', 'Hemtjänsten Norr']);
    const withMembers = await entra('GET', `/Groups/${gid}`);
    expect(withMembers.body.members.map((m: { value: string }) => m.value).sort()).toEqual([a, b].sort());
    expect(
      (
        await entra(
          'GET',
          `/Groups${filter(`id eq "${gid}" and members[value eq "${a}"]`)}&excludedAttributes=members`,
        )
      ).body.totalResults,
    ).toBe(1);

    expect(
      (await entra('PATCH', `/Groups/${gid}`, patch({ op: 'Remove', path: `members[value eq "${a}"]` })))
        .status,
    ).toBe(204);
    expect(
      (
        await entra(
          'PATCH',
          `/Groups/${gid}`,
          patch({ name: 'removeMember', op: 'Remove', path: 'members', value: [{ $ref: null, value: b }] }),
        )
      ).status,
    ).toBe(204);
    expect(await units(a)).toEqual(['Falun']);
    expect(await units(b)).toEqual(['Falun']);

    expect(
      (
        await entra(
          'PATCH',
          `/Groups/${gid}`,
          patch({ op: 'Replace', path: 'displayName', value: 'Hemtjänsten Söder' }),
        )
      ).status,
    ).toBe(204);
    expect((await entra('GET', `/Groups/${gid}`)).body.displayName).toBe('Hemtjänsten Söder');
    expect((await entra('PATCH', `/Groups/${gid}`, add)).status).toBe(204);
    expect(await units(b)).toEqual(['Falun', 'Hemtjänsten Söder']);

    expect((await entra('DELETE', `/Groups/${gid}`)).status).toBe(204);
    expect((await entra('GET', `/Groups/${gid}`)).status).toBe(404);
    expect(await units(b)).toEqual(['Falun']);
  });

  it('refuses a member that is not a provisioned user, and a duplicate group name', async () => {
    const g = await entra('POST', '/Groups', {
      schemas: [SCIM.group],
      displayName: 'Lugnets vård- och omsorgsboende',
    });
    expect(g.status).toBe(201);
    const stranger = await entra(
      'PATCH',
      `/Groups/${g.body.id}`,
      patch({ op: 'Add', path: 'members', value: [{ value: '00000000-0000-4000-8000-000000000000' }] }),
    );
    expect(stranger).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } });
    expect(
      (
        await entra('POST', '/Groups', {
          schemas: [SCIM.group],
          displayName: 'LUGNETS vård- och omsorgsboende',
        })
      ).status,
    ).toBe(409);
  });
});
