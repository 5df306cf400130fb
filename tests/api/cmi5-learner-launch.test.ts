import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { CMI5_COURSE_ID, cmi5Zip, packageForm, scorm12Zip } from '../support/course-packages.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { xapiRequest } from '../support/xapi-call.ts';
import { accessToken, createClient, orgByCode } from './api-clients.fixtures.ts';
import {
  auStatement,
  fetchToken,
  type Launch,
  launched,
  PUBLIC_URL,
  sendStatements,
  verbsOf,
} from './cmi5.fixtures.ts';

/**
 * The player's cmi5 launch (issue 18): an enrolled learner plays an AU of an imported cmi5 course in the
 * web app. Only she may launch it; the registration is her enrolment's, so what the AU satisfies counts.
 */

let t: TestApp;
let learner: Agent;
let userId: string;
let cmi5Course: string;
let scormCourse: string;
let scormModule: string;
/** Module keys of the cmi5 course, in the order of its AUs. */
let modules: string[];
const enrolment: Record<'cmi5' | 'scorm', string> = { cmi5: '', scorm: '' };

const AUS = [
  { id: `${CMI5_COURSE_ID}/au/start`, title: { sv: 'Start' }, url: 'start/index.html', moveOn: 'Completed' },
  {
    id: `${CMI5_COURSE_ID}/au/prov`,
    title: { sv: 'Prov' },
    url: 'prov/index.html',
    moveOn: 'Passed',
    masteryScore: 0.8,
  },
];

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.db, q);

async function importAs(coordinator: Agent, zip: Buffer) {
  const res = await coordinator.request({
    method: 'POST',
    url: '/api/v1/courses/import',
    ...packageForm(zip),
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { courseId: string; modules: { key: string }[] };
}

async function enrol(agent: Agent, courseId: string) {
  expect((await agent.post('/api/v1/enrolments', { courseId })).statusCode).toBe(200);
  const [row] = await rows<{ id: string }>(
    sql`select id from enrolments where user_id = ${userId} and course_id = ${courseId}`,
  );
  return row!.id;
}

const launchUrl = (enrolmentId: string, moduleKey: string) =>
  `/api/v1/enrolments/${enrolmentId}/modules/${moduleKey}/cmi5-launch`;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  const coordinator = await t.as('samordnare.falun');
  const cmi5 = await importAs(coordinator, cmi5Zip(AUS));
  cmi5Course = cmi5.courseId;
  modules = cmi5.modules.map((m) => m.key);
  const scorm = await importAs(coordinator, scorm12Zip());
  scormCourse = scorm.courseId;
  scormModule = scorm.modules[0]!.key;
  learner = await t.as('personal.falun');
  const [user] = await rows<{ id: string }>(
    sql`select id from users where email = ${demoEmail('personal.falun')}`,
  );
  userId = user!.id;
  enrolment.cmi5 = await enrol(learner, cmi5Course);
  enrolment.scorm = await enrol(learner, scormCourse);
});
afterAll(() => t.close());

async function launchOwn(moduleKey: string): Promise<Launch> {
  return launched(await learner.post(launchUrl(enrolment.cmi5, moduleKey)));
}

describe('the enrolled learner launches an AU of her cmi5 course', () => {
  it('answers the §8.1 launch URL for her account, with LMS.LaunchData for the player', async () => {
    expect(modules).toHaveLength(2);
    const l = await launchOwn(modules[1]!);
    expect(l.url.startsWith(`${PUBLIC_URL}/content/`)).toBe(true);
    expect(new URL(l.url).pathname.endsWith('/prov/index.html')).toBe(true);
    expect(l.params.get('endpoint')).toBe(`${PUBLIC_URL}/xapi/`);
    expect(l.params.get('fetch')).toBe(`${PUBLIC_URL}/api/v1/cmi5/fetch-url/${l.sessionId}`);
    const actor = { objectType: 'Agent', account: { homePage: PUBLIC_URL, name: userId } };
    expect(JSON.parse(l.params.get('actor')!)).toEqual(actor);
    expect(l.params.get('registration')).toBe(l.registration);
    const activityId = l.params.get('activityId')!;
    expect(activityId.startsWith(PUBLIC_URL)).toBe(true);

    // The AU's index in the course structure, and the registration is the enrolment's.
    const [session] = await rows<{ au_index: number; launch_mode: string }>(
      sql`select au_index, launch_mode from cmi5_sessions where id = ${l.sessionId}`,
    );
    expect(session).toEqual({ au_index: 1, launch_mode: 'Normal' });
    const [registration] = await rows<{ enrolment_id: string; user_id: string }>(
      sql`select enrolment_id, user_id from cmi5_registrations where registration = ${l.registration}`,
    );
    expect(registration).toEqual({ enrolment_id: enrolment.cmi5, user_id: userId });
    expect(await verbsOf(t, l.registration)).toEqual(['launched']);

    const auth = await fetchToken(t, l);
    const state = await xapiRequest(
      t,
      'GET',
      '/activities/state',
      { activityId, agent: actor, registration: l.registration, stateId: 'LMS.LaunchData' },
      { headers: { authorization: `Basic ${auth}` } },
    );
    expect(state.statusCode).toBe(200);
    expect(state.json()).toMatchObject({
      launchMode: 'Normal',
      moveOn: 'Passed',
      masteryScore: 0.8,
      returnURL: `${PUBLIC_URL}/utbildning/kurser/${cmi5Course}`,
    });
  });

  it('takes the AU’s statements with the fetched token and counts the module once moveOn is met', async () => {
    const l = await launchOwn(modules[0]!);
    const auth = await fetchToken(t, l);
    // The fetch URL gives the token once (§8.2.2).
    const again = await t.app.inject({ method: 'POST', url: new URL(l.params.get('fetch')!).pathname });
    expect(again.json()).toMatchObject({ 'error-code': '1' });

    expect((await sendStatements(t, auth, [auStatement(l, 'initialized')])).statusCode).toBe(200);
    const items = async () =>
      (
        await rows<{ item: string }>(
          sql`select item from enrolment_items where enrolment_id = ${enrolment.cmi5} order by item`,
        )
      ).map((r) => r.item);
    expect(await items()).toEqual([]);
    const completed = auStatement(l, 'completed', {
      moveOn: true,
      result: { completion: true, duration: 'PT2M' },
    });
    const terminated = auStatement(l, 'terminated', { result: { duration: 'PT2M5S' } });
    expect((await sendStatements(t, auth, [completed, terminated])).statusCode).toBe(200);
    expect(await items()).toEqual([`unit:${modules[0]}`]);

    // The enrolment's registration is reused: the session left open by the first test was abandoned.
    expect(await verbsOf(t, l.registration)).toEqual([
      'launched',
      'abandoned',
      'launched',
      'initialized',
      'completed',
      'terminated',
    ]);
    const progress = await learner.get('/api/v1/me/learning');
    const mine = (progress.json() as { items: { id: string; percent: number }[] }).items.find(
      (e) => e.id === enrolment.cmi5,
    );
    expect(mine?.percent).toBe(50);
  });

  it('needs the CSRF token of her session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: launchUrl(enrolment.cmi5, modules[0]!),
      headers: { cookie: [...learner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });
});

describe('only the enrolment’s learner', () => {
  it('refuses another learner, her manager, an administrator and an API client; 401 without a session', async () => {
    for (const who of ['lina.persson', 'chef.falun', 'admin']) {
      const other = await t.as(who);
      expect((await other.post(launchUrl(enrolment.cmi5, modules[0]!))).statusCode).toBe(403);
    }
    const falun = await orgByCode(t, 'municipality', '2080');
    const token = await accessToken(
      t,
      await createClient(t, 'samordnare.falun', falun, ['cmi5:admin'], 'LMS'),
    );
    const bearer = await t.app.inject({
      method: 'POST',
      url: launchUrl(enrolment.cmi5, modules[0]!),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearer.statusCode).toBe(403);
    const anonymous = await t.agent().post(launchUrl(enrolment.cmi5, modules[0]!));
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('bad input', () => {
  it('is 404 for an unknown module, enrolment or a SCORM course, 400 for malformed parameters', async () => {
    const unknown = await learner.post(launchUrl(enrolment.cmi5, 'finns-inte'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'params.moduleKey' })]);
    expect((await learner.post(launchUrl(randomUUID(), modules[0]!))).statusCode).toBe(404);
    expect((await learner.post(launchUrl(enrolment.scorm, scormModule))).statusCode).toBe(404);
    expect((await learner.post(launchUrl(enrolment.cmi5, 'Fel_Nyckel'))).statusCode).toBe(400);
    expect((await learner.post(launchUrl('inte-en-uuid', modules[0]!))).statusCode).toBe(400);
  });
});
