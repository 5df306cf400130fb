import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { ApiClientCreated } from '../../src/shared/contracts/api-clients.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { type XapiCall, xapiRequest } from '../support/xapi-call.ts';
import { createClient, orgByCode } from './api-clients.fixtures.ts';

let t: TestApp;
let falunAll: ApiClientCreated;
let falunRead: ApiClientCreated;
let falunWrite: ApiClientCreated;
let borlangeAll: ApiClientCreated;
beforeAll(async () => {
  t = await createTestApp();
  const falun = await orgByCode(t, 'municipality', '2080');
  const borlange = await orgByCode(t, 'municipality', '2081');
  falunAll = await createClient(t, 'samordnare.falun', falun, ['xapi:all'], 'Simulatorn');
  falunRead = await createClient(t, 'samordnare.falun', falun, ['xapi:read'], 'Rapporter');
  falunWrite = await createClient(t, 'samordnare.falun', falun, ['xapi:write'], 'Appen');
  borlangeAll = await createClient(t, 'samordnare.borlange', borlange, ['xapi:all'], 'Simulatorn');
});
afterAll(() => t.close());

const call = (method: 'GET' | 'PUT' | 'POST', params: Record<string, unknown>, c: XapiCall = {}) =>
  xapiRequest(t, method, '/statements', params, { client: falunAll, ...c });

const ACTIVITY = 'https://simulator.example.se/xapi/ovningar/larmmottagning';
const stranger = () => ({ objectType: 'Agent', mbox: `mailto:${randomUUID()}@example.se` });
const statement = (extra: Record<string, unknown> = {}) => ({
  actor: stranger(),
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'sv-SE': 'slutförde' } },
  object: { id: ACTIVITY, definition: { name: { 'sv-SE': 'Larmmottagning' } } },
  ...extra,
});
const countStatements = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from learning_statements`))[0]!.n;

describe('storing statements (PUT and POST)', () => {
  it('stores a PUT under its statementId (204) and returns it with stored, authority and version', async () => {
    const id = randomUUID();
    const s = statement();
    expect((await call('PUT', { statementId: id }, { body: s })).statusCode).toBe(204);
    const res = await call('GET', { statementId: id });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-experience-api-version']).toBe('2.0.0');
    const got = res.json();
    expect(got).toMatchObject({ id, actor: s.actor, verb: s.verb, version: '2.0.0' });
    expect(got.authority).toMatchObject({ objectType: 'Agent', account: { name: falunAll.clientId } });
    expect(Date.parse(got.stored)).not.toBeNaN();
    expect(new Date(res.headers['last-modified'] as string).getTime()).toBe(
      Math.floor(Date.parse(got.stored) / 1000) * 1000,
    );
  });

  it('answers a POST batch with the ids in order, generating missing ones', async () => {
    const given = randomUUID();
    const res = await call('POST', {}, { body: [statement({ id: given }), statement()] });
    expect(res.statusCode).toBe(200);
    const ids = res.json();
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(given);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts an identical re-send (204) and refuses a different one under the same id (409), changing nothing', async () => {
    const id = randomUUID();
    const s = statement();
    await call('PUT', { statementId: id }, { body: s });
    expect((await call('PUT', { statementId: id }, { body: s })).statusCode).toBe(204);
    const changed = { ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } };
    expect((await call('PUT', { statementId: id }, { body: changed })).statusCode).toBe(409);
    expect((await call('POST', {}, { body: { ...changed, id } })).statusCode).toBe(409);
    expect((await call('GET', { statementId: id })).json().verb.id).toBe(s.verb.id);
  });

  it('refuses invalid statements and bad requests with 400 and stores nothing', async () => {
    const before = await countStatements();
    const bad = [
      () => call('PUT', {}, { body: statement() }),
      () => call('PUT', { statementId: 'nope' }, { body: statement() }),
      () => call('PUT', { statementId: randomUUID() }, { body: statement({ id: randomUUID() }) }),
      () => call('POST', {}, { body: statement({ actor: { mbox: 'ada@example.se' } }) }),
      () => call('POST', {}, { body: statement({ unknown: 1 }) }),
      () => call('POST', {}, { body: [statement({ id: ACTIVITY })] }),
      () => call('POST', {}, { body: '{"actor":', headers: { 'content-type': 'application/json' } }),
      () => call('POST', { method: 'PUT' }, { body: statement() }),
      () => call('POST', {}, { body: statement({ timestamp: '2026-12-07T10:00:00-00:00' }) }),
    ];
    for (const request of bad) expect((await request()).statusCode).toBe(400);
    const dup = randomUUID();
    expect(
      (await call('POST', {}, { body: [statement({ id: dup }), statement({ id: dup })] })).statusCode,
    ).toBe(400);
    expect(await countStatements()).toBe(before);
  });

  it('needs a version header, credentials and a write scope', async () => {
    expect((await call('POST', {}, { body: statement(), version: null })).statusCode).toBe(400);
    expect((await call('POST', {}, { body: statement(), version: '3.0.0' })).statusCode).toBe(400);
    const none = await call('POST', {}, { body: statement(), client: null });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Basic/);
    const wrong = { clientId: falunAll.clientId, clientSecret: 'wrong' };
    expect((await call('POST', {}, { body: statement(), client: wrong })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/xapi/statements',
          headers: { authorization: 'Basic %%%', 'x-experience-api-version': '2.0.0' },
        })
      ).statusCode,
    ).toBe(401);
    expect((await call('POST', {}, { body: statement(), client: falunRead })).statusCode).toBe(403);
  });

  it('accepts 1.0.3 clients and answers in their version, setting version 1.0.0 when none is given', async () => {
    const id = randomUUID();
    const res = await call('PUT', { statementId: id }, { body: statement(), version: '1.0.3' });
    expect(res.statusCode).toBe(204);
    expect(res.headers['x-experience-api-version']).toBe('1.0.3');
    expect((await call('GET', { statementId: id }, { version: '1.0.3' })).json().version).toBe('1.0.0');
  });
});

describe('voiding', () => {
  it('returns a voided statement only by voidedStatementId, and the voiding statement like any other', async () => {
    const target = randomUUID();
    const actor = stranger();
    await call('PUT', { statementId: target }, { body: statement({ actor }) });
    const voiding = randomUUID();
    const voidBody = {
      actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
      object: { objectType: 'StatementRef', id: target },
    };
    expect((await call('PUT', { statementId: voiding }, { body: voidBody })).statusCode).toBe(204);
    expect((await call('GET', { statementId: target })).statusCode).toBe(404);
    expect((await call('GET', { voidedStatementId: target })).json().id).toBe(target);
    const list = (await call('GET', { agent: actor })).json();
    expect(list.statements.map((s: { id: string }) => s.id)).toEqual([voiding]);
    const again = { ...voidBody, object: { objectType: 'StatementRef', id: voiding } };
    expect((await call('POST', {}, { body: again })).statusCode).toBe(400);
  });
});

describe('querying statements', () => {
  it('filters by agent, verb, activity, registration and time, newest first, and pages with more', async () => {
    const actor = stranger();
    const registration = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(
        'POST',
        {},
        {
          body: statement({
            actor,
            context: { registration, contextActivities: { parent: { id: `${ACTIVITY}/kurs` } } },
          }),
        },
      );
      ids.push(res.json()[0]);
    }
    const page1 = await call('GET', { agent: actor, limit: '2' });
    expect(page1.headers['x-experience-api-consistent-through']).toBeTruthy();
    const body1 = page1.json();
    expect(body1.statements.map((s: { id: string }) => s.id)).toEqual([ids[4], ids[3]]);
    expect(body1.more).toMatch(/^\/xapi\/statements\?/);
    const page2 = (
      await t.app.inject({
        method: 'GET',
        url: body1.more,
        headers: {
          authorization: `Basic ${Buffer.from(`${falunAll.clientId}:${falunAll.clientSecret}`).toString('base64')}`,
          'x-experience-api-version': '2.0.0',
        },
      })
    ).json();
    expect(page2.statements.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    const asc = (await call('GET', { registration, ascending: 'true' })).json();
    expect(asc.statements.map((s: { id: string }) => s.id)).toEqual(ids);
    expect(
      (await call('GET', { registration, verb: 'http://adlnet.gov/expapi/verbs/failed' })).json().statements,
    ).toEqual([]);
    expect((await call('GET', { registration, activity: `${ACTIVITY}/kurs` })).json().statements).toEqual([]);
    expect(
      (await call('GET', { registration, activity: `${ACTIVITY}/kurs`, related_activities: 'true' })).json()
        .statements,
    ).toHaveLength(5);
    const stored = (await call('GET', { statementId: ids[2]! })).json().stored;
    expect((await call('GET', { registration, since: stored })).json().statements).toHaveLength(2);
    expect((await call('GET', { registration, until: stored })).json().statements).toHaveLength(3);
  });

  it('finds a statement by an Agent object (agent filter) and by its instructor only with related_agents', async () => {
    const mentor = stranger();
    const learner = stranger();
    const registration = randomUUID();
    const about = await call(
      'POST',
      {},
      {
        body: [
          statement({ object: learner, context: { registration } }),
          statement({ object: { objectType: 'Group', member: [learner] }, context: { registration } }),
          statement({ context: { registration, instructor: mentor } }),
        ],
      },
    );
    expect(about.statusCode).toBe(200);
    const [agentObject, , instructed] = about.json();
    const byAgent = (await call('GET', { agent: learner }))
      .json()
      .statements.map((s: { id: string }) => s.id);
    expect(byAgent).toEqual([agentObject]);
    expect((await call('GET', { agent: mentor })).json().statements).toEqual([]);
    const related = await call('GET', { agent: mentor, related_agents: 'true' });
    expect(related.json().statements.map((s: { id: string }) => s.id)).toEqual([instructed]);
    expect((await call('GET', { registration })).json().statements).toHaveLength(3);
  });

  it('returns a statement whose StatementRef targets one that meets the filter', async () => {
    const learner = stranger();
    const [target] = (await call('POST', {}, { body: statement({ actor: learner }) })).json();
    const ref = {
      actor: stranger(),
      verb: { id: 'https://example.se/verbs/commented' },
      object: { objectType: 'StatementRef', id: target },
    };
    const [referring] = (await call('POST', {}, { body: ref })).json();
    const found = (await call('GET', { agent: learner })).json().statements.map((s: { id: string }) => s.id);
    expect(found).toEqual([referring, target]);
  });

  it('answers format=ids with identifiers only and canonical in one language', async () => {
    const id = randomUUID();
    await call(
      'PUT',
      { statementId: id },
      {
        body: statement({
          verb: {
            id: 'http://adlnet.gov/expapi/verbs/completed',
            display: { 'sv-SE': 'slutförde', 'en-US': 'completed' },
          },
          actor: { ...stranger(), name: 'Ada Lind' },
        }),
      },
    );
    const ids = (await call('GET', { statementId: id, format: 'ids' })).json();
    expect(ids.actor.name).toBeUndefined();
    expect(ids.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/completed' });
    expect(ids.object).toEqual({ objectType: 'Activity', id: ACTIVITY });
    const canonical = (
      await call('GET', { statementId: id, format: 'canonical' }, { headers: { 'accept-language': 'en-US' } })
    ).json();
    expect(canonical.verb.display).toEqual({ 'en-US': 'completed' });
  });

  it('refuses unknown or malformed parameters with 400', async () => {
    for (const params of [
      { nonsense: '1' },
      { statementId: randomUUID(), verb: 'http://x.se/v' },
      { agent: '{"name":"no ifi"}' },
      { since: 'yesterday' },
      { limit: '-1' },
      { format: 'short' },
      { registration: 'nope' },
    ]) {
      expect((await call('GET', params)).statusCode, JSON.stringify(params)).toBe(400);
    }
  });

  it("keeps organisations apart: Borlänge's client reads none of Falun's statements", async () => {
    const id = randomUUID();
    await call('PUT', { statementId: id }, { body: statement() });
    expect((await call('GET', { statementId: id }, { client: borlangeAll })).statusCode).toBe(404);
    expect((await call('GET', { statementId: id }, { client: falunRead })).statusCode).toBe(200);
    expect((await call('GET', { statementId: id }, { client: falunWrite })).statusCode).toBe(403);
  });
});

describe('one store for the web app and outside tools', () => {
  it("links a statement about one of Falun's people to her, returns her lesson statements through /xapi, and refuses Borlänge writing about her", async () => {
    const email = demoEmail('personal.falun');
    const [user] = await queryRows<{ id: string }>(t.db, sql`select id from users where email = ${email}`);
    const id = randomUUID();
    const about = statement({ actor: { objectType: 'Agent', mbox: `mailto:${email}` } });
    expect((await call('PUT', { statementId: id }, { body: about })).statusCode).toBe(204);
    const [row] = await queryRows<{ user_id: string }>(
      t.db,
      sql`select user_id from learning_statements where id = ${id}`,
    );
    expect(row!.user_id).toBe(user!.id);
    expect((await call('POST', {}, { body: about, client: borlangeAll })).statusCode).toBe(403);

    const mine = (await call('GET', { agent: { mbox: `mailto:${email}` }, limit: '0' })).json();
    const own = mine.statements.filter(
      (s: { authority: { account: { name: string } } }) => s.authority.account.name === 'valfardsnavet',
    );
    expect(own.length).toBeGreaterThan(0);
    expect(own[0].actor).toMatchObject({ account: { name: user!.id } });
    expect(mine.statements.map((s: { id: string }) => s.id)).toContain(id);

    // She reads her own statements with her session, and nobody else's.
    const person = await t.as('personal.falun');
    const cookie = [...person.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({
      method: 'GET',
      url: '/xapi/statements?limit=0',
      headers: { cookie, 'x-experience-api-version': '2.0.0' },
    });
    expect(res.statusCode).toBe(200);
    const ids = res.json().statements.map((s: { id: string }) => s.id);
    expect(ids).toContain(id);
    const other = randomUUID();
    await call('PUT', { statementId: other }, { body: statement() });
    expect(ids).not.toContain(other);
    const write = await t.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { cookie, 'x-experience-api-version': '2.0.0', 'content-type': 'application/json' },
      payload: JSON.stringify(statement()),
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('about and CORS', () => {
  it('lists the versions without credentials, and answers a browser preflight', async () => {
    const about = await t.app.inject({ method: 'GET', url: '/xapi/about' });
    expect(about.statusCode).toBe(200);
    expect(about.json().version).toEqual(['1.0.3', '2.0.0']);
    expect(about.headers['x-experience-api-version']).toBeTruthy();
    const pre = await t.app.inject({
      method: 'OPTIONS',
      url: '/xapi/statements',
      headers: { origin: 'https://kurs.example.se', 'access-control-request-method': 'POST' },
    });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(String(pre.headers['access-control-allow-headers'])).toContain('X-Experience-API-Version');
  });
});
