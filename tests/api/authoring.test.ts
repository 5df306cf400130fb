import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { ACTIVITY_BASE } from '../../src/server/features/learning/course-content.ts';
import type { DraftContent } from '../../src/shared/contracts/authoring.ts';
import { verbs } from '../../src/shared/contracts/learning.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let falun: string;
let borlange: string;
const orgId = async (code: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where kind = 'municipality' and code = ${code}`,
    )
  )[0]!.id;
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
const put = (a: Agent, url: string, payload: unknown) =>
  a.request({ method: 'PUT', url, payload: payload as object });

const newCourse = (key: string, ownerOrganisationId: string, visibility = 'municipality') => ({
  key,
  track: 'staff',
  ownerOrganisationId,
  visibility,
  title: 'Digitala lås i Falun',
  summary: 'Så använder vi digitala lås.',
});

const both = (sv: string) => ({ sv, en: `${sv} (en)` });
function fullContent(key: string, lessonText = 'Första texten'): DraftContent {
  return {
    key,
    track: 'staff',
    title: both('Digitala lås i Falun'),
    summary: both('Så använder vi digitala lås.'),
    languages: ['sv', 'en'],
    estimatedMinutes: 20,
    completionRequiresMeetings: false,
    modules: [
      {
        key: 'm1',
        title: both('Grunder'),
        summary: both('Vad ett digitalt lås är'),
        lessons: [
          {
            key: 'l1',
            title: both('Lektion ett'),
            body: both(`# Rubrik\n\n${lessonText}`),
            estimatedMinutes: 5,
            resources: [],
          },
        ],
        quiz: {
          passMark: 0.67,
          questions: ['q1', 'q2', 'q3'].map((q) => ({
            key: q,
            kind: 'single' as const,
            prompt: both(`Fråga ${q}`),
            options: [
              { key: 'a', text: both('Rätt'), correct: true, feedback: both('Ja.') },
              { key: 'b', text: both('Fel'), correct: false, feedback: both('Nej.') },
            ],
          })),
        },
        reflectionQuestions: [both('Vad tar du med dig?'), both('Vad vill du pröva?')],
      },
    ],
  };
}

beforeAll(async () => {
  t = await createTestApp();
  falun = await orgId('2080');
  borlange = await orgId('2081');
});
afterAll(() => t.close());

describe('creating a course', () => {
  it('lets a coordinator create a municipality course in their municipality, audited', async () => {
    const a = await t.as('samordnare.falun');
    const res = await a.post('/api/v1/courses', newCourse('falun-las', falun));
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ key: 'falun-las', visibility: 'municipality', publishedVersion: null });
    expect(view.content).toMatchObject({
      title: { sv: 'Digitala lås i Falun' },
      languages: ['sv'],
      modules: [],
    });
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${view.id}`,
    );
    expect(audit.map((r) => r.action)).toEqual(['course.created']);
    const list = (await a.get('/api/v1/authoring/courses')).json().items;
    expect(list.find((c: { key: string }) => c.key === 'falun-las')).toMatchObject({
      publishedVersion: null,
      hasUnpublishedChanges: true,
    });
    // Starter courses belong to the nation: not authorable by a municipal coordinator.
    expect(list.every((c: { visibility: string }) => c.visibility !== 'national')).toBe(true);
  });

  it('refuses staff, managers, another municipality and a visibility that does not fit the owner', async () => {
    const before = await count('courses');
    for (const who of ['personal.falun', 'chef.falun']) {
      const a = await t.as(who);
      expect(
        (await a.post('/api/v1/courses', newCourse(`x-${who.replace('.', '-')}`, falun))).statusCode,
      ).toBe(403);
    }
    const falunCoordinator = await t.as('samordnare.falun');
    expect(
      (await falunCoordinator.post('/api/v1/courses', newCourse('x-borlange', borlange))).statusCode,
    ).toBe(403);
    const national = await falunCoordinator.post(
      '/api/v1/courses',
      newCourse('x-national', falun, 'national'),
    );
    expect(national.statusCode).toBe(400);
    expect(national.json().errors[0].path).toBe('body.visibility');
    expect(
      (await falunCoordinator.post('/api/v1/courses', { ...newCourse('Bad Key', falun) })).statusCode,
    ).toBe(400);
    expect((await falunCoordinator.post('/api/v1/courses', newCourse('falun-las', falun))).statusCode).toBe(
      409,
    );
    expect(
      (await falunCoordinator.post('/api/v1/courses', newCourse('x-none', randomUUID()))).statusCode,
    ).toBe(404);
    expect(await count('courses')).toBe(before);
  });
});

describe('drafts and publishing', () => {
  let id: string;
  let coordinator: Agent;
  beforeAll(async () => {
    coordinator = await t.as('samordnare.falun');
    id = (await coordinator.post('/api/v1/courses', newCourse('falun-draft', falun))).json().id;
  });

  it('keeps the draft from staff, managers and another municipality’s coordinator', async () => {
    for (const who of ['personal.falun', 'chef.falun', 'samordnare.borlange']) {
      const a = await t.as(who);
      expect((await a.get(`/api/v1/courses/${id}/draft`)).statusCode).toBe(403);
      const draft = (await coordinator.get(`/api/v1/courses/${id}/draft`)).json();
      expect(
        (await put(a, `/api/v1/courses/${id}/draft`, { updatedAt: draft.updatedAt, content: draft.content }))
          .statusCode,
      ).toBe(403);
      expect((await a.post(`/api/v1/courses/${id}/publish`, {})).statusCode).toBe(403);
    }
    expect((await coordinator.get(`/api/v1/courses/${randomUUID()}/draft`)).statusCode).toBe(404);
  });

  it('rejects bad content with field paths and writes nothing', async () => {
    const draft = (await coordinator.get(`/api/v1/courses/${id}/draft`)).json();
    const auditBefore = await count('audit_log');
    const bad = fullContent('falun-draft');
    (bad.modules[0] as { key: string }).key = 'Inte OK';
    const res = await put(coordinator, `/api/v1/courses/${id}/draft`, {
      updatedAt: draft.updatedAt,
      content: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('body.content.modules.0.key');
    const otherKey = await put(coordinator, `/api/v1/courses/${id}/draft`, {
      updatedAt: draft.updatedAt,
      content: fullContent('ett-annat-kurs'),
    });
    expect(otherKey.statusCode).toBe(400);
    expect((await coordinator.get(`/api/v1/courses/${id}/draft`)).json()).toEqual(draft);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('saves a draft, and refuses a save on top of someone else’s newer one (409)', async () => {
    const draft = (await coordinator.get(`/api/v1/courses/${id}/draft`)).json();
    const partial = { ...fullContent('falun-draft'), modules: [] };
    const first = await put(coordinator, `/api/v1/courses/${id}/draft`, {
      updatedAt: draft.updatedAt,
      content: partial,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().updatedAt).not.toBe(draft.updatedAt);
    const stale = await put(coordinator, `/api/v1/courses/${id}/draft`, {
      updatedAt: draft.updatedAt,
      content: partial,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
  });

  it('refuses to publish an incomplete draft, listing what is missing', async () => {
    const draft = (await coordinator.get(`/api/v1/courses/${id}/draft`)).json();
    const content = fullContent('falun-draft');
    delete (content.modules[0]!.lessons[0]!.body as Record<string, string>).en;
    const saved = (
      await put(coordinator, `/api/v1/courses/${id}/draft`, { updatedAt: draft.updatedAt, content })
    ).json();
    const versionsBefore = await count('course_versions');
    const res = await coordinator.post(`/api/v1/courses/${id}/publish`, { updatedAt: saved.updatedAt });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ path: 'draft.modules.0.lessons.0.body.en', code: 'missing_translation' }),
    );
    expect(await count('course_versions')).toBe(versionsBefore);
  });

  it('publishes versions, and a learner’s progress stays valid across them', async () => {
    let draft = (await coordinator.get(`/api/v1/courses/${id}/draft`)).json();
    draft = (
      await put(coordinator, `/api/v1/courses/${id}/draft`, {
        updatedAt: draft.updatedAt,
        content: fullContent('falun-draft'),
      })
    ).json();
    const v1 = await coordinator.post(`/api/v1/courses/${id}/publish`, { updatedAt: draft.updatedAt });
    expect(v1.statusCode).toBe(200);
    expect(v1.json().version).toBe(1);

    const learner = await t.as('personal.falun');
    const listed = (await learner.get('/api/v1/courses')).json().items;
    expect(listed.map((c: { key: string }) => c.key)).toContain('falun-draft');
    expect((await (await t.as('samordnare.borlange')).get(`/api/v1/courses/${id}`)).statusCode).toBe(404);
    expect((await learner.post('/api/v1/enrolments', { courseId: id })).json()).toEqual({
      created: 1,
      existing: 0,
    });
    const stored = await learner.post('/api/v1/learning-records', {
      statements: [
        {
          id: randomUUID(),
          verb: { id: verbs.completed },
          object: { id: `${ACTIVITY_BASE}/falun-draft/modules/m1/lessons/l1` },
          timestamp: new Date().toISOString(),
        },
      ],
    });
    expect(stored.json()).toEqual({ stored: 1, duplicates: 0, graded: [] });

    draft = (await coordinator.get(`/api/v1/courses/${id}/draft`)).json();
    draft = (
      await put(coordinator, `/api/v1/courses/${id}/draft`, {
        updatedAt: draft.updatedAt,
        content: fullContent('falun-draft', 'En bättre text'),
      })
    ).json();
    const v2 = await coordinator.post(`/api/v1/courses/${id}/publish`, {});
    expect(v2.json().version).toBe(2);

    const mine = (await learner.get('/api/v1/me/learning')).json().items;
    const e = mine.find((x: { course: { key: string } }) => x.course.key === 'falun-draft');
    expect(e.course.version).toBe(2);
    expect(e.completedItems).toContain('lesson:m1/l1');
    expect(e.percent).toBeGreaterThan(0);
    const course = (await learner.get(`/api/v1/courses/${id}`)).json();
    expect(course.modules[0].lessons[0].body).toEqual([
      { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Rubrik' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'En bättre text' }] },
    ]);

    const actions = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${id} order by at`,
    );
    expect(actions.filter((a) => a.action === 'course.published')).toHaveLength(2);
    const list = (await coordinator.get('/api/v1/authoring/courses')).json().items;
    expect(list.find((c: { id: string }) => c.id === id)).toMatchObject({
      publishedVersion: 2,
      hasUnpublishedChanges: false,
    });
  });
});

describe('starter courses', () => {
  it('are authorable only by national admins', async () => {
    const admin = await t.as('admin');
    const list = (await admin.get('/api/v1/authoring/courses')).json().items;
    const starter = list.find((c: { visibility: string }) => c.visibility === 'national');
    expect(starter).toBeTruthy();
    expect((await admin.get(`/api/v1/courses/${starter.id}/draft`)).statusCode).toBe(200);
    const coordinator = await t.as('samordnare.falun');
    expect((await coordinator.get(`/api/v1/courses/${starter.id}/draft`)).statusCode).toBe(403);
  });
});
