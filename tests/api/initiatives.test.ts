import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { DALARNA_PROGRAMME } from '../../src/server/db/demo/learning-demo.ts';
import { swedishToday } from '../../src/server/features/initiatives/indicators.service.ts';
import {
  calculateBenefit,
  type Indicator,
  type InitiativeList,
  type InitiativeView,
  phaseChecklists,
} from '../../src/shared/contracts/initiatives.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let falun: string;
let borlange: string;
let region: string;
let falunCoord: Agent;
let borlangeCoord: Agent;
let regionCoord: Agent;
let kramforsCoord: Agent;
let akademiCoord: Agent;
let admin: Agent;
let staff: Agent;
let manager: Agent;

const count = async (table: string, where = sql``) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)} ${where}`))[0]!
    .n;
const orgId = async (code: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where kind = 'municipality' and code = ${code}`,
    )
  )[0]!.id;
const put = (a: Agent, url: string, payload: unknown) =>
  a.request({ method: 'PUT', url, payload: payload as object });
/** Every table an initiative write may touch: a refused request must leave all of them as they were. */
const tables = [
  'initiatives',
  'initiative_history',
  'initiative_municipalities',
  'initiative_technologies',
  'initiative_support_needs',
  'initiative_checklist_items',
  'initiative_milestones',
  'initiative_risks',
  'initiative_links',
  'initiative_funding',
  'benefit_indicators',
  'benefit_measurements',
  'audit_log',
];
const snapshot = async () => Promise.all(tables.map((x) => count(x)));

const api = '/api/v1';
async function create(a: Agent, body: Record<string, unknown>): Promise<InitiativeView> {
  const res = await a.post(`${api}/initiatives`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const list = async (a: Agent, query = '') => {
  const res = await a.get(`${api}/initiatives${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as InitiativeList;
};
const listIds = async (a: Agent, query = '') => {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '?';
    const page: InitiativeList = await list(
      a,
      `${query}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
};

beforeAll(async () => {
  t = await createTestApp();
  falun = await orgId('2080');
  borlange = await orgId('2081');
  region = (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where kind = 'region' and code = '20'`,
    )
  )[0]!.id;
  const agents = await Promise.all(
    [
      'samordnare.falun',
      'samordnare.borlange',
      'region.dalarna',
      'samordnare.kramfors',
      'samordnare.akademinorr',
      'admin',
      'personal.falun',
      'chef.falun',
    ].map((u) => t.as(u)),
  );
  [falunCoord, borlangeCoord, regionCoord, kramforsCoord, akademiCoord, admin, staff, manager] = agents as [
    Agent,
    Agent,
    Agent,
    Agent,
    Agent,
    Agent,
    Agent,
    Agent,
  ];
});

afterAll(async () => {
  await t?.close();
});

describe('creating and reading initiatives', () => {
  it('lets a municipality create its own initiative with everything in it, and records history and audit', async () => {
    const before = await count('audit_log', sql`where action = 'initiative.created'`);
    const created = await create(falunCoord, {
      title: 'Digital nattillsyn i hemtjänsten',
      purpose: 'Färre störande nattbesök.',
      ownerOrganisationId: falun,
      status: 'planned',
      phase: 'insight',
      municipalityCodes: ['2080'],
      technologyKeys: ['digital-night-supervision', 'digital-safety-alarm'],
      supportNeeds: ['stimulansmedel'],
      startsOn: '2026-01-01',
      endsOn: '2027-06-30',
      budgetSek: 450000,
    });
    expect(created).toMatchObject({
      title: 'Digital nattillsyn i hemtjänsten',
      status: 'planned',
      phase: 'insight',
      owner: { id: falun },
      municipalities: [{ code: '2080', name: 'Falun' }],
      supportNeeds: ['stimulansmedel'],
      budgetSek: 450000,
      startsOn: '2026-01-01',
      endsOn: '2027-06-30',
      links: [],
      need: null,
      plans: [],
      milestones: [],
      risks: [],
      documents: [],
      funding: [],
      indicators: [],
      canEdit: true,
    });
    expect(created.technologies.map((x) => x.key).sort()).toEqual([
      'digital-night-supervision',
      'digital-safety-alarm',
    ]);
    const items = Object.values(phaseChecklists).flat().length;
    expect(created.checklist).toHaveLength(items);
    expect(created.checklist.every((c) => !c.done && c.updatedAt === null)).toBe(true);
    expect(await count('initiative_history', sql`where initiative_id = ${created.id}`)).toBe(1);
    expect(await count('audit_log', sql`where action = 'initiative.created'`)).toBe(before + 1);

    const got = await falunCoord.get(`${api}/initiatives/${created.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(created);
  });

  it('lets a region include its municipalities and an association its members', async () => {
    const r = await create(regionCoord, {
      title: 'Läkemedelsautomater i Dalarna',
      ownerOrganisationId: region,
      municipalityCodes: ['2080', '2081'],
    });
    expect(r.municipalities.map((m) => m.code).sort()).toEqual(['2080', '2081']);
    expect(r).toMatchObject({ status: 'idea', phase: 'prepare' });
    const akademi = (
      await queryRows<{ id: string }>(t.db, sql`select id from organisations where name = 'Akademi Norr'`)
    )[0]!.id;
    const a = await create(akademiCoord, {
      title: 'Gemensam upphandling',
      ownerOrganisationId: akademi,
      municipalityCodes: ['2506'],
    });
    expect(a.municipalities[0]!.code).toBe('2506');
    const outside = await akademiCoord.post(`${api}/initiatives`, {
      title: 'Utanför',
      ownerOrganisationId: akademi,
      municipalityCodes: ['2080'],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('municipality_outside_scope');
  });

  it('refuses impossible input with a clear 4xx and writes nothing', async () => {
    const before = await snapshot();
    const base = { title: 'En insats', ownerOrganisationId: falun };
    const cases: [Record<string, unknown>, number, string, string | undefined][] = [
      [{ phase: 'nonsense' }, 400, 'validation_failed', 'body.phase'],
      [{ status: 'finished' }, 400, 'validation_failed', 'body.status'],
      [
        { technologyKeys: ['digital-safety-alarm', 'teleporter'] },
        400,
        'unknown_technology',
        'body.technologyKeys.1',
      ],
      [
        { municipalityCodes: ['2080', '2081'] },
        400,
        'municipality_outside_scope',
        'body.municipalityCodes.1',
      ],
      [{ municipalityCodes: ['9999'] }, 400, 'unknown_municipality', 'body.municipalityCodes.0'],
      [{ title: 'x'.repeat(201) }, 400, 'validation_failed', 'body.title'],
      [{ purpose: 'x'.repeat(4001) }, 400, 'validation_failed', 'body.purpose'],
      [{ budgetSek: -1 }, 400, 'validation_failed', 'body.budgetSek'],
      [{ supportNeeds: ['mer-pengar'] }, 400, 'validation_failed', 'body.supportNeeds.0'],
      [{ startsOn: '2026-05-01', endsOn: '2026-04-01' }, 400, 'validation_failed', 'body.endsOn'],
      [{ ownerOrganisationId: region }, 403, 'forbidden', undefined],
      [{ ownerOrganisationId: borlange }, 403, 'forbidden', undefined],
    ];
    for (const [extra, status, code, path] of cases) {
      const res = await falunCoord.post(`${api}/initiatives`, { ...base, ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
      if (path) expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await staff.post(`${api}/initiatives`, base)).statusCode).toBe(403);
    expect((await manager.post(`${api}/initiatives`, base)).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('shows an initiative to its owner’s area and participants only', async () => {
    const own = await create(falunCoord, { title: 'Falun för sig', ownerOrganisationId: falun });
    const url = `${api}/initiatives/${own.id}`;
    expect((await kramforsCoord.get(url)).statusCode).toBe(404);
    expect((await borlangeCoord.get(url)).statusCode).toBe(404);
    expect((await akademiCoord.get(url)).statusCode).toBe(404);
    expect((await staff.get(url)).statusCode).toBe(404);
    expect((await manager.get(url)).statusCode).toBe(404);
    const byRegion = await regionCoord.get(url);
    expect(byRegion.statusCode).toBe(200);
    expect(byRegion.json().canEdit).toBe(false);
    expect((await admin.get(url)).json().canEdit).toBe(true);
    // Borlänge joins (e.g. from a prioritised need): it reads, but does not change.
    await t.db.execute(
      sql`insert into initiative_municipalities (initiative_id, municipality_id) values (${own.id}, ${borlange})`,
    );
    const byBorlange = await borlangeCoord.get(url);
    expect(byBorlange.statusCode).toBe(200);
    expect(byBorlange.json().canEdit).toBe(false);
    expect(
      (await kramforsCoord.get(`${api}/initiatives/00000000-0000-4000-8000-000000000000`)).statusCode,
    ).toBe(404);
  });
});

describe('the list', () => {
  let falunOnly: InitiativeView;
  let withBorlange: InitiativeView;
  let regional: InitiativeView;

  beforeAll(async () => {
    falunOnly = await create(falunCoord, {
      title: 'Listad: sensorer Falun',
      ownerOrganisationId: falun,
      status: 'active',
      phase: 'try_out',
      municipalityCodes: ['2080'],
      technologyKeys: ['sensors-fall-detection'],
    });
    withBorlange = await create(falunCoord, {
      title: 'Listad: Falun med Borlänge',
      ownerOrganisationId: falun,
    });
    await t.db.execute(
      sql`insert into initiative_municipalities (initiative_id, municipality_id) values (${withBorlange.id}, ${borlange})`,
    );
    regional = await create(regionCoord, {
      title: 'Listad: regionens',
      ownerOrganisationId: region,
      municipalityCodes: ['2081'],
    });
    await falunCoord.post(`${api}/initiatives/${falunOnly.id}/milestones`, {
      title: 'Test klart',
      dueOn: '2026-09-01',
    });
  });

  it('lists only what the caller may read', async () => {
    const falunSees = await listIds(falunCoord);
    expect(falunSees).toEqual(expect.arrayContaining([falunOnly.id, withBorlange.id]));
    expect(falunSees).not.toContain(regional.id);
    const borlangeSees = await listIds(borlangeCoord);
    expect(borlangeSees).toEqual(expect.arrayContaining([withBorlange.id, regional.id]));
    expect(borlangeSees).not.toContain(falunOnly.id);
    const kramforsSees = await listIds(kramforsCoord);
    expect(kramforsSees).not.toContain(falunOnly.id);
    expect(kramforsSees).not.toContain(withBorlange.id);
    expect(await listIds(akademiCoord)).not.toContain(falunOnly.id);
    expect(await listIds(regionCoord)).toEqual(
      expect.arrayContaining([falunOnly.id, withBorlange.id, regional.id]),
    );
    const all = await listIds(admin);
    expect(all).toEqual(expect.arrayContaining([falunOnly.id, withBorlange.id, regional.id]));
    expect(all.length).toBe(await count('initiatives'));
    // Every initiative the region sees is one it may open.
    for (const id of (await list(regionCoord, '?limit=20')).items.map((i) => i.id))
      expect((await regionCoord.get(`${api}/initiatives/${id}`)).statusCode).toBe(200);
    expect((await staff.get(`${api}/initiatives`)).statusCode).toBe(403);
  });

  it('gives summaries with the next milestone', async () => {
    const item = (await list(falunCoord, '?q=sensorer')).items.find((i) => i.id === falunOnly.id)!;
    expect(item).toMatchObject({
      status: 'active',
      phase: 'try_out',
      owner: { id: falun, name: 'Falun' },
      municipalities: [{ code: '2080' }],
      technologies: [{ key: 'sensors-fall-detection' }],
      nextMilestone: { title: 'Test klart', dueOn: '2026-09-01' },
    });
  });

  it('filters and pages', async () => {
    const ids = async (q: string) => (await list(regionCoord, q)).items.map((i) => i.id);
    expect(await ids('?status=active&phase=try_out')).toContain(falunOnly.id);
    expect(await ids('?status=done')).not.toContain(falunOnly.id);
    expect(await ids('?phase=prepare')).not.toContain(falunOnly.id);
    expect(await ids('?technology=sensors-fall-detection')).toEqual([falunOnly.id]);
    expect(await ids(`?owner=${region}`)).toContain(regional.id);
    expect(await ids(`?owner=${region}`)).not.toContain(falunOnly.id);
    expect(await ids('?municipality=2081')).toEqual(expect.arrayContaining([withBorlange.id, regional.id]));
    expect(await ids('?municipality=2081')).not.toContain(falunOnly.id);
    expect(await ids('?q=listad%3A%20falun%20med')).toEqual([withBorlange.id]);
    expect(await ids('?q=100%25')).toEqual([]);
    // A plan (another feature writes its items): only current items count.
    const [plan] = await queryRows<{ id: string }>(
      t.db,
      sql`insert into action_plans (title, owner_organisation_id, period_start, period_end)
          values ('Testplan', ${falun}, '2026-01-01', '2027-12-31') returning id`,
    );
    await t.db.execute(
      sql`insert into action_plan_items (plan_id, initiative_id, priority) values (${plan!.id}, ${falunOnly.id}, 1)`,
    );
    await t.db.execute(
      sql`insert into action_plan_items (plan_id, initiative_id, priority, valid_to)
          values (${plan!.id}, ${withBorlange.id}, 2, now())`,
    );
    expect(await ids(`?plan=${plan!.id}`)).toEqual([falunOnly.id]);
    expect((await falunCoord.get(`${api}/initiatives/${falunOnly.id}`)).json().plans).toEqual([
      { id: plan!.id, title: 'Testplan', priority: 1 },
    ]);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: InitiativeList = await list(
        regionCoord,
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual((await listIds(regionCoord)).sort());
    expect((await regionCoord.get(`${api}/initiatives?cursor=bogus`)).statusCode).toBe(400);
    expect((await regionCoord.get(`${api}/initiatives?phase=nope`)).statusCode).toBe(400);
  });
});

describe('changing an initiative', () => {
  let it1: InitiativeView;
  let url: string;
  beforeAll(async () => {
    it1 = await create(falunCoord, {
      title: 'Ändras',
      ownerOrganisationId: falun,
      startsOn: '2026-03-01',
      municipalityCodes: ['2080'],
    });
    url = `${api}/initiatives/${it1.id}`;
    await t.db.execute(
      sql`insert into initiative_municipalities (initiative_id, municipality_id) values (${it1.id}, ${borlange})`,
    );
  });

  it('moves status and phase, forwards and back, with history rows', async () => {
    const history = () => count('initiative_history', sql`where initiative_id = ${it1.id}`);
    expect(await history()).toBe(1);
    const res = await falunCoord.patch(url, { status: 'active', phase: 'implement', budgetSek: 100000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', phase: 'implement', budgetSek: 100000 });
    expect(await history()).toBe(2);
    const back = await falunCoord.patch(url, { phase: 'insight' });
    expect(back.json().phase).toBe('insight');
    expect(await history()).toBe(3);
    // Not a title, status or phase change: no history row.
    await falunCoord.patch(url, { purpose: 'Varför', responsibleName: 'Eva, enhetschef' });
    expect(await history()).toBe(3);
    const rows = await queryRows<{ phase: string; status: string; valid_to: unknown }>(
      t.db,
      sql`select phase, status, valid_to from initiative_history where initiative_id = ${it1.id} order by valid_from`,
    );
    expect(rows.map((r) => [r.status, r.phase, r.valid_to === null])).toEqual([
      ['idea', 'prepare', false],
      ['active', 'implement', false],
      ['active', 'insight', true],
    ]);
    expect(await count('audit_log', sql`where action = 'initiative.updated' and entity_id = ${it1.id}`)).toBe(
      3,
    );
    const view = (await falunCoord.get(url)).json() as InitiativeView;
    expect(view.responsible).toEqual({ userId: null, name: 'Eva, enhetschef' });
    // Participants stay as they were when the lists are not sent.
    expect(view.municipalities.map((m) => m.code).sort()).toEqual(['2080', '2081']);
  });

  it('replaces lists and validates them like creating', async () => {
    const res = await falunCoord.patch(url, {
      technologyKeys: ['medication-dispenser'],
      supportNeeds: ['upphandlingsstod', 'externa-aktorer'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().technologies.map((x: { key: string }) => x.key)).toEqual(['medication-dispenser']);
    expect(res.json().supportNeeds.sort()).toEqual(['externa-aktorer', 'upphandlingsstod']);
  });

  it('refuses bad changes and the wrong people, writing nothing', async () => {
    const before = await snapshot();
    const bad: [Record<string, unknown>, string, string][] = [
      [{}, 'validation_failed', 'nothing_to_change'],
      [{ phase: 'done' }, 'validation_failed', 'invalid_value'],
      [{ technologyKeys: ['teleporter'] }, 'unknown_technology', 'unknown_technology'],
      [{ municipalityCodes: ['2080', '2082'] }, 'municipality_outside_scope', 'outside_owner_scope'],
      [{ endsOn: '2026-02-01' }, 'validation_failed', 'ends_before_starts'],
      [{ title: 'x'.repeat(201) }, 'validation_failed', 'too_long'],
      [{ budgetSek: -5 }, 'validation_failed', 'negative'],
      [{ responsibleUserId: '00000000-0000-4000-8000-000000000000' }, 'validation_failed', 'unknown_user'],
    ];
    for (const [body, code, fieldCode] of bad) {
      const res = await falunCoord.patch(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().errors.map((e: { code: string }) => e.code)).toContain(fieldCode);
    }
    expect((await regionCoord.patch(url, { status: 'done' })).statusCode).toBe(403);
    expect((await borlangeCoord.patch(url, { status: 'done' })).statusCode).toBe(403);
    expect((await kramforsCoord.patch(url, { status: 'done' })).statusCode).toBe(404);
    expect((await manager.patch(url, { status: 'done' })).statusCode).toBe(404);
    expect((await staff.patch(url, { status: 'done' })).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect((await falunCoord.get(url)).json().status).toBe('active');
  });

  it('ticks checklist items of any phase, and refuses unknown ones', async () => {
    const ok = await put(falunCoord, `${url}/checklist/implement/nulagesanalys`, {
      done: true,
      note: 'Klar i maj',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      phase: 'implement',
      itemKey: 'nulagesanalys',
      done: true,
      note: 'Klar i maj',
    });
    expect(ok.json().updatedBy).toBeTruthy();
    const again = await put(falunCoord, `${url}/checklist/implement/nulagesanalys`, { done: false });
    expect(again.json()).toMatchObject({ done: false, note: null });
    await put(falunCoord, `${url}/checklist/implement/nyttokalkyl`, { done: true });
    const view = (await falunCoord.get(url)).json() as InitiativeView;
    expect(view.checklist.filter((c) => c.done).map((c) => c.itemKey)).toEqual(['nyttokalkyl']);

    const before = await snapshot();
    const unknown = await put(falunCoord, `${url}/checklist/implement/behov-beskrivet`, { done: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('unknown_checklist_item');
    const badPhase = await put(falunCoord, `${url}/checklist/finish/nyttokalkyl`, { done: true });
    expect(badPhase.statusCode).toBe(400);
    expect(badPhase.json().errors[0].path).toBe('params.phase');
    expect((await put(falunCoord, `${url}/checklist/implement/nyttokalkyl`, { done: 'ja' })).statusCode).toBe(
      400,
    );
    expect(
      (
        await put(falunCoord, `${url}/checklist/implement/nyttokalkyl`, {
          done: true,
          note: 'x'.repeat(2001),
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await put(regionCoord, `${url}/checklist/implement/nyttokalkyl`, { done: false })).statusCode,
    ).toBe(403);
    expect(
      (await put(borlangeCoord, `${url}/checklist/implement/nyttokalkyl`, { done: false })).statusCode,
    ).toBe(403);
    expect(
      (await put(kramforsCoord, `${url}/checklist/implement/nyttokalkyl`, { done: false })).statusCode,
    ).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe('milestones, risks, links and funding', () => {
  let url: string;
  let other: string;
  beforeAll(async () => {
    const i = await create(falunCoord, { title: 'Med delar', ownerOrganisationId: falun });
    url = `${api}/initiatives/${i.id}`;
    await t.db.execute(
      sql`insert into initiative_municipalities (initiative_id, municipality_id) values (${i.id}, ${borlange})`,
    );
    other = (await create(falunCoord, { title: 'En annan', ownerOrganisationId: falun })).id;
  });

  it('adds, changes and removes milestones', async () => {
    const res = await falunCoord.post(`${url}/milestones`, {
      title: 'Upphandling klar',
      dueOn: '2026-10-01',
    });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ title: 'Upphandling klar', dueOn: '2026-10-01', doneOn: null });
    const done = await falunCoord.patch(`${url}/milestones/${m.id}`, { doneOn: '2026-09-28' });
    expect(done.json()).toMatchObject({ title: 'Upphandling klar', doneOn: '2026-09-28' });
    expect((await falunCoord.get(url)).json().milestones).toEqual([done.json()]);

    const before = await snapshot();
    expect((await falunCoord.post(`${url}/milestones`, { title: 'Datumlös' })).statusCode).toBe(400);
    expect(
      (await falunCoord.post(`${url}/milestones`, { title: 'Fel', dueOn: '2026-13-01' })).statusCode,
    ).toBe(400);
    expect((await falunCoord.patch(`${url}/milestones/${m.id}`, {})).statusCode).toBe(400);
    expect(
      (await falunCoord.patch(`${api}/initiatives/${other}/milestones/${m.id}`, { title: 'Annan' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await borlangeCoord.post(`${url}/milestones`, { title: 'Borlänge', dueOn: '2026-10-01' })).statusCode,
    ).toBe(403);
    expect((await regionCoord.patch(`${url}/milestones/${m.id}`, { title: 'Region' })).statusCode).toBe(403);
    expect((await kramforsCoord.delete(`${url}/milestones/${m.id}`)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);

    expect((await falunCoord.delete(`${url}/milestones/${m.id}`)).statusCode).toBe(200);
    expect((await falunCoord.get(url)).json().milestones).toEqual([]);
    expect((await falunCoord.delete(`${url}/milestones/${m.id}`)).statusCode).toBe(404);
  });

  it('adds, changes and removes risks, keeping what a change leaves out', async () => {
    const res = await falunCoord.post(`${url}/risks`, {
      description: 'Leverantören hinner inte',
      likelihood: 3,
      impact: 4,
      mitigation: 'Tidig dialog',
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r.status).toBe('open');
    await falunCoord.patch(`${url}/risks/${r.id}`, { status: 'mitigated' });
    const changed = await falunCoord.patch(`${url}/risks/${r.id}`, { impact: 2 });
    expect(changed.json()).toMatchObject({
      impact: 2,
      likelihood: 3,
      status: 'mitigated',
      mitigation: 'Tidig dialog',
    });

    const before = await snapshot();
    expect(
      (await falunCoord.post(`${url}/risks`, { description: 'Stor', likelihood: 6, impact: 1 })).statusCode,
    ).toBe(400);
    expect((await falunCoord.patch(`${url}/risks/${r.id}`, { status: 'gone' })).statusCode).toBe(400);
    expect((await borlangeCoord.patch(`${url}/risks/${r.id}`, { impact: 5 })).statusCode).toBe(403);
    expect(
      (await kramforsCoord.post(`${url}/risks`, { description: 'Kramfors', likelihood: 1, impact: 1 }))
        .statusCode,
    ).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect((await falunCoord.delete(`${url}/risks/${r.id}`)).statusCode).toBe(200);
    expect((await falunCoord.get(url)).json().risks).toEqual([]);
  });

  it('links web pages and governing documents', async () => {
    const web = await falunCoord.post(`${url}/links`, { title: 'Projektsida', url: 'https://falun.se/natt' });
    expect(web.statusCode, web.body).toBe(201);
    expect(web.json()).toMatchObject({ title: 'Projektsida', url: 'https://falun.se/natt', document: null });
    const [doc] = await queryRows<{ id: string; title: string }>(
      t.db,
      sql`select id, title from governing_documents order by created_at limit 1`,
    );
    expect(doc, 'a demo governing document').toBeDefined();
    if (doc) {
      const linked = await falunCoord.post(`${url}/links`, { title: 'Strategin', documentId: doc.id });
      expect(linked.statusCode).toBe(201);
      expect(linked.json().document).toEqual({ id: doc.id, title: doc.title });
      expect((await borlangeCoord.get(url)).json().documents.map((d: { id: string }) => d.id)).toContain(
        linked.json().id,
      );
    }
    const before = await snapshot();
    const unknown = await falunCoord.post(`${url}/links`, {
      title: 'Borta',
      documentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('unknown_document');
    expect((await falunCoord.post(`${url}/links`, { title: 'Ingenting' })).statusCode).toBe(400);
    expect(
      (await falunCoord.post(`${url}/links`, { title: 'Skript', url: 'javascript:alert(1)' })).statusCode,
    ).toBe(400);
    expect(
      (await regionCoord.post(`${url}/links`, { title: 'Region', url: 'https://x.se' })).statusCode,
    ).toBe(403);
    expect((await falunCoord.delete(`${api}/initiatives/${other}/links/${web.json().id}`)).statusCode).toBe(
      404,
    );
    expect(await snapshot()).toEqual(before);
    expect((await falunCoord.delete(`${url}/links/${web.json().id}`)).statusCode).toBe(200);
  });

  it('records funding per source and year, allows overspending, refuses negative amounts', async () => {
    const res = await falunCoord.post(`${url}/funding`, {
      source: 'stimulus',
      year: 2026,
      appliedSek: 300000,
      grantedSek: 250000,
    });
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f).toMatchObject({
      source: 'stimulus',
      year: 2026,
      appliedSek: 300000,
      grantedSek: 250000,
      usedSek: 0,
    });
    const over = await falunCoord.patch(`${url}/funding/${f.id}`, { usedSek: 275000 });
    expect(over.json()).toMatchObject({ appliedSek: 300000, grantedSek: 250000, usedSek: 275000 });
    const noted = await falunCoord.patch(`${url}/funding/${f.id}`, { note: 'Beslut i mars' });
    expect(noted.json()).toMatchObject({ grantedSek: 250000, usedSek: 275000, note: 'Beslut i mars' });
    await falunCoord.post(`${url}/funding`, { source: 'esf', year: 2027, grantedSek: 1000000 });
    expect((await borlangeCoord.get(url)).json().funding).toHaveLength(2);

    const before = await snapshot();
    const negative = await falunCoord.post(`${url}/funding`, { source: 'own', year: 2026, usedSek: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].path).toBe('body.usedSek');
    expect((await falunCoord.patch(`${url}/funding/${f.id}`, { grantedSek: -100 })).statusCode).toBe(400);
    expect((await falunCoord.post(`${url}/funding`, { source: 'lottery', year: 2026 })).statusCode).toBe(400);
    expect((await falunCoord.post(`${url}/funding`, { source: 'own', year: 1800 })).statusCode).toBe(400);
    expect(
      (await falunCoord.post(`${url}/funding`, { source: 'own', year: 2026, appliedSek: 1.5 })).statusCode,
    ).toBe(400);
    expect((await borlangeCoord.post(`${url}/funding`, { source: 'own', year: 2026 })).statusCode).toBe(403);
    expect((await regionCoord.delete(`${url}/funding/${f.id}`)).statusCode).toBe(403);
    expect((await kramforsCoord.patch(`${url}/funding/${f.id}`, { usedSek: 1 })).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect((await falunCoord.delete(`${url}/funding/${f.id}`)).statusCode).toBe(200);
    expect((await falunCoord.get(url)).json().funding).toHaveLength(1);
  });
});

describe('benefit indicators and measurements', () => {
  let initiativeId: string;
  let url: string;
  const calc = { occurrencesPerYear: 5000, minutesEach: 12, costPerHourSek: 450, oneOffHours: 40 };
  const indicator = {
    name: 'Tid som frigörs nattetid',
    type: 'time_saved',
    unit: 'timmar/år',
    direction: 'increase',
    baselineValue: 0,
    baselineOn: '2026-01-15',
    calculation: calc,
  };

  beforeAll(async () => {
    const i = await create(falunCoord, { title: 'Med nytta', ownerOrganisationId: falun });
    initiativeId = i.id;
    url = `${api}/initiatives/${i.id}/indicators`;
    await t.db.execute(
      sql`insert into initiative_municipalities (initiative_id, municipality_id) values (${i.id}, ${borlange})`,
    );
  });

  it('sets the target from the calculation helper', async () => {
    const res = await falunCoord.post(url, indicator);
    expect(res.statusCode, res.body).toBe(201);
    const ind = res.json() as Indicator;
    expect(ind.targetValue).toBe(calculateBenefit(calc).hoursPerYear);
    expect(ind.calculation).toEqual(calc);
    const cost = await falunCoord.post(url, {
      ...indicator,
      name: 'Undvikna kostnader',
      type: 'avoided_cost',
      unit: 'kr/år',
    });
    expect(cost.json().targetValue).toBe(calculateBenefit(calc).sekPerYear);
    const given = await falunCoord.post(url, { ...indicator, name: 'Eget mål', targetValue: 100 });
    expect(given.json().targetValue).toBe(100);
    const quality = await falunCoord.post(url, {
      name: 'Nöjda brukare',
      type: 'quality',
      unit: '%',
      direction: 'increase',
      baselineValue: 62,
      baselineOn: '2026-01-01',
      targetValue: 80,
      targetOn: '2027-12-31',
      assumptions: 'Enkät varje år',
      uncertainty: 'medium',
    });
    expect(quality.json()).toMatchObject({
      targetValue: 80,
      uncertainty: 'medium',
      calculation: null,
      feed: null,
    });
    const view = (await falunCoord.get(`${api}/initiatives/${initiativeId}`)).json() as InitiativeView;
    expect(view.indicators.map((i) => i.name)).toEqual([
      'Tid som frigörs nattetid',
      'Undvikna kostnader',
      'Eget mål',
      'Nöjda brukare',
    ]);
  });

  it('records measurements between the baseline and today, oldest first', async () => {
    const ind = (await falunCoord.post(url, { ...indicator, name: 'Mätt' })).json() as Indicator;
    const m = `${api}/indicators/${ind.id}/measurements`;
    expect((await falunCoord.post(m, { measuredOn: '2026-06-30', value: 310 })).statusCode).toBe(201);
    const second = await falunCoord.post(m, {
      measuredOn: '2026-03-31',
      value: 120,
      note: 'Första kvartalet',
    });
    expect(second.statusCode).toBe(201);
    expect((second.json() as Indicator).measurements.map((x) => [x.measuredOn, x.value, x.source])).toEqual([
      ['2026-03-31', 120, 'manual'],
      ['2026-06-30', 310, 'manual'],
    ]);
    const onBaseline = await falunCoord.post(m, { measuredOn: '2026-01-15', value: 0 });
    expect(onBaseline.statusCode).toBe(201);

    const before = await snapshot();
    const early = await falunCoord.post(m, { measuredOn: '2026-01-14', value: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      code: 'measurement_before_baseline',
      errors: [{ path: 'body.measuredOn', code: 'measurement_before_baseline' }],
    });
    const future = await falunCoord.post(m, { measuredOn: '2999-01-01', value: 1 });
    expect(future.statusCode).toBe(400);
    expect(future.json().code).toBe('measurement_in_future');
    expect((await falunCoord.post(m, { measuredOn: 'igår', value: 1 })).statusCode).toBe(400);
    expect((await falunCoord.post(m, { measuredOn: '2026-04-01', value: 'mycket' })).statusCode).toBe(400);
    expect(
      (await falunCoord.post(m, { measuredOn: '2026-04-01', value: 1, note: 'x'.repeat(1001) })).statusCode,
    ).toBe(400);
    // The baseline cannot move past a measurement already taken.
    const moved = await falunCoord.patch(`${api}/indicators/${ind.id}`, { baselineOn: '2026-02-01' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().code).toBe('baseline_after_measurement');
    expect(
      (await falunCoord.patch(`${api}/indicators/${ind.id}`, { targetOn: '2025-01-01' })).statusCode,
    ).toBe(400);
    expect((await falunCoord.patch(`${api}/indicators/${ind.id}`, {})).statusCode).toBe(400);
    expect((await falunCoord.post(url, { ...indicator, type: 'happiness' })).statusCode).toBe(400);
    expect((await falunCoord.post(url, { ...indicator, name: 'x'.repeat(201) })).statusCode).toBe(400);
    expect((await falunCoord.post(url, { ...indicator, targetOn: '2025-12-31' })).statusCode).toBe(400);
    // Readers read; only the owner's people write.
    expect((await borlangeCoord.post(m, { measuredOn: '2026-04-01', value: 1 })).statusCode).toBe(403);
    expect((await regionCoord.post(m, { measuredOn: '2026-04-01', value: 1 })).statusCode).toBe(403);
    expect((await kramforsCoord.post(m, { measuredOn: '2026-04-01', value: 1 })).statusCode).toBe(404);
    expect((await regionCoord.patch(`${api}/indicators/${ind.id}`, { name: 'Regionens' })).statusCode).toBe(
      403,
    );
    expect((await kramforsCoord.delete(`${api}/indicators/${ind.id}`)).statusCode).toBe(404);
    expect((await borlangeCoord.post(url, indicator)).statusCode).toBe(403);
    expect((await kramforsCoord.post(url, indicator)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);

    expect((await regionCoord.get(`${api}/indicators/${ind.id}`)).statusCode).toBe(200);
    expect((await borlangeCoord.get(`${api}/indicators/${ind.id}`)).json().measurements).toHaveLength(3);
    expect((await kramforsCoord.get(`${api}/indicators/${ind.id}`)).statusCode).toBe(404);
    expect((await staff.get(`${api}/indicators/${ind.id}`)).statusCode).toBe(404);

    const changed = await falunCoord.patch(`${api}/indicators/${ind.id}`, {
      baselineOn: '2026-01-10',
      calculation: { ...calc, occurrencesPerYear: 6000 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().targetValue).toBe(
      calculateBenefit({ ...calc, occurrencesPerYear: 6000 }).hoursPerYear,
    );

    const first = (changed.json() as Indicator).measurements[0]!;
    expect((await falunCoord.delete(`${m}/${first.id}`)).statusCode).toBe(200);
    expect((await falunCoord.get(`${api}/indicators/${ind.id}`)).json().measurements).toHaveLength(2);
    expect((await falunCoord.delete(`${m}/${first.id}`)).statusCode).toBe(404);
    expect((await falunCoord.delete(`${api}/indicators/${ind.id}`)).statusCode).toBe(200);
    expect((await falunCoord.get(`${api}/indicators/${ind.id}`)).statusCode).toBe(404);
    expect(await count('benefit_measurements', sql`where indicator_id = ${ind.id}`)).toBe(0);
  });

  it('feeds users served from the mapping, one measurement a day', async () => {
    const [tech] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from technologies where key = 'digital-night-supervision'`,
    );
    const setServed = (n: number) =>
      t.db.execute(
        sql`insert into technology_adoptions (municipality_id, technology_id, status, users_served)
            values (${falun}, ${tech!.id}, 'in_operation', ${n})
            on conflict (municipality_id, technology_id) do update set users_served = ${n}`,
      );
    await setServed(42);
    const feed = {
      kind: 'users_served',
      municipalityCode: '2080',
      technologyKey: 'digital-night-supervision',
    };
    const res = await falunCoord.post(url, {
      name: 'Brukare med nattkamera',
      type: 'quality',
      unit: 'brukare',
      direction: 'increase',
      baselineValue: 10,
      baselineOn: '2025-01-01',
      feed,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const first = await falunCoord.post(`${api}/indicators/${id}/refresh`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().measurements).toEqual([
      expect.objectContaining({ measuredOn: swedishToday(), value: 42, source: 'users_served' }),
    ]);
    await setServed(50);
    const second = await falunCoord.post(`${api}/indicators/${id}/refresh`);
    expect(second.json().measurements.map((m: { value: number }) => m.value)).toEqual([50]);
    expect((await regionCoord.post(`${api}/indicators/${id}/refresh`)).statusCode).toBe(403);

    const before = await snapshot();
    const notReadable = await falunCoord.post(url, {
      ...indicator,
      feed: { ...feed, municipalityCode: '2081' },
    });
    expect(notReadable.statusCode).toBe(400);
    expect(notReadable.json().code).toBe('feed_not_readable');
    const unknownTech = await falunCoord.post(url, {
      ...indicator,
      feed: { ...feed, technologyKey: 'teleporter' },
    });
    expect(unknownTech.json()).toMatchObject({
      code: 'unknown_technology',
      errors: [{ path: 'body.feed.technologyKey' }],
    });
    expect((await falunCoord.post(url, { ...indicator, feed: { kind: 'weather' } })).statusCode).toBe(400);
    const notFed = (await falunCoord.get(`${api}/initiatives/${initiativeId}`)).json().indicators[0].id;
    expect((await falunCoord.post(`${api}/indicators/${notFed}/refresh`)).json().code).toBe(
      'indicator_not_fed',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('feeds the completion share of a programme the caller can see', async () => {
    const [programme] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from programmes where name = ${DALARNA_PROGRAMME}`,
    );
    expect(programme, 'the demo programme').toBeDefined();
    if (!programme) return;
    const res = await falunCoord.post(url, {
      name: 'Andel som gått utbildningen',
      type: 'work_environment',
      unit: '%',
      direction: 'increase',
      baselineValue: 0,
      baselineOn: '2025-01-01',
      targetValue: 90,
      feed: { kind: 'programme_completion', programmeId: programme.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [c] = await queryRows<{ enrolled: number; completed: number }>(
      t.db,
      sql`select count(distinct user_id)::int as enrolled,
                 count(distinct user_id) filter (where completed_at is not null)::int as completed
          from enrolments where programme_id = ${programme.id}`,
    );
    const refreshed = await falunCoord.post(`${api}/indicators/${res.json().id}/refresh`);
    expect(c!.enrolled, 'demo enrolments').toBeGreaterThan(0);
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json().measurements[0]).toMatchObject({
      measuredOn: swedishToday(),
      value: Math.round((c!.completed / c!.enrolled) * 1000) / 10,
      source: 'programme_completion',
    });
    const unknown = await falunCoord.post(url, {
      ...indicator,
      feed: { kind: 'programme_completion', programmeId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('unknown_programme');
    // Kramfors cannot see Dalarna's programme: not theirs to feed from.
    const kramfors = (
      await queryRows<{ id: string }>(
        t.db,
        sql`select id from organisations where kind = 'municipality' and code = '2282'`,
      )
    )[0]!.id;
    const k = await create(kramforsCoord, { title: 'Kramfors egen', ownerOrganisationId: kramfors });
    const hidden = await kramforsCoord.post(`${api}/initiatives/${k.id}/indicators`, {
      ...indicator,
      feed: { kind: 'programme_completion', programmeId: programme.id },
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().code).toBe('unknown_programme');
  });
});

describe('the API description', () => {
  it('describes the initiative and benefit routes', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/v1/initiatives',
      '/api/v1/initiatives/{id}',
      '/api/v1/initiatives/{id}/checklist/{phase}/{itemKey}',
      '/api/v1/initiatives/{id}/milestones/{childId}',
      '/api/v1/initiatives/{id}/risks/{childId}',
      '/api/v1/initiatives/{id}/links/{childId}',
      '/api/v1/initiatives/{id}/funding/{childId}',
      '/api/v1/initiatives/{id}/indicators',
      '/api/v1/indicators/{id}',
      '/api/v1/indicators/{id}/measurements',
      '/api/v1/indicators/{id}/measurements/{measurementId}',
      '/api/v1/indicators/{id}/refresh',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});
