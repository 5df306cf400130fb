import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { accessToken, countRows, createClient, orgByCode, requestToken } from './api-clients.fixtures.ts';
import { orgId } from './programmes.fixtures.ts';

let t: TestApp;
let falun: string;
let borlange: string;
let dalarna: string;
beforeAll(async () => {
  t = await createTestApp();
  falun = await orgByCode(t, 'municipality', '2080');
  borlange = await orgByCode(t, 'municipality', '2081');
  dalarna = await orgByCode(t, 'region', '20');
});
afterAll(() => t.close());

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const auditOf = (entityId: string) =>
  queryRows<{ action: string; actor_id: string | null; after: unknown; before: unknown }>(
    t.db,
    sql`select action, actor_id, after, before from audit_log where entity_id = ${entityId} order by id`,
  );

describe('managing API clients', () => {
  it('lets a coordinator create a client for her municipality: id and secret once, only a hash kept', async () => {
    const coordinator = await t.as('samordnare.falun');
    const res = await coordinator.post(`/api/v1/organisations/${falun}/api-clients`, {
      name: '  Power BI  ',
      scopes: ['mapping:read', 'learning:read'],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      organisationId: falun,
      name: 'Power BI',
      scopes: ['mapping:read', 'learning:read'],
      createdByName: 'Maria Sundin',
      lastUsedAt: null,
      revokedAt: null,
      tokenUrl: expect.stringMatching(/^https?:\/\/[^/]+\/oauth\/token$/),
    });
    expect(created.clientId).toMatch(/^vnc_[A-Za-z0-9_-]{22}$/);
    expect(created.clientSecret).toMatch(/^vns_[A-Za-z0-9_-]{43}$/);

    const [row] = await queryRows<{ secret_hash: string; user_id: string }>(
      t.db,
      sql`select secret_hash, user_id from api_clients where id = ${created.id}`,
    );
    expect(row!.secret_hash).toBe(sha256(created.clientSecret));
    // The service account: a system's, which no sign-in path leads into.
    const [account] = await queryRows<Record<string, unknown>>(
      t.db,
      sql`select email, username, name, password_hash, status from users where id = ${row!.user_id}`,
    );
    expect(account).toEqual({
      email: null,
      username: `api-client:${created.clientId.toLowerCase()}`,
      name: 'Power BI',
      password_hash: null,
      status: 'disabled',
    });
    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(['api_client.created']);
    expect(JSON.stringify(audit)).not.toContain(created.clientSecret);

    const list = await coordinator.get(`/api/v1/organisations/${falun}/api-clients`);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.availableScopes).toEqual([
      'open-data:read',
      'mapping:read',
      'mapping:write',
      'learning:read',
      'people:read',
      'people:write',
      'xapi:read',
      'xapi:write',
      'xapi:all',
      'cmi5:admin',
      'courses:write',
    ]);
    const listed = body.items.find((c: { id: string }) => c.id === created.id);
    expect(listed).toMatchObject({ clientId: created.clientId, name: 'Power BI' });
    expect(JSON.stringify(body)).not.toContain(created.clientSecret);
    expect(JSON.stringify(body)).not.toContain(row!.secret_hash);
  });

  it('lets a national administrator create one for any organisation, and offers a region no mapping writes', async () => {
    const admin = await t.as('admin');
    const res = await admin.post(`/api/v1/organisations/${dalarna}/api-clients`, {
      name: 'Regional dashboard',
      scopes: ['open-data:read', 'mapping:read'],
    });
    expect(res.statusCode).toBe(201);
    const list = (
      await (await t.as('region.dalarna')).get(`/api/v1/organisations/${dalarna}/api-clients`)
    ).json();
    expect(list.availableScopes).not.toContain('mapping:write');
    expect(list.items.map((c: { name: string }) => c.name)).toContain('Regional dashboard');
  });

  it("refuses another municipality's coordinator, a manager and the region above: nothing written", async () => {
    const own = await createClient(t, 'samordnare.falun', falun, ['mapping:read'], 'Falun BI');
    const before = { clients: await countRows(t, 'api_clients'), users: await countRows(t, 'users') };
    for (const who of ['samordnare.borlange', 'chef.falun', 'personal.falun', 'region.dalarna']) {
      const agent = await t.as(who);
      const list = await agent.get(`/api/v1/organisations/${falun}/api-clients`);
      const create = await agent.post(`/api/v1/organisations/${falun}/api-clients`, {
        name: 'Intruder',
        scopes: ['people:write'],
      });
      const revoke = await agent.delete(`/api/v1/api-clients/${own.id}`);
      expect([who, list.statusCode, create.statusCode, revoke.statusCode]).toEqual([who, 403, 403, 403]);
      expect(create.json().code).toBe('forbidden');
    }
    expect(await countRows(t, 'api_clients')).toBe(before.clients);
    expect(await countRows(t, 'users')).toBe(before.users);
    expect(await accessToken(t, own)).toMatch(/^vna_/);
    // Borlänge's coordinator manages Borlänge's clients, not Falun's.
    expect(
      (await (await t.as('samordnare.borlange')).get(`/api/v1/organisations/${borlange}/api-clients`))
        .statusCode,
    ).toBe(200);
    expect((await t.agent().get(`/api/v1/organisations/${falun}/api-clients`)).statusCode).toBe(401);
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const coordinator = await t.as('samordnare.falun');
    const before = { clients: await countRows(t, 'api_clients'), users: await countRows(t, 'users') };
    const bad: [unknown, string][] = [
      [{ name: '', scopes: ['mapping:read'] }, 'validation_failed'],
      [{ name: 'x'.repeat(201), scopes: ['mapping:read'] }, 'validation_failed'],
      [{ name: 'BI\u0000', scopes: ['mapping:read'] }, 'validation_failed'],
      [{ name: 'BI', scopes: [] }, 'validation_failed'],
      [{ name: 'BI', scopes: ['xapi:everything'] }, 'validation_failed'],
      [{ name: 'BI', scopes: ['mapping:read', 'mapping:read'] }, 'validation_failed'],
      [{ name: 'BI' }, 'validation_failed'],
    ];
    for (const [payload, code] of bad) {
      const res = await coordinator.post(`/api/v1/organisations/${falun}/api-clients`, payload);
      expect([JSON.stringify(payload), res.statusCode, res.json().code]).toEqual([
        JSON.stringify(payload),
        400,
        code,
      ]);
    }
    const admin = await t.as('admin');
    const regionWrite = await admin.post(`/api/v1/organisations/${dalarna}/api-clients`, {
      name: 'BI',
      scopes: ['mapping:write'],
    });
    expect(regionWrite.statusCode).toBe(400);
    expect(regionWrite.json()).toMatchObject({
      code: 'api_client_scope_not_available',
      detail: 'mapping:write',
    });
    const unit = await orgId(t, 'Hemtjänsten Norr', 'unit');
    const unitClient = await admin.post(`/api/v1/organisations/${unit}/api-clients`, {
      name: 'BI',
      scopes: ['mapping:read'],
    });
    expect(unitClient.json().code).toBe('api_client_kind_not_allowed');
    expect((await coordinator.get('/api/v1/organisations/not-a-uuid/api-clients')).statusCode).toBe(400);
    expect(
      (await coordinator.delete('/api/v1/api-clients/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    expect(await countRows(t, 'api_clients')).toBe(before.clients);
    expect(await countRows(t, 'users')).toBe(before.users);
  });

  it('revokes a client: its tokens are gone at once, it gets no more, and revoking again changes nothing', async () => {
    const client = await createClient(t, 'samordnare.falun', falun, ['mapping:read']);
    await accessToken(t, client);
    const coordinator = await t.as('samordnare.falun');
    const res = await coordinator.delete(`/api/v1/api-clients/${client.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().revokedAt).not.toBeNull();
    const [left] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from api_access_tokens where api_client_id = ${client.id}`,
    );
    expect(left!.n).toBe(0);
    expect((await requestToken(t, client)).json()).toEqual({
      error: 'invalid_client',
      error_description: 'Unknown client or wrong secret',
    });
    expect((await coordinator.delete(`/api/v1/api-clients/${client.id}`)).statusCode).toBe(200);
    expect((await auditOf(client.id)).map((a) => a.action)).toEqual([
      'api_client.created',
      'api_client.token_issued',
      'api_client.revoked',
    ]);
  });
});

describe('POST /oauth/token', () => {
  let client: { clientId: string; clientSecret: string; id: string };
  beforeAll(async () => {
    client = await createClient(t, 'samordnare.falun', falun, ['mapping:read', 'mapping:write']);
  });

  it('issues an hour-long bearer token for HTTP Basic, never cached, audited without the token', async () => {
    const res = await requestToken(t, client);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
    const body = res.json();
    expect(body).toEqual({
      access_token: expect.stringMatching(/^vna_/),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'mapping:read mapping:write',
    });
    const [stored] = await queryRows<{ scopes: string[]; seconds: number }>(
      t.db,
      sql`select scopes, extract(epoch from expires_at - created_at)::int as seconds
          from api_access_tokens where token_hash = ${sha256(body.access_token)}`,
    );
    expect(stored).toEqual({ scopes: ['mapping:read', 'mapping:write'], seconds: 3600 });
    const audit = await auditOf(client.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'api_client.token_issued',
      after: { scopes: stored!.scopes },
    });
    expect(JSON.stringify(audit)).not.toContain(body.access_token);
    const [used] = await queryRows<{ last_used_at: string | null }>(
      t.db,
      sql`select last_used_at from api_clients where id = ${client.id}`,
    );
    expect(used!.last_used_at).not.toBeNull();
  });

  it('takes the credentials as form fields too, and a subset of the scopes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        scope: 'mapping:read',
      }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().scope).toBe('mapping:read');
  });

  it('answers every refusal in RFC 6749 §5.2 form, and issues nothing', async () => {
    const before = await countRows(t, 'api_access_tokens');
    const form = 'application/x-www-form-urlencoded';
    const post = (payload: string, headers: Record<string, string> = { 'content-type': form }) =>
      t.app.inject({ method: 'POST', url: '/oauth/token', headers, payload });
    const wrongSecret = await requestToken(t, { ...client, clientSecret: `${client.clientSecret}x` });
    expect(wrongSecret.statusCode).toBe(401);
    expect(wrongSecret.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(wrongSecret.json().error).toBe('invalid_client');
    expect(wrongSecret.headers['cache-control']).toBe('no-store');

    const cases: [Promise<{ statusCode: number; json: () => { error: string } }>, number, string][] = [
      [requestToken(t, { clientId: 'vnc_unknown', clientSecret: 'x' }), 401, 'invalid_client'],
      [post('grant_type=client_credentials'), 401, 'invalid_client'],
      [post(`grant_type=client_credentials&client_id=${client.clientId}`), 401, 'invalid_client'],
      [
        post('grant_type=client_credentials', { 'content-type': form, authorization: 'Basic %%%' }),
        401,
        'invalid_client',
      ],
      [
        requestToken(t, client, { grant_type: 'password', username: 'a', password: 'b' }),
        400,
        'unsupported_grant_type',
      ],
      [
        requestToken(t, client, { grant_type: 'authorization_code', code: 'x' }),
        400,
        'unsupported_grant_type',
      ],
      [requestToken(t, client, {}), 400, 'invalid_request'],
      [
        requestToken(t, client, { grant_type: 'client_credentials', scope: 'people:write' }),
        400,
        'invalid_scope',
      ],
      [
        requestToken(t, client, { grant_type: 'client_credentials', scope: 'mapping:read xapi:all' }),
        400,
        'invalid_scope',
      ],
      [post('grant_type=client_credentials&grant_type=client_credentials'), 400, 'invalid_request'],
      [
        post(JSON.stringify({ grant_type: 'client_credentials' }), { 'content-type': 'application/json' }),
        400,
        'invalid_request',
      ],
      [post('grant_type=client_credentials', { 'content-type': 'text/plain' }), 400, 'invalid_request'],
      [
        requestToken(t, client, {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        }),
        400,
        'invalid_request',
      ],
    ];
    for (const [pending, status, error] of cases) {
      const res = await pending;
      expect([res.statusCode, res.json().error]).toEqual([status, error]);
    }
    expect(await countRows(t, 'api_access_tokens')).toBe(before);
    expect((await auditOf(client.id)).map((a) => a.action)).toContain('api_client.authentication_failed');
  });

  it('is described in the OpenAPI document with the oauth2 and bearer schemes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.securitySchemes.oauth2.flows.clientCredentials).toMatchObject({
      tokenUrl: '/oauth/token',
      scopes: expect.objectContaining({
        'mapping:read': expect.any(String),
        'people:write': expect.any(String),
      }),
    });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ session: [] }, { oauth2: [] }, { bearer: [] }]);
    const token = doc.paths['/oauth/token'].post;
    expect(Object.keys(token.requestBody.content)).toEqual(['application/x-www-form-urlencoded']);
    expect(Object.keys(token.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
    expect(doc.paths['/api/v1/organisations/{id}/api-clients'].post).toBeDefined();
  });
});
