import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { CMI5_COURSE_ID, cmi5Zip, zipOf } from '../support/course-packages.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { accessToken, createClient, orgByCode } from './api-clients.fixtures.ts';
import {
  auStatement,
  fetchToken,
  launched,
  learnerAgent,
  lms,
  PUBLIC_URL,
  sendStatements,
  verbsOf,
} from './cmi5.fixtures.ts';

let t: TestApp;
let token: string;
let twoAus: string;
let oneAu: string;

const AUS = [
  {
    id: `${CMI5_COURSE_ID}/au/lektion`,
    title: { sv: 'Lektion' },
    url: 'lektion/index.html',
    moveOn: 'CompletedAndPassed',
    masteryScore: 0.6,
  },
  { id: `${CMI5_COURSE_ID}/au/extra`, title: { sv: 'Extra' }, url: 'extra/index.html', moveOn: 'Completed' },
];

async function importZip(zip: Buffer) {
  const res = await lms(t, token, 'POST', '/courses', zip, 'application/zip');
  expect(res.statusCode).toBe(200);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  const falun = await orgByCode(t, 'municipality', '2080');
  token = await accessToken(t, await createClient(t, 'samordnare.falun', falun, ['cmi5:admin'], 'CATAPULT'));
  twoAus = await importZip(cmi5Zip(AUS));
  oneAu = await importZip(cmi5Zip([AUS[0]!]));
});
afterAll(() => t.close());

const launch = (courseId: string, body: Record<string, unknown>, auIndex = 0) =>
  lms(t, token, 'POST', `/courses/${courseId}/launch-url/${auIndex}`, body);

describe('waiving an AU', () => {
  it('records Waived with its reason, then Satisfied for the course once every AU meets moveOn', async () => {
    const l = launched(await launch(twoAus, { actor: learnerAgent() }));
    const waive = (auIndex: number) =>
      lms(t, token, 'POST', `/registrations/${l.registration}/waive-au/${auIndex}`, { reason: 'Tested Out' });
    expect((await waive(0)).statusCode).toBe(204);
    expect(await verbsOf(t, l.registration)).toEqual(['launched', 'waived']);
    expect((await waive(0)).statusCode).toBe(409);
    expect((await waive(1)).statusCode).toBe(204);
    expect(await verbsOf(t, l.registration)).toEqual(['launched', 'waived', 'waived', 'satisfied']);
    const [waived] = await queryRows<{ statement: Record<string, never> }>(
      t.db,
      sql`select statement from learning_statements where registration = ${l.registration}
          and verb = 'https://w3id.org/xapi/adl/verbs/waived' limit 1`,
    );
    expect(waived!.statement).toMatchObject({
      result: {
        success: true,
        completion: true,
        extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/reason': 'Tested Out' },
      },
    });
  });

  it('refuses an unknown registration and AU', async () => {
    const res = await lms(t, token, 'POST', `/registrations/${crypto.randomUUID()}/waive-au/0`, {
      reason: 'Administrative',
    });
    expect(res.statusCode).toBe(404);
    const l = launched(await launch(twoAus, { actor: learnerAgent() }));
    const au = await lms(t, token, 'POST', `/registrations/${l.registration}/waive-au/9`, { reason: 'x' });
    expect(au.statusCode).toBe(404);
  });
});

describe('moveOn CompletedAndPassed from the AU’s own statements', () => {
  it('satisfies the course after Completed and Passed, and counts the module of a linked enrolment', async () => {
    const learner = await t.as('personal.falun');
    expect((await learner.post('/api/v1/enrolments', { courseId: oneAu })).statusCode).toBe(200);
    const [user] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from users where email = ${demoEmail('personal.falun')}`,
    );
    const actor = { objectType: 'Agent', account: { homePage: PUBLIC_URL, name: user!.id } };
    const l = launched(await launch(oneAu, { actor }));
    const auth = await fetchToken(t, l);

    expect((await sendStatements(t, auth, [auStatement(l, 'initialized')])).statusCode).toBe(200);
    const completed = auStatement(l, 'completed', {
      moveOn: true,
      result: { completion: true, duration: 'PT3M' },
    });
    expect((await sendStatements(t, auth, [completed])).statusCode).toBe(200);
    expect(await verbsOf(t, l.registration)).not.toContain('satisfied');

    // §9.3.4: a Passed below the mastery score is refused.
    const low = auStatement(l, 'passed', {
      moveOn: true,
      result: { success: true, duration: 'PT4M', score: { scaled: 0.5 } },
    });
    expect((await sendStatements(t, auth, [low])).statusCode).toBe(400);
    const passed = auStatement(l, 'passed', {
      moveOn: true,
      result: { success: true, duration: 'PT4M', score: { scaled: 0.9 } },
    });
    expect((await sendStatements(t, auth, [passed])).statusCode).toBe(200);
    expect(await verbsOf(t, l.registration)).toEqual([
      'launched',
      'initialized',
      'completed',
      'passed',
      'satisfied',
    ]);

    const [enrolment] = await queryRows<{ id: string; completed_at: Date | null; items: string[] }>(
      t.db,
      sql`select e.id, e.completed_at, array(select item from enrolment_items i where i.enrolment_id = e.id) as items
          from enrolments e where e.user_id = ${user!.id} and e.course_id = ${oneAu}`,
    );
    expect(enrolment!.items).toHaveLength(1);
    expect(enrolment!.items[0]).toMatch(/^unit:/);
    expect(enrolment!.completed_at).not.toBeNull();
    const [registration] = await queryRows<{ enrolment_id: string }>(
      t.db,
      sql`select enrolment_id from cmi5_registrations where registration = ${l.registration}`,
    );
    expect(registration!.enrolment_id).toBe(enrolment!.id);
  });

  it('refuses a second Completed in the registration and a statement before Initialized', async () => {
    const actor = learnerAgent();
    const first = launched(await launch(oneAu, { actor }));
    const auth1 = await fetchToken(t, first);
    const done = { moveOn: true, result: { completion: true, duration: 'PT1M' } };
    expect((await sendStatements(t, auth1, [auStatement(first, 'completed', done)])).statusCode).toBe(400);
    expect(
      (
        await sendStatements(t, auth1, [
          auStatement(first, 'initialized'),
          auStatement(first, 'completed', done),
        ])
      ).statusCode,
    ).toBe(200);
    const second = launched(await launch(oneAu, { actor, registration: first.registration }));
    const auth2 = await fetchToken(t, second);
    expect((await sendStatements(t, auth2, [auStatement(second, 'initialized')])).statusCode).toBe(200);
    expect((await sendStatements(t, auth2, [auStatement(second, 'completed', done)])).statusCode).toBe(400);
  });
});

const text = (t: string) =>
  `<title><langstring lang="sv">${t}</langstring></title><description><langstring lang="sv">${t}</langstring></description>`;
const au = (id: string, moveOn: string) =>
  `<au id="${CMI5_COURSE_ID}/au/${id}" moveOn="${moveOn}">${text(id)}<url>${id}/index.html</url></au>`;
const structure = (body: string) =>
  zipOf({
    'cmi5.xml': `<?xml version="1.0" encoding="utf-8"?><courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"><course id="${CMI5_COURSE_ID}/block-test">${text('Kurs')}</course>${body}</courseStructure>`,
    'inne/index.html': '<p>inne</p>',
    'fri/index.html': '<p>fri</p>',
  });

describe('Satisfied for blocks and the course (§9.3.9, §9.6.1)', () => {
  it('satisfies the block, then the course, when its last AU is met', async () => {
    const courseId = await importZip(
      structure(
        `<block id="${CMI5_COURSE_ID}/block/1">${text('Block')}${au('inne', 'Completed')}</block>${au('fri', 'NotApplicable')}`,
      ),
    );
    const l = launched(await launch(courseId, { actor: learnerAgent() }, 1));
    expect(await verbsOf(t, l.registration)).toEqual(['launched']);
    const res = await lms(t, token, 'POST', `/registrations/${l.registration}/waive-au/0`, {
      reason: 'Administrative',
    });
    expect(res.statusCode).toBe(204);
    const rows = await queryRows<{ verb: string; type: string | null }>(
      t.db,
      sql`select verb, statement->'object'->'definition'->>'type' as type from learning_statements
          where registration = ${l.registration} order by "timestamp", seq`,
    );
    expect(rows.map((r) => r.type)).toEqual([
      null,
      null,
      'https://w3id.org/xapi/cmi5/activitytype/block',
      'https://w3id.org/xapi/cmi5/activitytype/course',
    ]);
  });

  it('satisfies a course whose AUs are all NotApplicable at registration', async () => {
    const courseId = await importZip(structure(au('fri', 'NotApplicable')));
    const l = launched(await launch(courseId, { actor: learnerAgent() }));
    expect(await verbsOf(t, l.registration)).toEqual(['satisfied', 'launched']);
  });
});
