import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { DraftContent } from '../../src/shared/contracts/authoring.ts';
import { CourseContent } from '../../src/shared/contracts/course-content.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

/** A lesson's resources become links learners follow: only http and https may be saved (issue 14). */
let t: TestApp;
let coordinator: Agent;
let courseId: string;

const both = (sv: string) => ({ sv, en: `${sv} (en)` });
type Resource = DraftContent['modules'][number]['lessons'][number]['resources'][number];

function contentWith(resources: Resource[]): DraftContent {
  return {
    key: 'falun-lankar',
    track: 'staff',
    title: both('Länkar i Falun'),
    summary: both('En kurs med länkar.'),
    languages: ['sv', 'en'],
    estimatedMinutes: 10,
    completionRequiresMeetings: false,
    modules: [
      {
        key: 'm1',
        title: both('Grunder'),
        summary: both('Om länkar'),
        lessons: [{ key: 'l1', title: both('Lektion'), body: both('Text'), estimatedMinutes: 5, resources }],
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
const resource = (url: string): Resource => ({ url, label: both('Läs mer'), kind: 'link' });
const saveDraft = async (content: DraftContent) => {
  const draft = (await coordinator.get(`/api/v1/courses/${courseId}/draft`)).json();
  return coordinator.request({
    method: 'PUT',
    url: `/api/v1/courses/${courseId}/draft`,
    payload: { updatedAt: draft.updatedAt, content },
  });
};
const storedDraft = async () =>
  (
    await queryRows<{ draft: string }>(
      t.db,
      sql`select draft::text as draft from courses where id = ${courseId}`,
    )
  )[0]!.draft;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.as('samordnare.falun');
  const [falun] = await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where kind = 'municipality' and code = '2080'`,
  );
  const created = await coordinator.post('/api/v1/courses', {
    key: 'falun-lankar',
    track: 'staff',
    ownerOrganisationId: falun!.id,
    visibility: 'municipality',
    title: 'Länkar i Falun',
    summary: 'En kurs med länkar.',
  });
  expect(created.statusCode).toBe(201);
  courseId = created.json().id;
});
afterAll(() => t.close());

const unsafe = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  ' javascript:alert(1)',
  '\u0001\u0002javascript:alert(1)',
  '\tjava\nscript:alert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  '/relative/path',
  'https://example.org/\u0000',
];

describe('lesson resource URLs', () => {
  it('refuses anything but an http or https address with 400 naming the field, and saves nothing', async () => {
    const before = await storedDraft();
    for (const url of unsafe) {
      const res = await saveDraft(contentWith([resource(url)]));
      expect(res.statusCode, JSON.stringify(url)).toBe(400);
      expect(res.json().errors, JSON.stringify(url)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: expect.stringMatching(/resources\.0\.url$/) }),
        ]),
      );
    }
    expect(await storedDraft()).toBe(before);
  });

  it('saves and publishes http and https links, which learners then get', async () => {
    const urls = ['https://www.socialstyrelsen.se/', 'http://example.org/film?id=1'];
    const saved = await saveDraft(contentWith(urls.map(resource)));
    expect(saved.statusCode).toBe(200);
    const published = await coordinator.post(`/api/v1/courses/${courseId}/publish`, {});
    expect(published.statusCode).toBe(200);
    const learner = await t.as('personal.falun');
    const view = await learner.get(`/api/v1/courses/${courseId}?lang=sv`);
    expect(view.statusCode).toBe(200);
    expect(view.json().modules[0].lessons[0].resources.map((r: { url: string }) => r.url)).toEqual(urls);
  });

  it('the course-content contract (also used for the starter courses) refuses them too', () => {
    const good = contentWith([resource('https://www.imy.se')]);
    expect(CourseContent.safeParse(good).success).toBe(true);
    for (const url of unsafe) {
      expect(CourseContent.safeParse(contentWith([resource(url)])).success, JSON.stringify(url)).toBe(false);
    }
  });

  it('a link stored before the rule is dropped by migration 0017, so the draft opens and publishes', async () => {
    const legacy = contentWith([resource('https://www.imy.se'), resource('javascript:alert(1)')]);
    await t.db.execute(
      sql`update courses set draft = ${JSON.stringify(legacy)}::jsonb where id = ${courseId}`,
    );
    const migration = fs.readFileSync('src/server/db/migrations/0017_web_resources_only.sql', 'utf8');
    for (const statement of migration.split('--> statement-breakpoint'))
      await t.db.execute(sql.raw(statement));
    const draft = await coordinator.get(`/api/v1/courses/${courseId}/draft`);
    expect(draft.statusCode).toBe(200);
    expect(draft.json().content.modules[0].lessons[0].resources.map((r: { url: string }) => r.url)).toEqual([
      'https://www.imy.se',
    ]);
    expect((await coordinator.post(`/api/v1/courses/${courseId}/publish`, {})).statusCode).toBe(200);
  });
});
