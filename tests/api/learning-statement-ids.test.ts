import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { upsertReferenceCourse } from '../../src/server/features/learning/courses.repo.ts';
import { CourseContent } from '../../src/shared/contracts/course-content.ts';
import { verbs } from '../../src/shared/contracts/learning.ts';
import { QUIZ_RESPONSES } from '../../src/shared/learning/activity.ts';
import { miniCourse, miniCourseRightAnswers } from '../fixtures/mini-course.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { quizAttempt, statement } from './programmes.fixtures.ts';

/**
 * Issue 14, defect 8: a statement id names one statement. Sent again unchanged it is a duplicate; with
 * other content it is a 409 conflict; and an id someone else stored answers exactly like any conflict.
 */
let t: TestApp;
let courseId: string;
let amir: Agent;
let lina: Agent;
const send = (a: Agent, statements: unknown[]) => a.post('/api/v1/learning-records', { statements });
const rows = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from learning_statements`))[0]!.n;
const stored = async (id: string) =>
  (
    await queryRows<{ result: unknown; user_id: string }>(
      t.db,
      sql`select result, user_id from learning_statements where id = ${id}`,
    )
  )[0];
const lesson = (path = 'm1/lessons/l1', extra: Record<string, unknown> = {}) =>
  statement('testkurs-mini', verbs.completed, path, {
    result: { completion: true, duration: 'PT3M' },
    ...extra,
  });

beforeAll(async () => {
  t = await createTestApp();
  const nation = (
    await queryRows<{ id: string }>(t.db, sql`select id from organisations where kind = 'nation'`)
  )[0]!.id;
  await upsertReferenceCourse(t.db, CourseContent.parse(miniCourse), nation);
  courseId = (
    await queryRows<{ id: string }>(t.db, sql`select id from courses where key = 'testkurs-mini'`)
  )[0]!.id;
  amir = await t.as('personal.falun');
  lina = await t.as('lina.persson');
  for (const a of [amir, lina]) await a.post('/api/v1/enrolments', { courseId });
});
afterAll(() => t.close());

describe('a statement id sent again', () => {
  it('is a duplicate when the statement is the same, whatever the key order or time zone', async () => {
    const s = lesson();
    expect((await send(amir, [s])).json()).toMatchObject({ stored: 1, duplicates: 0 });
    const offset = new Date(s.timestamp).getTime() + 2 * 3600_000;
    const sameInstant = `${new Date(offset).toISOString().slice(0, 23)}+02:00`;
    const reordered = {
      timestamp: sameInstant,
      result: { duration: 'PT3M', completion: true },
      object: s.object,
      verb: s.verb,
      id: s.id,
    };
    expect((await send(amir, [reordered])).json()).toMatchObject({ stored: 0, duplicates: 1 });
    const attempt = quizAttempt('testkurs-mini', 'm1');
    expect((await send(amir, [attempt])).json()).toMatchObject({ stored: 1, graded: [{ success: true }] });
    // The stored result is the server's grading, yet the same attempt sent again is still the same.
    expect((await send(amir, [attempt])).json()).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it('is a 409 conflict with other content, and nothing of the batch is written', async () => {
    const s = lesson();
    await send(amir, [s]);
    const before = await rows();
    const changed = { ...s, result: { completion: true, duration: 'PT59M' } };
    const res = await send(amir, [lesson('m1/lessons/l2'), changed]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'statement_conflict',
      errors: [{ path: 'body.statements.1.id', code: 'conflict' }],
    });
    expect(await rows()).toBe(before);
    expect((await stored(s.id))!.result).toEqual({ completion: true, duration: 'PT3M' });
    // Other answers under the id of a graded attempt are a conflict too: a failed attempt cannot be redone.
    const failed = quizAttempt('testkurs-mini', 'm2', { q1: ['b'], q2: ['b'], q3: ['b'] });
    await send(amir, [failed]);
    const redo = {
      ...failed,
      result: { completion: true, extensions: { [QUIZ_RESPONSES]: miniCourseRightAnswers } },
    };
    expect((await send(amir, [redo])).statusCode).toBe(409);
  });

  it('is refused inside one batch when it carries two different statements, and counted once when the same', async () => {
    const before = await rows();
    const s = lesson('m2/lessons/l1');
    const other = { ...s, verb: { id: verbs.experienced } };
    const clash = await send(amir, [lesson('m2/lessons/l2'), s, other]);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors).toMatchObject([{ path: 'body.statements.2.id', code: 'conflict' }]);
    expect(await rows()).toBe(before);
    expect((await send(amir, [s, { ...s }])).json()).toMatchObject({ stored: 1, duplicates: 1 });
  });

  it('stored by someone else answers exactly as any conflict, and stores nothing', async () => {
    const mine = lesson('m1/lessons/l2');
    await send(amir, [mine]);
    const own = lesson('m1/lessons/l1');
    await send(lina, [own]);
    const before = await rows();
    // Lina's own id with other content, and Amir's id with Lina's content: the answers are the same.
    const ownConflict = await send(lina, [{ ...own, verb: { id: verbs.experienced } }]);
    const theirs = await send(lina, [{ ...lesson('m1/lessons/l1'), id: mine.id }]);
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json()).toEqual(ownConflict.json());
    expect(theirs.headers['content-type']).toBe(ownConflict.headers['content-type']);
    // The very same content as Amir's does not reveal it either.
    const copy = await send(lina, [{ ...mine }]);
    expect(copy.json()).toEqual(ownConflict.json());
    expect(await rows()).toBe(before);
    expect((await stored(mine.id))!.user_id).not.toBe(
      (
        await queryRows<{ id: string }>(
          t.db,
          sql`select id from users where email = ${demoEmail('lina.persson')}`,
        )
      )[0]!.id,
    );
  });

  it('compares with statements stored before digests were kept by their stored content', async () => {
    const s = lesson('m2/lessons/l2');
    await send(amir, [s]);
    await queryRows(t.db, sql`update learning_statements set digest = null where id = ${s.id} returning id`);
    expect((await send(amir, [s])).json()).toMatchObject({ stored: 0, duplicates: 1 });
    expect((await send(amir, [{ ...s, timestamp: new Date().toISOString() }])).statusCode).toBe(409);
  });

  it('still refuses malformed ids and logged-out senders', async () => {
    expect((await send(amir, [{ ...lesson(), id: 'not-a-uuid' }])).statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/learning-records',
      payload: { statements: [{ ...lesson(), id: randomUUID() }] },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
  });
});
