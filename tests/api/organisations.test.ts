import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let falun: { id: string };
let borlange: { id: string };
let dalarna: { id: string };
let borlangeUnitId: string;
let falunNorrId: string;

const swedish = new Intl.Collator('sv');
const orgByName = async (name: string, kind: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where name = ${name} and kind = ${kind}`,
    )
  )[0]!;
const countOrgs = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from organisations`))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  falun = await orgByName('Falun', 'municipality');
  borlange = await orgByName('Borlänge', 'municipality');
  dalarna = await orgByName('Region Dalarna', 'region');
  borlangeUnitId = (await orgByName('Hemtjänsten Tjärna Ängar', 'unit')).id;
  falunNorrId = (await orgByName('Hemtjänsten Norr', 'unit')).id;
});
afterAll(() => t.close());

describe('GET /municipalities', () => {
  it('lists all 290 municipalities in Swedish order with county names', async () => {
    const a = await t.as('personal.falun');
    const res = await a.get('/api/v1/municipalities');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; code: string; countyName: string; flags: string[] }[];
    expect(items).toHaveLength(290);
    const names = items.map((m) => m.name);
    expect(names).toEqual([...names].sort(swedish.compare));
    expect(names.at(-1)).toBe('Övertorneå');
    // Å, Ä, Ö come after Z, in that order (byte order or English collation would not give this).
    expect(names.indexOf('Åsele')).toBeGreaterThan(names.indexOf('Ystad'));
    expect(names.indexOf('Älvdalen')).toBeGreaterThan(names.indexOf('Åsele'));
    expect(names.indexOf('Öckerö')).toBeGreaterThan(names.indexOf('Älvsbyn'));
    expect(items.find((m) => m.code === '2080')).toMatchObject({ name: 'Falun', countyName: 'Dalarnas län' });
    expect(items.filter((m) => m.flags.includes('model_municipality')).map((m) => m.name)).toHaveLength(10);
  });

  it('answers a repeated request with 304 when the list has not changed', async () => {
    const a = await t.as('personal.falun');
    const first = await a.get('/api/v1/municipalities');
    const etag = String(first.headers.etag);
    const again = await a.request({
      method: 'GET',
      url: '/api/v1/municipalities',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('returns one municipality by SCB code, 404 for an unknown code and 400 for a malformed one', async () => {
    const a = await t.as('personal.falun');
    expect((await a.get('/api/v1/municipalities/2081')).json()).toMatchObject({
      name: 'Borlänge',
      countyCode: '20',
    });
    expect((await a.get('/api/v1/municipalities/9999')).statusCode).toBe(404);
    const bad = await a.get('/api/v1/municipalities/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('params.code');
  });

  it('requires login', async () => {
    expect((await t.app.inject({ url: '/api/v1/municipalities' })).statusCode).toBe(401);
  });
});

describe('GET /organisations', () => {
  it('lists the 21 regions by default, in Swedish order', async () => {
    const a = await t.as('personal.falun');
    const items = (await a.get('/api/v1/organisations')).json().items as { name: string; kind: string }[];
    expect(items).toHaveLength(21);
    expect(items.every((i) => i.kind === 'region')).toBe(true);
    expect(items.map((i) => i.name)).toContain('Region Dalarna');
    expect(items.map((i) => i.name)).toContain('Västra Götalandsregionen');
  });

  it('shows a region with its 15 municipalities', async () => {
    const a = await t.as('region.dalarna');
    const org = (await a.get(`/api/v1/organisations/${dalarna.id}`)).json();
    expect(org.children).toHaveLength(15);
    expect(org.ancestors.map((o: { kind: string }) => o.kind)).toEqual(['nation']);
  });

  it('shows a municipality’s units and member count to its coordinator', async () => {
    const a = await t.as('samordnare.falun');
    const org = (await a.get(`/api/v1/organisations/${falun.id}`)).json();
    expect(org.children.map((c: { name: string }) => c.name)).toEqual([
      'Hemtjänsten Norr',
      'Hemtjänsten Söder',
      'Lugnets vård- och omsorgsboende',
    ]);
    expect(org.memberCount).toBe(1);
  });

  it('hides another municipality’s units and members from a coordinator', async () => {
    const a = await t.as('samordnare.falun');
    const org = (await a.get(`/api/v1/organisations/${borlange.id}`)).json();
    expect(org.name).toBe('Borlänge');
    expect(org.children).toEqual([]);
    expect(org.memberCount).toBeNull();
    expect((await a.get(`/api/v1/organisations/${borlangeUnitId}`)).statusCode).toBe(404);
    expect((await a.get(`/api/v1/organisations?parentId=${borlange.id}`)).json().items).toEqual([]);
  });

  it('lets the regional coordinator see units in every municipality of the region', async () => {
    const a = await t.as('region.dalarna');
    expect((await a.get(`/api/v1/organisations/${borlangeUnitId}`)).statusCode).toBe(200);
  });

  it('lets the association coordinator see its member municipalities but not others', async () => {
    const a = await t.as('samordnare.akademinorr');
    const kramfors = await orgByName('Kramfors', 'municipality');
    const org = (await a.get(`/api/v1/organisations/${kramfors.id}`)).json();
    expect(org.memberCount).toBe(1);
    expect(org.related.map((r: { name: string }) => r.name)).toEqual(['Akademi Norr']);
    expect((await a.get(`/api/v1/organisations/${falun.id}`)).json().memberCount).toBeNull();
  });

  it('lists associations with their member municipalities', async () => {
    const a = await t.as('personal.falun');
    const list = (await a.get('/api/v1/organisations?kind=association')).json().items;
    const akademi = list.find((o: { name: string }) => o.name === 'Akademi Norr');
    const org = (await a.get(`/api/v1/organisations/${akademi.id}`)).json();
    expect(org.related).toHaveLength(11);
    expect(org.related.map((m: { name: string }) => m.name)).toContain('Kramfors');
  });

  it('refuses to list units nationally and rejects a malformed id', async () => {
    const a = await t.as('admin');
    expect((await a.get('/api/v1/organisations?kind=unit')).statusCode).toBe(400);
    expect((await a.get('/api/v1/organisations/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('POST /organisations (units)', () => {
  const create = (a: Agent, body: unknown) => a.post('/api/v1/organisations', body);

  it('lets a coordinator add a unit to their municipality, audited', async () => {
    const a = await t.as('samordnare.falun');
    const res = await create(a, {
      kind: 'unit',
      name: 'Nattpatrullen Falun',
      parentId: falun.id,
      subtype: 'home_care',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'unit', name: 'Nattpatrullen Falun', parentId: falun.id });
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${res.json().id}`,
    );
    expect(audit.map((r) => r.action)).toEqual(['organisation.created']);
  });

  it('refuses a unit in another municipality, by a manager or staff, and writes nothing', async () => {
    const before = await countOrgs();
    const falunCoord = await t.as('samordnare.falun');
    expect(
      (await create(falunCoord, { kind: 'unit', name: 'Smygenheten', parentId: borlange.id })).statusCode,
    ).toBe(403);
    const manager = await t.as('chef.falun');
    expect(
      (await create(manager, { kind: 'unit', name: 'Chefens enhet', parentId: falun.id })).statusCode,
    ).toBe(403);
    const staff = await t.as('personal.falun');
    expect(
      (await create(staff, { kind: 'unit', name: 'Personalens enhet', parentId: falun.id })).statusCode,
    ).toBe(403);
    expect(await countOrgs()).toBe(before);
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const before = await countOrgs();
    const a = await t.as('samordnare.falun');
    const res = await create(a, { kind: 'unit', name: 'x', parentId: 'nope' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.name', 'body.parentId']);
    const dup = await create(a, { kind: 'unit', name: 'Hemtjänsten Norr', parentId: falun.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('name_taken');
    const underUnit = await create(a, { kind: 'unit', name: 'Underenhet', parentId: falunNorrId });
    expect(underUnit.statusCode).toBe(400);
    expect(underUnit.json().code).toBe('invalid_parent');
    expect(await countOrgs()).toBe(before);
  });
});

describe('associations and flags (national administrators)', () => {
  it('creates an association across counties and changes its municipalities', async () => {
    const a = await t.as('admin');
    const res = await a.post('/api/v1/organisations', {
      kind: 'association',
      name: 'Samverkan Bergslagen',
      memberCodes: ['2080', '1880', '1980'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().related.map((m: { name: string }) => m.name)).toEqual(['Falun', 'Västerås', 'Örebro']);
    const upd = await a.patch(`/api/v1/organisations/${res.json().id}`, { memberCodes: ['2080', '2081'] });
    expect(upd.json().related.map((m: { name: string }) => m.name)).toEqual(['Borlänge', 'Falun']);
  });

  it('rejects unknown municipality codes and refuses coordinators', async () => {
    const admin = await t.as('admin');
    const bad = await admin.post('/api/v1/organisations', {
      kind: 'association',
      name: 'Felaktig',
      memberCodes: ['0000'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('unknown_municipality');
    const region = await t.as('region.dalarna');
    const res = await region.post('/api/v1/organisations', {
      kind: 'association',
      name: 'Egen grupp',
      memberCodes: ['2080'],
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets only a national administrator set the model-municipality flag', async () => {
    const coordinator = await t.as('samordnare.falun');
    expect(
      (await coordinator.patch(`/api/v1/organisations/${falun.id}`, { flags: ['model_municipality'] }))
        .statusCode,
    ).toBe(403);
    const admin = await t.as('admin');
    const res = await admin.patch(`/api/v1/organisations/${falun.id}`, { flags: ['model_municipality'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().flags).toEqual(['model_municipality']);
    const list = (await admin.get('/api/v1/municipalities')).json().items as {
      code: string;
      flags: string[];
    }[];
    expect(list.find((m) => m.code === '2080')?.flags).toEqual(['model_municipality']);
    const rename = await admin.patch(`/api/v1/organisations/${falun.id}`, { name: 'Falu kommun' });
    expect(rename.statusCode).toBe(403); // municipality names are SCB reference data
    expect((await admin.patch(`/api/v1/organisations/${falun.id}`, {})).statusCode).toBe(400);
  });

  it('lets a coordinator rename a unit of their own municipality only', async () => {
    const a = await t.as('samordnare.falun');
    const ok = await a.patch(`/api/v1/organisations/${falunNorrId}`, { name: 'Hemtjänsten Norra Falun' });
    expect(ok.statusCode).toBe(200);
    const other = await a.patch(`/api/v1/organisations/${borlangeUnitId}`, { name: 'Kapad' });
    expect(other.statusCode).toBe(404);
  });
});
