import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const put = (a: Awaited<ReturnType<TestApp['as']>>, payload: unknown) =>
  a.request({ method: 'PUT', url: '/api/v1/me/course-language', payload: payload as object });

const auditCount = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`))[0]!.n;

describe('PUT /me/course-language', () => {
  it('remembers the course language on the account, apart from the interface language, audited', async () => {
    const a = await t.as('personal.falun');
    expect((await a.get('/api/v1/me')).json().courseLanguage).toBeNull();
    const res = await put(a, { language: 'ar' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ language: 'ar' });
    const me = (await a.get('/api/v1/me')).json();
    expect(me).toMatchObject({ courseLanguage: 'ar', preferredLanguage: 'sv' });
    const [row] = await queryRows<{ after: { courseLanguage: string } }>(
      t.db,
      sql`select after from audit_log where action = 'user.updated' and entity_id = ${me.id}
          order by at desc limit 1`,
    );
    expect(row!.after.courseLanguage).toBe('ar');

    // Plain Swedish is a language of its own; null forgets the choice.
    expect((await put(a, { language: 'sv-x-plain' })).json()).toEqual({ language: 'sv-x-plain' });
    expect((await put(a, { language: null })).statusCode).toBe(200);
    expect((await a.get('/api/v1/me')).json().courseLanguage).toBeNull();
  });

  it("changes only the caller's own account", async () => {
    const a = await t.as('lina.persson');
    const b = await t.as('jonas.oberg');
    expect((await put(a, { language: 'en' })).statusCode).toBe(200);
    expect((await b.get('/api/v1/me')).json().courseLanguage).toBeNull();
    // There is no way to name another person: an extra id is not part of the contract.
    const bId = (await b.get('/api/v1/me')).json().id as string;
    expect((await put(a, { language: 'fa', userId: bId })).statusCode).toBe(200);
    expect((await b.get('/api/v1/me')).json().courseLanguage).toBeNull();
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const a = await t.as('fatima.ali');
    const before = await auditCount();
    for (const payload of [
      {},
      { language: '' },
      { language: 'Svenska' },
      { language: 'sv_SE' },
      { language: 'a'.repeat(40) },
      { language: 'sv\u0000' },
      { language: 42 },
    ]) {
      const res = await put(a, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await auditCount()).toBe(before);
    expect((await a.get('/api/v1/me')).json().courseLanguage).toBeNull();
  });

  it('needs a logged-in person', async () => {
    const res = await t.agent().request({
      method: 'PUT',
      url: '/api/v1/me/course-language',
      payload: { language: 'en' },
    });
    expect(res.statusCode).toBe(401);
  });
});
