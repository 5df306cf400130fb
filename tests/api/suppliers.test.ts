import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { DEMO_SUPPLIERS } from '../../src/server/db/demo/suppliers-demo.ts';
import { hasValidCheckDigit, withCheckDigit } from '../../src/shared/contracts/suppliers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { codes, count } from './programmes.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A valid organisation number from nine digits; the same with its last digit off by one is invalid. */
const orgNo = (nine: string) => withCheckDigit(nine);
const wrongCheckDigit = (nine: string) => {
  const good = withCheckDigit(nine);
  return `${good.slice(0, -1)}${(Number(good.at(-1)) + 1) % 10}`;
};

const supplier = (nine: string, extra: Record<string, unknown> = {}) => ({
  name: `Testbolaget ${nine} AB`,
  orgNumber: orgNo(nine),
  website: 'https://testbolaget.example',
  technologyKeys: ['digital-lock'],
  contacts: [
    { name: 'Kim Säljare', role: 'Kundansvarig', email: 'kim@testbolaget.example', phone: '023-123 45' },
  ],
  ...extra,
});
const put = (a: Awaited<ReturnType<TestApp['as']>>, url: string, payload: object) =>
  a.request({ method: 'PUT', url, payload });
const writes = async () =>
  (await count(t, 'suppliers')) +
  (await count(t, 'supplier_products')) +
  (await count(t, 'supplier_contacts')) +
  (await count(t, 'audit_log'));

describe('the supplier register', () => {
  it('lets a regional coordinator add and change a supplier; everyone signed in reads it', async () => {
    const region = await t.as('region.dalarna');
    const created = await region.post('/api/v1/suppliers', supplier('559900001'));
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({
      name: 'Testbolaget 559900001 AB',
      orgNumber: orgNo('559900001'),
      technologies: [{ key: 'digital-lock' }],
      contacts: [{ name: 'Kim Säljare', email: 'kim@testbolaget.example' }],
      mergedInto: null,
      canManage: true,
    });

    // Written without the hyphen, stored with it.
    const changed = await put(region, `/api/v1/suppliers/${s.id}`, {
      ...supplier('559900001', {
        name: 'Testbolaget Trygghet AB',
        technologyKeys: ['digital-lock', 'medication-dispenser'],
      }),
      orgNumber: orgNo('559900001').replace('-', ''),
      contacts: [],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Testbolaget Trygghet AB',
      orgNumber: orgNo('559900001'),
      contacts: [],
    });

    const worker = await t.as('personal.falun');
    const read = await worker.get(`/api/v1/suppliers/${s.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().canManage).toBe(false);
    const byName = (await worker.get('/api/v1/suppliers?q=testbolaget%20tryg')).json();
    expect(byName.items.map((i: { id: string }) => i.id)).toContain(s.id);
    const byNumber = (await worker.get(`/api/v1/suppliers?q=${orgNo('559900001').slice(0, 8)}`)).json();
    expect(byNumber.items.map((i: { id: string }) => i.id)).toEqual([s.id]);
    const byTechnology = (
      await worker.get('/api/v1/suppliers?technology=medication-dispenser&limit=200')
    ).json();
    expect(byTechnology.items.map((i: { id: string }) => i.id)).toContain(s.id);
    const otherTechnology = (
      await worker.get('/api/v1/suppliers?technology=mobile-gps-alarm&limit=200')
    ).json();
    expect(otherTechnology.items.map((i: { id: string }) => i.id)).not.toContain(s.id);
    expect((await t.app.inject({ url: '/api/v1/suppliers' })).statusCode).toBe(401);
  });

  it('pages in Swedish order without repeating or skipping a supplier', async () => {
    const admin = await t.as('admin');
    for (const [i, name] of ['Åkerbolaget AB', 'Ärlig Teknik AB', 'Zeta Omsorg AB'].entries())
      expect((await admin.post('/api/v1/suppliers', supplier(`55990010${i}`, { name }))).statusCode).toBe(
        201,
      );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/v1/suppliers?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { name: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.indexOf('Zeta Omsorg AB')).toBeLessThan(seen.indexOf('Åkerbolaget AB'));
    expect(seen.indexOf('Åkerbolaget AB')).toBeLessThan(seen.indexOf('Ärlig Teknik AB'));
    expect((await admin.get('/api/v1/suppliers?cursor=nonsense')).statusCode).toBe(400);
    expect(codes(await admin.get('/api/v1/suppliers?technology=no-such-thing'))).toContain(
      'unknown_technology',
    );
  });

  it('refuses municipal coordinators and care staff, writing nothing', async () => {
    const region = await t.as('region.dalarna');
    const existing = (await region.post('/api/v1/suppliers', supplier('559900002'))).json();
    const before = await writes();
    for (const who of ['samordnare.falun', 'personal.falun']) {
      const a = await t.as(who);
      expect((await a.post('/api/v1/suppliers', supplier('559900003'))).statusCode).toBe(403);
      expect((await put(a, `/api/v1/suppliers/${existing.id}`, supplier('559900002'))).statusCode).toBe(403);
      expect((await a.post(`/api/v1/suppliers/${existing.id}/products`, { name: 'Larm' })).statusCode).toBe(
        403,
      );
      expect(
        (await a.post(`/api/v1/suppliers/${existing.id}/merge`, { duplicateId: existing.id })).statusCode,
      ).toBe(403);
    }
    expect(await writes()).toBe(before);
  });

  it('names the field of bad input: check digit, format, unknown technology, taken number', async () => {
    const region = await t.as('region.dalarna');
    await region.post('/api/v1/suppliers', supplier('559900004'));
    const before = await writes();
    const cases: [Record<string, unknown>, number, string, string][] = [
      [
        supplier('559900005', { orgNumber: wrongCheckDigit('559900005') }),
        400,
        'body.orgNumber',
        'org_number_check_digit',
      ],
      [supplier('559900005', { orgNumber: '55990' }), 400, 'body.orgNumber', 'invalid_org_number'],
      [
        supplier('559900005', { technologyKeys: ['digital-lock', 'teleportation'] }),
        400,
        'body.technologyKeys.1',
        'unknown_technology',
      ],
      [supplier('559900005', { website: 'javascript:alert(1)' }), 400, 'body.website', ''],
      [
        supplier('559900005', { contacts: [{ name: 'X', email: 'inte-en-adress' }] }),
        400,
        'body.contacts.0.email',
        'invalid_email',
      ],
      [supplier('559900005', { name: '' }), 400, 'body.name', 'required'],
      [supplier('559900004', { name: 'Kopian AB' }), 409, 'body.orgNumber', 'org_number_taken'],
    ];
    for (const [body, status, path, code] of cases) {
      const res = await region.post('/api/v1/suppliers', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      const errors = res.json().errors as { path: string; code: string }[];
      expect(errors.map((e) => e.path)).toContain(path);
      if (code) expect(errors.find((e) => e.path === path)?.code).toBe(code);
    }
    expect(await writes()).toBe(before);
  });
});

describe('the demo register', () => {
  it('holds the exported demo suppliers, each with a number that passes its check', async () => {
    expect(DEMO_SUPPLIERS.length).toBeGreaterThanOrEqual(12);
    const worker = await t.as('personal.falun');
    for (const d of DEMO_SUPPLIERS) {
      expect(hasValidCheckDigit(d.orgNumber.replace('-', '')), d.orgNumber).toBe(true);
      const res = await worker.get(`/api/v1/suppliers/${d.id}`);
      expect(res.json()).toMatchObject({ name: d.name, orgNumber: d.orgNumber });
    }
    expect(hasValidCheckDigit(wrongCheckDigit('556123456').replace('-', ''))).toBe(false);
  });
});

describe('products', () => {
  it('are added, changed and removed by maintainers, with their standards and technologies', async () => {
    const admin = await t.as('admin');
    const s = (await admin.post('/api/v1/suppliers', supplier('559900006'))).json();
    const created = await admin.post(`/api/v1/suppliers/${s.id}/products`, {
      name: 'Trygghetslarm Mobil',
      technologyKeys: ['digital-safety-alarm'],
      standards: ['ss_91000', 'en_301_549'],
      interoperability: 'Larmdata exporteras som CSV och via REST-API.',
    });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ supplier: { id: s.id }, standards: ['ss_91000', 'en_301_549'] });

    const changed = await put(admin, `/api/v1/products/${p.id}`, {
      name: 'Trygghetslarm Mobil 2',
      standards: [],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Trygghetslarm Mobil 2', technologies: [], standards: [] });
    const worker = await t.as('personal.falun');
    expect((await worker.get(`/api/v1/suppliers/${s.id}/products`)).json().items).toHaveLength(1);
    expect((await worker.delete(`/api/v1/products/${p.id}`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/v1/products/${p.id}`)).statusCode).toBe(200);
    expect((await worker.get(`/api/v1/suppliers/${s.id}/products`)).json().items).toHaveLength(0);
    expect((await admin.delete(`/api/v1/products/${p.id}`)).statusCode).toBe(404);
  });

  it('refuses an unknown standard or technology and a product for a missing supplier', async () => {
    const admin = await t.as('admin');
    const s = (await admin.post('/api/v1/suppliers', supplier('559900007'))).json();
    const before = await writes();
    const bad = await admin.post(`/api/v1/suppliers/${s.id}/products`, {
      name: 'X',
      standards: ['iso_9999'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.standards.0');
    const tech = await admin.post(`/api/v1/suppliers/${s.id}/products`, {
      name: 'X',
      technologyKeys: ['nope'],
    });
    expect(codes(tech)).toContain('unknown_technology');
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await admin.post(`/api/v1/suppliers/${missing}/products`, { name: 'X' })).statusCode).toBe(404);
    expect((await admin.get('/api/v1/suppliers/not-a-uuid')).statusCode).toBe(400);
    expect(await writes()).toBe(before);
  });
});

describe('merging a duplicate', () => {
  it('moves products, contacts and technologies, and leaves the duplicate pointing to the kept one', async () => {
    const region = await t.as('region.dalarna');
    const kept = (
      await region.post('/api/v1/suppliers', supplier('559900008', { technologyKeys: ['digital-lock'] }))
    ).json();
    const dup = (
      await region.post(
        '/api/v1/suppliers',
        supplier('559900009', {
          name: 'Testbolaget (kopia)',
          technologyKeys: ['digital-lock', 'mobile-gps-alarm'],
        }),
      )
    ).json();
    await region.post(`/api/v1/suppliers/${dup.id}/products`, { name: 'Dubblettlås' });

    const merged = await region.post(`/api/v1/suppliers/${kept.id}/merge`, { duplicateId: dup.id });
    expect(merged.statusCode).toBe(200);
    expect(
      merged
        .json()
        .technologies.map((x: { key: string }) => x.key)
        .sort(),
    ).toEqual(['digital-lock', 'mobile-gps-alarm']);
    expect(merged.json().contacts).toHaveLength(2);
    expect(merged.json().productCount).toBe(1);

    const old = (await region.get(`/api/v1/suppliers/${dup.id}`)).json();
    expect(old).toMatchObject({
      mergedInto: { id: kept.id, name: kept.name },
      canManage: false,
      productCount: 0,
    });
    const list = (await region.get('/api/v1/suppliers?q=kopia')).json();
    expect(list.items).toEqual([]);
    const [audit] = await queryRows<{ before: { duplicate: { id: string } } }>(
      t.db,
      sql`select before from audit_log where action = 'supplier.merged' and entity_id = ${kept.id}`,
    );
    expect(audit?.before.duplicate.id).toBe(dup.id);

    // A merged duplicate is neither changed nor merged again; a supplier is not merged into itself.
    expect((await put(region, `/api/v1/suppliers/${dup.id}`, supplier('559900009'))).statusCode).toBe(409);
    expect(
      (await region.post(`/api/v1/suppliers/${kept.id}/merge`, { duplicateId: dup.id })).statusCode,
    ).toBe(409);
    const self = await region.post(`/api/v1/suppliers/${kept.id}/merge`, { duplicateId: kept.id });
    expect(codes(self)).toContain('merge_same_supplier');
    const unknown = await region.post(`/api/v1/suppliers/${kept.id}/merge`, {
      duplicateId: '00000000-0000-4000-8000-000000000000',
    });
    expect(codes(unknown)).toContain('unknown_supplier');
  });

  it('moves a table added later that refers to suppliers, without changes to the merge', async () => {
    const admin = await t.as('admin');
    const kept = (await admin.post('/api/v1/suppliers', supplier('559900010'))).json();
    const dup = (await admin.post('/api/v1/suppliers', supplier('559900011'))).json();
    await t.db.execute(
      sql`create table future_supplier_links (id serial primary key, supplier_id uuid not null references suppliers(id))`,
    );
    try {
      await t.db.execute(
        sql`insert into future_supplier_links (supplier_id) values (${dup.id}), (${dup.id})`,
      );
      expect(
        (await admin.post(`/api/v1/suppliers/${kept.id}/merge`, { duplicateId: dup.id })).statusCode,
      ).toBe(200);
      const rows = await queryRows<{ supplier_id: string }>(
        t.db,
        sql`select supplier_id from future_supplier_links`,
      );
      expect(rows.map((r) => r.supplier_id)).toEqual([kept.id, kept.id]);
    } finally {
      await t.db.execute(sql`drop table future_supplier_links`);
    }
  });
});
