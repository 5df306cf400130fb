import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { cmi5Ids } from '../../src/server/features/cmi5/cmi5-statements.ts';
import type { ApiClientCreated } from '../../src/shared/contracts/api-clients.ts';
import { moduleActivity } from '../../src/shared/learning/activity.ts';
import { CMI5_COURSE_ID, cmi5Zip } from '../support/course-packages.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { xapiRequest } from '../support/xapi-call.ts';
import { accessToken, createClient, orgByCode } from './api-clients.fixtures.ts';
import { auStatement, fetchToken, launched, lms, PUBLIC_URL, sendStatements } from './cmi5.fixtures.ts';
import { importedCourse, sco } from './scorm-runtime.fixtures.ts';

/**
 * Statements from other tools (an API client with xapi:write at /xapi) about a module of an imported
 * course advance the enrolment of the person they are about, as the course's own run-time does (issue 18,
 * ADR 21), and nothing is counted twice between the two ways in.
 */

let t: TestApp;
let lmsToken: string;
let falunWrite: ApiClientCreated;
let falunId: string;

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const PASSED = 'http://adlnet.gov/expapi/verbs/passed';
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

const AU = (moveOn: string, masteryScore?: number) => ({
  id: `${CMI5_COURSE_ID}/au/${moveOn.toLowerCase()}`,
  title: { sv: `AU ${moveOn}` },
  url: 'au/index.html',
  moveOn,
  ...(masteryScore === undefined ? {} : { masteryScore }),
});

async function importCmi5(moveOn = 'Completed', masteryScore?: number) {
  const au = AU(moveOn, masteryScore);
  const res = await lms(t, lmsToken, 'POST', '/courses', cmi5Zip([au]), 'application/zip');
  expect(res.statusCode).toBe(200);
  const courseId = res.json().id as string;
  return { courseId, activityId: cmi5Ids(PUBLIC_URL, courseId).au(au.id) };
}

async function userId(local: string) {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from users where email = ${demoEmail(local)}`,
  );
  return row!.id;
}

async function enrol(courseId: string) {
  const learner = await t.as('personal.falun');
  expect((await learner.post('/api/v1/enrolments', { courseId })).statusCode).toBe(200);
}

const mbox = (local: string) => ({ objectType: 'Agent', mbox: `mailto:${demoEmail(local)}` });

const statement = (
  local: string,
  objectId: string,
  verb = COMPLETED,
  result: Record<string, unknown> = { completion: true },
) => ({
  id: randomUUID(),
  actor: mbox(local),
  verb: { id: verb },
  object: { objectType: 'Activity', id: objectId },
  result,
});

const post = (body: unknown) => xapiRequest(t, 'POST', '/statements', {}, { client: falunWrite, body });

/** Her enrolments in the course with their items and the module statements the platform recorded. */
async function enrolmentOf(local: string, courseId: string) {
  const user = await userId(local);
  return queryRows<{ id: string; completed_at: Date | null; items: string[]; scores: (number | null)[] }>(
    t.db,
    sql`select e.id, e.completed_at,
          array(select item from enrolment_items i where i.enrolment_id = e.id order by item) as items,
          array(select score from enrolment_items i where i.enrolment_id = e.id order by item) as scores
        from enrolments e where e.user_id = ${user} and e.course_id = ${courseId}`,
  );
}

/** Statements the platform itself recorded for finished modules of the enrolment (one per module). */
async function moduleStatements(courseId: string) {
  const rows = await queryRows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from learning_statements
        where course_id = ${courseId} and enrolment_id is not null and verb in (${COMPLETED}, ${PASSED})`,
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  falunId = await orgByCode(t, 'municipality', '2080');
  lmsToken = await accessToken(t, await createClient(t, 'samordnare.falun', falunId, ['cmi5:admin'], 'LMS'));
  falunWrite = await createClient(t, 'samordnare.falun', falunId, ['xapi:write'], 'Simulatorn');
});
afterAll(() => t.close());

describe('a statement from another tool about a cmi5 AU', () => {
  it('advances the enrolled learner’s enrolment and links the statement to her', async () => {
    const { courseId, activityId } = await importCmi5();
    await enrol(courseId);
    const s = statement('personal.falun', activityId);
    expect((await post(s)).statusCode).toBe(200);

    const [enrolment] = await enrolmentOf('personal.falun', courseId);
    expect(enrolment!.items).toHaveLength(1);
    expect(enrolment!.items[0]).toMatch(/^unit:/);
    expect(enrolment!.completed_at).not.toBeNull();
    const [stored] = await queryRows<{ user_id: string }>(
      t.db,
      sql`select user_id from learning_statements where id = ${s.id}`,
    );
    expect(stored!.user_id).toBe(await userId('personal.falun'));
    expect(await moduleStatements(courseId)).toBe(1);
  });

  it('is stored but makes no enrolment for a learner who is not enrolled', async () => {
    const { courseId, activityId } = await importCmi5();
    const s = statement('lina.persson', activityId);
    expect((await post(s)).statusCode).toBe(200);
    expect(await enrolmentOf('lina.persson', courseId)).toEqual([]);
    const [stored] = await queryRows<{ user_id: string }>(
      t.db,
      sql`select user_id from learning_statements where id = ${s.id}`,
    );
    expect(stored!.user_id).toBe(await userId('lina.persson'));
  });

  it('is refused (403) about a person of another organisation, and nothing is stored', async () => {
    const { activityId } = await importCmi5();
    const s = statement('chef.borlange', activityId);
    expect((await post(s)).statusCode).toBe(403);
    expect(await queryRows(t.db, sql`select id from learning_statements where id = ${s.id}`)).toHaveLength(0);
  });

  it('refuses an invalid statement (400) and advances nothing', async () => {
    const { courseId, activityId } = await importCmi5();
    await enrol(courseId);
    const bad = { ...statement('personal.falun', activityId), verb: { id: 'not an iri' } };
    expect((await post(bad)).statusCode).toBe(400);
    const [enrolment] = await enrolmentOf('personal.falun', courseId);
    expect(enrolment!.items).toEqual([]);
  });

  it('counts an identical re-send and a repeat under a new id once', async () => {
    const { courseId, activityId } = await importCmi5();
    await enrol(courseId);
    const s = statement('personal.falun', activityId);
    expect((await post(s)).statusCode).toBe(200);
    expect((await post(s)).statusCode).toBe(200);
    expect((await post([s, { ...s, id: randomUUID() }])).statusCode).toBe(200);
    const [enrolment] = await enrolmentOf('personal.falun', courseId);
    expect(enrolment!.items).toHaveLength(1);
    expect(await moduleStatements(courseId)).toBe(1);
  });

  it('does not count again what the AU’s own cmi5 session already counted', async () => {
    const { courseId, activityId } = await importCmi5();
    await enrol(courseId);
    const actor = {
      objectType: 'Agent',
      account: { homePage: PUBLIC_URL, name: await userId('personal.falun') },
    };
    const l = launched(await lms(t, lmsToken, 'POST', `/courses/${courseId}/launch-url/0`, { actor }));
    expect(l.params.get('activityId')).toBe(activityId);
    const auth = await fetchToken(t, l);
    // Made in the order they happen: the session rules read the timestamps.
    const initialized = auStatement(l, 'initialized');
    const done = auStatement(l, 'completed', {
      moveOn: true,
      result: { completion: true, duration: 'PT2M' },
    });
    expect((await sendStatements(t, auth, [initialized, done])).statusCode).toBe(200);
    expect(await moduleStatements(courseId)).toBe(1);

    expect((await post(statement('personal.falun', activityId))).statusCode).toBe(200);
    const [enrolment] = await enrolmentOf('personal.falun', courseId);
    expect(enrolment!.items).toHaveLength(1);
    expect(await moduleStatements(courseId)).toBe(1);
  });

  it('meets CompletedAndPassed from two statements, a Passed below the mastery score not passing', async () => {
    const { courseId, activityId } = await importCmi5('CompletedAndPassed', 0.6);
    await enrol(courseId);
    expect((await post(statement('personal.falun', activityId))).statusCode).toBe(200);
    const low = statement('personal.falun', activityId, PASSED, { success: true, score: { scaled: 0.4 } });
    expect((await post(low)).statusCode).toBe(200);
    expect((await enrolmentOf('personal.falun', courseId))[0]!.items).toEqual([]);

    const high = statement('personal.falun', activityId, PASSED, { success: true, score: { scaled: 0.85 } });
    expect((await post(high)).statusCode).toBe(200);
    const [enrolment] = await enrolmentOf('personal.falun', courseId);
    expect(enrolment!.items).toHaveLength(1);
    expect(enrolment!.scores).toEqual([85]);
    expect(enrolment!.completed_at).not.toBeNull();
  });

  it('leaves a voided Completed out of the rule, and a voiding does not take a finished module back', async () => {
    const { courseId, activityId } = await importCmi5('CompletedAndPassed');
    await enrol(courseId);
    const completed = statement('personal.falun', activityId);
    expect((await post(completed)).statusCode).toBe(200);
    const voiding = {
      actor: mbox('personal.falun'),
      verb: { id: VOIDED },
      object: { objectType: 'StatementRef', id: completed.id },
    };
    expect((await post(voiding)).statusCode).toBe(200);
    const passed = statement('personal.falun', activityId, PASSED, { success: true });
    expect((await post(passed)).statusCode).toBe(200);
    expect((await enrolmentOf('personal.falun', courseId))[0]!.items).toEqual([]);

    const again = statement('personal.falun', activityId);
    expect((await post(again)).statusCode).toBe(200);
    expect((await enrolmentOf('personal.falun', courseId))[0]!.items).toHaveLength(1);
    const voidAgain = { ...voiding, object: { objectType: 'StatementRef', id: again.id } };
    expect((await post(voidAgain)).statusCode).toBe(200);
    expect((await enrolmentOf('personal.falun', courseId))[0]!.items).toHaveLength(1);
  });
});

describe('a statement from another tool about a SCORM module', () => {
  it('finishes the module by its activity id once completed and passed where it has a passing score', async () => {
    const key = `xapi-scorm-${randomUUID().slice(0, 8)}`;
    const { courseId } = await importedCourse(t.db, falunId, {
      key,
      format: 'scorm2004',
      modules: [sco('intro'), sco('prov', { passingScore: 0.8 })],
    });
    await enrol(courseId);
    const intro = statement('personal.falun', moduleActivity(key, 'intro'));
    const prov = moduleActivity(key, 'prov');
    const onlyPassed = statement('personal.falun', prov, PASSED, { success: true, score: { scaled: 0.9 } });
    expect((await post([intro, onlyPassed])).statusCode).toBe(200);
    expect((await enrolmentOf('personal.falun', courseId))[0]!.items).toEqual(['unit:intro']);

    const both = statement('personal.falun', prov, COMPLETED, { completion: true });
    expect((await post(both)).statusCode).toBe(200);
    const [enrolment] = await enrolmentOf('personal.falun', courseId);
    expect(enrolment!.items).toEqual(['unit:intro', 'unit:prov']);
    expect(enrolment!.scores).toEqual([null, 90]);
    expect(enrolment!.completed_at).not.toBeNull();
  });
});
