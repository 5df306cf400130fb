import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type {
  RequirementDetail,
  RequirementList,
  RequirementSummary,
  SpecificationDetail,
  SpecificationList,
} from '../../src/shared/contracts/requirements.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let region: Agent;
let falun: Agent;
let staff: Agent;
let ids: Record<'dalarna' | 'falun', string>;
let library: RequirementSummary[];

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
const counts = async () => ({
  specs: await count('requirement_specifications'),
  items: await count('requirement_specification_items'),
  requirements: await count('requirements'),
  versions: await count('requirement_versions'),
  audit: await count('audit_log'),
});
const put = (a: Agent, url: string, payload: object) => a.request({ method: 'PUT', url, payload });
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { path: string; code: string }[] }).errors ?? []).map((e) => e.path);
const row = (r: RequirementSummary, extra: Record<string, unknown> = {}) => ({
  requirementId: r.id,
  version: r.current.version,
  level: r.current.level,
  ...extra,
});
const byOwner = (ownerId: string) => library.filter((r) => r.owner.id === ownerId);

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, staff] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('personal.falun'),
  ]);
  const rows = await queryRows<{ kind: string; id: string }>(
    t.db,
    sql`select kind, id from organisations where (kind = 'region' and code = '20') or (kind = 'municipality' and code = '2080')`,
  );
  ids = {
    dalarna: rows.find((r) => r.kind === 'region')!.id,
    falun: rows.find((r) => r.kind === 'municipality')!.id,
  };
  library = ((await region.get('/api/v1/requirements?limit=100')).json() as RequirementList).items;
});

afterAll(async () => {
  await t?.close();
});

describe('requirement specifications', () => {
  let spec: SpecificationDetail;

  it("lists the region's demo specification to every coordinator, not to staff", async () => {
    const list = (await falun.get('/api/v1/requirement-specifications')).json() as SpecificationList;
    const locks = list.items.find((s) => s.technology.key === 'digital-lock')!;
    expect(locks.owner.id).toBe(ids.dalarna);
    expect(locks.itemCount).toBeGreaterThanOrEqual(8);
    expect(locks.canEdit).toBe(false);
    expect((await staff.get('/api/v1/requirement-specifications')).statusCode).toBe(403);
    expect((await t.agent().get('/api/v1/requirement-specifications')).statusCode).toBe(401);
  });

  it('builds a specification in the order given, with must/should per row and edited texts as versions', async () => {
    const own = byOwner(ids.dalarna).filter((r) => r.current.category === 'function');
    const falunOwn = byOwner(ids.falun)[0]!;
    const before = await counts();
    const res = await region.post('/api/v1/requirement-specifications', {
      ownerId: ids.dalarna,
      title: 'Trygghetslarm 2027',
      technologyKey: 'digital-safety-alarm',
      introduction: 'Gemensam upphandling av digitala trygghetslarm för Dalarnas kommuner.',
      items: [
        row(own[0]!, { level: 'should' }),
        row(falunOwn, { textSv: `${falunOwn.current.textSv} Gäller även i fritidshus.` }),
        row(own[1]!, { textSv: `${own[1]!.current.textSv} Kravet gäller dygnet runt.` }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    spec = res.json() as SpecificationDetail;
    expect(spec.canEdit).toBe(true);
    expect(spec.items.map((i) => i.level)[0]).toBe('should');
    // Falun's requirement is never rewritten by the region: the edit became the region's own copy.
    expect(spec.items[1]!.requirementId).not.toBe(falunOwn.id);
    expect(spec.items[1]!.owner).toBe('Region Dalarna');
    expect(spec.items[1]!.textSv).toContain('fritidshus');
    // The region's own requirement got its next version.
    expect(spec.items[2]!.requirementId).toBe(own[1]!.id);
    expect(spec.items[2]!.version).toBe(own[1]!.current.version + 1);
    const copy = (
      await region.get(`/api/v1/requirements/${spec.items[1]!.requirementId}`)
    ).json() as RequirementDetail;
    expect(copy.derivedFrom).toBe(falunOwn.id);
    expect(copy.usedIn).toBe(1);
    expect(await counts()).toEqual({
      specs: before.specs + 1,
      items: before.items + 3,
      requirements: before.requirements + 1,
      versions: before.versions + 2,
      audit: before.audit + 3,
    });
  });

  it('keeps the version it took when the library moves on', async () => {
    const first = spec.items[0]!;
    const detail = (
      await region.get(`/api/v1/requirements/${first.requirementId}`)
    ).json() as RequirementDetail;
    const edit = await put(region, `/api/v1/requirements/${first.requirementId}`, {
      textSv: 'Larmet ska kunna bäras dygnet runt och tåla vatten.',
      level: detail.current.level,
      category: detail.current.category,
      technologyKeys: detail.technologies.map((x) => x.key),
      baseVersion: detail.current.version,
    });
    expect(edit.statusCode).toBe(200);
    const again = (
      await falun.get(`/api/v1/requirement-specifications/${spec.id}`)
    ).json() as SpecificationDetail;
    expect(again.items[0]).toMatchObject({ version: first.version, textSv: first.textSv });
    expect(again.items[0]!.currentVersion).toBe(first.version + 1);
    expect(again.canEdit).toBe(false);
  });

  it('reorders and removes rows on save; only the owner saves', async () => {
    const items = [spec.items[2]!, spec.items[0]!].map((i) => ({
      requirementId: i.requirementId,
      version: i.version,
      level: 'must',
    }));
    const body = {
      title: 'Trygghetslarm 2027',
      technologyKey: 'digital-safety-alarm',
      introduction: '',
      items,
    };
    expect((await put(falun, `/api/v1/requirement-specifications/${spec.id}`, body)).statusCode).toBe(403);
    expect((await put(staff, `/api/v1/requirement-specifications/${spec.id}`, body)).statusCode).toBe(403);
    const res = await put(region, `/api/v1/requirement-specifications/${spec.id}`, body);
    expect(res.statusCode).toBe(200);
    const saved = res.json() as SpecificationDetail;
    expect(saved.items.map((i) => i.requirementId)).toEqual(items.map((i) => i.requirementId));
    expect(saved.items.every((i) => i.level === 'must')).toBe(true);
    spec = saved;
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const r = byOwner(ids.dalarna)[0]!;
    const base = {
      ownerId: ids.dalarna,
      title: 'Lås',
      technologyKey: 'digital-lock',
      introduction: '',
      items: [],
    };
    const before = await counts();
    for (const [body, field] of [
      [{ ...base, title: 'L' }, 'body.title'],
      [{ ...base, technologyKey: 'time-machine' }, 'body.technologyKey'],
      [{ ...base, items: [row(r), row(r)] }, 'body.items.1.requirementId'],
      [{ ...base, items: [row(r, { version: 42 })] }, 'body.items.0.version'],
      [{ ...base, items: [row(r, { level: 'could' })] }, 'body.items.0.level'],
      [{ ...base, items: [row(r, { textSv: 'Kort' })] }, 'body.items.0.textSv'],
      [{ ...base, ownerId: '00000000-0000-4000-8000-000000000000' }, 'body.ownerId'],
    ] as const) {
      const res = await region.post('/api/v1/requirement-specifications', body);
      expect(res.statusCode, field).toBe(400);
      expect(fieldsOf(res), field).toContain(field);
    }
    expect((await falun.post('/api/v1/requirement-specifications', base)).statusCode).toBe(403);
    expect(
      (await staff.post('/api/v1/requirement-specifications', { ...base, ownerId: ids.falun })).statusCode,
    ).toBe(403);
    const update = await put(region, `/api/v1/requirement-specifications/${spec.id}`, {
      ...base,
      ownerId: undefined,
      items: [row(r), row(r)],
    });
    expect(update.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe('downloads', () => {
  let locks: SpecificationDetail;

  beforeAll(async () => {
    const list = (await falun.get('/api/v1/requirement-specifications')).json() as SpecificationList;
    const id = list.items.find((s) => s.technology.key === 'digital-lock')!.id;
    locks = (await falun.get(`/api/v1/requirement-specifications/${id}`)).json() as SpecificationDetail;
  });

  it('a Word document with headings by category and numbered must/should requirements', async () => {
    const res = await falun.get(`/api/v1/requirement-specifications/${locks.id}/export?format=docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="digitala-las.*\.docx"/);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(locks.title);
    expect(xml).toMatch(/w:pStyle w:val="Heading2"/);
    for (const heading of [
      'Funktion',
      'Informationssäkerhet och dataskydd (GDPR)',
      'Exit och dataportabilitet',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Krav 1 (Ska-krav)');
    expect(text).toContain(`Krav ${locks.items.length} (`);
    expect(text.indexOf('Funktion')).toBeLessThan(text.indexOf('Informationssäkerhet'));
  });

  it('an answer sheet with one row per requirement and empty answer columns', async () => {
    const res = await falun.get(`/api/v1/requirement-specifications/${locks.id}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Nr',
      'Kategori',
      'Krav',
      'Ska/bör',
      'Uppfylls (ja/nej)',
      'Leverantörens beskrivning',
      'Hänvisning till bilaga',
    ]);
    expect(ws.rowCount).toBe(locks.items.length + 1);
    expect(ws.getColumn(3).width).toBe(70);
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(ws.getRow(2).getCell(2).value).toBe('Funktion');
    const texts = new Set(locks.items.map((i) => i.textSv));
    expect(texts.has(String(ws.getRow(2).getCell(3).value))).toBe(true);
  });

  it('refuses an unknown format and staff', async () => {
    const bad = await falun.get(`/api/v1/requirement-specifications/${locks.id}/export?format=pdf`);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['querystring.format']);
    expect(
      (await staff.get(`/api/v1/requirement-specifications/${locks.id}/export?format=docx`)).statusCode,
    ).toBe(403);
    expect(
      (
        await falun.get(
          '/api/v1/requirement-specifications/00000000-0000-4000-8000-000000000000/export?format=docx',
        )
      ).statusCode,
    ).toBe(404);
  });
});
