import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { upsertReferenceCourse } from '../../src/server/features/learning/courses.repo.ts';
import { CourseContent } from '../../src/shared/contracts/course-content.ts';
import { verbs } from '../../src/shared/contracts/learning.ts';
import { QUIZ_CORRECT } from '../../src/shared/learning/activity.ts';
import { miniCourse } from '../fixtures/mini-course.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import { quizAttempt, statement } from './programmes.fixtures.ts';

/** Issue 14, defect 7: quizzes are graded on the server, against the version the learner answered. */
let t: TestApp;
let nation: string;
const courseIds: Record<string, string> = {};
const WRONG = { q1: ['b'], q2: ['b'], q3: ['b'] };
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

async function publish(content: unknown) {
  const parsed = CourseContent.parse(content);
  await upsertReferenceCourse(t.db, parsed, nation);
  courseIds[parsed.key] = (
    await queryRows<{ id: string }>(t.db, sql`select id from courses where key = ${parsed.key}`)
  )[0]!.id;
}

async function enrolled(local: string, key = 'testkurs-mini') {
  const a = await t.as(local);
  expect((await a.post('/api/v1/enrolments', { courseId: courseIds[key] })).statusCode).toBe(200);
  return a;
}

const send = (a: Agent, statements: unknown[]) => a.post('/api/v1/learning-records', { statements });

async function progress(a: Agent, key = 'testkurs-mini') {
  const items = (await a.get('/api/v1/me/learning')).json().items as {
    id: string;
    course: { key: string };
    completedAt: string | null;
    modules: { key: string; quizPassed: boolean; bestScore: number | null }[];
  }[];
  return items.find((e) => e.course.key === key)!;
}

beforeAll(async () => {
  t = await createTestApp();
  nation = (
    await queryRows<{ id: string }>(t.db, sql`select id from organisations where kind = 'nation'`)
  )[0]!.id;
  await publish(miniCourse);
});
afterAll(() => t.close());

describe('the learner’s course', () => {
  it('does not tell which options are right, nor carry the feedback that gives it away', async () => {
    const a = await t.as('personal.falun');
    for (const lang of ['sv', 'en']) {
      const res = await a.get(`/api/v1/courses/${courseIds['testkurs-mini']}?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().modules[0].quiz.questions[0].options[0]).toEqual({
        key: 'a',
        text: expect.any(String),
      });
      expect(res.body).not.toMatch(/"correct"|"feedback"|Rätt\.|Right\./);
    }
    // Authors still have the whole quiz, right answers included.
    const draft = await (await t.as('admin')).get(`/api/v1/courses/${courseIds['testkurs-mini']}/draft`);
    expect(draft.statusCode).toBe(200);
    expect(draft.json().content.modules[0].quiz.questions[0].options[0].correct).toBe(true);
  });
});

describe('grading', () => {
  it('does not pass a claimed 100 % with wrong answers, and answers with the server’s grading', async () => {
    const a = await enrolled('personal.falun');
    const claim = quizAttempt('testkurs-mini', 'm1', WRONG, {
      result: { score: { scaled: 1 }, success: true },
      context: { language: 'en' },
    });
    const res = await send(a, [claim]);
    expect(res.statusCode).toBe(200);
    const [graded] = res.json().graded;
    expect(graded).toMatchObject({
      statementId: claim.id,
      moduleKey: 'm1',
      version: 1,
      score: { scaled: 0 },
      success: false,
      passMark: 0.67,
    });
    expect(graded.questions[0]).toEqual({
      key: 'q1',
      correct: false,
      options: [
        { key: 'a', correct: true, chosen: false, feedback: 'Right.' },
        { key: 'b', correct: false, chosen: true, feedback: 'Wrong.' },
      ],
    });
    expect((await progress(a)).modules[0]).toMatchObject({ quizPassed: false, bestScore: null });
    const [row] = await queryRows<{ result: Record<string, unknown> }>(
      t.db,
      sql`select result from learning_statements where id = ${claim.id}`,
    );
    expect(row!.result).toMatchObject({
      score: { scaled: 0 },
      success: false,
      extensions: { [QUIZ_CORRECT]: { q1: false, q2: false, q3: false } },
    });
  });

  it('refuses a claimed pass without answers (400, nothing written), and passes nothing for empty answers', async () => {
    const a = await enrolled('erik.wallin');
    const before = await count('learning_statements');
    const passed = statement('testkurs-mini', verbs.passed, 'm1/quiz', {
      result: { score: { scaled: 1 }, success: true },
    });
    const refused = await send(a, [statement('testkurs-mini', verbs.completed, 'm1/lessons/l1'), passed]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toMatchObject([
      { path: 'body.statements.1.verb.id', code: 'invalid_value' },
    ]);
    const bare = statement('testkurs-mini', verbs.completed, 'm1/quiz', {
      result: { score: { scaled: 1 }, success: true, completion: true },
    });
    const noAnswers = await send(a, [bare]);
    expect(noAnswers.statusCode).toBe(400);
    expect(noAnswers.json().errors).toMatchObject([
      { path: 'body.statements.0.result.extensions', code: 'required' },
    ]);
    const unknown = await send(a, [quizAttempt('testkurs-mini', 'm1', { q9: ['a'] })]);
    expect(unknown.statusCode).toBe(400);
    expect(await count('learning_statements')).toBe(before);

    const empty = await send(a, [
      quizAttempt('testkurs-mini', 'm1', {}, { result: { score: { scaled: 1 }, success: true } }),
    ]);
    expect(empty.json()).toMatchObject({ stored: 1, graded: [{ success: false, score: { scaled: 0 } }] });
    expect((await progress(a)).modules[0]!.quizPassed).toBe(false);
  });

  it('passes right answers, completes the course and yields a certificate', async () => {
    const a = await enrolled('lina.persson');
    const res = await send(a, [
      ...['m1', 'm2'].flatMap((m) => [
        statement('testkurs-mini', verbs.completed, `${m}/lessons/l1`),
        statement('testkurs-mini', verbs.completed, `${m}/lessons/l2`),
      ]),
      // Two of three right stays below the pass mark (0.67); the second attempt passes.
      quizAttempt('testkurs-mini', 'm1', { q1: ['a'], q2: ['a'], q3: ['b'] }),
      quizAttempt('testkurs-mini', 'm1'),
      quizAttempt('testkurs-mini', 'm2'),
    ]);
    expect(res.json()).toMatchObject({
      stored: 7,
      graded: [
        { moduleKey: 'm1', success: false, score: { scaled: 0.6667 } },
        { moduleKey: 'm1', success: true, score: { scaled: 1 } },
        { moduleKey: 'm2', success: true, score: { scaled: 1 } },
      ],
    });
    const e = await progress(a);
    expect(e.modules.map((m) => m.bestScore)).toEqual([1, 1]);
    expect(e.completedAt).not.toBeNull();
    const cert = await a.post(`/api/v1/enrolments/${e.id}/certificate`);
    expect(cert.statusCode).toBe(200);
    expect(cert.json()).toMatchObject({ courseTitle: 'Testkurs', valid: true });
  });

  it('grades an offline batch when it arrives, and counts a re-sent batch once', async () => {
    const a = await enrolled('noah.eriksson');
    const e = await progress(a);
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
    const context = { registration: e.id, language: 'sv', revision: '1' };
    const batch = [
      statement('testkurs-mini', verbs.completed, 'm1/lessons/l1', { context, timestamp: hoursAgo(5) }),
      statement('testkurs-mini', verbs.completed, 'm1/lessons/l2', { context, timestamp: hoursAgo(4) }),
      quizAttempt('testkurs-mini', 'm1', WRONG, { context }),
      quizAttempt('testkurs-mini', 'm1', undefined, { context }),
      // An answered question from an earlier app version: its claimed success is replaced by the grading.
      statement('testkurs-mini', verbs.answered, 'm1/quiz', {
        context,
        result: { success: true, response: 'q2=b' },
      }),
    ];
    const first = await send(a, batch);
    expect(first.json()).toMatchObject({
      stored: 5,
      duplicates: 0,
      graded: [{ success: false }, { success: true }],
    });
    expect(first.json().graded[1].questions[0].options[0]).toEqual({
      key: 'a',
      correct: true,
      chosen: true,
      feedback: 'Rätt.',
    });
    const again = await send(a, batch);
    expect(again.json()).toMatchObject({
      stored: 0,
      duplicates: 5,
      graded: [{ success: false }, { success: true }],
    });
    const twice = await send(a, [batch[3], batch[3]]);
    expect(twice.json()).toMatchObject({ stored: 0, duplicates: 2 });
    const [row] = await queryRows<{ items: number; quiz: number }>(
      t.db,
      sql`select items_completed as items,
                 (select count(*)::int from enrolment_items where enrolment_id = ${e.id} and item = 'quiz:m1') as quiz
          from enrolments where id = ${e.id}`,
    );
    expect(row).toEqual({ items: 3, quiz: 1 });
    const [answered] = await queryRows<{ success: boolean }>(
      t.db,
      sql`select (result->>'success')::boolean as success from learning_statements where id = ${batch[4]!.id}`,
    );
    expect(answered!.success).toBe(false);
  });

  it('takes an offline batch that passes a quiz twice and completes a lesson twice', async () => {
    const a = await enrolled('jonas.oberg');
    const res = await send(a, [
      statement('testkurs-mini', verbs.completed, 'm1/lessons/l1'),
      statement('testkurs-mini', verbs.completed, 'm1/lessons/l1'),
      quizAttempt('testkurs-mini', 'm1', { q1: ['a'], q2: ['a'], q3: ['a'] }),
      quizAttempt('testkurs-mini', 'm1'),
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stored: 4, graded: [{ success: true }, { success: true }] });
    const e = await progress(a);
    expect(e.modules[0]).toMatchObject({ quizPassed: true, bestScore: 1 });
  });

  it('grades against the version the learner answered, and refuses a version never published', async () => {
    const v1 = { ...miniCourse, key: 'testkurs-version' };
    await publish(v1);
    const a = await enrolled('personal.falun', 'testkurs-version');
    // Version 2 makes option b the right answer of q1.
    const modules = v1.modules.map((m) => ({
      ...m,
      quiz: {
        ...m.quiz,
        questions: m.quiz.questions.map((q) =>
          q.key === 'q1' ? { ...q, options: q.options.map((o) => ({ ...o, correct: o.key === 'b' })) } : q,
        ),
      },
    }));
    await publish({ ...v1, modules });
    const old = { q1: ['a'], q2: ['a'], q3: ['a'] };
    const onV1 = await send(a, [quizAttempt('testkurs-version', 'm1', old, { context: { revision: '1' } })]);
    expect(onV1.json().graded[0]).toMatchObject({ version: 1, score: { scaled: 1 } });
    const onV2 = await send(a, [quizAttempt('testkurs-version', 'm2', old)]);
    expect(onV2.json().graded[0]).toMatchObject({ version: 2, score: { scaled: 0.6667 } });
    const before = await count('learning_statements');
    const future = await send(a, [
      quizAttempt('testkurs-version', 'm1', old, { context: { revision: '3' } }),
    ]);
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toMatchObject([
      { path: 'body.statements.0.context.revision', code: 'invalid_value' },
    ]);
    expect(await count('learning_statements')).toBe(before);
  });

  it('refuses answers for a course the learner is not on, and anyone logged out', async () => {
    const before = await count('learning_statements');
    const stranger = await t.as('maja.strom');
    const res = await send(stranger, [quizAttempt('testkurs-mini', 'm1')]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('not_enrolled');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/learning-records',
      payload: { statements: [quizAttempt('testkurs-mini', 'm1')] },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
    const malformed = await send(await t.as('personal.falun'), [
      quizAttempt('testkurs-mini', 'm1', { q1: 'a' } as unknown as Record<string, string[]>),
    ]);
    expect(malformed.statusCode).toBe(400);
    // Someone else's enrolment is not a place to record answers.
    const mine = await progress(await t.as('personal.falun'));
    const other = await send(await t.as('lina.persson'), [
      quizAttempt('testkurs-mini', 'm1', undefined, { context: { registration: mine.id } }),
    ]);
    expect(other.json().errors).toMatchObject([
      { path: 'body.statements.0.context.registration', code: 'not_enrolled' },
    ]);
    expect(await count('learning_statements')).toBe(before);
  });
});
