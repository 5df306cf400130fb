import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { CMI5_DEMO_COURSE_KEY, loadCmi5Demo } from '../../src/server/db/demo/cmi5-demo.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';
import { PUBLIC_URL } from './cmi5.fixtures.ts';

/**
 * The demo's cmi5 course (issue 18), loaded with the demo data the test database is built from: imported
 * through the package import, enrolled for the demo care worker, launched as any cmi5 course, and not
 * loaded twice.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
});
afterAll(() => t.close());

const demoCourse = async () =>
  queryRows<{ id: string; format: string; modules: { key: string; identifier: string }[] }>(
    t.db,
    sql`select c.id, v.content->>'format' as format, v.content->'modules' as modules
        from courses c join course_versions v on v.course_id = c.id and v.version = c.published_version
        where c.key = ${CMI5_DEMO_COURSE_KEY}`,
  );

describe('the demo cmi5 course', () => {
  it('is an imported cmi5 course of two AUs in which the demo care worker is enrolled', async () => {
    const [course] = await demoCourse();
    expect(course!.format).toBe('cmi5');
    expect(course!.modules).toHaveLength(2);
    const learner = await t.as('personal.falun');
    const items = (await learner.get('/api/v1/me/learning')).json().items as { course: { id: string } }[];
    expect(items.some((i) => i.course.id === course!.id)).toBe(true);
  });

  it('is not loaded again when it is already there', async () => {
    const count = async () =>
      (
        await queryRows<{ courses: number; enrolments: number }>(
          t.db,
          sql`select (select count(*)::int from courses) as courses, (select count(*)::int from enrolments) as enrolments`,
        )
      )[0];
    const before = await count();
    const lines: string[] = [];
    await loadCmi5Demo(t.db, (line) => lines.push(line));
    expect(await count()).toEqual(before);
    expect(lines).toEqual([
      `demo: course ${CMI5_DEMO_COURSE_KEY} already exists; the cmi5 demo is not loaded again`,
    ]);
  });

  it('launches its first AU for her from the package on the content path, with its script', async () => {
    const [course] = await demoCourse();
    const [user] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from users where email = ${demoEmail('personal.falun')}`,
    );
    const [enrolment] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from enrolments where user_id = ${user!.id} and course_id = ${course!.id}`,
    );
    const learner = await t.as('personal.falun');
    const res = await learner.post(
      `/api/v1/enrolments/${enrolment!.id}/modules/${course!.modules[0]!.key}/cmi5-launch`,
      {},
    );
    expect(res.statusCode).toBe(200);
    const url = new URL(res.json().url as string);
    expect(url.pathname).toMatch(/^\/content\/[0-9a-f-]{36}\/au1\/index\.html$/);
    expect(url.searchParams.get('activityId')).toMatch(
      new RegExp(`^${PUBLIC_URL}/cmi5/courses/${course!.id}/aus/`),
    );

    const page = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain('sandbox allow-scripts');
    expect(page.body).toContain('<h1>Vad är digital tillsyn?</h1>');
    const script = await t.app.inject({
      method: 'GET',
      url: url.pathname.replace('au1/index.html', 'shared/au.js'),
    });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  });
});
