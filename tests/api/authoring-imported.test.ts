import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { DraftContent } from '../../src/shared/contracts/authoring.ts';
import { DEFAULT_2004_SCOS, packageForm, scorm2004Zip } from '../support/course-packages.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The authoring endpoints on a course imported as a package (issue 18): the draft view says what the
 * package holds, the list shows it, and saving or publishing a draft is refused, since a new package
 * (POST /courses/{id}/package) is how such a course changes.
 */

let t: TestApp;
let coordinator: Agent;
let id: string;

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
const put = (a: Agent, url: string, payload: unknown) =>
  a.request({ method: 'PUT', url, payload: payload as object });
const upload = (a: Agent, url: string, content: Buffer) =>
  a.request({ method: 'POST', url, ...packageForm(content) });

function nativeDraft(key: string): DraftContent {
  return {
    key,
    track: 'staff',
    title: { sv: 'Ett försök att skriva över' },
    summary: { sv: 'Paketet ska inte bli en egen kurs.' },
    languages: ['sv'],
    estimatedMinutes: 30,
    completionRequiresMeetings: false,
    modules: [],
  };
}

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.as('samordnare.falun');
  const res = await upload(
    coordinator,
    '/api/v1/courses/import',
    scorm2004Zip({ title: 'Dokumentation i hemtjänsten' }),
  );
  expect(res.statusCode).toBe(201);
  id = res.json().courseId;
});
afterAll(() => t.close());

describe('the draft of an imported course', () => {
  it('shows the package’s format and modules, and no editable content', async () => {
    const res = await coordinator.get(`/api/v1/courses/${id}/draft`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.content).toBeNull();
    expect(view.publishedVersion).toBe(1);
    expect(view.imported.format).toBe('scorm2004');
    expect(view.imported.title).toBe('Dokumentation i hemtjänsten');
    expect(view.imported.packageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(view.imported.modules.map((m: { title: string }) => m.title)).toEqual(
      DEFAULT_2004_SCOS.map((s) => s.title),
    );
  });

  it('is listed with its title and without unpublished changes', async () => {
    const list = (await coordinator.get('/api/v1/authoring/courses')).json().items;
    const row = list.find((c: { id: string }) => c.id === id);
    expect(row).toMatchObject({ title: 'Dokumentation i hemtjänsten', publishedVersion: 1 });
    expect(row.hasUnpublishedChanges).toBe(false);
  });

  it('follows a replaced package: the next version, a new package id', async () => {
    const before = (await coordinator.get(`/api/v1/courses/${id}/draft`)).json();
    const res = await upload(
      coordinator,
      `/api/v1/courses/${id}/package`,
      scorm2004Zip({ title: 'Dokumentation i hemtjänsten', scos: DEFAULT_2004_SCOS.slice(0, 2) }),
    );
    expect(res.statusCode).toBe(201);
    const after = (await coordinator.get(`/api/v1/courses/${id}/draft`)).json();
    expect(after.publishedVersion).toBe(2);
    expect(after.imported.packageId).not.toBe(before.imported.packageId);
    expect(after.imported.modules.map((m: { key: string }) => m.key)).toEqual(
      before.imported.modules.slice(0, 2).map((m: { key: string }) => m.key),
    );
  });

  it('keeps a course written in the editor as it was: content, and imported null', async () => {
    const falun = (
      await queryRows<{ id: string }>(
        t.db,
        sql`select id from organisations where kind = 'municipality' and code = '2080'`,
      )
    )[0]!.id;
    const created = await coordinator.post('/api/v1/courses', {
      key: 'falun-skrivs-har',
      track: 'staff',
      ownerOrganisationId: falun,
      visibility: 'municipality',
      title: 'Skrivs här',
      summary: 'En kurs från redigeraren.',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().imported).toBeNull();
    expect(created.json().content.key).toBe('falun-skrivs-har');
  });
});

describe('saving and publishing an imported course', () => {
  it('refuses a draft save and a publish with 409 course_imported, changing nothing', async () => {
    const view = (await coordinator.get(`/api/v1/courses/${id}/draft`)).json();
    const versions = await count('course_versions');
    const audits = await count('audit_log');
    const saved = await put(coordinator, `/api/v1/courses/${id}/draft`, {
      updatedAt: view.updatedAt,
      content: nativeDraft(view.key),
    });
    expect(saved.statusCode).toBe(409);
    expect(saved.json().code).toBe('course_imported');
    expect(saved.json().title).toMatch(/importerad/);
    const published = await coordinator.post(`/api/v1/courses/${id}/publish`, {});
    expect(published.statusCode).toBe(409);
    expect(published.json().code).toBe('course_imported');
    expect(await count('course_versions')).toBe(versions);
    expect(await count('audit_log')).toBe(audits);
    expect((await coordinator.get(`/api/v1/courses/${id}/draft`)).json()).toEqual(view);
  });

  it('answers in English when asked', async () => {
    coordinator.cookies.set('vn_lang', 'en');
    const res = await coordinator.post(`/api/v1/courses/${id}/publish`, {});
    coordinator.cookies.delete('vn_lang');
    expect(res.statusCode).toBe(409);
    expect(res.json().title).toMatch(/imported as a SCORM or cmi5 package/);
  });

  it('keeps the course from staff, managers and another municipality (403 before 409)', async () => {
    for (const who of ['personal.falun', 'chef.falun', 'samordnare.borlange']) {
      const a = await t.as(who);
      expect((await a.get(`/api/v1/courses/${id}/draft`)).statusCode).toBe(403);
      expect(
        (
          await put(a, `/api/v1/courses/${id}/draft`, {
            updatedAt: new Date().toISOString(),
            content: nativeDraft('x'),
          })
        ).statusCode,
      ).toBe(403);
      expect((await a.post(`/api/v1/courses/${id}/publish`, {})).statusCode).toBe(403);
    }
    expect((await coordinator.get(`/api/v1/courses/${randomUUID()}/draft`)).statusCode).toBe(404);
  });

  it('checks the body and the id before anything else (400)', async () => {
    expect((await coordinator.get('/api/v1/courses/inte-ett-id/draft')).statusCode).toBe(400);
    const bad = await put(coordinator, `/api/v1/courses/${id}/draft`, { updatedAt: 'i går', content: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });
});
