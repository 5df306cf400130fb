import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/server/db/client.ts';
import { ACTIVITY_BASE } from '../../src/server/features/learning/course-content.ts';
import { upsertReferenceCourse } from '../../src/server/features/learning/courses.repo.ts';
import { CourseContent } from '../../src/shared/contracts/course-content.ts';
import { verbs } from '../../src/shared/contracts/learning.ts';
import { QUIZ_RESPONSES } from '../../src/shared/learning/activity.ts';
import { miniCourse, miniCourseRightAnswers } from '../fixtures/mini-course.ts';
import { demoEmail, type TestApp } from '../support/test-app.ts';

/** Shared set-up for the programme, report and study-group tests: two small courses and some people. */
export async function loadCourses(t: TestApp) {
  const nation = (
    await queryRows<{ id: string }>(t.db, sql`select id from organisations where kind = 'nation'`)
  )[0]!.id;
  await upsertReferenceCourse(t.db, CourseContent.parse(miniCourse), nation);
  await upsertReferenceCourse(
    t.db,
    CourseContent.parse({ ...miniCourse, key: 'testkurs-chef', track: 'managers' }),
    nation,
  );
  const ids = await queryRows<{ id: string; key: string }>(
    t.db,
    sql`select id, key from courses where key in ('testkurs-mini', 'testkurs-chef')`,
  );
  return {
    staffCourse: ids.find((c) => c.key === 'testkurs-mini')!.id,
    managerCourse: ids.find((c) => c.key === 'testkurs-chef')!.id,
  };
}

export const orgId = async (t: TestApp, name: string, kind: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where name = ${name} and kind = ${kind}`,
    )
  )[0]!.id;

export const userId = async (t: TestApp, local: string) =>
  (await queryRows<{ id: string }>(t.db, sql`select id from users where email = ${demoEmail(local)}`))[0]!.id;

export const count = async (t: TestApp, table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

/** A unit in a municipality (by SCB code). */
export async function addUnit(t: TestApp, municipalityCode: string, name: string) {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`insert into organisations (kind, name, parent_id, county_code, subtype)
        select 'unit', ${name}, m.id, m.county_code, 'home_care' from organisations m
        where m.kind = 'municipality' and m.code = ${municipalityCode}
        returning id`,
  );
  return row!.id;
}

/** A person with a role at an organisation, who can log in with the demo password. */
export async function addPerson(
  t: TestApp,
  local: string,
  name: string,
  organisationId: string,
  role: 'staff' | 'manager',
  gender: 'woman' | 'man' | 'other' | 'not_stated' | null,
) {
  const [row] = await queryRows<{ id: string }>(
    t.db,
    sql`insert into users (email, name, gender, status, password_hash)
        select ${demoEmail(local)}, ${name}, ${gender}, 'active', password_hash from users
        where email = ${demoEmail('personal.falun')}
        returning id`,
  );
  await queryRows(
    t.db,
    sql`insert into memberships (user_id, organisation_id, role) values (${row!.id}, ${organisationId}, ${role}) returning id`,
  );
  return row!.id;
}

export const statement = (
  courseKey: string,
  verb: string,
  path: string,
  extra: Record<string, unknown> = {},
) => ({
  id: randomUUID(),
  verb: { id: verb },
  object: { id: `${ACTIVITY_BASE}/${courseKey}/modules/${path}` },
  timestamp: new Date().toISOString(),
  ...extra,
});

/**
 * A quiz attempt of the mini course as the app sends it: the chosen options per question, for the
 * server to grade (option `a` is the right one of every question; all right by default).
 */
export const quizAttempt = (
  courseKey: string,
  moduleKey: string,
  responses: Record<string, string[]> = miniCourseRightAnswers,
  extra: { result?: Record<string, unknown>; context?: Record<string, unknown> } = {},
) =>
  statement(courseKey, verbs.completed, `${moduleKey}/quiz`, {
    ...extra,
    result: { completion: true, ...extra.result, extensions: { [QUIZ_RESPONSES]: responses } },
  });

/** Every lesson and quiz of the mini course (2 × (3 + 2.5 minutes)). */
export const finishMiniCourse = (courseKey = 'testkurs-mini') =>
  ['m1', 'm2'].flatMap((m) => [
    statement(courseKey, verbs.completed, `${m}/lessons/l1`, { result: { duration: 'PT3M' } }),
    statement(courseKey, verbs.completed, `${m}/lessons/l2`, { result: { duration: 'PT2M30S' } }),
    quizAttempt(courseKey, m),
  ]);

export const codes = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { code: string }[] }).errors ?? []).map((e) => e.code);
