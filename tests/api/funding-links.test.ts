import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let falun: Agent;
let borlange: Agent;
let region: Agent;
let initiativeId: string;
beforeAll(async () => {
  t = await createTestApp();
  [falun, borlange, region] = await Promise.all([
    t.as('samordnare.falun'),
    t.as('samordnare.borlange'),
    t.as('region.dalarna'),
  ]);
  initiativeId = (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from initiatives where title = 'Digital nattillsyn i hemtjänsten'`,
    )
  )[0]!.id;
});
afterAll(() => t.close());

const url = (id: string) => `/api/v1/funding-calls/linkable?initiativeId=${id}`;

describe('GET /funding-calls/linkable', () => {
  it("lists the opened calls with the initiative's allocated municipalities, never drafts", async () => {
    const res = await falun.get(url(initiativeId));
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      title: string;
      status: string;
      municipalities: { code: string }[];
    }[];
    const national = items.find((c) => c.title.startsWith('Stimulansmedel välfärdsteknik'));
    expect(national?.status).toBe('open');
    expect(national?.municipalities.map((m) => m.code)).toContain('2080');
    expect(items.every((c) => c.status !== 'draft')).toBe(true);
    // Only the initiative's own municipalities, not every one with a share in a national call.
    expect(national?.municipalities.every((m) => m.code.startsWith('20'))).toBe(true);
  });

  it("lets the region that sees Falun's initiative read it too", async () => {
    expect((await region.get(url(initiativeId))).statusCode).toBe(200);
  });

  it("hides another municipality's initiative (404, as the initiative itself)", async () => {
    const res = await borlange.get(url(initiativeId));
    expect(res.statusCode).toBe(404);
    expect((await borlange.get(`/api/v1/initiatives/${initiativeId}`)).statusCode).toBe(404);
  });

  it('names the bad field and answers 404 for an unknown initiative, 401 signed out', async () => {
    const bad = await falun.get(url('inte-ett-id'));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('initiativeId');
    const missing = await falun.get('/api/v1/funding-calls/linkable');
    expect(missing.statusCode).toBe(400);
    expect((await falun.get(url('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: url(initiativeId) });
    expect(anonymous.statusCode).toBe(401);
  });
});
