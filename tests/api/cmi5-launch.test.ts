import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { cmi5Xml, cmi5Zip, DEFAULT_AUS, scorm12Zip, zipOf } from '../support/course-packages.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { xapiRequest } from '../support/xapi-call.ts';
import { accessToken, createClient, orgByCode } from './api-clients.fixtures.ts';
import {
  auStatement,
  fetchToken,
  type Launch,
  launched,
  learnerAgent,
  lms,
  PUBLIC_URL,
  SESSION_EXT,
  sendStatements,
  verbsOf,
} from './cmi5.fixtures.ts';

let t: TestApp;
let token: string;
let otherToken: string;
let courseId: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  const falun = await orgByCode(t, 'municipality', '2080');
  const borlange = await orgByCode(t, 'municipality', '2081');
  token = await accessToken(t, await createClient(t, 'samordnare.falun', falun, ['cmi5:admin'], 'CATAPULT'));
  otherToken = await accessToken(
    t,
    await createClient(t, 'samordnare.borlange', borlange, ['cmi5:admin'], 'Annan LMS'),
  );
  const res = await lms(t, token, 'POST', '/courses', cmi5Zip(), 'application/zip');
  expect(res.statusCode).toBe(200);
  courseId = res.json().id;
});
afterAll(() => t.close());

const launch = (body: Record<string, unknown>, auIndex = 0, as = token) =>
  lms(t, as, 'POST', `/courses/${courseId}/launch-url/${auIndex}`, body);

describe('importing and deleting cmi5 courses', () => {
  it('imports a bare cmi5.xml sent as text/xml', async () => {
    const xml = cmi5Xml(DEFAULT_AUS.map((au) => ({ ...au, url: `https://au.example.org/${au.url}` })));
    const res = await lms(t, token, 'POST', '/courses', Buffer.from(xml), 'text/xml');
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a course structure that breaks a cmi5 requirement, naming it', async () => {
    const au = { ...DEFAULT_AUS[0]!, url: '../outside.html' };
    const res = await lms(
      t,
      token,
      'POST',
      '/courses',
      zipOf({ 'cmi5.xml': cmi5Xml([au]) }),
      'application/zip',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'package_invalid', violatedRequirement: expect.any(String) });
  });

  it('refuses a SCORM package', async () => {
    const res = await lms(t, token, 'POST', '/courses', scorm12Zip(), 'application/zip');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('package_not_recognised');
  });

  it('deletes only its own organisation’s cmi5 courses', async () => {
    const created = await lms(t, token, 'POST', '/courses', cmi5Zip(), 'application/zip');
    const id = created.json().id as string;
    expect((await lms(t, otherToken, 'DELETE', `/courses/${id}`)).statusCode).toBe(403);
    expect((await lms(t, token, 'DELETE', `/courses/${id}`)).statusCode).toBe(204);
    expect((await lms(t, token, 'DELETE', `/courses/${id}`)).statusCode).toBe(404);
  });
});

describe('launching an AU', () => {
  it('answers the launch URL with the §8.1 parameters and records Launched and LMS.LaunchData', async () => {
    const actor = learnerAgent();
    const l = launched(await launch({ actor, returnUrl: 'https://lms.example.org/back' }));
    expect(l.url.startsWith(`${PUBLIC_URL}/content/`)).toBe(true);
    expect(l.params.get('endpoint')).toBe(`${PUBLIC_URL}/xapi/`);
    expect(l.params.get('fetch')).toBe(`${PUBLIC_URL}/api/v1/cmi5/fetch-url/${l.sessionId}`);
    expect(JSON.parse(l.params.get('actor')!)).toEqual(actor);
    expect(l.params.get('registration')).toBe(l.registration);
    const activityId = l.params.get('activityId')!;
    expect(activityId).not.toBe(DEFAULT_AUS[0]!.id);
    expect(await verbsOf(t, l.registration)).toEqual(['launched']);

    const auth = await fetchToken(t, l);
    const state = await t.app.inject({
      method: 'GET',
      url: `/xapi/activities/state?${new URLSearchParams({
        activityId,
        agent: JSON.stringify(actor),
        registration: l.registration,
        stateId: 'LMS.LaunchData',
      })}`,
      headers: { authorization: `Basic ${auth}`, 'x-experience-api-version': '1.0.3' },
    });
    expect(state.statusCode).toBe(200);
    expect(state.json()).toMatchObject({
      contextTemplate: {
        contextActivities: { grouping: [{ id: DEFAULT_AUS[0]!.id }] },
        extensions: { [SESSION_EXT]: l.sessionId },
      },
      launchMode: 'Normal',
      launchMethod: 'AnyWindow',
      moveOn: 'Completed',
      returnURL: 'https://lms.example.org/back',
    });
    const prefs = await xapiRequest(
      t,
      'GET',
      '/agents/profile',
      { agent: actor, profileId: 'cmi5LearnerPreferences' },
      { headers: { authorization: `Basic ${auth}` } },
    );
    expect(prefs.statusCode).toBe(200);
    expect(prefs.json()).toHaveProperty('languagePreference');
  });

  it('abandons the open session of the registration on a new launch', async () => {
    const actor = learnerAgent();
    const first = launched(await launch({ actor }));
    const auth = await fetchToken(t, first);
    const second = launched(await launch({ actor, registration: first.registration }));
    expect(second.registration).toBe(first.registration);
    expect(await verbsOf(t, first.registration)).toEqual(['launched', 'abandoned', 'launched']);
    const res = await sendStatements(t, auth, [auStatement(first, 'initialized')]);
    expect(res.statusCode).toBe(403);
  });

  it('abandons a session on request, once', async () => {
    const l = launched(await launch({ actor: learnerAgent() }));
    expect((await lms(t, otherToken, 'POST', `/sessions/${l.sessionId}/abandon`)).statusCode).toBe(403);
    expect((await lms(t, token, 'POST', `/sessions/${l.sessionId}/abandon`)).statusCode).toBe(204);
    expect((await lms(t, token, 'POST', `/sessions/${l.sessionId}/abandon`)).statusCode).toBe(409);
    expect(await verbsOf(t, l.registration)).toEqual(['launched', 'abandoned']);
  });

  it('refuses a registration of another learner', async () => {
    const l = launched(await launch({ actor: learnerAgent() }));
    const res = await launch({ actor: learnerAgent(), registration: l.registration });
    expect(res.statusCode).toBe(409);
  });

  it('refuses an unknown AU, a bad actor, another organisation and a client without the scope', async () => {
    expect((await launch({ actor: learnerAgent() }, 7)).statusCode).toBe(404);
    expect((await launch({ actor: { mbox: 'mailto:a@example.org' } })).statusCode).toBe(400);
    expect((await launch({ actor: learnerAgent() }, 0, otherToken)).statusCode).toBe(403);
    const falun = await orgByCode(t, 'municipality', '2080');
    const reader = await accessToken(t, await createClient(t, 'samordnare.falun', falun, ['learning:read']));
    const res = await launch({ actor: learnerAgent() }, 0, reader);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('insufficient_scope');
  });

  it('needs a bearer token: a cookie session without CSRF token is refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cmi5/courses/${courseId}/launch-url/0`,
      payload: { actor: learnerAgent() },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('the fetch URL and the auth-token', () => {
  let l: Launch;
  let auth: string;
  beforeAll(async () => {
    l = launched(await launch({ actor: learnerAgent() }));
  });

  it('hands out the token once, then error 1 with HTTP 200 (§8.2.3)', async () => {
    auth = await fetchToken(t, l);
    expect(Buffer.from(auth, 'base64').toString()).toMatch(/^cmi5-[0-9a-f-]{36}:/);
    const again = await t.app.inject({ method: 'POST', url: new URL(l.params.get('fetch')!).pathname });
    expect(again.statusCode).toBe(200);
    expect(again.headers['content-type']).toMatch(/application\/json/);
    expect(again.json()).toMatchObject({ 'error-code': '1' });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/cmi5/fetch-url/nope' });
    expect(unknown.json()).toMatchObject({ 'error-code': '2' });
  });

  it('writes statements for its own learner and registration only', async () => {
    const init = await sendStatements(t, auth, [auStatement(l, 'initialized')]);
    expect(init.statusCode).toBe(200);
    const other = await sendStatements(t, auth, [
      auStatement(l, 'completed', {
        actor: learnerAgent(),
        moveOn: true,
        result: { completion: true, duration: 'PT1M' },
      }),
    ]);
    expect(other.statusCode).toBe(403);
    const otherRegistration = await sendStatements(t, auth, [
      auStatement(l, 'experienced', { registration: '0b7d1f0e-6a55-4c6b-9f3b-2c1a4d5e6f70' }),
    ]);
    expect(otherRegistration.statusCode).toBe(403);
    const read = await t.app.inject({
      method: 'GET',
      url: '/xapi/statements',
      headers: { authorization: `Basic ${auth}`, 'x-experience-api-version': '1.0.3' },
    });
    expect(read.statusCode).toBe(403);
  });

  it('may not change LMS.LaunchData', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/xapi/activities/state?${new URLSearchParams({
        activityId: l.params.get('activityId')!,
        agent: l.params.get('actor')!,
        registration: l.registration,
        stateId: 'LMS.LaunchData',
      })}`,
      headers: {
        authorization: `Basic ${auth}`,
        'x-experience-api-version': '1.0.3',
        'content-type': 'application/json',
      },
      payload: '{}',
    });
    expect(res.statusCode).toBe(403);
  });

  it('keeps its own state documents, and no one else’s', async () => {
    const stateUrl = (registration: string) =>
      `/xapi/activities/state?${new URLSearchParams({
        activityId: l.params.get('activityId')!,
        agent: l.params.get('actor')!,
        registration,
        stateId: 'bookmark',
      })}`;
    const headers = {
      authorization: `Basic ${auth}`,
      'x-experience-api-version': '1.0.3',
      'content-type': 'application/json',
    };
    const put = (registration: string) =>
      t.app.inject({ method: 'PUT', url: stateUrl(registration), headers, payload: '{"page":3}' });
    expect((await put(l.registration)).statusCode).toBe(204);
    const read = await t.app.inject({ method: 'GET', url: stateUrl(l.registration), headers });
    expect(read.json()).toEqual({ page: 3 });
    expect((await put('0b7d1f0e-6a55-4c6b-9f3b-2c1a4d5e6f70')).statusCode).toBe(403);
  });

  it('rejects a repeated Initialized and everything after Terminated (§9.3)', async () => {
    expect((await sendStatements(t, auth, [auStatement(l, 'initialized')])).statusCode).toBe(400);
    const done = await sendStatements(t, auth, [
      auStatement(l, 'terminated', { result: { duration: 'PT2M' } }),
    ]);
    expect(done.statusCode).toBe(200);
    expect((await sendStatements(t, auth, [auStatement(l, 'experienced')])).statusCode).toBe(403);
    const [row] = await queryRows<{ terminated_at: Date | null }>(
      t.db,
      sql`select terminated_at from cmi5_sessions where id = ${l.sessionId}`,
    );
    expect(row!.terminated_at).not.toBeNull();
  });
});
