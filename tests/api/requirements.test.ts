import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import type {
  RequirementDetail,
  RequirementList,
  RequirementSearchResult,
} from '../../src/shared/contracts/requirements.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let region: Agent;
let falun: Agent;
let borlange: Agent;
let staff: Agent;
let akademi: Agent;
let ids: Record<'dalarna' | 'falun' | 'borlange' | 'akademi', string>;

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
const counts = async () => ({
  requirements: await count('requirements'),
  versions: await count('requirement_versions'),
  lessons: await count('requirement_lessons'),
  audit: await count('audit_log'),
});
const put = (a: Agent, url: string, payload: object) => a.request({ method: 'PUT', url, payload });
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { path: string; code: string }[] }).errors ?? []).map((e) => e.path);

const requirement = (extra: Record<string, unknown> = {}) => ({
  ownerId: ids.falun,
  textSv: 'Larmknappen ska kunna bäras runt handleden och larma även när brukaren ligger ned.',
  textEn: 'The alarm button must be wearable on the wrist.',
  level: 'must',
  category: 'function',
  source: 'Trygghetslarm, Falu kommun 2026',
  technologyKeys: ['digital-safety-alarm'],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, borlange, staff, akademi] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('samordnare.borlange'),
    t.as('personal.falun'),
    t.as('samordnare.akademinorr'),
  ]);
  const rows = await queryRows<{ kind: string; code: string | null; id: string }>(
    t.db,
    sql`select kind, code, id from organisations
        where (kind = 'region' and code = '20') or (kind = 'municipality' and code in ('2080', '2081'))
           or kind = 'association'`,
  );
  ids = {
    dalarna: rows.find((r) => r.kind === 'region')!.id,
    falun: rows.find((r) => r.code === '2080')!.id,
    borlange: rows.find((r) => r.code === '2081')!.id,
    akademi: rows.find((r) => r.kind === 'association')!.id,
  };
});

afterAll(async () => {
  await t?.close();
});

describe('reading the library', () => {
  it('lists the 40 demo requirements to every coordinator, newest first, page by page', async () => {
    const first = (await akademi.get('/api/v1/requirements?limit=30')).json() as RequirementList;
    expect(first.items).toHaveLength(30);
    expect(first.nextCursor).not.toBeNull();
    const rest = (
      await akademi.get(`/api/v1/requirements?limit=30&cursor=${first.nextCursor}`)
    ).json() as RequirementList;
    expect(rest.items.length).toBeGreaterThanOrEqual(10);
    expect(new Set([...first.items, ...rest.items].map((r) => r.id)).size).toBe(
      first.items.length + rest.items.length,
    );
    expect(first.items.every((r) => r.canEdit === false)).toBe(true);
  });

  it('filters by category, technology and must/should', async () => {
    const res = await region.get(
      '/api/v1/requirements?category=security_gdpr&technology=digital-night-supervision&level=must',
    );
    const list = res.json() as RequirementList;
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    for (const r of list.items) {
      expect(r.current.category).toBe('security_gdpr');
      expect(r.current.level).toBe('must');
      expect(r.technologies.map((x) => x.key)).toContain('digital-night-supervision');
    }
  });

  it('needs a login and a coordinator; refuses bad parameters', async () => {
    expect((await t.agent().get('/api/v1/requirements')).statusCode).toBe(401);
    expect((await staff.get('/api/v1/requirements')).statusCode).toBe(403);
    expect((await staff.get('/api/v1/requirements/search?q=larm')).statusCode).toBe(403);
    const bad = await region.get('/api/v1/requirements?category=price');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toContain('querystring.category');
    const cursor = await region.get('/api/v1/requirements?cursor=nonsense');
    expect(cursor.statusCode).toBe(400);
    expect(fieldsOf(cursor)).toEqual(['querystring.cursor']);
    expect((await region.get('/api/v1/requirements/not-a-uuid')).statusCode).toBe(400);
    expect((await region.get('/api/v1/requirements/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});

describe('searching in Swedish', () => {
  it('finds word forms ("larmet" finds "larm") and marks the hits', async () => {
    const res = await falun.get('/api/v1/requirements/search?q=larmet');
    expect(res.statusCode).toBe(200);
    const hits = (res.json() as RequirementSearchResult).items;
    expect(hits.length).toBeGreaterThanOrEqual(3);
    expect(hits[0]!.text.some((p) => p.hit && /^larm/i.test(p.text))).toBe(true);
  });

  it('applies the filters to the hits and wants two characters', async () => {
    const res = await falun.get(
      '/api/v1/requirements/search?q=larm&level=should&technology=medication-dispenser',
    );
    const hits = (res.json() as RequirementSearchResult).items;
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(hits.every((h) => h.requirement.current.level === 'should')).toBe(true);
    const short = await falun.get('/api/v1/requirements/search?q=l');
    expect(short.statusCode).toBe(400);
    expect(fieldsOf(short)).toEqual(['querystring.q']);
  });
});

describe('writing requirements', () => {
  let created: RequirementDetail;

  it("adds a requirement owned by the coordinator's organisation, audited", async () => {
    const before = await counts();
    const res = await falun.post('/api/v1/requirements', requirement());
    expect(res.statusCode).toBe(201);
    created = res.json() as RequirementDetail;
    expect(created.owner.id).toBe(ids.falun);
    expect(created.current).toMatchObject({ version: 1, level: 'must', category: 'function' });
    expect(created.canEdit).toBe(true);
    expect(created.usedIn).toBe(0);
    expect(await counts()).toEqual({
      ...before,
      requirements: before.requirements + 1,
      versions: before.versions + 1,
      audit: before.audit + 1,
    });
  });

  it('refuses another organisation as owner and staff; bad input names the field; nothing is written', async () => {
    const before = await counts();
    expect((await falun.post('/api/v1/requirements', requirement({ ownerId: ids.dalarna }))).statusCode).toBe(
      403,
    );
    expect((await borlange.post('/api/v1/requirements', requirement())).statusCode).toBe(403);
    expect((await staff.post('/api/v1/requirements', requirement())).statusCode).toBe(403);
    for (const [body, field] of [
      [requirement({ textSv: 'Kort' }), 'body.textSv'],
      [requirement({ level: 'may' }), 'body.level'],
      [requirement({ category: 'price' }), 'body.category'],
      [requirement({ technologyKeys: ['time-machine'] }), 'body.technologyKeys.0'],
      [requirement({ ownerId: '00000000-0000-4000-8000-000000000000' }), 'body.ownerId'],
      [requirement({ extra: 1 }), 'body'],
    ] as const) {
      const res = await falun.post('/api/v1/requirements', body);
      expect(res.statusCode, field).toBe(400);
      expect(
        fieldsOf(res).some((p) => p.startsWith(field)),
        JSON.stringify(res.json()),
      ).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });

  it('an edit is the next version; the old one stays readable; only the owner edits; a stale base is 409', async () => {
    const edit = {
      ...requirement({ textSv: 'Larmknappen ska kunna bäras som armband eller halsband.' }),
      baseVersion: 1,
    };
    const { ownerId: _, ...body } = edit;
    expect((await put(region, `/api/v1/requirements/${created.id}`, body)).statusCode).toBe(403);
    expect((await put(staff, `/api/v1/requirements/${created.id}`, body)).statusCode).toBe(403);
    const bad = await put(falun, `/api/v1/requirements/${created.id}`, { ...body, baseVersion: 0 });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.baseVersion']);
    const res = await put(falun, `/api/v1/requirements/${created.id}`, body);
    expect(res.statusCode).toBe(200);
    const d = res.json() as RequirementDetail;
    expect(d.current.version).toBe(2);
    expect(d.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(d.versions[1]!.textSv).toBe(created.current.textSv);
    const stale = await put(falun, `/api/v1/requirements/${created.id}`, body);
    expect(stale.statusCode).toBe(409);
    expect(fieldsOf(stale)).toEqual(['body.baseVersion']);
    expect(
      ((await region.get(`/api/v1/requirements/${created.id}`)).json() as RequirementDetail).versions,
    ).toHaveLength(2);
  });
});

describe('lessons after a contract', () => {
  it('a coordinator records a lesson for her own organisation, shown on the requirement', async () => {
    const [demo] = (
      await borlange
        .get('/api/v1/requirements?category=exit&technology=medication-dispenser')
        .then((r) => r.json() as RequirementList)
    ).items;
    const before = await counts();
    const res = await borlange.post(`/api/v1/requirements/${demo!.id}/lessons`, {
      organisationId: ids.borlange,
      rating: 'partly',
      body: 'Exporten fungerade men saknade datum per dos.',
    });
    expect(res.statusCode).toBe(201);
    const d = res.json() as RequirementDetail;
    expect(d.lessons[0]).toMatchObject({ rating: 'partly', organisation: { id: ids.borlange }, version: 1 });
    expect(d.lessonCount).toBe(d.lessons.length);
    expect(await counts()).toEqual({ ...before, lessons: before.lessons + 1, audit: before.audit + 1 });
  });

  it('refuses another organisation, staff and bad input, writing nothing', async () => {
    const [demo] = (await falun.get('/api/v1/requirements?limit=1').then((r) => r.json() as RequirementList))
      .items;
    const url = `/api/v1/requirements/${demo!.id}/lessons`;
    const lesson = { organisationId: ids.falun, rating: 'worked', body: 'Kravet gick bra att följa upp.' };
    const before = await counts();
    expect((await borlange.post(url, lesson)).statusCode).toBe(403);
    expect((await region.post(url, lesson)).statusCode).toBe(403);
    expect((await staff.post(url, lesson)).statusCode).toBe(403);
    for (const [body, field] of [
      [{ ...lesson, rating: 'great' }, 'body.rating'],
      [{ ...lesson, body: 'Bra' }, 'body.body'],
      [{ ...lesson, version: 99 }, 'body.version'],
      [{ ...lesson, organisationId: 'x' }, 'body.organisationId'],
    ] as const) {
      const res = await falun.post(url, body);
      expect(res.statusCode, field).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    }
    expect(
      (await falun.post('/api/v1/requirements/00000000-0000-4000-8000-000000000000/lessons', lesson))
        .statusCode,
    ).toBe(404);
    expect(await counts()).toEqual(before);
  });
});
