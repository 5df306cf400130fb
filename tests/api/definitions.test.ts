import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type { DefinitionDetail, DefinitionList } from '../../src/shared/contracts/definitions.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let region: Agent;
let falun: Agent;
let staff: Agent;
let akademi: Agent;
let admin: Agent;
let ids: Record<'dalarna' | 'falun' | 'nation' | 'akademi', string>;

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
const counts = async () => ({
  definitions: await count('definitions'),
  versions: await count('definition_versions'),
  audit: await count('audit_log'),
});

const term = (extra: Record<string, unknown> = {}) => ({
  termSv: 'Trygghetsskapande teknik',
  termEn: 'Safety-enhancing technology',
  bodySv: 'Teknik som gör att brukaren känner sig trygg, till exempel larm och tillsyn på distans.',
  bodyEn: 'Technology that makes the care recipient feel safe, such as alarms and remote supervision.',
  agreedNote: 'Styrgruppens möte 2026-11-20',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, staff, akademi, admin] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('personal.falun'),
    t.as('samordnare.akademinorr'),
    t.as('admin'),
  ]);
  const rows = await queryRows<{ kind: string; code: string | null; id: string }>(
    t.db,
    sql`select kind, code, id from organisations
        where (kind = 'region' and code = '20') or (kind = 'municipality' and code = '2080')
           or kind = 'nation' or kind = 'association'`,
  );
  ids = {
    dalarna: rows.find((r) => r.kind === 'region')!.id,
    falun: rows.find((r) => r.kind === 'municipality')!.id,
    nation: rows.find((r) => r.kind === 'nation')!.id,
    akademi: rows.find((r) => r.kind === 'association')!.id,
  };
});

afterAll(async () => {
  await t?.close();
});

describe('reading definitions', () => {
  it("lists Region Dalarna's terms for every signed-in user, current version only", async () => {
    const res = await staff.get('/api/v1/definitions');
    expect(res.statusCode).toBe(200);
    const list = res.json() as DefinitionList;
    const dalarna = list.groups.find((g) => g.owner.id === ids.dalarna)!;
    expect(dalarna.items.map((d) => d.key)).toEqual(
      expect.arrayContaining(['welfare-technology', 'digitalisation', 'benefits-realisation']),
    );
    const wt = dalarna.items.find((d) => d.key === 'welfare-technology')!;
    expect(wt.current.version).toBe(2);
    expect(wt.current.bodySv).toContain('funktionsnedsättning');
    expect(wt.canManage).toBe(false);
    expect(list.manageableOwners).toEqual([]);
    const mine = (await region.get('/api/v1/definitions')).json() as DefinitionList;
    expect(mine.groups.find((g) => g.owner.id === ids.dalarna)!.items[0]!.canManage).toBe(true);
    expect(mine.manageableOwners.map((o) => o.id)).toEqual([ids.dalarna]);
  });

  it('needs a login and refuses unknown parameters', async () => {
    expect((await t.agent().get('/api/v1/definitions')).statusCode).toBe(401);
    expect((await staff.get('/api/v1/definitions?owner=abc')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/definitions?sort=name')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/definitions/Not%20A%20Key')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/definitions/no-such-term')).statusCode).toBe(404);
  });

  it('gives one term with its history, newest first', async () => {
    const res = await staff.get('/api/v1/definitions/welfare-technology');
    expect(res.statusCode).toBe(200);
    const d = res.json() as DefinitionDetail;
    expect(d.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(d.owner.name).toBe('Region Dalarna');
  });
});

describe('adding terms', () => {
  it('lets a regional coordinator add a term for the region, audited', async () => {
    const before = await counts();
    const res = await region.post('/api/v1/definitions', {
      ownerId: ids.dalarna,
      key: 'safety-technology',
      ...term(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as DefinitionDetail;
    expect(d.current.version).toBe(1);
    expect(d.canManage).toBe(true);
    expect(await counts()).toEqual({
      definitions: before.definitions + 1,
      versions: before.versions + 1,
      audit: before.audit + 1,
    });
  });

  it('refuses others, bad input and a key the owner already has, writing nothing', async () => {
    const before = await counts();
    const body = { ownerId: ids.dalarna, key: 'remote-care', ...term() };
    expect((await falun.post('/api/v1/definitions', body)).statusCode).toBe(403);
    expect((await staff.post('/api/v1/definitions', body)).statusCode).toBe(403);
    expect((await akademi.post('/api/v1/definitions', body)).statusCode).toBe(403);
    // A municipality is no steering group's owner.
    expect((await falun.post('/api/v1/definitions', { ...body, ownerId: ids.falun })).statusCode).toBe(400);
    expect((await region.post('/api/v1/definitions', { ...body, key: 'Remote Care' })).statusCode).toBe(400);
    expect((await region.post('/api/v1/definitions', { ...body, bodyEn: '' })).statusCode).toBe(400);
    expect((await region.post('/api/v1/definitions', { ...body, extra: 1 })).statusCode).toBe(400);
    const dup = await region.post('/api/v1/definitions', { ...body, key: 'welfare-technology' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('definition_exists');
    expect(await counts()).toEqual(before);
  });
});

describe('new versions', () => {
  it('adds version 3 and keeps the earlier ones as they were', async () => {
    const { id, versions } = (
      await staff.get('/api/v1/definitions/welfare-technology')
    ).json() as DefinitionDetail;
    const res = await region.post(`/api/v1/definitions/${id}/versions`, {
      ...term({ termSv: 'Välfärdsteknik', termEn: 'Welfare technology' }),
      baseVersion: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as DefinitionDetail;
    expect(d.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(d.versions.slice(1)).toEqual(versions);
    const [audit] = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${id} order by id desc limit 1`,
    );
    expect(audit?.action).toBe('definition.version_added');
  });

  it("refuses another region's coordinator, municipal coordinators, stale and bad input", async () => {
    const { id } = (await staff.get('/api/v1/definitions/digitalisation')).json() as DefinitionDetail;
    const before = await counts();
    const body = { ...term(), baseVersion: 1 };
    expect((await akademi.post(`/api/v1/definitions/${id}/versions`, body)).statusCode).toBe(403);
    expect((await falun.post(`/api/v1/definitions/${id}/versions`, body)).statusCode).toBe(403);
    expect((await staff.post(`/api/v1/definitions/${id}/versions`, body)).statusCode).toBe(403);
    const stale = await region.post(`/api/v1/definitions/${id}/versions`, { ...body, baseVersion: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('definition_version_conflict');
    expect(
      (await region.post(`/api/v1/definitions/${id}/versions`, { ...body, termSv: '' })).statusCode,
    ).toBe(400);
    expect(
      (await region.post(`/api/v1/definitions/${id}/versions`, { ...body, baseVersion: undefined }))
        .statusCode,
    ).toBe(400);
    expect(
      (await region.post('/api/v1/definitions/00000000-0000-4000-8000-000000000000/versions', body))
        .statusCode,
    ).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it("shows the nation's definition first when several owners use a key, others on request", async () => {
    const national = await admin.post('/api/v1/definitions', {
      ownerId: ids.nation,
      key: 'welfare-technology',
      ...term({ termSv: 'Välfärdsteknik', termEn: 'Welfare technology' }),
    });
    expect(national.statusCode, national.body).toBe(201);
    const d = (await staff.get('/api/v1/definitions/welfare-technology')).json() as DefinitionDetail;
    expect(d.owner.id).toBe(ids.nation);
    expect(d.alternatives.map((o) => o.id)).toEqual([ids.dalarna]);
    const dal = (
      await staff.get(`/api/v1/definitions/welfare-technology?owner=${ids.dalarna}`)
    ).json() as DefinitionDetail;
    expect(dal.owner.id).toBe(ids.dalarna);
    const list = (await staff.get('/api/v1/definitions')).json() as DefinitionList;
    expect(list.groups[0]!.owner.kind).toBe('nation');
    const only = (await staff.get(`/api/v1/definitions?owner=${ids.dalarna}`)).json() as DefinitionList;
    expect(only.groups.map((g) => g.owner.id)).toEqual([ids.dalarna]);
  });
});
