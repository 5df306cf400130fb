import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { accessToken, bearer, createClient, nationId, orgByCode } from './api-clients.fixtures.ts';

/**
 * A system's bearer token acts with exactly its client's organisation and scopes (issue 15): Falun's
 * clients against Falun's and Borlänge's data, the nation's client, revoked and expired tokens.
 */
let t: TestApp;
let falun: string;
let borlange: string;
let mappingRead: string;
let mappingWrite: string;
let peopleRead: string;
beforeAll(async () => {
  t = await createTestApp();
  falun = await orgByCode(t, 'municipality', '2080');
  borlange = await orgByCode(t, 'municipality', '2081');
  mappingRead = await accessToken(t, await createClient(t, 'samordnare.falun', falun, ['mapping:read']));
  mappingWrite = await accessToken(
    t,
    await createClient(t, 'samordnare.falun', falun, ['mapping:write'], 'Falun registry'),
  );
  peopleRead = await accessToken(t, await createClient(t, 'samordnare.falun', falun, ['people:write'], 'HR'));
});
afterAll(() => t.close());

const FALUN_TECH = '/api/v1/municipalities/2080/technologies';
const BORLANGE_TECH = '/api/v1/municipalities/2081/technologies';
const update = { items: [{ technologyKey: 'robotic-aids', status: 'piloting' }] };

const statusOf = async (code: string, key: string) =>
  (
    await queryRows<{ status: string }>(
      t.db,
      sql`select a.status from technology_adoptions a join organisations o on o.id = a.municipality_id
          join technologies tc on tc.id = a.technology_id where o.code = ${code} and tc.key = ${key}`,
    )
  )[0]?.status ?? null;

describe('a bearer token', () => {
  it("reads its own municipality's mapping with mapping:read and is refused another's", async () => {
    const own = await bearer(t, mappingRead, 'GET', FALUN_TECH);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBeGreaterThan(5);
    expect(own.headers['set-cookie']).toBeUndefined();
    expect(own.headers['cache-control']).toBe('no-store');
    const other = await bearer(t, mappingRead, 'GET', BORLANGE_TECH);
    expect([403, 404]).toContain(other.statusCode);
    expect(other.json().code).not.toBe('insufficient_scope');
  });

  it('cannot write with mapping:read (403 insufficient_scope), and writes with mapping:write without CSRF', async () => {
    const before = await statusOf('2080', 'robotic-aids');
    const refused = await bearer(t, mappingRead, 'PUT', FALUN_TECH, update);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ status: 403, code: 'insufficient_scope' });
    expect(refused.headers['www-authenticate']).toBe(
      'Bearer realm="valfardsnavet", error="insufficient_scope", scope="mapping:write"',
    );
    expect(await statusOf('2080', 'robotic-aids')).toBe(before);

    const written = await bearer(t, mappingWrite, 'PUT', FALUN_TECH, update);
    expect(written.statusCode).toBe(200);
    expect(written.headers['set-cookie']).toBeUndefined();
    expect(await statusOf('2080', 'robotic-aids')).toBe('piloting');
    // The change is the system's: the audit log names the client's service account.
    const [audit] = await queryRows<{ name: string; username: string }>(
      t.db,
      sql`select u.name, u.username from audit_log a join users u on u.id = a.actor_id
          where a.organisation_id = ${falun} and a.action = 'technology_adoption.updated' order by a.id desc limit 1`,
    );
    expect(audit).toMatchObject({ name: 'Falun registry', username: expect.stringMatching(/^api-client:/) });

    const otherWrite = await bearer(t, mappingWrite, 'PUT', BORLANGE_TECH, update);
    expect([403, 404]).toContain(otherWrite.statusCode);
    expect(await statusOf('2081', 'robotic-aids')).not.toBe('piloting');
  });

  it("reaches its own municipality's people with people scopes, never Borlänge's, and never makes a coordinator", async () => {
    const own = await bearer(t, peopleRead, 'GET', `/api/v1/organisations/${falun}/members`);
    expect(own.statusCode).toBe(200);
    const other = await bearer(t, peopleRead, 'GET', `/api/v1/organisations/${borlange}/members`);
    expect(other.statusCode).toBe(403);
    const noScope = await bearer(t, mappingRead, 'GET', `/api/v1/organisations/${falun}/members`);
    expect(noScope.statusCode).toBe(403);
    expect(noScope.json().code).toBe('insufficient_scope');
    const coordinator = await bearer(t, peopleRead, 'POST', `/api/v1/organisations/${falun}/members`, {
      email: demoEmail('erik.wallin'),
      role: 'municipal_coordinator',
    });
    expect(coordinator.statusCode).toBe(403);
    const memberships = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from memberships m join users u on u.id = m.user_id
          where u.email = ${demoEmail('erik.wallin')} and m.role = 'municipal_coordinator'`,
    );
    expect(memberships[0]!.n).toBe(0);
  });

  it('is refused where only people go, and never uses a session cookie sent with it', async () => {
    const admin = await t.as('admin');
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const url of ['/api/v1/me', '/api/v1/auth/sessions', '/api/v1/me/export']) {
      const res = await bearer(t, mappingRead, 'GET', url, undefined, { cookie });
      expect([url, res.statusCode, res.json().code]).toEqual([url, 403, 'people_only']);
    }
    const logout = await bearer(t, mappingRead, 'POST', '/api/v1/auth/logout', undefined, { cookie });
    expect(logout.statusCode).toBe(403);
    expect(logout.headers['set-cookie']).toBeUndefined();
    expect((await admin.get('/api/v1/me')).statusCode).toBe(200);
    // With the national administrator's cookie, the token still reaches only Falun.
    const borlangeData = await bearer(t, mappingRead, 'GET', BORLANGE_TECH, undefined, { cookie });
    expect([403, 404]).toContain(borlangeData.statusCode);
    const audit = await bearer(t, mappingRead, 'GET', '/api/v1/audit', undefined, { cookie });
    expect(audit.statusCode).toBe(403);
  });

  it('is refused once revoked, once expired, and when unknown: 401 invalid_token', async () => {
    const client = await createClient(t, 'samordnare.falun', falun, ['mapping:read'], 'Short-lived');
    const token = await accessToken(t, client);
    expect((await bearer(t, token, 'GET', FALUN_TECH)).statusCode).toBe(200);
    await (await t.as('samordnare.falun')).delete(`/api/v1/api-clients/${client.id}`);
    for (const tok of [token, 'vna_unknown', '']) {
      const res = await bearer(t, tok, 'GET', FALUN_TECH);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_token');
      expect(res.headers['www-authenticate']).toBe('Bearer realm="valfardsnavet", error="invalid_token"');
    }
    const expiring = await accessToken(t, await createClient(t, 'samordnare.falun', falun, ['mapping:read']));
    await t.db.execute(sql`update api_access_tokens set expires_at = now() - interval '1 second'`);
    expect((await bearer(t, expiring, 'GET', FALUN_TECH)).statusCode).toBe(401);
    // The tests below need live tokens again.
    await t.db.execute(sql`update api_access_tokens set expires_at = now() + interval '1 hour'`);
  });

  it("a nation's client reads every municipality within its scope, but is no national administrator", async () => {
    const nation = await nationId(t);
    const token = await accessToken(
      t,
      await createClient(t, 'admin', nation, ['mapping:read'], 'National BI'),
    );
    expect((await bearer(t, token, 'GET', BORLANGE_TECH)).statusCode).toBe(200);
    expect((await bearer(t, token, 'GET', '/api/v1/audit')).statusCode).toBe(403);
    expect((await bearer(t, token, 'GET', `/api/v1/organisations/${falun}/members`)).json().code).toBe(
      'insufficient_scope',
    );
    // Needs are read with initiative.read, which no scope gives: nothing, or a refusal.
    const needs = await bearer(t, token, 'GET', '/api/v1/needs');
    expect(needs.statusCode === 403 || needs.json().items.length === 0).toBe(true);
    expect((await bearer(t, token, 'PUT', BORLANGE_TECH, update)).json().code).toBe('insufficient_scope');
  });

  it('asks for a subset of scopes and gets only those; refusals are audited', async () => {
    const both = await createClient(
      t,
      'samordnare.falun',
      falun,
      ['mapping:read', 'mapping:write'],
      'Subset',
    );
    const readOnly = await accessToken(t, both, 'mapping:read');
    expect((await bearer(t, readOnly, 'GET', FALUN_TECH)).statusCode).toBe(200);
    expect((await bearer(t, readOnly, 'PUT', FALUN_TECH, update)).json().code).toBe('insufficient_scope');
    const [refusal] = await queryRows<{ after: { method: string; path: string } }>(
      t.db,
      sql`select after from audit_log where action = 'api_client.refused' and entity_id = ${both.id}`,
    );
    expect(refusal!.after).toMatchObject({ method: 'PUT', path: FALUN_TECH });
  });
});
