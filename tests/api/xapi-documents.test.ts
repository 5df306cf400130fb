import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { ApiClientCreated } from '../../src/shared/contracts/api-clients.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { basicAuth, type XapiCall, xapiQuery, xapiRequest } from '../support/xapi-call.ts';
import { createClient, orgByCode } from './api-clients.fixtures.ts';

let t: TestApp;
let falun: string;
let falunAll: ApiClientCreated;
let falunRead: ApiClientCreated;
let borlangeAll: ApiClientCreated;
beforeAll(async () => {
  t = await createTestApp();
  falun = await orgByCode(t, 'municipality', '2080');
  const borlange = await orgByCode(t, 'municipality', '2081');
  falunAll = await createClient(t, 'samordnare.falun', falun, ['xapi:all'], 'Kursplattform');
  falunRead = await createClient(t, 'samordnare.falun', falun, ['xapi:read'], 'Rapporter');
  borlangeAll = await createClient(t, 'samordnare.borlange', borlange, ['xapi:all'], 'Kursplattform');
});
afterAll(() => t.close());

const ACTIVITY = 'https://kurser.example.se/xapi/aktiviteter/brandskydd';
const AGENT = { objectType: 'Agent', account: { homePage: 'https://kurser.example.se', name: 'elev-17' } };
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const query = xapiQuery;

function xapi(
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE',
  path: string,
  params: Record<string, unknown>,
  call: XapiCall = {},
): Promise<LightMyRequestResponse> {
  return xapiRequest(t, method, path, params, { client: falunAll, ...call });
}

const status = async (...args: Parameters<typeof xapi>) => (await xapi(...args)).statusCode;

const stateParams = (stateId: string, extra: Record<string, unknown> = {}) => ({
  activityId: ACTIVITY,
  agent: AGENT,
  stateId,
  ...extra,
});
const documentCount = async () =>
  Number((await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from xapi_documents`))[0]!.n);

describe('state resource: storing, reading and deleting documents', () => {
  it('stores a PUT document and returns it with its type, quoted SHA-1 ETag and Last-Modified', async () => {
    const body = JSON.stringify({ bokmärke: 'sida-3', poäng: 12 });
    const put = await xapi('PUT', '/activities/state', stateParams('resume'), { body: JSON.parse(body) });
    expect(put.statusCode).toBe(204);
    expect(put.headers['x-experience-api-version']).toBe('2.0.0');
    const get = await xapi('GET', '/activities/state', stateParams('resume'));
    expect(get.statusCode).toBe(200);
    expect(get.json()).toEqual({ bokmärke: 'sida-3', poäng: 12 });
    expect(get.headers['content-type']).toBe('application/json');
    expect(get.headers.etag).toBe(`"${sha1(body)}"`);
    expect(Number.isNaN(Date.parse(String(get.headers['last-modified'])))).toBe(false);

    // Some 1.0.3 clients send a body with a GET: it is ignored.
    const withBody = await xapi('GET', '/activities/state', stateParams('resume'), { body: { x: 1 } });
    expect(withBody.json()).toEqual({ bokmärke: 'sida-3', poäng: 12 });

    const head = await xapi('HEAD', '/activities/state', stateParams('resume'));
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['last-modified']).toBe(get.headers['last-modified']);
  });

  it('keeps any content type byte for byte', async () => {
    const put = await xapi('PUT', '/activities/state', stateParams('anteckning'), {
      body: 'fri text, inte JSON',
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.statusCode).toBe(204);
    const get = await xapi('GET', '/activities/state', stateParams('anteckning'));
    expect(get.body).toBe('fri text, inte JSON');
    expect(get.headers['content-type']).toBe('application/octet-stream');
  });

  it('merges a POSTed JSON object into the stored one, top-level keys of the sent one winning', async () => {
    const params = stateParams('merge');
    expect(
      (await xapi('POST', '/activities/state', params, { body: { bil: 'Volvo', år: 1999 } })).statusCode,
    ).toBe(204);
    const merged = await xapi('POST', '/activities/state', params, {
      body: { år: 2024, färg: { röd: true } },
    });
    expect(merged.statusCode).toBe(204);
    expect((await xapi('GET', '/activities/state', params)).json()).toEqual({
      bil: 'Volvo',
      år: 2024,
      färg: { röd: true },
    });
  });

  it('keeps states of different registrations apart and lists ids, filtered by since', async () => {
    const registration = '6a1f3c2e-0b8d-4c47-9f61-2d5e8a7b9c01';
    const activityId = `${ACTIVITY}/lista`;
    const params = (stateId: string, extra = {}) => stateParams(stateId, { activityId, ...extra });
    await xapi('PUT', '/activities/state', params('a'), { body: { n: 1 } });
    await xapi('PUT', '/activities/state', params('b', { registration }), { body: { n: 2 } });
    expect((await xapi('GET', '/activities/state', params('b'))).statusCode).toBe(404);
    expect((await xapi('GET', '/activities/state', params('b', { registration }))).json()).toEqual({ n: 2 });

    const list = (extra: Record<string, unknown>) =>
      xapi('GET', '/activities/state', { activityId, agent: AGENT, ...extra });
    expect((await list({})).json()).toEqual(['a', 'b']);
    expect((await list({ registration })).json()).toEqual(['b']);
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await list({ since: past })).json()).toEqual(['a', 'b']);
    expect((await list({ since: future })).json()).toEqual([]);
  });

  it('deletes one state, and without stateId every matching state', async () => {
    const activityId = `${ACTIVITY}/radera`;
    for (const id of ['x', 'y', 'z'])
      await xapi('PUT', '/activities/state', stateParams(id, { activityId }), { body: { id } });
    expect((await xapi('DELETE', '/activities/state', stateParams('x', { activityId }))).statusCode).toBe(
      204,
    );
    expect((await xapi('GET', '/activities/state', stateParams('x', { activityId }))).statusCode).toBe(404);
    const all = { activityId, agent: AGENT };
    expect((await xapi('DELETE', '/activities/state', all)).statusCode).toBe(204);
    expect((await xapi('GET', '/activities/state', all)).json()).toEqual([]);
    // Deleting what is not there is no error.
    expect((await xapi('DELETE', '/activities/state', stateParams('x', { activityId }))).statusCode).toBe(
      204,
    );
  });
});

describe('activity and agent profiles', () => {
  it('stores, lists and deletes activity profiles', async () => {
    const activityId = `${ACTIVITY}/profil`;
    const params = { activityId, profileId: 'inställningar' };
    const put = await xapi('PUT', '/activities/profile', params, {
      body: { språk: 'sv' },
      headers: { 'if-none-match': '*' },
    });
    expect(put.statusCode).toBe(204);
    expect((await xapi('GET', '/activities/profile', params)).json()).toEqual({ språk: 'sv' });
    expect((await xapi('GET', '/activities/profile', { activityId })).json()).toEqual(['inställningar']);
    expect((await xapi('DELETE', '/activities/profile', params)).statusCode).toBe(204);
    expect((await xapi('GET', '/activities/profile', params)).statusCode).toBe(404);
  });

  it('stores agent profiles and links one about our own person to her', async () => {
    const person = { objectType: 'Agent', mbox: `mailto:${demoEmail('samordnare.falun')}` };
    const params = { agent: person, profileId: 'preferenser' };
    expect((await xapi('POST', '/agents/profile', params, { body: { tema: 'mörkt' } })).statusCode).toBe(204);
    expect((await xapi('GET', '/agents/profile', params)).json()).toEqual({ tema: 'mörkt' });
    expect((await xapi('GET', '/agents/profile', { agent: person })).json()).toEqual(['preferenser']);
    const [row] = await queryRows<{ user_id: string | null; email: string }>(
      t.db,
      sql`select d.user_id, u.email from xapi_documents d join users u on u.id = d.user_id
          where d.kind = 'agent_profile' and d.document_id = 'preferenser'`,
    );
    expect(row?.email).toBe(demoEmail('samordnare.falun'));
  });
});

describe('concurrency: ETag preconditions and conflicting PUTs', () => {
  const P = '/activities/profile';
  const profile = (profileId: string) => ({ activityId: `${ACTIVITY}/samtidighet`, profileId });
  const etagOf = async (params: Record<string, unknown>) =>
    String((await xapi('GET', P, params)).headers.etag);

  it('refuses a PUT over an existing document without If-Match or If-None-Match with 409', async () => {
    await xapi('PUT', P, profile('p1'), { body: { v: 1 } });
    const bare = await xapi('PUT', P, profile('p1'), { body: { v: 2 } });
    expect(bare.statusCode).toBe(409);
    expect(bare.json().message).toMatch(/If-Match/);
    expect((await xapi('GET', P, profile('p1'))).json()).toEqual({ v: 1 });
    // In xAPI 2.0 the State resource is under the same rule; 1.0.3 clients overwrite their state.
    const S = '/activities/state';
    await xapi('PUT', S, stateParams('s1'), { body: { v: 1 } });
    expect(await status('PUT', S, stateParams('s1'), { body: { v: 2 } })).toBe(409);
    const old = await xapi('PUT', S, stateParams('s1'), { body: { v: 3 }, version: '1.0.3' });
    expect(old.statusCode).toBe(204);
    expect(old.headers['x-experience-api-version']).toBe('1.0.3');
    expect(await status('PUT', P, profile('p1'), { body: { v: 4 }, version: '1.0.3' })).toBe(409);
  });

  it('applies If-Match to PUT, POST and DELETE: a stale tag is 412 and changes nothing', async () => {
    await xapi('PUT', P, profile('p2'), { body: { v: 1 } });
    const etag = await etagOf(profile('p2'));
    const stale = { 'if-match': `"${'1'.repeat(40)}"` };
    expect(await status('PUT', P, profile('p2'), { body: { v: 9 }, headers: stale })).toBe(412);
    expect(await status('POST', P, profile('p2'), { body: { v: 9 }, headers: stale })).toBe(412);
    expect(await status('DELETE', P, profile('p2'), { headers: { 'if-match': '1234' } })).toBe(412);
    expect((await xapi('GET', P, profile('p2'))).json()).toEqual({ v: 1 });

    const current = { 'if-match': etag };
    expect(await status('PUT', P, profile('p2'), { body: { v: 2 }, headers: current })).toBe(204);
    const next = await etagOf(profile('p2'));
    expect(next).not.toBe(etag);
    expect(await status('POST', P, profile('p2'), { body: { w: 1 }, headers: { 'if-match': next } })).toBe(
      204,
    );
    const last = await etagOf(profile('p2'));
    expect(await status('DELETE', P, profile('p2'), { headers: { 'if-match': last } })).toBe(204);
    // If-Match names an existing document: there is none now.
    expect(await status('PUT', P, profile('p2'), { body: {}, headers: current })).toBe(412);
  });

  it('creates with If-None-Match: * only when nothing is stored', async () => {
    const create = { 'if-none-match': '*' };
    const params = { agent: AGENT, profileId: 'ny' };
    expect(await status('PUT', '/agents/profile', params, { body: { a: 1 }, headers: create })).toBe(204);
    expect(await status('PUT', '/agents/profile', params, { body: { a: 2 }, headers: create })).toBe(412);
    expect((await xapi('GET', '/agents/profile', params)).json()).toEqual({ a: 1 });
  });
});

describe('merging requires JSON objects on both sides', () => {
  it('refuses a POST of non-JSON onto JSON, of JSON onto non-JSON and of broken JSON, changing nothing', async () => {
    await xapi('POST', '/activities/state', stateParams('m1'), { body: { kvar: true } });
    expect((await xapi('POST', '/activities/state', stateParams('m1'), { body: 'abc' })).statusCode).toBe(
      400,
    );
    const broken = await xapi('POST', '/activities/state', stateParams('m1'), {
      body: '{"a": 1',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    const array = await xapi('POST', '/activities/state', stateParams('m1'), { body: [1, 2] });
    expect(array.statusCode).toBe(400);
    expect((await xapi('GET', '/activities/state', stateParams('m1'))).json()).toEqual({ kvar: true });

    await xapi('PUT', '/activities/state', stateParams('m2'), {
      body: '/ asdf / undefined',
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect((await xapi('POST', '/activities/state', stateParams('m2'), { body: { a: 1 } })).statusCode).toBe(
      400,
    );
    expect((await xapi('GET', '/activities/state', stateParams('m2'))).body).toBe('/ asdf / undefined');
  });
});

describe('bad parameters are refused with 400 and nothing is written', () => {
  const cases: [string, 'PUT' | 'POST' | 'GET' | 'DELETE', string, Record<string, unknown>][] = [
    ['no activityId', 'PUT', '/activities/state', { agent: AGENT, stateId: 'q' }],
    ['activityId not an IRI', 'POST', '/activities/state', stateParams('q', { activityId: 'inte en iri' })],
    ['no agent', 'PUT', '/activities/state', { activityId: ACTIVITY, stateId: 'q' }],
    ['agent not JSON', 'POST', '/activities/state', stateParams('q', { agent: 'not JSON' })],
    ['agent without identifier', 'PUT', '/agents/profile', { agent: { name: 'Ingen' }, profileId: 'q' }],
    ['registration not a UUID', 'PUT', '/activities/state', stateParams('q', { registration: 'true' })],
    ['no stateId on PUT', 'PUT', '/activities/state', { activityId: ACTIVITY, agent: AGENT }],
    ['no profileId on POST', 'POST', '/activities/profile', { activityId: ACTIVITY }],
    ['no profileId on DELETE', 'DELETE', '/activities/profile', { activityId: ACTIVITY }],
    [
      'agent on the activity profile',
      'PUT',
      '/activities/profile',
      { activityId: ACTIVITY, agent: AGENT, profileId: 'q' },
    ],
    ['an unknown parameter', 'POST', '/activities/state', stateParams('q', { extra: '1' })],
    ['since on a PUT', 'PUT', '/activities/state', stateParams('q', { since: new Date().toISOString() })],
    [
      'since not a timestamp',
      'GET',
      '/activities/state',
      { activityId: ACTIVITY, agent: AGENT, since: 'igår' },
    ],
  ];
  it.each(cases)('%s', async (_name, method, path, params) => {
    const before = await documentCount();
    const res = await xapi(
      method,
      path,
      params,
      method === 'PUT' || method === 'POST' ? { body: { a: 1 } } : {},
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: true, message: expect.any(String) });
    expect(await documentCount()).toBe(before);
  });

  it('refuses a repeated parameter and a missing version header', async () => {
    const url = `/xapi/activities/state?${query(stateParams('q'))}&stateId=r`;
    const headers = { authorization: basicAuth(falunAll), 'x-experience-api-version': '2.0.0' };
    expect((await t.app.inject({ method: 'GET', url, headers })).statusCode).toBe(400);
    expect(
      (await xapi('GET', '/activities/state', stateParams('resume'), { version: null })).statusCode,
    ).toBe(400);
  });
});

describe('who may read and write documents', () => {
  it('lets a read-only client read but not write (403, nothing written)', async () => {
    expect(
      (await xapi('GET', '/activities/state', stateParams('resume'), { client: falunRead })).statusCode,
    ).toBe(200);
    const before = await documentCount();
    for (const method of ['PUT', 'POST', 'DELETE'] as const) {
      const res = await xapi(method, '/activities/state', stateParams('läsare'), {
        client: falunRead,
        ...(method === 'DELETE' ? {} : { body: { a: 1 } }),
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await documentCount()).toBe(before);
  });

  it("keeps Falun's documents from another municipality's client", async () => {
    const other = { client: borlangeAll };
    expect((await xapi('GET', '/activities/state', stateParams('resume'), other)).statusCode).toBe(404);
    expect(
      (await xapi('GET', '/activities/state', { activityId: ACTIVITY, agent: AGENT }, other)).json(),
    ).toEqual([]);
    // Its own document under the same key is its own: Falun's stays as it was.
    expect(
      (await xapi('PUT', '/activities/state', stateParams('resume'), { ...other, body: { b: 1 } }))
        .statusCode,
    ).toBe(204);
    expect(
      (await xapi('DELETE', '/activities/state', { activityId: ACTIVITY, agent: AGENT }, other)).statusCode,
    ).toBe(204);
    expect((await xapi('GET', '/activities/state', stateParams('resume'))).json()).toEqual({
      bokmärke: 'sida-3',
      poäng: 12,
    });
  });

  it("answers a person's session with 403 and missing or wrong credentials with 401", async () => {
    const person = await t.as('samordnare.falun');
    const res = await person.request({
      method: 'GET',
      url: `/xapi/activities/state?${query(stateParams('resume'))}`,
      headers: { 'x-experience-api-version': '2.0.0' },
    });
    expect(res.statusCode).toBe(403);
    const none = await xapi('GET', '/activities/state', stateParams('resume'), { client: null });
    expect(none.statusCode).toBe(401);
    expect(none.headers['x-experience-api-version']).toBe('2.0.0');
    const wrong = await xapi('PUT', '/activities/state', stateParams('resume'), {
      client: { clientId: falunAll.clientId, clientSecret: 'fel' },
      body: { a: 1 },
    });
    expect(wrong.statusCode).toBe(401);
  });
});
