import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { ACTIVITY_BASE } from '../../src/server/features/learning/course-content.ts';
import { upsertReferenceCourse } from '../../src/server/features/learning/courses.repo.ts';
import { CourseContent } from '../../src/shared/contracts/course-content.ts';
import { verbs } from '../../src/shared/contracts/learning.ts';
import { miniCourse } from '../fixtures/mini-course.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { quizAttempt } from './programmes.fixtures.ts';

let t: TestApp;
let courseId: string;
const userId = async (local: string) =>
  (await queryRows<{ id: string }>(t.db, sql`select id from users where email = ${demoEmail(local)}`))[0]!.id;
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

const activity = (path: string) => `${ACTIVITY_BASE}/testkurs-mini/modules/${path}`;
const statement = (verb: string, path: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  verb: { id: verb },
  object: { id: activity(path) },
  timestamp: new Date().toISOString(),
  ...extra,
});
const finishModule = (m: string) => [
  statement(verbs.completed, `${m}/lessons/l1`, { result: { duration: 'PT3M' } }),
  statement(verbs.completed, `${m}/lessons/l2`, { result: { duration: 'PT2M30S' } }),
  quizAttempt('testkurs-mini', m),
];

beforeAll(async () => {
  t = await createTestApp();
  await upsertReferenceCourse(
    t.db,
    CourseContent.parse(miniCourse),
    (await queryRows<{ id: string }>(t.db, sql`select id from organisations where kind = 'nation'`))[0]!.id,
  );
  courseId = (
    await queryRows<{ id: string }>(t.db, sql`select id from courses where key = 'testkurs-mini'`)
  )[0]!.id;
});
afterAll(() => t.close());

describe('courses', () => {
  it('lists the published courses and shows one in English, falling back to Swedish per text', async () => {
    const a = await t.as('personal.falun');
    const list = (await a.get('/api/v1/courses')).json().items;
    expect(list.map((c: { key: string }) => c.key)).toContain('testkurs-mini');
    const res = await a.get(`/api/v1/courses/${courseId}?lang=en`);
    expect(res.statusCode).toBe(200);
    const course = res.json();
    expect(course.title).toBe('Test course');
    expect(course.modules[0].lessons[0]).toMatchObject({ title: 'Lesson 1', language: 'en' });
    expect(course.modules[0].lessons[1]).toMatchObject({
      title: 'Lektion 2',
      // Parsed on the server (CommonMark) into the tree the client renders.
      body: [{ type: 'paragraph', children: [{ type: 'text', value: 'Bara svenska' }] }],
      language: 'sv',
    });
    const arabic = (await a.get(`/api/v1/courses/${courseId}?lang=ar`)).json();
    expect(arabic).toMatchObject({ language: 'sv', title: 'Testkurs' });
  });

  it('answers 304 to a phone that already has this version in this language', async () => {
    const a = await t.as('personal.falun');
    const first = await a.get(`/api/v1/courses/${courseId}?lang=en`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"course-.+-v\d+-en"$/);
    const again = await a.request({
      url: `/api/v1/courses/${courseId}?lang=en`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const swedish = await a.request({
      url: `/api/v1/courses/${courseId}?lang=sv`,
      headers: { 'if-none-match': etag },
    });
    expect(swedish.statusCode).toBe(200);
    expect(swedish.json().title).toBe('Testkurs');
    // Logged out, the tag gets nothing.
    const anonymous = await t.app.inject({
      url: `/api/v1/courses/${courseId}?lang=en`,
      headers: { 'if-none-match': etag },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('rejects bad ids and languages, and unknown courses', async () => {
    const a = await t.as('personal.falun');
    expect((await a.get('/api/v1/courses/nope')).statusCode).toBe(400);
    expect((await a.get(`/api/v1/courses/${courseId}?lang=1`)).statusCode).toBe(400);
    expect((await a.get(`/api/v1/courses/${randomUUID()}`)).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/courses' })).statusCode).toBe(401);
  });

  it('publishes a new version when the reference text changes, and leaves an unchanged one alone', async () => {
    const nation = (
      await queryRows<{ id: string }>(t.db, sql`select id from organisations where kind = 'nation'`)
    )[0]!.id;
    expect(await upsertReferenceCourse(t.db, CourseContent.parse(miniCourse), nation)).toBe('unchanged');
  });
});

describe('enrolments', () => {
  it('lets a learner enrol themself, once', async () => {
    const a = await t.as('lina.persson');
    expect((await a.post('/api/v1/enrolments', { courseId })).json()).toEqual({ created: 1, existing: 0 });
    expect((await a.post('/api/v1/enrolments', { courseId })).json()).toEqual({ created: 0, existing: 1 });
  });

  it('lets a manager enrol the staff of their unit, but not people elsewhere', async () => {
    const manager = await t.as('chef.falun');
    const res = await manager.post('/api/v1/enrolments', {
      courseId,
      userIds: [await userId('personal.falun'), await userId('erik.wallin')],
    });
    expect(res.json()).toEqual({ created: 2, existing: 0 });
    const before = await count('enrolments');
    const other = await manager.post('/api/v1/enrolments', {
      courseId,
      userIds: [await userId('maja.strom')],
    });
    expect(other.statusCode).toBe(403);
    const soder = await manager.post('/api/v1/enrolments', {
      courseId,
      userIds: [await userId('ulla.aberg')],
    });
    expect(soder.statusCode).toBe(403);
    expect(await count('enrolments')).toBe(before);
  });

  it('lets a coordinator enrol anyone in the municipality and refuses staff enrolling others', async () => {
    const coordinator = await t.as('samordnare.falun');
    expect(
      (await coordinator.post('/api/v1/enrolments', { courseId, userIds: [await userId('ulla.aberg')] }))
        .statusCode,
    ).toBe(200);
    const staff = await t.as('personal.falun');
    expect(
      (await staff.post('/api/v1/enrolments', { courseId, userIds: [await userId('jonas.oberg')] }))
        .statusCode,
    ).toBe(403);
  });

  it('rejects bad input', async () => {
    const a = await t.as('chef.falun');
    expect((await a.post('/api/v1/enrolments', { courseId: 'x' })).statusCode).toBe(400);
    expect((await a.post('/api/v1/enrolments', { courseId, userIds: [] })).statusCode).toBe(400);
    expect((await a.post('/api/v1/enrolments', { courseId: randomUUID() })).statusCode).toBe(404);
  });
});

describe('learning records, progress and certificates', () => {
  let learner: Agent;
  beforeAll(async () => {
    learner = await t.as('personal.falun');
  });

  it('derives progress from statements, each stored once however often it is sent', async () => {
    const batch = finishModule('m1');
    expect((await learner.post('/api/v1/learning-records', { statements: batch })).json()).toMatchObject({
      stored: 3,
      duplicates: 0,
    });
    expect((await learner.post('/api/v1/learning-records', { statements: batch })).json()).toMatchObject({
      stored: 0,
      duplicates: 3,
    });
    const mine = (await learner.get('/api/v1/me/learning')).json().items;
    const e = mine.find((x: { course: { key: string } }) => x.course.key === 'testkurs-mini');
    expect(e.percent).toBe(50);
    expect(e.modules[0]).toMatchObject({ completed: true, quizPassed: true, bestScore: 1 });
    expect(e.next).toEqual({ moduleKey: 'm2', lessonKey: 'l1' });
    expect(e.completedAt).toBeNull();
    const [row] = await queryRows<{ seconds_spent: number }>(
      t.db,
      sql`select seconds_spent from enrolments where id = ${e.id}`,
    );
    expect(row!.seconds_spent).toBe(330);
  });

  it('does not count a quiz answered below the pass mark', async () => {
    const low = quizAttempt('testkurs-mini', 'm2', { q1: ['a'], q2: ['b'], q3: ['b'] });
    await learner.post('/api/v1/learning-records', { statements: [low] });
    const e = (await learner.get('/api/v1/me/learning'))
      .json()
      .items.find((x: { course: { key: string } }) => x.course.key === 'testkurs-mini');
    expect(e.modules[1].quizPassed).toBe(false);
  });

  it('refuses the whole batch when a statement points outside the learner’s courses', async () => {
    const before = await count('learning_statements');
    const stranger = await t.as('maja.strom');
    const res = await stranger.post('/api/v1/learning-records', { statements: finishModule('m1') });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('not_enrolled');
    const bad = await learner.post('/api/v1/learning-records', {
      statements: [statement(verbs.completed, 'm1/lessons/l1'), statement(verbs.completed, 'm9/lessons/l1')],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.statements.1.object.id');
    const malformed = await learner.post('/api/v1/learning-records', {
      statements: [{ id: 'x', verb: { id: 'nope' } }],
    });
    expect(malformed.statusCode).toBe(400);
    expect(await count('learning_statements')).toBe(before);
  });

  it('completes the course, issues a certificate once and lets anyone verify it', async () => {
    expect(
      (await learner.post(`/api/v1/enrolments/${await enrolmentId('personal.falun')}/certificate`))
        .statusCode,
    ).toBe(409);
    await learner.post('/api/v1/learning-records', { statements: finishModule('m2') });
    const e = (await learner.get('/api/v1/me/learning'))
      .json()
      .items.find((x: { course: { key: string } }) => x.course.key === 'testkurs-mini');
    expect(e.percent).toBe(100);
    expect(e.completedAt).not.toBeNull();
    const cert = (await learner.post(`/api/v1/enrolments/${e.id}/certificate`)).json();
    expect(cert).toMatchObject({ learnerName: 'Amir Haddad', courseTitle: 'Testkurs', valid: true });
    expect((await learner.post(`/api/v1/enrolments/${e.id}/certificate`)).json().code).toBe(cert.code);
    const pub = await t.app.inject({ url: `/api/v1/certificates/${cert.code}?lang=en` });
    expect(pub.json()).toEqual({ ...cert, courseTitle: 'Test course' });
    expect(pub.body).not.toContain('@');
    expect((await t.app.inject({ url: '/api/v1/certificates/AAAA-AAAA-AAAA' })).statusCode).toBe(404);
    const pdf = await t.app.inject({ url: `/api/v1/certificates/${cert.code}/pdf?lang=sv` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.rawPayload.toString('latin1');
    expect(raw).toContain('/StructTreeRoot'); // tagged for screen readers
    expect(raw).toContain('/Lang (sv-SE)');
    expect((await t.app.inject({ url: `/api/v1/certificates/${cert.code}/pdf?lang=de` })).statusCode).toBe(
      400,
    );
    expect((await t.app.inject({ url: '/api/v1/certificates/nope' })).statusCode).toBe(400);
    const other = await t.as('erik.wallin');
    expect((await other.post(`/api/v1/enrolments/${e.id}/certificate`)).statusCode).toBe(404);
  });
});

async function enrolmentId(local: string) {
  return (
    await queryRows<{ id: string }>(
      t.db,
      sql`select e.id from enrolments e join users u on u.id = e.user_id where u.email = ${demoEmail(local)} and e.course_id = ${courseId}`,
    )
  )[0]!.id;
}

describe('starter courses', () => {
  it('are loaded at start: the staff course in Swedish, plain Swedish and English, the managers’ course in Swedish and English', async () => {
    const a = await t.as('personal.falun');
    const list = (await a.get('/api/v1/courses')).json().items as {
      key: string;
      languages: string[];
      moduleCount: number;
    }[];
    expect(list.find((c) => c.key === 'valfardsteknik-i-vardagen')).toMatchObject({
      languages: ['sv', 'sv-x-plain', 'en'],
      moduleCount: 5,
    });
    expect(list.find((c) => c.key === 'leda-inforandet')?.languages).toEqual(['sv', 'en']);
    const id = (list as { key: string; id?: string }[]).find(
      (c) => c.key === 'valfardsteknik-i-vardagen',
    )!.id;
    const plain = (await a.get(`/api/v1/courses/${id}?lang=sv-x-plain`)).json();
    expect(plain.language).toBe('sv-x-plain');
    expect(plain.modules[0].lessons[0].language).toBe('sv-x-plain');
  });
});

describe('module feedback and question statistics', () => {
  it('lets a learner rate a module of their own enrolment, and change the rating', async () => {
    const learner = await t.as('lina.persson');
    const id = await enrolmentId('lina.persson');
    const first = await learner.request({
      method: 'PUT',
      url: `/api/v1/enrolments/${id}/feedback/m1`,
      payload: { rating: 2, comment: 'För lång lektion' },
    });
    expect(first.json()).toEqual({ moduleKey: 'm1', rating: 2, comment: 'För lång lektion' });
    await learner.request({
      method: 'PUT',
      url: `/api/v1/enrolments/${id}/feedback/m1`,
      payload: { rating: 4, comment: 'Bättre nu' },
    });
    const rows = await queryRows<{ rating: number }>(
      t.db,
      sql`select rating from module_feedback where enrolment_id = ${id}`,
    );
    expect(rows).toEqual([{ rating: 4 }]);
  });

  it('refuses someone else’s enrolment, unknown modules and bad ratings, writing nothing', async () => {
    const id = await enrolmentId('lina.persson');
    const other = await t.as('erik.wallin');
    const put = (a: Agent, url: string, payload: unknown) =>
      a.request({ method: 'PUT', url, payload: payload as object });
    expect((await put(other, `/api/v1/enrolments/${id}/feedback/m1`, { rating: 1 })).statusCode).toBe(404);
    const lina = await t.as('lina.persson');
    expect((await put(lina, `/api/v1/enrolments/${id}/feedback/m9`, { rating: 3 })).statusCode).toBe(404);
    expect((await put(lina, `/api/v1/enrolments/${id}/feedback/m2`, { rating: 6 })).statusCode).toBe(400);
    expect(await count('module_feedback')).toBe(1);
  });

  it('shows authors the ratings, anonymous comments and the questions most often answered wrong', async () => {
    const learner = await t.as('personal.falun');
    const answered = (q: string, option: string) =>
      statement(verbs.answered, 'm1/quiz', { result: { success: true, response: `${q}=${option}` } });
    await learner.post('/api/v1/learning-records', {
      statements: [answered('q2', 'b'), answered('q2', 'b'), answered('q2', 'a'), answered('q1', 'a')],
    });
    const admin = await t.as('admin');
    const res = await admin.get(`/api/v1/courses/${courseId}/feedback`);
    expect(res.statusCode).toBe(200);
    const m1 = res.json().modules[0];
    expect(m1).toMatchObject({ key: 'm1', ratings: 1, averageRating: 4, comments: [{ text: 'Bättre nu' }] });
    // The answers above plus the whole attempt of m1 made earlier, graded by the server (all right).
    expect(m1.questions[0]).toMatchObject({ key: 'q2', answers: 4, wrong: 2, wrongShare: 0.5 });
    expect(JSON.stringify(res.json())).not.toContain('Lina');
  });

  it('refuses the feedback to learners, managers and coordinators who neither own the course nor run it', async () => {
    for (const who of ['personal.falun', 'chef.falun', 'samordnare.falun']) {
      expect((await (await t.as(who)).get(`/api/v1/courses/${courseId}/feedback`)).statusCode).toBe(403);
    }
  });
});

describe('courses where reflection meetings count', () => {
  it('are not complete without the meetings, and learners cannot claim attendance themselves', async () => {
    const nation = (
      await queryRows<{ id: string }>(t.db, sql`select id from organisations where kind = 'nation'`)
    )[0]!.id;
    await upsertReferenceCourse(
      t.db,
      CourseContent.parse({ ...miniCourse, key: 'testkurs-traff', completionRequiresMeetings: true }),
      nation,
    );
    const id = (
      await queryRows<{ id: string }>(t.db, sql`select id from courses where key = 'testkurs-traff'`)
    )[0]!.id;
    const learner = await t.as('noah.eriksson');
    await learner.post('/api/v1/enrolments', { courseId: id });
    const iri = (path: string) => `${ACTIVITY_BASE}/testkurs-traff/modules/${path}`;
    const s = (verb: string, path: string, result?: unknown) => ({
      id: randomUUID(),
      verb: { id: verb },
      object: { id: iri(path) },
      timestamp: new Date().toISOString(),
      ...(result ? { result } : {}),
    });
    const all = ['m1', 'm2'].flatMap((m) => [
      s(verbs.completed, `${m}/lessons/l1`),
      s(verbs.completed, `${m}/lessons/l2`),
      quizAttempt('testkurs-traff', m),
    ]);
    expect((await learner.post('/api/v1/learning-records', { statements: all })).json().stored).toBe(6);
    const claim = await learner.post('/api/v1/learning-records', { statements: [s(verbs.attended, 'm1')] });
    expect(claim.statusCode).toBe(400);
    expect(claim.json().errors[0].path).toBe('body.statements.0.verb.id');
    const e = (await learner.get('/api/v1/me/learning'))
      .json()
      .items.find((x: { course: { key: string } }) => x.course.key === 'testkurs-traff');
    expect(e).toMatchObject({ percent: 75, completedAt: null });
    expect(e.course.completionRequiresMeetings).toBe(true);
    expect(e.modules[0]).toMatchObject({ quizPassed: true, meetingAttended: false, completed: false });
  });
});
