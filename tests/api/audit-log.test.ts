import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { AuditEntry } from '../../src/shared/contracts/audit.ts';
import { createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(t.db, q))[0]!;
const auditCount = async () => (await one<{ n: number }>(sql`select count(*)::int as n from audit_log`)).n;
const ids = {} as Record<'falun' | 'borlange' | 'norr' | 'amir' | 'ulla' | 'admin', string>;

beforeAll(async () => {
  t = await createTestApp();
  const org = (name: string, kind: string) =>
    one<{ id: string }>(sql`select id from organisations where name = ${name} and kind = ${kind}`);
  const user = (name: string) => one<{ id: string }>(sql`select id from users where name = ${name}`);
  ids.falun = (await org('Falun', 'municipality')).id;
  ids.borlange = (await org('Borlänge', 'municipality')).id;
  ids.norr = (await org('Hemtjänsten Norr', 'unit')).id;
  ids.amir = (await user('Amir Haddad')).id;
  ids.ulla = (await user('Ulla Åberg')).id;
  ids.admin = (await user('Karin Ekström')).id;

  // Some history: a unit created in Falun, a role given and taken in Borlänge, a person erased.
  const falun = await t.as('samordnare.falun');
  await falun.post('/api/v1/organisations', { kind: 'unit', name: 'Nattpatrullen', parentId: ids.falun });
  const borlange = await t.as('samordnare.borlange');
  await borlange.post(`/api/v1/organisations/${ids.borlange}/members`, {
    email: demoEmail('personal.falun'),
    role: 'staff',
  });
  const admin = await t.as('admin');
  expect((await admin.delete(`/api/v1/users/${ids.ulla}`)).statusCode).toBe(200);
});
afterAll(() => t.close());

const get = async (url: string) => (await t.as('admin')).get(url);
const items = async (url: string) => {
  const res = await get(url);
  expect(res.statusCode, url).toBe(200);
  return res.json().items as AuditEntry[];
};

describe('GET /audit, readable', () => {
  it('names the object, the organisation and the actor of each entry, as they are called today', async () => {
    const [created] = await items('/api/v1/audit?action=organisation.created&limit=1');
    expect(created).toMatchObject({
      action: 'organisation.created',
      entityType: 'organisation',
      entityName: 'Nattpatrullen',
      entityGone: false,
      actorName: 'Maria Sundin',
      actorGone: false,
    });
    const [role] = await items('/api/v1/audit?action=membership.created&limit=1');
    // A role names the person it was given to, and where.
    expect(role).toMatchObject({
      entityName: 'Amir Haddad',
      subjectUserId: ids.amir,
      organisationName: 'Borlänge',
      entityGone: false,
    });
  });

  it('shows an erased person as gone, never by her old name', async () => {
    const entries = await items(`/api/v1/audit?personId=${ids.ulla}`);
    expect(entries.length).toBeGreaterThan(0);
    const erased = entries.find((e) => e.action === 'user.erased')!;
    expect(erased).toMatchObject({ entityGone: true, entityName: null, subjectUserId: ids.ulla });
    expect(JSON.stringify(entries)).not.toContain('Åberg');
  });

  it('filters by person (by her or about her), organisation, event and group of events', async () => {
    const byAdmin = await items(`/api/v1/audit?personId=${ids.admin}`);
    expect(byAdmin.map((e) => e.action)).toContain('user.erased');
    expect(byAdmin.every((e) => e.actorId === ids.admin || e.entityId === ids.admin)).toBe(true);

    const inBorlange = await items(`/api/v1/audit?organisationId=${ids.borlange}`);
    expect(inBorlange.length).toBeGreaterThan(0);
    expect(inBorlange.every((e) => e.organisationId === ids.borlange)).toBe(true);

    const roles = await items('/api/v1/audit?actionGroup=membership');
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((e) => e.action.startsWith('membership.'))).toBe(true);
    // '_' is no wildcard: the group 'action_plan' never matches an 'actionXplan' key.
    expect(
      (await get('/api/v1/audit?actionGroup=user'))
        .json()
        .items.every((e: AuditEntry) => e.action.startsWith('user.')),
    ).toBe(true);

    const unit = await one<{ id: string }>(sql`select id from organisations where name = 'Nattpatrullen'`);
    const both = await items(`/api/v1/audit?actionGroup=organisation&organisationId=${unit.id}`);
    expect(both.map((e) => e.entityName)).toEqual(['Nattpatrullen']);
    expect(await items(`/api/v1/audit?actionGroup=membership&organisationId=${unit.id}`)).toEqual([]);
  });

  it('keeps its paging and the old filters', async () => {
    const first = (await get('/api/v1/audit?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = (await get(`/api/v1/audit?limit=1&cursor=${first.nextCursor}`)).json();
    expect(Number(next.items[0].id)).toBeLessThan(Number(first.items[0].id));
    const typed = await items('/api/v1/audit?entityType=organisation&action=organisation.created');
    expect(typed.map((e) => e.entityName)).toContain('Nattpatrullen');
  });

  it('is for national administrators only; bad filters are a 400 and write nothing', async () => {
    for (const who of ['region.dalarna', 'samordnare.falun', 'chef.falun', 'personal.falun']) {
      expect((await (await t.as(who)).get(`/api/v1/audit?personId=${ids.amir}`)).statusCode).toBe(403);
    }
    const before = await auditCount();
    for (const url of [
      '/api/v1/audit?personId=amir',
      '/api/v1/audit?organisationId=falun',
      '/api/v1/audit?actionGroup=User.Erased',
      '/api/v1/audit?actionGroup=%25',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await auditCount()).toBe(before);
  });
});
