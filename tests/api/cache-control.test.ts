import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

/** Personal data must not stay in a browser or proxy cache; public and per-version answers keep ETags. */
let t: TestApp;
let coordinator: Agent;
let falun: string;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.as('samordnare.falun');
  falun = (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where kind = 'municipality' and code = '2080'`,
    )
  )[0]!.id;
});
afterAll(() => t.close());

const revalidated = async (a: Agent | null, url: string, first: { headers: Record<string, unknown> }) => {
  const headers = { 'if-none-match': String(first.headers.etag) };
  return a ? a.request({ url, headers }) : t.app.inject({ url, headers });
};

describe('answers with personal data', () => {
  it('are no-store: the signed-in user, a people list, the data export and the sessions', async () => {
    for (const url of [
      '/api/v1/me',
      `/api/v1/organisations/${falun}/members`,
      '/api/v1/me/export',
      '/api/v1/auth/sessions',
    ]) {
      const res = await coordinator.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers.etag, url).toBeUndefined();
    }
  });

  it('are no-store when refused or failing as well, and for a visitor not signed in', async () => {
    const staff = await t.as('personal.falun');
    const refused = await staff.get('/api/v1/audit');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['cache-control']).toBe('no-store');
    const anonymous = await t.app.inject({ url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const csrf = await t.app.inject({ url: '/api/v1/auth/csrf' });
    expect(csrf.headers['cache-control']).toBe('no-store');
  });
});

describe('public or per-version answers keep their own caching', () => {
  it('a published course version: private, revalidated by its ETag with 304', async () => {
    const learner = await t.as('personal.falun');
    const [course] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from courses where key = 'valfardsteknik-i-vardagen'`,
    );
    const url = `/api/v1/courses/${course!.id}?lang=sv`;
    const first = await learner.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers.etag).toMatch(/^"course-/);
    const again = await revalidated(learner, url, first);
    expect(again.statusCode).toBe(304);
    expect(again.headers['cache-control']).toBe('private, no-cache');
  });

  it('reference data under /api/v1 (borders, the municipality list) keeps its ETag and 304', async () => {
    for (const [url, cacheControl] of [
      ['/api/v1/map/municipalities', 'private, max-age=86400'],
      ['/api/v1/municipalities', 'private, no-cache'],
    ] as const) {
      const first = await coordinator.get(url);
      expect(first.headers['cache-control'], url).toBe(cacheControl);
      expect((await revalidated(coordinator, url, first)).statusCode, url).toBe(304);
    }
  });

  it('open data is public for five minutes and revalidated by ETag; the OpenAPI document is not no-store', async () => {
    const url = '/api/open/v1/municipalities';
    const first = await t.app.inject({ url });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const again = await revalidated(null, url, first);
    expect(again.statusCode).toBe(304);
    expect(again.headers['cache-control']).toBe('public, max-age=300');
    const openapi = await t.app.inject({ url: '/api/openapi.json' });
    expect(openapi.headers['cache-control']).not.toBe('no-store');
  });
});
