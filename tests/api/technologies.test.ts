import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../support/multipart.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { codes, count } from './programmes.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const FALUN = '/api/v1/municipalities/2080/technologies';
const BORLANGE = '/api/v1/municipalities/2081/technologies';
const lock = (extra: Record<string, unknown> = {}) => ({
  items: [
    {
      technologyKey: 'digital-lock',
      status: 'in_operation',
      since: '2024-03-01',
      scope: 'Alla hemtjänstgrupper',
      usersServed: 120,
      eligibleUsers: 400,
      ...extra,
    },
  ],
});
const item = (res: { json(): unknown }, key: string) =>
  (res.json() as { items: { technology: { key: string }; status: string | null }[] }).items.find(
    (i) => i.technology.key === key,
  );

describe('the technology catalogue', () => {
  it('lists the seeded technologies in Swedish and English, to logged-in users only', async () => {
    const a = await t.as('personal.falun');
    const sv = (await a.get('/api/v1/technologies')).json().items as { key: string; name: string }[];
    expect(sv.length).toBeGreaterThanOrEqual(14);
    expect(sv.find((x) => x.key === 'medication-dispenser')?.name).toBe('Läkemedelsautomat');
    const en = (await a.get('/api/v1/technologies?lang=en')).json().items as { key: string; name: string }[];
    expect(en.find((x) => x.key === 'medication-dispenser')?.name).toBe('Medication dispenser');
    expect((await t.app.inject({ url: '/api/v1/technologies' })).statusCode).toBe(401);
    expect((await a.get('/api/v1/technologies?lang=fi')).statusCode).toBe(400);
  });
});

describe('maintaining the catalogue', () => {
  const bed = {
    key: 'smart-bed',
    category: 'health',
    nameSv: 'Smart säng med rörelsesensor',
    nameEn: 'Smart bed with motion sensor',
    descriptionSv: 'En säng som känner av rörelser och kan larma personalen om någon lämnar den nattetid.',
    descriptionEn: 'A bed that senses movement and can alert staff when someone leaves it at night.',
  };

  it('lets the national administrator add and change a technology, with audit entries', async () => {
    const admin = await t.as('admin');
    const audit = await count(t, 'audit_log');
    const created = await admin.post('/api/v1/technologies', bed);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual(bed);
    const listed = (await admin.get('/api/v1/technologies?lang=en')).json().items as {
      key: string;
      name: string;
    }[];
    expect(listed.at(-1)).toMatchObject({ key: 'smart-bed', name: 'Smart bed with motion sensor' });

    const changed = await admin.request({
      method: 'PUT',
      url: '/api/v1/technologies/smart-bed',
      payload: { ...bed, key: undefined, nameSv: 'Sensorsäng' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await admin.get('/api/v1/technologies/smart-bed')).json().nameSv).toBe('Sensorsäng');
    expect(await count(t, 'audit_log')).toBe(audit + 2);
  });

  it('refuses everyone else, a taken key and bad input, writing nothing', async () => {
    const before = await count(t, 'technologies');
    for (const who of ['region.dalarna', 'samordnare.falun', 'personal.falun']) {
      const a = await t.as(who);
      expect(
        (await a.post('/api/v1/technologies', { ...bed, key: `x-${who.replace('.', '-')}` })).statusCode,
      ).toBe(403);
      const put = await a.request({
        method: 'PUT',
        url: '/api/v1/technologies/stove-guard',
        payload: { ...bed, key: undefined },
      });
      expect(put.statusCode).toBe(403);
    }
    const admin = await t.as('admin');
    const taken = await admin.post('/api/v1/technologies', { ...bed, key: 'stove-guard' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('technology_exists');
    const bad = await admin.post('/api/v1/technologies', {
      ...bed,
      key: 'Bad Key',
      nameSv: 'x',
      category: 'magic',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.category', 'body.key', 'body.nameSv']);
    const missing = await admin.request({
      method: 'PUT',
      url: '/api/v1/technologies/teleporter',
      payload: { ...bed, key: undefined },
    });
    expect(missing.statusCode).toBe(404);
    expect(await count(t, 'technologies')).toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/technologies/stove-guard' })).statusCode).toBe(
      401,
    );
  });
});

describe('adoption per municipality', () => {
  it('lets the Falun coordinator record a technology, with its use rate, history and audit', async () => {
    const c = await t.as('samordnare.falun');
    const before = await c.get(FALUN);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ municipality: { code: '2080', name: 'Falun' }, canEdit: true });
    expect(item(before, 'digital-lock')).toMatchObject({ status: null, useRate: null, updatedAt: null });

    const [history, audit] = [await count(t, 'technology_adoption_history'), await count(t, 'audit_log')];
    const res = await c.request({ method: 'PUT', url: FALUN, payload: lock() });
    expect(res.statusCode).toBe(200);
    expect(item(res, 'digital-lock')).toMatchObject({
      status: 'in_operation',
      since: '2024-03-01',
      usersServed: 120,
      eligibleUsers: 400,
      useRate: 0.3,
    });
    expect(await count(t, 'technology_adoption_history')).toBe(history + 1);
    expect(await count(t, 'audit_log')).toBe(audit + 1);

    // The same again changes nothing; a new status is a new history row, from → to.
    await c.request({ method: 'PUT', url: FALUN, payload: lock() });
    expect(await count(t, 'technology_adoption_history')).toBe(history + 1);
    const changed = await c.request({ method: 'PUT', url: FALUN, payload: lock({ status: 'discontinued' }) });
    expect(item(changed, 'digital-lock')).toMatchObject({
      status: 'discontinued',
      scope: 'Alla hemtjänstgrupper',
    });
    expect(await count(t, 'technology_adoption_history')).toBe(history + 2);
  });

  it('lets the regional coordinator and the national administrator read, only the administrator edit', async () => {
    const region = await t.as('region.dalarna');
    const read = await region.get(FALUN);
    expect(read.statusCode).toBe(200);
    expect(read.json().canEdit).toBe(false);
    const stored = await count(t, 'technology_adoptions');
    const refused = await region.request({ method: 'PUT', url: FALUN, payload: lock({ status: 'planned' }) });
    expect(refused.statusCode).toBe(403);
    expect(await count(t, 'technology_adoptions')).toBe(stored);

    const admin = await t.as('admin');
    const byAdmin = await admin.request({
      method: 'PUT',
      url: BORLANGE,
      payload: { items: [{ technologyKey: 'video-call', status: 'piloting' }] },
    });
    expect(byAdmin.statusCode).toBe(200);
    expect(item(byAdmin, 'video-call')?.status).toBe('piloting');
  });

  it('refuses another municipality, managers and staff, writing nothing', async () => {
    const stored = await count(t, 'technology_adoptions');
    const falun = await t.as('samordnare.falun');
    expect((await falun.get(BORLANGE)).statusCode).toBe(403);
    expect((await falun.request({ method: 'PUT', url: BORLANGE, payload: lock() })).statusCode).toBe(403);
    for (const who of ['chef.falun', 'personal.falun']) {
      const a = await t.as(who);
      expect((await a.get(FALUN)).statusCode).toBe(403);
      expect((await a.request({ method: 'PUT', url: FALUN, payload: lock() })).statusCode).toBe(403);
    }
    expect(await count(t, 'technology_adoptions')).toBe(stored);
  });

  it('answers bad input with a clear 400 and unknown municipalities with 404, writing nothing', async () => {
    const c = await t.as('samordnare.falun');
    const stored = await count(t, 'technology_adoption_history');
    const put = (payload: Record<string, unknown>) => c.request({ method: 'PUT', url: FALUN, payload });
    const unknown = await put({ items: [{ technologyKey: 'teleporter', status: 'planned' }] });
    expect(unknown.statusCode).toBe(400);
    expect(codes(unknown)).toEqual(['unknown_technology']);
    const tooMany = await put(lock({ usersServed: 500, eligibleUsers: 400 }));
    expect(tooMany.statusCode).toBe(400);
    expect(codes(tooMany)).toContain('served_exceeds_eligible');
    expect((await put(lock({ status: 'maybe' }))).statusCode).toBe(400);
    expect((await put(lock({ evidenceUrl: 'javascript:alert(1)' }))).statusCode).toBe(400);
    expect((await put({ items: [] })).statusCode).toBe(400);
    const twice = await put({
      items: [
        { technologyKey: 'video-call', status: 'planned' },
        { technologyKey: 'video-call', status: 'piloting' },
      ],
    });
    expect(codes(twice)).toEqual(['duplicate']);
    expect(await count(t, 'technology_adoption_history')).toBe(stored);
    expect((await c.get('/api/v1/municipalities/20/technologies')).statusCode).toBe(400);
    expect((await c.get('/api/v1/municipalities/9999/technologies')).statusCode).toBe(404);
  });
});

describe('the adoption matrix', () => {
  it('gives the Dalarna coordinator all 15 municipalities × the catalogue, in Swedish order', async () => {
    const region = await t.as('region.dalarna');
    const res = await region.get('/api/v1/adoption?region=20');
    expect(res.statusCode).toBe(200);
    const m = res.json() as {
      scope: { kind: string; name: string };
      technologies: { key: string }[];
      municipalities: {
        code: string;
        name: string;
        inOperation: number;
        cells: { status: string | null; useRate: number | null }[];
      }[];
    };
    expect(m.scope).toMatchObject({ kind: 'region', name: 'Region Dalarna' });
    expect(m.municipalities).toHaveLength(15);
    expect(m.municipalities[0]!.name).toBe('Avesta');
    expect(m.municipalities.at(-1)!.name).toBe('Älvdalen');
    const falun = m.municipalities.find((x) => x.code === '2080')!;
    expect(falun.cells).toHaveLength(m.technologies.length);
    expect(falun.cells[m.technologies.findIndex((t) => t.key === 'digital-lock')]).toMatchObject({
      status: 'discontinued',
      useRate: 0.3,
    });
  });

  it('shows the whole country to the national administrator only, and refuses municipal roles', async () => {
    const admin = await t.as('admin');
    const nation = await admin.get('/api/v1/adoption');
    expect(nation.statusCode).toBe(200);
    expect(nation.json().municipalities).toHaveLength(290);
    const byCode = (code: string) =>
      nation.json().municipalities.find((x: { code: string }) => x.code === code);
    // The demo records Dalarna only: Borlänge has most technologies in operation, Kramfors none recorded.
    expect(byCode('2081').inOperation).toBeGreaterThanOrEqual(9);
    expect(byCode('2282')).toMatchObject({ inOperation: 0, lastUpdated: null });
    expect((await (await t.as('region.dalarna')).get('/api/v1/adoption')).statusCode).toBe(403);
    for (const who of ['samordnare.falun', 'chef.falun', 'personal.falun']) {
      expect((await (await t.as(who)).get('/api/v1/adoption?region=20')).statusCode).toBe(403);
    }
  });

  it('answers a bad or unknown region clearly', async () => {
    const admin = await t.as('admin');
    expect((await admin.get('/api/v1/adoption?region=abc')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/adoption?region=99')).statusCode).toBe(404);
  });
});

describe('updating from CSV', () => {
  const upload = (
    agent: Awaited<ReturnType<TestApp['as']>>,
    url: string,
    csv: string,
    encoding: BufferEncoding = 'utf8',
  ) =>
    agent.request({
      method: 'POST',
      url: `${url}/import`,
      ...multipartFile('file', 'teknik.csv', Buffer.from(csv, encoding)),
    });

  it('applies a Swedish Excel file with names and Swedish statuses, leaving empty cells as they were', async () => {
    const c = await t.as('samordnare.falun');
    const csv =
      'Teknik;Läge;Sedan;Användare;Möjliga användare;Kommentar\r\n' +
      'Läkemedelsautomat;I drift;2023-05-01;85;300;Utökas i höst\r\n' +
      'video-call;Testas;;;;\r\n';
    const res = await upload(c, FALUN, csv, 'latin1');
    expect(res.statusCode).toBe(200);
    expect(item(res, 'medication-dispenser')).toMatchObject({ status: 'in_operation', useRate: 0.283 });
    expect(item(res, 'video-call')?.status).toBe('piloting');
    // digital-lock was not in the file: unchanged.
    expect(item(res, 'digital-lock')?.status).toBe('discontinued');
  });

  it('refuses the whole file when one row is bad, with the line and column, writing nothing', async () => {
    const c = await t.as('samordnare.falun');
    const history = await count(t, 'technology_adoption_history');
    const csv =
      'teknik;läge;användare;möjliga användare\n' +
      'Spisvakt;I drift;10;20\n' +
      'Teleportering;I drift;;\n' +
      'Videosamtal;Kanske;;\n' +
      'Spisvakt;Planerat;30;20\n';
    const res = await upload(c, FALUN, csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('csv_rows_invalid');
    const errors = (res.json().errors as { path: string; code: string }[]).map((e) => `${e.path}:${e.code}`);
    expect(errors).toEqual([
      'file.line.3.technologyKey:unknown_technology',
      'file.line.4.status:invalid_value',
      'file.line.5.usersServed:served_exceeds_eligible',
    ]);
    expect(await count(t, 'technology_adoption_history')).toBe(history);
    const noColumns = await upload(c, FALUN, 'namn;värde\nx;y\n');
    expect(noColumns.json().code).toBe('csv_missing_adoption_columns');
    const empty = await c.request({ method: 'POST', url: `${FALUN}/import` });
    expect(empty.statusCode).toBe(400);
  });

  it('refuses another municipality and the region, writing nothing', async () => {
    const history = await count(t, 'technology_adoption_history');
    const csv = 'teknik;läge\nSpisvakt;I drift\n';
    expect((await upload(await t.as('samordnare.falun'), BORLANGE, csv)).statusCode).toBe(403);
    expect((await upload(await t.as('region.dalarna'), FALUN, csv)).statusCode).toBe(403);
    expect(await count(t, 'technology_adoption_history')).toBe(history);
  });
});
