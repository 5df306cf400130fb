import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { upsertReferenceCourse } from '../../src/server/features/learning/courses.repo.ts';
import { CourseContent } from '../../src/shared/contracts/course-content.ts';
import { moduleActivity, verbs } from '../../src/shared/learning/activity.ts';
import { miniCourse } from '../fixtures/mini-course.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { importedCourse, sco } from './scorm-runtime.fixtures.ts';

let t: TestApp;
let nation: string;
let learner: Agent;
/** Enrolment ids of personal.falun per course key. */
const enrolment: Record<string, string> = {};

const TERMINATED = 'http://adlnet.gov/expapi/verbs/terminated';
const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.db, q);
const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(q))[0]!;

async function enrol(agent: Agent, courseId: string) {
  expect((await agent.post('/api/v1/enrolments', { courseId })).statusCode).toBe(200);
}

const url = (courseKey: string, moduleKey: string, enrolmentId = enrolment[courseKey]!) =>
  `/api/v1/enrolments/${enrolmentId}/modules/${moduleKey}/scorm`;
const put = (agent: Agent, target: string, payload: unknown) =>
  agent.request({ method: 'PUT', url: target, payload: payload as object });

const count = async (table: string, enrolmentId: string) =>
  (
    await one<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)} where enrolment_id = ${enrolmentId}`,
    )
  ).n;

let packages: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  nation = (await one<{ id: string }>(sql`select id from organisations where kind = 'nation'`)).id;
  const s12 = await importedCourse(t.db, nation, {
    key: 'scorm-test-12',
    format: 'scorm12',
    modules: [sco('intro'), sco('quiz', { passingScore: 0.8, launchData: 'level=2' })],
  });
  const s2004 = await importedCourse(t.db, nation, {
    key: 'scorm-test-2004',
    format: 'scorm2004',
    modules: [
      sco('lesson', { passingScore: 0.7 }),
      sco('remote', { launch: 'https://sco.example.org/run/index.html' }),
    ],
    // The part of the stored manifest the run-time reads: the SCO's completion threshold.
    manifest: { version: 'scorm2004', scos: [{ identifier: 'item-lesson', completionThreshold: 0.8 }] },
  });
  const cmi5 = await importedCourse(t.db, nation, {
    key: 'scorm-test-cmi5',
    format: 'cmi5',
    modules: [sco('au', { kind: 'au', identifier: 'https://example.org/au/1', moveOn: 'Completed' })],
  });
  await upsertReferenceCourse(t.db, CourseContent.parse(miniCourse), nation);
  const native = (await one<{ id: string }>(sql`select id from courses where key = 'testkurs-mini'`)).id;
  packages = { 'scorm-test-12': s12.packageId, 'scorm-test-2004': s2004.packageId };

  learner = await t.as('personal.falun');
  const byKey = { 'scorm-test-12': s12, 'scorm-test-2004': s2004, 'scorm-test-cmi5': cmi5 };
  for (const [key, c] of Object.entries({ ...byKey, 'testkurs-mini': { courseId: native } })) {
    await enrol(learner, c.courseId);
    enrolment[key] = (
      await one<{ id: string }>(
        sql`select e.id from enrolments e join users u on u.id = e.user_id
            where u.email = ${demoEmail('personal.falun')} and e.course_id = ${c.courseId}`,
      )
    ).id;
  }
});
afterAll(() => t.close());

describe('launching a SCO', () => {
  it('starts attempt 1 with the LMS-set elements, the launch URL on the content path', async () => {
    const res = await learner.get(url('scorm-test-12', 'quiz'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      format: 'scorm12',
      launchUrl: `/content/${packages['scorm-test-12']}/quiz/index.html`,
      attempt: 1,
      commitSeq: 0,
      entry: 'ab-initio',
      completion: 'not attempted',
      success: 'unknown',
      scoreScaled: null,
      cmi: {
        'cmi.core.student_id': enrolment['scorm-test-12'],
        'cmi.core.student_name': 'Haddad, Amir',
        'cmi.core.entry': 'ab-initio',
        'cmi.core.credit': 'credit',
        'cmi.core.total_time': '0000:00:00',
        'cmi.launch_data': 'level=2',
        'cmi.student_data.mastery_score': '80',
      },
    });
    // Nothing is stored until the SCO commits.
    expect(await count('scorm_attempts', enrolment['scorm-test-12']!)).toBe(0);
  });

  it('gives SCORM 2004 its elements, the threshold from the manifest, and an absolute launch as it is', async () => {
    const lesson = (await learner.get(url('scorm-test-2004', 'lesson'))).json();
    expect(lesson.cmi).toMatchObject({
      'cmi.learner_id': enrolment['scorm-test-2004'],
      'cmi.learner_name': 'Haddad, Amir',
      'cmi.entry': 'ab-initio',
      'cmi.credit': 'credit',
      'cmi.scaled_passing_score': '0.7',
      'cmi.completion_threshold': '0.8',
    });
    const remote = (await learner.get(url('scorm-test-2004', 'remote'))).json();
    expect(remote.launchUrl).toBe('https://sco.example.org/run/index.html');
    expect(Object.keys(remote.cmi)).not.toContain('cmi.completion_threshold');
  });

  it('is 404 for unknown enrolments and modules, and for cmi5 and native courses', async () => {
    expect((await learner.get(url('scorm-test-12', 'nope'))).statusCode).toBe(404);
    expect((await learner.get(url('scorm-test-12', 'intro', randomUUID()))).statusCode).toBe(404);
    expect((await learner.get(url('scorm-test-cmi5', 'au'))).statusCode).toBe(404);
    expect((await learner.get(url('testkurs-mini', 'm1'))).statusCode).toBe(404);
    expect((await learner.get(url('scorm-test-12', 'Bad_Key'))).statusCode).toBe(400);
    expect((await learner.get('/api/v1/enrolments/x/modules/intro/scorm')).statusCode).toBe(400);
  });

  it('keeps the attempt private: other learners, the manager and an administrator get 403', async () => {
    const commit = { attempt: 1, seq: 1, cmi: { 'cmi.core.lesson_status': 'completed' } };
    for (const who of ['lina.persson', 'chef.falun', 'admin']) {
      const other = await t.as(who);
      expect((await other.get(url('scorm-test-12', 'intro'))).statusCode).toBe(403);
      expect((await put(other, url('scorm-test-12', 'intro'), commit)).statusCode).toBe(403);
    }
    expect(await count('scorm_attempts', enrolment['scorm-test-12']!)).toBe(0);
    expect((await t.app.inject({ url: url('scorm-test-12', 'intro') })).statusCode).toBe(401);
  });
});

describe('committing run-time data', () => {
  it('refuses bad input and stale attempts, writing nothing', async () => {
    const target = url('scorm-test-12', 'quiz');
    const bad = [
      { attempt: 1, seq: 1, cmi: { 'core.lesson_status': 'incomplete' } },
      { attempt: 1, seq: 0, cmi: {} },
      { attempt: 0, seq: 1, cmi: {} },
      { attempt: 1, seq: 1, cmi: { 'cmi.x': { nested: true } } },
    ];
    for (const body of bad) expect((await put(learner, target, body)).statusCode).toBe(400);
    const stale = await put(learner, target, { attempt: 2, seq: 1, cmi: {} });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'conflict',
      errors: [{ path: 'body.attempt', code: 'stale' }],
    });
    expect(
      (await put(learner, url('scorm-test-12', 'nope'), { attempt: 1, seq: 1, cmi: {} })).statusCode,
    ).toBe(404);
    expect(await count('scorm_attempts', enrolment['scorm-test-12']!)).toBe(0);
  });

  it('stores a commit, strips the learner elements, and resumes it', async () => {
    const target = url('scorm-test-12', 'quiz');
    const res = await put(learner, target, {
      attempt: 1,
      seq: 1,
      cmi: {
        'cmi.core.lesson_status': 'incomplete',
        'cmi.core.student_name': 'Haddad, Amir',
        'cmi.core.student_id': enrolment['scorm-test-12'],
        'cmi.suspend_data': 'page=2',
        'cmi.core.exit': 'suspend',
        'cmi.core.session_time': '00:05:00',
      },
      terminated: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      attempt: 1,
      commitSeq: 1,
      completion: 'incomplete',
      success: 'unknown',
      scoreScaled: null,
      moduleCompleted: false,
      percent: 0,
    });
    const row = await one<{ cmi: Record<string, unknown>; total_seconds: number }>(
      sql`select cmi, total_seconds from scorm_attempts where enrolment_id = ${enrolment['scorm-test-12']}`,
    );
    expect(Object.keys(row.cmi)).not.toContain('cmi.core.student_name');
    expect(Object.keys(row.cmi)).not.toContain('cmi.core.student_id');
    expect(row.total_seconds).toBe(300);
    const e = await one<{ seconds_spent: number; last_activity_at: Date | null }>(
      sql`select seconds_spent, last_activity_at from enrolments where id = ${enrolment['scorm-test-12']}`,
    );
    expect(e.seconds_spent).toBe(300);
    expect(e.last_activity_at).not.toBeNull();

    const resumed = (await learner.get(target)).json();
    expect(resumed).toMatchObject({ attempt: 1, commitSeq: 1, entry: 'resume', completion: 'incomplete' });
    expect(resumed.cmi).toMatchObject({
      'cmi.suspend_data': 'page=2',
      'cmi.core.entry': 'resume',
      'cmi.core.student_name': 'Haddad, Amir',
      'cmi.core.total_time': '0000:05:00',
    });
  });

  it('keeps a module with a failing score incomplete', async () => {
    const res = await put(learner, url('scorm-test-12', 'quiz'), {
      attempt: 1,
      seq: 2,
      cmi: { 'cmi.core.lesson_status': 'completed', 'cmi.core.score.raw': '60', 'cmi.core.exit': 'suspend' },
    });
    expect(res.json()).toMatchObject({
      completion: 'completed',
      success: 'failed',
      scoreScaled: 0.6,
      moduleCompleted: false,
      percent: 0,
    });
    expect(await count('enrolment_items', enrolment['scorm-test-12']!)).toBe(0);
  });

  it('completes a module exactly once: one item and one statement however often the commit comes', async () => {
    const target = url('scorm-test-12', 'quiz');
    const commit = {
      attempt: 1,
      seq: 3,
      cmi: { 'cmi.core.lesson_status': 'completed', 'cmi.core.score.raw': '90', 'cmi.core.exit': '' },
      terminated: true,
    };
    const first = await put(learner, target, commit);
    expect(first.json()).toEqual({
      attempt: 1,
      commitSeq: 3,
      completion: 'completed',
      success: 'passed',
      scoreScaled: 0.9,
      moduleCompleted: true,
      percent: 50,
    });
    const again = await put(learner, target, commit);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    // A late, lower commit changes nothing either.
    const late = await put(learner, target, {
      attempt: 1,
      seq: 2,
      cmi: { 'cmi.core.lesson_status': 'failed' },
    });
    expect(late.json()).toMatchObject({ commitSeq: 3, success: 'passed' });

    const id = enrolment['scorm-test-12']!;
    const items = await rows<{ item: string; score: number }>(
      sql`select item, score from enrolment_items where enrolment_id = ${id}`,
    );
    expect(items).toEqual([{ item: 'unit:quiz', score: 90 }]);
    const statements = await rows<{ verb: string; object_id: string; result: Record<string, unknown> }>(
      sql`select verb, object_id, result from learning_statements where enrolment_id = ${id} order by verb`,
    );
    // The first session's five minutes count once, in their own statement; the completion has no time.
    expect(statements).toEqual([
      {
        verb: verbs.passed,
        object_id: moduleActivity('scorm-test-12', 'quiz'),
        result: { score: { scaled: 0.9 }, success: true, completion: true },
      },
      {
        verb: TERMINATED,
        object_id: moduleActivity('scorm-test-12', 'quiz'),
        result: { duration: 'PT5M' },
      },
    ]);
    const month = await one<{ seconds: number }>(
      sql`select coalesce(sum(seconds), 0)::int as seconds from enrolment_months where enrolment_id = ${id}`,
    );
    expect(month.seconds).toBe(300);
  });

  it('starts a new attempt after a finished one, and numbers it only at its first commit', async () => {
    const target = url('scorm-test-12', 'quiz');
    const next = (await learner.get(target)).json();
    expect(next).toMatchObject({ attempt: 2, commitSeq: 0, entry: 'ab-initio', completion: 'not attempted' });
    expect(next.cmi['cmi.suspend_data']).toBeUndefined();
    expect(await count('scorm_attempts', enrolment['scorm-test-12']!)).toBe(1);
    const res = await put(learner, target, {
      attempt: 2,
      seq: 1,
      cmi: { 'cmi.core.lesson_status': 'incomplete' },
    });
    expect(res.json()).toMatchObject({ attempt: 2, moduleCompleted: false, percent: 50 });
    // The first attempt is now behind the latest.
    expect((await put(learner, target, { attempt: 1, seq: 9, cmi: {} })).statusCode).toBe(409);
    expect((await learner.get(target)).json()).toMatchObject({ attempt: 2, entry: 'resume' });
  });

  it('completes the course when every module is done', async () => {
    const res = await put(learner, url('scorm-test-12', 'intro'), {
      attempt: 1,
      seq: 1,
      cmi: { 'cmi.core.lesson_status': 'completed' },
    });
    expect(res.json()).toMatchObject({ moduleCompleted: true, success: 'unknown', percent: 100 });
    const id = enrolment['scorm-test-12']!;
    const e = await one<{ completed_at: Date | null; items_completed: number }>(
      sql`select completed_at, items_completed from enrolments where id = ${id}`,
    );
    expect(e.completed_at).not.toBeNull();
    expect(e.items_completed).toBe(2);
    const verbsStored = await rows<{ verb: string }>(
      sql`select verb from learning_statements where enrolment_id = ${id} and verb <> ${TERMINATED} order by timestamp`,
    );
    expect(verbsStored.map((s) => s.verb)).toEqual([verbs.passed, verbs.completed]);
    const mine = (await learner.get('/api/v1/me/learning')).json().items;
    expect(mine.find((x: { id: string }) => x.id === id)).toMatchObject({ percent: 100 });
  });
});

describe('SCORM 2004 thresholds', () => {
  const target = () => url('scorm-test-2004', 'lesson');

  it('decides completion by progress against the threshold, and success by the scaled passing score', async () => {
    const below = await put(learner, target(), {
      attempt: 1,
      seq: 1,
      cmi: {
        'cmi.completion_status': 'completed',
        'cmi.progress_measure': '0.5',
        'cmi.success_status': 'passed',
        'cmi.score.scaled': '0.6',
      },
    });
    expect(below.json()).toMatchObject({
      completion: 'incomplete',
      success: 'failed',
      scoreScaled: 0.6,
      moduleCompleted: false,
    });
    const done = await put(learner, target(), {
      attempt: 1,
      seq: 2,
      cmi: {
        'cmi.completion_status': 'incomplete',
        'cmi.progress_measure': '0.8',
        'cmi.score.scaled': '0.75',
        'cmi.session_time': 'PT1H2M3.5S',
        'cmi.exit': 'normal',
      },
      terminated: true,
    });
    expect(done.json()).toMatchObject({
      completion: 'completed',
      success: 'passed',
      scoreScaled: 0.75,
      moduleCompleted: true,
      percent: 50,
    });
    const row = await one<{ total_seconds: number }>(
      sql`select total_seconds from scorm_attempts where enrolment_id = ${enrolment['scorm-test-2004']}`,
    );
    expect(row.total_seconds).toBe(3724);
    expect((await learner.get(target())).json()).toMatchObject({ attempt: 2, entry: 'ab-initio' });
  });

  it('resumes a completed attempt the SCO left suspended', async () => {
    const remote = url('scorm-test-2004', 'remote');
    await put(learner, remote, {
      attempt: 1,
      seq: 1,
      cmi: { 'cmi.completion_status': 'completed', 'cmi.exit': 'suspend', 'cmi.suspend_data': 'x' },
    });
    const again = (await learner.get(remote)).json();
    expect(again).toMatchObject({ attempt: 1, entry: 'resume', completion: 'completed' });
    expect(again.cmi).toMatchObject({ 'cmi.entry': 'resume', 'cmi.suspend_data': 'x' });
  });
});
