import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { swedishToday } from '../../src/server/features/action-plans/plan-history.ts';
import { INITIATIVE_VIEWS } from '../../src/server/features/initiatives/initiative-views.ts';
import { insertInitiative } from '../../src/server/features/initiatives/initiatives.repo.ts';
import { forgetViews } from '../../src/server/lib/view-cache.ts';
import { type Agent, createTestApp, demoEmail, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let region: Agent;
let falun: Agent;
let borlange: Agent;
let chef: Agent;
let kramfors: Agent;
let akademi: Agent;
let admin: Agent;
const org: Record<string, string> = {};
let regionUser: string;
let steeringGroupId: string;
let referenceGroupId: string;
/** Initiatives: a, b owned by Falun; c by Borlänge; d by the region; k by Kramfors. */
const ini: Record<string, string> = {};
let regionPlan: string;

const day = (offset: number) => swedishToday(new Date(Date.now() + offset * 86_400_000));
/** Noon UTC `offset` days from now: well inside the Swedish day of the same date. */
const noon = (offset: number) => `${day(offset)}T12:00:00Z`;
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
const idOf = async (q: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(t.db, q))[0]!.id;
const order = (res: { json(): unknown }) =>
  (res.json() as { items: { title: string; priority: number }[] }).items.map(
    (i) => `${i.priority}:${i.title}`,
  );

const newInitiative = (title: string, owner: string, extra: { municipalityIds?: string[] } = {}) =>
  insertInitiative(t.db, {
    title,
    ownerOrganisationId: owner,
    status: 'planned',
    phase: 'prepare',
    createdBy: null,
    ...extra,
  });

const planBody = (owner: string, extra: Record<string, unknown> = {}) => ({
  title: 'Handlingsplan välfärdsteknik',
  ownerOrganisationId: owner,
  periodStart: '2026-01-01',
  periodEnd: '2027-12-31',
  focusAreas: ['Trygghet i hemmet'],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, borlange, chef, kramfors, akademi, admin] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('samordnare.borlange'),
    t.as('chef.falun'),
    t.as('samordnare.kramfors'),
    t.as('samordnare.akademinorr'),
    t.as('admin'),
  ]);
  for (const [key, kind, code] of [
    ['dalarna', 'region', '20'],
    ['falun', 'municipality', '2080'],
    ['borlange', 'municipality', '2081'],
    ['kramfors', 'municipality', '2282'],
  ] as const)
    org[key] = await idOf(sql`select id from organisations where kind = ${kind} and code = ${code}`);
  org.akademi = await idOf(
    sql`select id from organisations where kind = 'association' and name = 'Akademi Norr'`,
  );
  org.falunUnit = await idOf(
    sql`select id from organisations where kind = 'unit' and name = 'Hemtjänsten Norr'`,
  );
  regionUser = await idOf(sql`select id from users where email = ${demoEmail('region.dalarna')}`);
  steeringGroupId = await idOf(
    sql`select id from networks where owner_organisation_id = ${org.dalarna} and kind = 'steering_group'`,
  );
  referenceGroupId = await idOf(
    sql`select id from networks where owner_organisation_id = ${org.dalarna} and kind = 'reference_group'`,
  );
  ini.a = await newInitiative('Digital nattillsyn', org.falun!, {
    municipalityIds: [org.falun!, org.borlange!],
  });
  ini.b = await newInitiative('Läkemedelsautomater', org.falun!);
  ini.c = await newInitiative('Utbildning i välfärdsteknik', org.borlange!);
  ini.d = await newInitiative('Regional upphandling', org.dalarna!);
  ini.k = await newInitiative('Kramfors trygghetslarm', org.kramfors!);
  ini.u = await newInitiative('Enhetens planeringsverktyg', org.falunUnit!);
});
afterAll(() => t.close());

describe('creating and reading action plans', () => {
  it('lets the region create its plan with its steering group', async () => {
    const res = await region.post(
      '/api/v1/action-plans',
      planBody(org.dalarna!, { title: 'Dalarnas rullande handlingsplan', steeringGroupId }),
    );
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({
      title: 'Dalarnas rullande handlingsplan',
      owner: { id: org.dalarna, kind: 'region' },
      steeringGroup: { id: steeringGroupId },
      items: [],
      canEdit: true,
      at: null,
    });
    regionPlan = plan.id;
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'action_plan.created' and entity_id = ${regionPlan}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('refuses other people, other owners and bad input, writing nothing', async () => {
    const before = await count('action_plans');
    const cases: [Agent, Record<string, unknown>, number, string][] = [
      [falun, planBody(org.dalarna!), 403, 'forbidden'],
      [region, planBody(org.falun!), 403, 'forbidden'],
      [chef, planBody(org.falun!), 403, 'forbidden'],
      [kramfors, planBody(org.falun!), 403, 'forbidden'],
      [region, planBody(org.dalarna!, { steeringGroupId: referenceGroupId }), 400, 'validation_failed'],
      [falun, planBody(org.falun!, { steeringGroupId }), 400, 'validation_failed'],
      [admin, planBody(org.falunUnit!), 400, 'validation_failed'],
      [region, planBody(org.dalarna!, { periodEnd: '2025-01-01' }), 400, 'validation_failed'],
    ];
    for (const [agent, body, status, code] of cases) {
      const res = await agent.post('/api/v1/action-plans', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
    }
    const bad = await region.post(
      '/api/v1/action-plans',
      planBody(org.dalarna!, { steeringGroupId: referenceGroupId }),
    );
    expect(bad.json().errors).toEqual([
      { path: 'body.steeringGroupId', code: 'invalid_steering_group', message: expect.any(String) },
    ]);
    expect(await count('action_plans')).toBe(before);
  });

  it('lists the plans each caller may read', async () => {
    const own = await falun.post(
      '/api/v1/action-plans',
      planBody(org.falun!, { title: 'Faluns handlingsplan' }),
    );
    expect(own.statusCode).toBe(201);
    const assoc = await akademi.post(
      '/api/v1/action-plans',
      planBody(org.akademi!, { title: 'Akademi Norrs plan' }),
    );
    expect(assoc.statusCode).toBe(201);
    const titles = async (a: Agent) => {
      const res = await a.get('/api/v1/action-plans');
      expect(res.statusCode).toBe(200);
      return (res.json().items as { title: string }[]).map((p) => p.title);
    };
    expect(await titles(falun)).toEqual(
      expect.arrayContaining(['Dalarnas rullande handlingsplan', 'Faluns handlingsplan']),
    );
    expect(await titles(borlange)).toContain('Dalarnas rullande handlingsplan');
    expect(await titles(borlange)).not.toContain('Faluns handlingsplan');
    expect(await titles(region)).toEqual(
      expect.arrayContaining(['Dalarnas rullande handlingsplan', 'Faluns handlingsplan']),
    );
    expect(await titles(region)).not.toContain('Akademi Norrs plan');
    // Kramfors is a member of Akademi Norr: it reads the association's plan, not Dalarna's.
    expect(await titles(kramfors)).toEqual(['Akademi Norrs plan']);
    expect(await titles(chef)).toEqual([]);
    expect(await titles(admin)).toEqual(
      expect.arrayContaining([
        'Dalarnas rullande handlingsplan',
        'Faluns handlingsplan',
        'Akademi Norrs plan',
      ]),
    );
    // A single plan: readable as listed, 404 otherwise; canEdit only for the owner's own people.
    expect((await falun.get(`/api/v1/action-plans/${regionPlan}`)).json().canEdit).toBe(false);
    expect((await kramfors.get(`/api/v1/action-plans/${regionPlan}`)).statusCode).toBe(404);
    expect((await chef.get(`/api/v1/action-plans/${regionPlan}`)).statusCode).toBe(404);
    expect((await borlange.get(`/api/v1/action-plans/${own.json().id}`)).statusCode).toBe(404);
  });

  it('updates a plan for its owner only', async () => {
    const res = await region.patch(`/api/v1/action-plans/${regionPlan}`, {
      focusAreas: ['Trygghet', 'Kompetens'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().focusAreas).toEqual(['Trygghet', 'Kompetens']);
    expect((await falun.patch(`/api/v1/action-plans/${regionPlan}`, { title: 'Kapad' })).statusCode).toBe(
      403,
    );
    expect((await kramfors.patch(`/api/v1/action-plans/${regionPlan}`, { title: 'Kapad' })).statusCode).toBe(
      404,
    );
    const bad = await region.patch(`/api/v1/action-plans/${regionPlan}`, { periodEnd: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.periodEnd');
    const plan = (await region.get(`/api/v1/action-plans/${regionPlan}`)).json();
    expect(plan.title).toBe('Dalarnas rullande handlingsplan');
    expect(plan.periodEnd).toBe('2027-12-31');
  });
});

describe('the rolling list', () => {
  const url = () => `/api/v1/action-plans/${regionPlan}`;

  it('adds initiatives at a priority, moving the others down', async () => {
    expect((await region.post(`${url()}/items`, { initiativeId: ini.a })).statusCode).toBe(201);
    expect((await region.post(`${url()}/items`, { initiativeId: ini.c })).statusCode).toBe(201);
    const res = await region.post(`${url()}/items`, {
      initiativeId: ini.d,
      priority: 1,
      reason: 'Gemensam upphandling först',
    });
    expect(res.statusCode).toBe(201);
    expect(order(res)).toEqual([
      '1:Regional upphandling',
      '2:Digital nattillsyn',
      '3:Utbildning i välfärdsteknik',
    ]);
    expect(res.json().items[0]).toMatchObject({
      status: 'planned',
      phase: 'prepare',
      owner: { id: org.dalarna },
    });
    expect(res.json().initiativeCount).toBe(3);
    // A unit of a municipality in the region is within the region's plan too; a priority past the end means last.
    const unit = await region.post(`${url()}/items`, { initiativeId: ini.u, priority: 99 });
    expect(order(unit).at(-1)).toBe('4:Enhetens planeringsverktyg');
  });

  it('refuses adding for others, outside the area, twice, or with bad input — writing nothing', async () => {
    const before = await count('action_plan_items');
    const cases: [Agent, Record<string, unknown>, number, string][] = [
      [falun, { initiativeId: ini.b }, 403, 'forbidden'],
      [chef, { initiativeId: ini.b }, 404, 'not_found'],
      [kramfors, { initiativeId: ini.k }, 404, 'not_found'],
      [region, { initiativeId: ini.k }, 404, 'not_found'],
      [admin, { initiativeId: ini.k }, 400, 'validation_failed'],
      [region, { initiativeId: ini.a }, 409, 'already_in_plan'],
      [region, { initiativeId: ini.b, priority: -1 }, 400, 'validation_failed'],
      [region, { initiativeId: ini.b, priority: 0 }, 400, 'validation_failed'],
      [region, { initiativeId: 'not-a-uuid' }, 400, 'validation_failed'],
      [region, { initiativeId: '00000000-0000-4000-8000-000000000000' }, 404, 'not_found'],
    ];
    for (const [agent, body, status, code] of cases) {
      const res = await agent.post(`${url()}/items`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const outside = await admin.post(`${url()}/items`, { initiativeId: ini.k });
    expect(outside.json().errors).toEqual([
      { path: 'body.initiativeId', code: 'initiative_outside_plan', message: expect.any(String) },
    ]);
    expect(await count('action_plan_items')).toBe(before);
  });

  it('moves an initiative and keeps priorities dense, each shift in the history', async () => {
    const res = await region.patch(`${url()}/items/${ini.c}`, { priority: 1, reason: 'Kompetens först' });
    expect(res.statusCode).toBe(200);
    expect(order(res)).toEqual([
      '1:Utbildning i välfärdsteknik',
      '2:Regional upphandling',
      '3:Digital nattillsyn',
      '4:Enhetens planeringsverktyg',
    ]);
    const moved = res
      .json()
      .changes.find((c: { kind: string; reason: string | null }) => c.reason === 'Kompetens först');
    expect(moved).toMatchObject({
      kind: 'reprioritised',
      priority: 1,
      initiativeId: ini.c,
      by: 'Lars Dahlberg',
    });
    // The shifted ones are recorded too (no reason), at the same instant.
    const sameInstant = res.json().changes.filter((c: { at: string }) => c.at === moved.at);
    expect(sameInstant).toHaveLength(3);
    const current = await queryRows<{ priority: number }>(
      t.db,
      sql`select priority from action_plan_items where plan_id = ${regionPlan} and valid_to is null order by priority`,
    );
    expect(current.map((r) => r.priority)).toEqual([1, 2, 3, 4]);
    expect((await falun.patch(`${url()}/items/${ini.c}`, { priority: 2 })).statusCode).toBe(403);
    expect((await region.patch(`${url()}/items/${ini.b}`, { priority: 2 })).statusCode).toBe(404);
    expect((await region.patch(`${url()}/items/${ini.c}`, { priority: -3 })).statusCode).toBe(400);
  });

  it('keeps priorities dense when two coordinators move at once', async () => {
    const [x, y] = await Promise.all([
      region.patch(`${url()}/items/${ini.u}`, { priority: 1 }),
      admin.patch(`${url()}/items/${ini.a}`, { priority: 2 }),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    const current = await queryRows<{ priority: number }>(
      t.db,
      sql`select priority from action_plan_items where plan_id = ${regionPlan} and valid_to is null order by priority`,
    );
    expect(current.map((r) => r.priority)).toEqual([1, 2, 3, 4]);
  });

  it('closes an initiative with a reason and renumbers the rest', async () => {
    const denied = await falun.delete(`${url()}/items/${ini.d}`);
    expect(denied.statusCode, denied.body).toBe(403);
    const res = await region.request({
      method: 'DELETE',
      url: `${url()}/items/${ini.d}`,
      payload: { reason: 'Upphandlingen görs nationellt' },
    });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.items.map((i: { initiativeId: string }) => i.initiativeId)).not.toContain(ini.d);
    expect(plan.items.map((i: { priority: number }) => i.priority)).toEqual([1, 2, 3]);
    expect(plan.changes[0]).toMatchObject({
      kind: 'closed',
      initiativeId: ini.d,
      priority: null,
      reason: 'Upphandlingen görs nationellt',
      by: 'Lars Dahlberg',
    });
    expect((await region.delete(`${url()}/items/${ini.d}`)).statusCode).toBe(404);
    // Re-adding after a close counts as added again.
    const again = await region.post(`${url()}/items`, { initiativeId: ini.d, reason: 'Tillbaka' });
    expect(again.json().changes[0]).toMatchObject({ kind: 'added', initiativeId: ini.d, reason: 'Tillbaka' });
    const closeByQuery = await region.delete(`${url()}/items/${ini.d}?reason=Klar`);
    expect(closeByQuery.json().changes[0]).toMatchObject({ kind: 'closed', reason: 'Klar' });
  });
});

describe('the plan as it stood', () => {
  let planId: string;
  let x: string;
  let y: string;

  beforeAll(async () => {
    const res = await region.post(
      '/api/v1/action-plans',
      planBody(org.dalarna!, { title: 'Historisk plan' }),
    );
    planId = res.json().id;
    x = await newInitiative('Nattkameror', org.falun!);
    y = await newInitiative('Digitala inköp', org.borlange!);
    await t.db.execute(
      sql`update action_plans set created_at = ${noon(-60)}::timestamptz where id = ${planId}`,
    );
    // x: idea/prepare until 15 days ago, then active/try_out.
    await t.db.execute(sql`delete from initiative_history where initiative_id in (${x}, ${y})`);
    await t.db.execute(sql`insert into initiative_history (initiative_id, title, status, phase, valid_from, valid_to) values
      (${x}, 'Nattkameror (förslag)', 'idea', 'prepare', ${noon(-55)}::timestamptz, ${noon(-15)}::timestamptz),
      (${x}, 'Nattkameror', 'active', 'try_out', ${noon(-15)}::timestamptz, null),
      (${y}, 'Digitala inköp', 'planned', 'insight', ${noon(-55)}::timestamptz, null)`);
    // 50 days ago: x first, y second; 20 days ago y moved to the top; 10 days ago x closed.
    await t.db.execute(sql`insert into action_plan_items (plan_id, initiative_id, priority, valid_from, valid_to, reason, changed_by) values
      (${planId}, ${x}, 1, ${noon(-50)}::timestamptz, ${noon(-20)}::timestamptz, 'Start', ${regionUser}),
      (${planId}, ${y}, 2, ${noon(-50)}::timestamptz, ${noon(-20)}::timestamptz, null, ${regionUser}),
      (${planId}, ${y}, 1, ${noon(-20)}::timestamptz, null, 'Viktigast nu', ${regionUser}),
      (${planId}, ${x}, 2, ${noon(-20)}::timestamptz, ${noon(-10)}::timestamptz, null, ${regionUser})`);
  });

  const at = (d: string | null, agent = falun) =>
    agent.get(`/api/v1/action-plans/${planId}${d === null ? '' : `?at=${d}`}`);

  it('reads back the list, titles, statuses and phases of an earlier day', async () => {
    const month = (await at(day(-30))).json();
    expect(month.at).toBe(day(-30));
    expect(month.items).toMatchObject([
      { initiativeId: x, priority: 1, title: 'Nattkameror (förslag)', status: 'idea', phase: 'prepare' },
      { initiativeId: y, priority: 2, status: 'planned', phase: 'insight' },
    ]);
    expect(month.initiativeCount).toBe(2);
    const later = (await at(day(-12))).json();
    expect(later.items).toMatchObject([
      { initiativeId: y, priority: 1 },
      { initiativeId: x, priority: 2, title: 'Nattkameror', status: 'active', phase: 'try_out' },
    ]);
    expect(later.items[1].addedAt.slice(0, 10)).toBe(day(-50));
    expect((await at(day(-5))).json().items.map((i: { initiativeId: string }) => i.initiativeId)).toEqual([
      y,
    ]);
    expect((await at(null)).json().items.map((i: { initiativeId: string }) => i.initiativeId)).toEqual([y]);
    expect((await at(day(0))).json().items).toHaveLength(1);
  });

  it('shows an empty list before the plan existed and refuses future dates', async () => {
    expect((await at(day(-70))).json().items).toEqual([]);
    const future = await at(day(2));
    expect(future.statusCode).toBe(400);
    expect(future.json().code).toBe('date_in_future');
    expect(future.json().errors[0].path).toBe('querystring.at');
    expect((await at('2026-02-30')).statusCode).toBe(400);
    expect((await at(day(-30), kramfors)).statusCode).toBe(404);
  });

  it('lists every change newest first', async () => {
    const changes = (await at(null)).json().changes as {
      kind: string;
      initiativeId: string;
      priority: number | null;
      reason: string | null;
    }[];
    expect(changes.map((c) => [c.kind, c.initiativeId === x ? 'x' : 'y', c.priority])).toEqual([
      ['closed', 'x', null],
      ['reprioritised', 'y', 1],
      ['reprioritised', 'x', 2],
      ['added', 'x', 1],
      ['added', 'y', 2],
    ]);
    expect(changes[1]!.reason).toBe('Viktigast nu');
  });
});

describe('funding totals and the benefits summary', () => {
  let planId: string;

  beforeAll(async () => {
    const res = await region.post(
      '/api/v1/action-plans',
      planBody(org.dalarna!, { title: 'Summeringsplan' }),
    );
    planId = res.json().id;
    for (const id of [ini.a, ini.c])
      await region.post(`/api/v1/action-plans/${planId}/items`, { initiativeId: id });
  });

  const totals = (a: Agent, q: string) => a.get(`/api/v1/funding-totals${q}`);

  it('sums funding by source and year, municipality and in total', async () => {
    const regionBefore = (await totals(region, '?region=20')).json();
    await t.db.execute(sql`insert into initiative_funding (initiative_id, source, year, applied_sek, granted_sek, used_sek) values
      (${ini.a}, 'stimulus', 2026, 120000, 100000, 20000),
      (${ini.a}, 'own', 2026, 0, 50000, 10000),
      (${ini.c}, 'esf', 2025, 50000, 40000, 10000),
      (${ini.c}, 'stimulus', 2026, 10000, 10000, 0),
      (${ini.k}, 'stimulus', 2026, 999, 999, 999)`);
    // Written straight to the table, past the services that drop the cached views (ADR 9).
    forgetViews(t.db, INITIATIVE_VIEWS);
    const res = await totals(falun, `?plan=${planId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.scope).toEqual({ kind: 'plan', name: 'Summeringsplan' });
    expect(body.bySourceYear).toEqual([
      { source: 'esf', year: 2025, appliedSek: 50000, grantedSek: 40000, usedSek: 10000 },
      { source: 'own', year: 2026, appliedSek: 0, grantedSek: 50000, usedSek: 10000 },
      { source: 'stimulus', year: 2026, appliedSek: 130000, grantedSek: 110000, usedSek: 20000 },
    ]);
    expect(body.total).toEqual({ appliedSek: 180000, grantedSek: 200000, usedSek: 40000 });
    expect(body.initiativeCount).toBe(2);
    // a: Falun owns it, Borlänge takes part; c: Borlänge's.
    expect(body.byMunicipality).toEqual([
      {
        code: '2080',
        name: 'Falun',
        appliedSek: 120000,
        grantedSek: 150000,
        usedSek: 30000,
        stimulusGrantedSek: 100000,
      },
      {
        code: '2081',
        name: 'Borlänge',
        appliedSek: 180000,
        grantedSek: 200000,
        usedSek: 40000,
        stimulusGrantedSek: 110000,
      },
    ]);
    const regionAfter = (await totals(region, '?region=20')).json();
    expect(regionAfter.total.grantedSek - regionBefore.total.grantedSek).toBe(200000);
    expect(regionAfter.scope).toEqual({ kind: 'region', name: expect.stringContaining('Dalarna') });
    const nation = (await totals(admin, '')).json();
    expect(nation.scope.kind).toBe('nation');
    expect(nation.total.grantedSek - regionAfter.total.grantedSek).toBeGreaterThanOrEqual(999);
    const assoc = (await totals(akademi, `?association=${org.akademi}`)).json();
    expect(
      assoc.byMunicipality.find((m: { code: string }) => m.code === '2282').stimulusGrantedSek,
    ).toBeGreaterThanOrEqual(999);
  });

  it('refuses callers outside the scope and missing or doubled scopes', async () => {
    const cases: [Agent, string, number, string][] = [
      [falun, '?region=20', 403, 'forbidden'],
      [kramfors, '?region=20', 403, 'forbidden'],
      [chef, '?region=20', 403, 'forbidden'],
      [region, `?association=${org.akademi}`, 403, 'forbidden'],
      [kramfors, `?plan=${planId}`, 404, 'not_found'],
      [region, '?region=99', 404, 'not_found'],
      [region, '', 400, 'scope_required'],
      [region, `?region=20&plan=${planId}`, 400, 'validation_failed'],
      [region, '?region=dalarna', 400, 'validation_failed'],
    ];
    for (const [agent, q, status, code] of cases) {
      for (const path of ['/api/v1/funding-totals', '/api/v1/benefits-summary']) {
        const res = await agent.get(`${path}${q}`);
        expect(res.statusCode, `${path}${q}`).toBe(status);
        expect(res.json().code).toBe(code);
      }
    }
  });

  it('summarises benefit indicators: counts, on target, time saved and avoided cost', async () => {
    const indicator = async (values: Record<string, unknown>, measurements: [string, number][]) => {
      const [row] = await queryRows<{ id: string }>(
        t.db,
        sql`insert into benefit_indicators (initiative_id, name, type, unit, direction, baseline_value, baseline_on, target_value)
            values (${values.initiative}, ${values.name}, ${values.type}, ${values.unit}, ${values.direction},
                    ${values.baseline}, '2025-01-01', ${values.target ?? null}) returning id`,
      );
      for (const [on, value] of measurements)
        await t.db.execute(
          sql`insert into benefit_measurements (indicator_id, measured_on, value) values (${row!.id}, ${on}, ${value})`,
        );
      return row!.id;
    };
    await indicator(
      {
        initiative: ini.a,
        name: 'Sparad tid nattpatrull',
        type: 'time_saved',
        unit: 'timmar/år',
        direction: 'increase',
        baseline: 100,
        target: 500,
      },
      [
        ['2025-06-01', 300],
        ['2025-12-01', 600],
      ],
    );
    await indicator(
      {
        initiative: ini.a,
        name: 'Undvikna nattbesök',
        type: 'avoided_cost',
        unit: 'kr/år',
        direction: 'decrease',
        baseline: 1000,
        target: 200,
      },
      [['2025-06-01', 1200]],
    );
    await indicator(
      {
        initiative: ini.c,
        name: 'Kostnad bilresor',
        type: 'avoided_cost',
        unit: 'SEK/year',
        direction: 'decrease',
        baseline: 5000,
        target: 4000,
      },
      [['2025-09-01', 3500]],
    );
    await indicator(
      {
        initiative: ini.c,
        name: 'Timmar (annan enhet)',
        type: 'time_saved',
        unit: 'minuter/vecka',
        direction: 'increase',
        baseline: 0,
      },
      [['2025-09-01', 90]],
    );
    await indicator(
      {
        initiative: ini.c,
        name: 'Upplevd trygghet',
        type: 'quality',
        unit: 'andel',
        direction: 'increase',
        baseline: 0.5,
        target: 0.8,
      },
      [],
    );
    await indicator(
      {
        initiative: ini.k,
        name: 'Utanför',
        type: 'time_saved',
        unit: 'timmar/år',
        direction: 'increase',
        baseline: 0,
      },
      [['2025-09-01', 10000]],
    );
    const res = await region.get(`/api/v1/benefits-summary?plan=${planId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.byType).toEqual([
      { type: 'avoided_cost', indicators: 2, withMeasurement: 2, onTarget: 1 },
      { type: 'time_saved', indicators: 2, withMeasurement: 2, onTarget: 1 },
      { type: 'quality', indicators: 1, withMeasurement: 0, onTarget: 0 },
      { type: 'work_environment', indicators: 0, withMeasurement: 0, onTarget: 0 },
    ]);
    expect(body.timeSavedHoursPerYear).toBe(500);
    expect(body.avoidedCostSekPerYear).toBe(1500);
    expect(body.indicators).toHaveLength(5);
    expect(body.indicators[0]).toMatchObject({
      name: 'Sparad tid nattpatrull',
      latestValue: 600,
      latestOn: '2025-12-01',
    });
    expect(body.indicators.at(-1)).toMatchObject({
      name: 'Upplevd trygghet',
      latestValue: null,
      latestOn: null,
    });
    const regional = (await region.get('/api/v1/benefits-summary?region=20')).json();
    expect(regional.timeSavedHoursPerYear).toBeGreaterThanOrEqual(500);
    expect(regional.indicators.map((i: { name: string }) => i.name)).not.toContain('Utanför');
  });
});

describe('the API description', () => {
  it('describes the plan, summary and needs routes with summaries', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const [p, method] of [
      ['/api/v1/action-plans', 'post'],
      ['/api/v1/action-plans/{id}', 'get'],
      ['/api/v1/action-plans/{id}/items/{initiativeId}', 'delete'],
      ['/api/v1/funding-totals', 'get'],
      ['/api/v1/benefits-summary', 'get'],
      ['/api/v1/needs/{id}/prioritise', 'post'],
      ['/api/v1/needs/{id}/endorsements/{code}', 'delete'],
    ] as const) {
      expect(doc.paths[p]?.[method]?.summary, `${method} ${p}`).toEqual(expect.any(String));
    }
  });
});
