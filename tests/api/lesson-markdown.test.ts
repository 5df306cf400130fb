import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { MdTree } from '../../src/shared/contracts/markdown-tree.ts';
import { miniCourse } from '../fixtures/mini-course.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

/** Lesson texts are parsed on the server (CommonMark) and reach learners and authors as trees. */

let t: TestApp;
let coordinator: Agent;
let courseId: string;

const LESSON_SV = [
  '## Läs mer',
  '',
  'Se [Sverige](https://sv.wikipedia.org/wiki/Sverige_(olika_betydelser)) och ***viktigt*** &amp; mer.',
  '',
  '![Ett larm på handleden](/bilder/larm.png) [farligt](javascript:alert(1)) [data](data:text/html,x)',
].join('\n');
const LESSON_EN = '![An alarm on the wrist](/bilder/larm.png)';

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  const [falun] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where kind = 'municipality' and code = '2080'`,
  );
  coordinator = await t.as('samordnare.falun');
  const created = await coordinator.post('/api/v1/courses', {
    key: 'falun-markdown',
    track: 'staff',
    ownerOrganisationId: falun!.id,
    visibility: 'municipality',
    title: 'Markdown i Falun',
    summary: 'Lektionstexter som träd.',
  });
  expect(created.statusCode).toBe(201);
  courseId = created.json().id;
  const content = structuredClone(miniCourse);
  content.key = 'falun-markdown';
  // Declared in Swedish only (the fixture's reflection questions are), with an English lesson text too.
  content.languages = ['sv'];
  content.modules = content.modules.map((m) => ({
    ...m,
    lessons: [{ ...m.lessons[0]!, body: { sv: LESSON_SV, en: LESSON_EN } }],
  }));
  const saved = await coordinator.request({
    method: 'PUT',
    url: `/api/v1/courses/${courseId}/draft`,
    payload: { updatedAt: created.json().updatedAt, content },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const published = await coordinator.post(`/api/v1/courses/${courseId}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
});

describe('a published version’s lesson texts', () => {
  it('reach the learner as a tree: whole links, CommonMark nesting, entities decoded, unsafe links as text', async () => {
    const learner = await t.as('personal.falun');
    const res = await learner.get(`/api/v1/courses/${courseId}?lang=sv`);
    expect(res.statusCode).toBe(200);
    const body = res.json().modules[0].lessons[0].body;
    expect(body).toEqual([
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Läs mer' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Se ' },
          {
            type: 'link',
            url: 'https://sv.wikipedia.org/wiki/Sverige_(olika_betydelser)',
            children: [{ type: 'text', value: 'Sverige' }],
          },
          { type: 'text', value: ' och ' },
          {
            type: 'emphasis',
            children: [{ type: 'strong', children: [{ type: 'text', value: 'viktigt' }] }],
          },
          { type: 'text', value: ' & mer.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'image', url: '/bilder/larm.png', alt: 'Ett larm på handleden' },
          { type: 'text', value: ' farligt data' },
        ],
      },
    ]);
    const english = (await learner.get(`/api/v1/courses/${courseId}?lang=en`)).json();
    expect(english.modules[0].lessons[0]).toMatchObject({
      language: 'en',
      body: [
        {
          type: 'paragraph',
          children: [{ type: 'image', url: '/bilder/larm.png', alt: 'An alarm on the wrist' }],
        },
      ],
    });
  });

  it('are not confirmed as current to a client holding the Markdown-string view of the same version', async () => {
    const learner = await t.as('personal.falun');
    const res = await learner.request({
      method: 'GET',
      url: `/api/v1/courses/${courseId}?lang=sv`,
      headers: { 'if-none-match': `"course-${courseId}-v1-sv"` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).not.toBe(`"course-${courseId}-v1-sv"`);
  });

  it('come as trees for versions stored before trees existed (the starter courses)', async () => {
    const learner = await t.as('personal.falun');
    const list = (await learner.get('/api/v1/courses')).json().items as { id: string; key: string }[];
    const starter = list.find((c) => c.key === 'valfardsteknik-i-vardagen');
    expect(starter).toBeDefined();
    const course = (await learner.get(`/api/v1/courses/${starter!.id}?lang=ar`)).json();
    const lessons = course.modules.flatMap((m: { lessons: { body: unknown }[] }) => m.lessons);
    expect(lessons.length).toBeGreaterThan(5);
    for (const l of lessons) {
      expect(MdTree.safeParse(l.body).success).toBe(true);
      expect((l.body as { type: string }[]).some((b) => b.type === 'heading')).toBe(true);
    }
  });
});

describe('the author’s preview', () => {
  const preview = (a: Agent, id: string, payload: unknown) =>
    a.post(`/api/v1/courses/${id}/preview`, payload as object);

  it('parses texts exactly as publishing does, for those who may author the course', async () => {
    const res = await preview(coordinator, courseId, { texts: [LESSON_SV, '', '[x](javascript:alert(1))'] });
    expect(res.statusCode).toBe(200);
    const learner = await t.as('personal.falun');
    const published = (await learner.get(`/api/v1/courses/${courseId}?lang=sv`)).json();
    expect(res.json().trees).toEqual([
      published.modules[0].lessons[0].body,
      [],
      [{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }],
    ]);
  });

  it('is refused to staff, managers, another municipality and the signed-out', async () => {
    for (const who of ['personal.falun', 'chef.falun', 'samordnare.borlange']) {
      const res = await preview(await t.as(who), courseId, { texts: ['# Hej'] });
      expect(res.statusCode, who).toBe(403);
    }
    expect((await preview(coordinator, randomUUID(), { texts: ['# Hej'] })).statusCode).toBe(404);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/preview`,
      payload: { texts: ['# Hej'] },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const auditBefore = await count('audit_log');
    const versionsBefore = await count('course_versions');
    for (const payload of [
      {},
      { texts: [] },
      { texts: 'text' },
      { texts: [42] },
      { texts: Array.from({ length: 201 }, () => 'a') },
      { texts: ['a'.repeat(100_001)] },
      { texts: Array.from({ length: 4 }, () => 'a'.repeat(80_000)) },
    ]) {
      const res = await preview(coordinator, courseId, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await preview(coordinator, 'not-a-uuid', { texts: ['a'] })).statusCode).toBe(400);
    expect(await count('audit_log')).toBe(auditBefore);
    expect(await count('course_versions')).toBe(versionsBefore);
  });
});
