import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { orgId } from './programmes.fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface MapRow {
  code: string;
  name: string;
  status: string | null;
  useRate: number | null;
  inOperation: number;
}
interface GapRow {
  code: string;
  name: string;
  strategies: number;
  representatives: number;
  lastUpdated: string | null;
  gaps: string[];
}

describe('the adoption map', () => {
  it('gives the Dalarna coordinator status, use rate and count in operation for a chosen technology', async () => {
    const region = await t.as('region.dalarna');
    const res = await region.get('/api/v1/adoption/map?region=20&technology=digital-night-supervision');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      scope: { kind: string };
      technology: { key: string };
      municipalities: MapRow[];
    };
    expect(body.scope.kind).toBe('region');
    expect(body.technology.key).toBe('digital-night-supervision');
    expect(body.municipalities).toHaveLength(15);
    // The demo's "available but barely used": Ludvika has camera supervision for 14 of 380.
    const ludvika = body.municipalities.find((m) => m.code === '2085')!;
    expect(ludvika).toMatchObject({ status: 'in_operation', useRate: 0.037 });
    expect(ludvika.inOperation).toBeGreaterThan(5);
    // Without a technology: the first in the catalogue.
    const first = (await region.get('/api/v1/adoption/map?region=20')).json();
    expect(first.technology.key).toBe('digital-safety-alarm');
  });

  it('shows a change by a municipality at once, though the views are kept between requests', async () => {
    const region = await t.as('region.dalarna');
    const url = '/api/v1/adoption/map?region=20&technology=robotic-aids';
    const mora = async () =>
      ((await region.get(url)).json().municipalities as MapRow[]).find((m) => m.code === '2062')!;
    const before = await mora();
    expect(before.status).toBe('not_planned');
    const matrixBefore = (await region.get('/api/v1/adoption?region=20')).json();
    const put = await (await t.as('admin')).request({
      method: 'PUT',
      url: '/api/v1/municipalities/2062/technologies',
      payload: { items: [{ technologyKey: 'robotic-aids', status: 'piloting' }] },
    });
    expect(put.statusCode).toBe(200);
    expect((await mora()).status).toBe('piloting');
    const matrixAfter = (await region.get('/api/v1/adoption?region=20')).json();
    const column = matrixAfter.technologies.findIndex((x: { key: string }) => x.key === 'robotic-aids');
    const row = (m: { municipalities: { code: string; cells: { status: string }[] }[] }) =>
      m.municipalities.find((x) => x.code === '2062')!.cells[column]!.status;
    expect([row(matrixBefore), row(matrixAfter)]).toEqual(['not_planned', 'piloting']);
  });

  it('covers an association for its coordinator, and refuses other areas and municipal roles', async () => {
    const assoc = await orgId(t, 'Akademi Norr', 'association');
    const own = await (await t.as('samordnare.akademinorr')).get(`/api/v1/adoption/map?association=${assoc}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().scope).toMatchObject({ kind: 'association', name: 'Akademi Norr' });
    expect(own.json().municipalities).toHaveLength(11);
    expect(
      (await (await t.as('region.dalarna')).get(`/api/v1/adoption/map?association=${assoc}`)).statusCode,
    ).toBe(403);
    expect(
      (await (await t.as('samordnare.akademinorr')).get('/api/v1/adoption/map?region=20')).statusCode,
    ).toBe(403);
    for (const who of ['samordnare.falun', 'chef.falun', 'personal.falun']) {
      expect((await (await t.as(who)).get('/api/v1/adoption/map?region=20')).statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/v1/adoption/map?region=20' })).statusCode).toBe(401);
  });

  it('answers bad input clearly', async () => {
    const admin = await t.as('admin');
    const unknown = await admin.get('/api/v1/adoption/map?technology=teleportation');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      path: 'querystring.technology',
      code: 'unknown_technology',
    });
    expect((await admin.get('/api/v1/adoption/map?technology=Bad Key')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/adoption/map?association=not-a-uuid')).statusCode).toBe(400);
    const both = await admin.get(
      `/api/v1/adoption/map?region=20&association=${await orgId(t, 'Akademi Norr', 'association')}`,
    );
    expect(both.statusCode).toBe(400);
    expect(
      (await admin.get('/api/v1/adoption/map?association=00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('serves the 290 municipality borders once, then revalidates them by ETag', async () => {
    const a = await t.as('personal.falun');
    const res = await a.get('/api/v1/map/municipalities');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; path: string; bbox: number[] }[];
    expect(items).toHaveLength(290);
    const falun = items.find((i) => i.code === '2080')!;
    expect(falun.path).toMatch(/^M[\d.]+ [\d.]+L/);
    expect(falun.bbox[2]).toBeGreaterThan(falun.bbox[0]!);
    const again = await a.request({
      method: 'GET',
      url: '/api/v1/map/municipalities',
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    expect((await t.app.inject({ url: '/api/v1/map/municipalities' })).statusCode).toBe(401);
  });
});

describe('gaps', () => {
  it('shows municipalities without a strategy, a representative or recent data, and clears them as data arrives', async () => {
    const region = await t.as('region.dalarna');
    const gaps = async () =>
      ((await region.get('/api/v1/adoption/gaps?region=20')).json().municipalities as GapRow[]).find(
        (m) => m.code === '2082',
      )!;
    // Orsa's demo records are 20 months old; Falun's two.
    const all = (await region.get('/api/v1/adoption/gaps?region=20')).json().municipalities as GapRow[];
    expect(all).toHaveLength(15);
    expect(all.find((m) => m.code === '2034')!.gaps).toContain('stale_adoption');
    expect(all.find((m) => m.code === '2080')!.gaps).not.toContain('stale_adoption');

    const sater = await orgId(t, 'Säter', 'municipality');
    const before = await gaps();
    await t.db.execute(
      sql`insert into governing_documents (title, kind, level, owner_organisation_id, status)
          values ('Handlingsplan för välfärdsteknik i Säter', 'action_plan', 'local', ${sater}, 'adopted'),
                 ('Utkast till policy', 'policy', 'local', ${sater}, 'draft')`,
    );
    const [group] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into networks (name, kind, level, owner_organisation_id)
          values ('Testgrupp välfärdsteknik', 'reference_group', 'regional', ${await orgId(t, 'Region Dalarna', 'region')})
          returning id`,
    );
    await t.db.execute(
      sql`insert into network_members (network_id, external_name, represents_organisation_id, role_in_group, status)
          values (${group!.id}, 'Kim Testsson', ${sater}, 'member', 'active'),
                 (${group!.id}, 'Inbjuden Person', ${sater}, 'member', 'invited')`,
    );
    const after = await gaps();
    expect(after.strategies).toBe(before.strategies + 1);
    expect(after.representatives).toBe(before.representatives + 1);
    expect(after.gaps).not.toContain('no_strategy');
    expect(after.gaps).not.toContain('no_representative');
  });

  it('refuses municipal roles and other regions', async () => {
    for (const who of ['samordnare.falun', 'chef.falun', 'personal.falun']) {
      expect((await (await t.as(who)).get('/api/v1/adoption/gaps?region=20')).statusCode).toBe(403);
    }
    expect((await (await t.as('region.dalarna')).get('/api/v1/adoption/gaps?region=24')).statusCode).toBe(
      403,
    );
    expect((await (await t.as('region.dalarna')).get('/api/v1/adoption/gaps?region=2')).statusCode).toBe(400);
  });
});

describe('exports', () => {
  it('downloads the matrix and the gaps as a Swedish Excel CSV and as a workbook', async () => {
    const region = await t.as('region.dalarna');
    const csv = await region.get('/api/v1/adoption/export?region=20&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="valfardsteknik-per-kommun-region-dalarna-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.rawPayload.toString('utf8');
    expect(text).toContain(
      'Kommun;Kommunkod;Tekniker i drift;Senast uppdaterad;Digitalt trygghetslarm – läge;Digitalt trygghetslarm – användning (%)',
    );
    expect(text).toMatch(/Ludvika;2085;\d+;\d{4}-\d{2}-\d{2};I drift/);
    expect(text).toContain('Luckor: Region Dalarna');

    const xlsx = await region.get('/api/v1/adoption/export?region=20&format=xlsx&lang=en');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['By municipality', 'Gaps']);
    expect(wb.getWorksheet('By municipality')!.rowCount).toBe(16);
  });

  it('refuses municipal roles and a missing format', async () => {
    expect(
      (await (await t.as('samordnare.falun')).get('/api/v1/adoption/export?region=20&format=csv')).statusCode,
    ).toBe(403);
    expect((await (await t.as('region.dalarna')).get('/api/v1/adoption/export?region=20')).statusCode).toBe(
      400,
    );
    expect(
      (await (await t.as('region.dalarna')).get('/api/v1/adoption/export?region=20&format=pdf')).statusCode,
    ).toBe(400);
  });
});
