import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { ApiClientCreated } from '../../src/shared/contracts/api-clients.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { basicAuth, xapiRequest } from '../support/xapi-call.ts';
import { createClient, orgByCode } from './api-clients.fixtures.ts';

let t: TestApp;
let falun: string;
let falunAll: ApiClientCreated;
let borlangeRead: ApiClientCreated;
beforeAll(async () => {
  t = await createTestApp();
  falun = await orgByCode(t, 'municipality', '2080');
  const borlange = await orgByCode(t, 'municipality', '2081');
  falunAll = await createClient(t, 'samordnare.falun', falun, ['xapi:all'], 'Kursplattform');
  borlangeRead = await createClient(t, 'samordnare.borlange', borlange, ['xapi:read'], 'Rapporter');
});
afterAll(() => t.close());

const get = (path: string, params: Record<string, unknown>, client: ApiClientCreated = falunAll) =>
  xapiRequest(t, 'GET', path, params, { client });

const ACTIVITY = 'https://kurser.example.se/xapi/aktiviteter/hjartlungraddning';

describe('activities resource', () => {
  it('answers an activity it knows nothing about with just its id', async () => {
    const res = await get('/activities', { activityId: `${ACTIVITY}/okand` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ objectType: 'Activity', id: `${ACTIVITY}/okand` });
  });

  it("returns the canonical definition the reader's organisations gave it, and not another municipality's", async () => {
    const definition = {
      name: { 'sv-SE': 'Hjärt-lungräddning', 'en-US': 'CPR' },
      type: 'http://adlnet.gov/expapi/activities/course',
    };
    await t.db.execute(
      sql`insert into xapi_activities (organisation_id, activity_id, definition)
          values (${falun}, ${ACTIVITY}, ${JSON.stringify(definition)}::jsonb)`,
    );
    expect((await get('/activities', { activityId: ACTIVITY })).json()).toEqual({
      objectType: 'Activity',
      id: ACTIVITY,
      definition,
    });
    const head = await t.app.inject({
      method: 'HEAD',
      url: `/xapi/activities?activityId=${encodeURIComponent(ACTIVITY)}`,
      headers: { authorization: basicAuth(falunAll), 'x-experience-api-version': '2.0.0' },
    });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect((await get('/activities', { activityId: ACTIVITY }, borlangeRead)).json()).toEqual({
      objectType: 'Activity',
      id: ACTIVITY,
    });
  });

  it('refuses a missing or malformed activityId and unknown parameters with 400', async () => {
    expect((await get('/activities', {})).statusCode).toBe(400);
    expect((await get('/activities', { activityId: 'true' })).statusCode).toBe(400);
    expect((await get('/activities', { activityId: ACTIVITY, agent: 'x' })).statusCode).toBe(400);
  });

  it("answers a person's session with 403 and no credentials with 401", async () => {
    const person = await t.as('samordnare.falun');
    const url = `/xapi/activities?activityId=${encodeURIComponent(ACTIVITY)}`;
    const headers = { 'x-experience-api-version': '2.0.0' };
    expect((await person.request({ method: 'GET', url, headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url, headers })).statusCode).toBe(401);
  });
});

describe('agents resource', () => {
  it('returns a Person with array properties for an agent it knows nothing about', async () => {
    const agent = { objectType: 'Agent', name: 'Elev 17', mbox: 'mailto:elev17@example.se' };
    const res = await get('/agents', { agent });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      objectType: 'Person',
      name: ['Elev 17'],
      mbox: ['mailto:elev17@example.se'],
    });
  });

  it('gathers the names documents were stored under for the same agent', async () => {
    const account = { homePage: 'https://kurser.example.se', name: 'elev-18' };
    const put = await t.app.inject({
      method: 'PUT',
      url: `/xapi/agents/profile?agent=${encodeURIComponent(JSON.stringify({ name: 'Kim', account }))}&profileId=p`,
      headers: {
        authorization: basicAuth(falunAll),
        'x-experience-api-version': '2.0.0',
        'content-type': 'application/json',
      },
      payload: '{}',
    });
    expect(put.statusCode).toBe(204);
    expect((await get('/agents', { agent: { account } })).json()).toEqual({
      objectType: 'Person',
      name: ['Kim'],
      account: [account],
    });
    // Borlänge's client does not learn what Falun stored.
    expect((await get('/agents', { agent: { account } }, borlangeRead)).json()).toEqual({
      objectType: 'Person',
      account: [account],
    });
  });

  it('adds our account for one of our people, only for a reader whose organisations she belongs to', async () => {
    const email = demoEmail('samordnare.falun');
    const [user] = await queryRows<{ id: string }>(t.db, sql`select id from users where email = ${email}`);
    const res = await get('/agents', { agent: { mbox: `mailto:${email}` } });
    expect(res.json()).toEqual({
      objectType: 'Person',
      mbox: [`mailto:${email}`],
      account: [{ homePage: expect.stringMatching(/^https?:\/\//), name: user!.id }],
    });
    expect((await get('/agents', { agent: { mbox: `mailto:${email}` } }, borlangeRead)).json()).toEqual({
      objectType: 'Person',
      mbox: [`mailto:${email}`],
    });
  });

  it('refuses a missing agent, one without an identifier and one that is not JSON with 400', async () => {
    expect((await get('/agents', {})).statusCode).toBe(400);
    expect((await get('/agents', { agent: { objectType: 'Agent', name: 'Ingen' } })).statusCode).toBe(400);
    expect((await get('/agents', { agent: 'inte json' })).statusCode).toBe(400);
  });
});
