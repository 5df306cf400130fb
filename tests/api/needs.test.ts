import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let region: Agent;
let falun: Agent;
let borlange: Agent;
let chef: Agent;
let kramfors: Agent;
let admin: Agent;
let technologyKey: string;
let dalarnaId: string;
let regionPlan: string;
let falunPlan: string;
let needId: string;

const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      [
        'needs',
        'need_endorsements',
        'initiatives',
        'initiative_history',
        'action_plan_items',
        'audit_log',
      ].map(async (table) => [table, await count(table)] as const),
    ),
  );

const needBody = (extra: Record<string, unknown> = {}) => ({
  title: 'Nattillsyn utan att väcka',
  problem: 'Nattpatrullen väcker brukare vid tillsyn och hinner inte alla besök.',
  affected: 'Brukare med hemtjänst nattetid',
  desiredOutcome: 'Tryggare nätter och färre onödiga besök',
  technologyKey,
  municipalityCode: '2080',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [region, falun, borlange, chef, kramfors, admin] = await Promise.all([
    t.as('region.dalarna'),
    t.as('samordnare.falun'),
    t.as('samordnare.borlange'),
    t.as('chef.falun'),
    t.as('samordnare.kramfors'),
    t.as('admin'),
  ]);
  technologyKey = (
    await queryRows<{ key: string }>(t.db, sql`select key from technologies order by key limit 1`)
  )[0]!.key;
  dalarnaId = (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where kind = 'region' and code = '20'`,
    )
  )[0]!.id;
  const falunId = (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where kind = 'municipality' and code = '2080'`,
    )
  )[0]!.id;
  const plan = (owner: string, a: Agent, title: string) =>
    a.post('/api/v1/action-plans', {
      title,
      ownerOrganisationId: owner,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
  regionPlan = (await plan(dalarnaId, region, 'Dalarnas gemensamma plan')).json().id;
  falunPlan = (await plan(falunId, falun, 'Faluns plan')).json().id;
});
afterAll(() => t.close());

describe('proposing needs', () => {
  it('lets a municipal coordinator propose a need for its municipality', async () => {
    const res = await falun.post('/api/v1/needs', needBody());
    expect(res.statusCode).toBe(201);
    const need = res.json();
    expect(need).toMatchObject({
      title: 'Nattillsyn utan att väcka',
      proposedBy: { code: '2080', name: 'Falun' },
      region: { code: '20' },
      technology: { key: technologyKey },
      status: 'proposed',
      endorsements: [],
      canEndorse: false,
      canDecide: false,
      initiative: null,
    });
    needId = need.id;
  });

  it('refuses other municipalities, other roles, unknown technologies and bad input — writing nothing', async () => {
    const before = await counts();
    const cases: [Agent, Record<string, unknown>, number, string][] = [
      [falun, needBody({ municipalityCode: '2081' }), 403, 'forbidden'],
      [region, needBody(), 403, 'forbidden'],
      [chef, needBody(), 403, 'forbidden'],
      [kramfors, needBody(), 403, 'forbidden'],
      [falun, needBody({ technologyKey: 'no-such-technology' }), 400, 'unknown_technology'],
      [falun, needBody({ municipalityCode: '9999' }), 400, 'validation_failed'],
      [falun, needBody({ problem: 'kort' }), 400, 'validation_failed'],
      [falun, needBody({ municipalityCode: 'Falun' }), 400, 'validation_failed'],
    ];
    for (const [agent, body, status, code] of cases) {
      const res = await agent.post('/api/v1/needs', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
    }
    const unknown = await falun.post('/api/v1/needs', needBody({ technologyKey: 'no-such-technology' }));
    expect(unknown.json().errors[0]).toMatchObject({
      path: 'body.technologyKey',
      code: 'unknown_technology',
    });
    expect(await counts()).toEqual(before);
  });
});

describe('the backlog', () => {
  const list = (a: Agent, q = '') => a.get(`/api/v1/needs${q}`);
  const ids = (res: { json(): unknown }) =>
    (res.json() as { items: { id: string }[] }).items.map((n) => n.id);

  it("shows the region's backlog to its coordinators and its municipalities' coordinators", async () => {
    for (const a of [falun, borlange, region, admin]) {
      const res = await list(a, '?region=20');
      expect(res.statusCode).toBe(200);
      expect(ids(res)).toContain(needId);
    }
    expect(ids(await list(falun))).toContain(needId);
    const seen = (await list(borlange)).json().items.find((n: { id: string }) => n.id === needId);
    expect(seen).toMatchObject({ canEndorse: true, canDecide: false });
    const bySelf = (await list(region)).json().items.find((n: { id: string }) => n.id === needId);
    expect(bySelf).toMatchObject({ canEndorse: false, canDecide: true });
    expect(ids(await list(falun, '?region=20&status=declined'))).not.toContain(needId);
  });

  it('refuses other regions and other roles', async () => {
    expect((await list(kramfors, '?region=20')).statusCode).toBe(403);
    expect(ids(await list(kramfors))).not.toContain(needId);
    expect((await list(chef)).statusCode).toBe(403);
    expect((await list(falun, '?region=22')).statusCode).toBe(403);
    expect((await list(admin, '?region=98')).statusCode).toBe(404);
    expect((await list(falun, '?status=maybe')).statusCode).toBe(400);
  });
});

describe('endorsements', () => {
  const url = () => `/api/v1/needs/${needId}/endorsements`;

  it('lets another municipality of the region endorse once', async () => {
    const res = await borlange.post(url(), { municipalityCode: '2081', comment: 'Samma problem hos oss' });
    expect(res.statusCode).toBe(201);
    expect(res.json().endorsements).toMatchObject([
      { code: '2081', name: 'Borlänge', comment: 'Samma problem hos oss' },
    ]);
    expect(res.json().canEndorse).toBe(false);
  });

  it('refuses endorsing twice, its own need, for others and from outside — writing nothing', async () => {
    const before = await counts();
    const cases: [Agent, Record<string, unknown>, number, string][] = [
      [borlange, { municipalityCode: '2081' }, 409, 'already_endorsed'],
      [falun, { municipalityCode: '2080' }, 409, 'own_need'],
      [falun, { municipalityCode: '2081' }, 403, 'forbidden'],
      [region, { municipalityCode: '2081' }, 403, 'forbidden'],
      [kramfors, { municipalityCode: '2282' }, 404, 'not_found'],
      [admin, { municipalityCode: '2282' }, 400, 'validation_failed'],
      [borlange, { municipalityCode: '99' }, 400, 'validation_failed'],
    ];
    for (const [agent, body, status, code] of cases) {
      const res = await agent.post(url(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });

  it('lets the municipality withdraw its endorsement, and nobody else', async () => {
    expect((await falun.delete(`${url()}/2081`)).statusCode).toBe(403);
    expect((await kramfors.delete(`${url()}/2081`)).statusCode).toBe(404);
    const res = await borlange.delete(`${url()}/2081`);
    expect(res.statusCode).toBe(200);
    expect(res.json().endorsements).toEqual([]);
    expect((await borlange.delete(`${url()}/2081`)).statusCode).toBe(404);
    expect((await borlange.post(url(), { municipalityCode: '2081' })).statusCode).toBe(201);
  });
});

describe('deciding', () => {
  const prioritise = (a: Agent, body: Record<string, unknown>, id = needId) =>
    a.post(`/api/v1/needs/${id}/prioritise`, body);

  it('refuses the municipalities, plans of others and bad input — writing nothing', async () => {
    const before = await counts();
    const cases: [Agent, Record<string, unknown>, number, string][] = [
      [falun, { planId: regionPlan }, 403, 'forbidden'],
      [borlange, { planId: regionPlan }, 403, 'forbidden'],
      [kramfors, { planId: regionPlan }, 404, 'not_found'],
      [region, { planId: falunPlan }, 400, 'validation_failed'],
      [region, { planId: '00000000-0000-4000-8000-000000000000' }, 400, 'validation_failed'],
      [region, { planId: regionPlan, priority: -1 }, 400, 'validation_failed'],
    ];
    for (const [agent, body, status, code] of cases) {
      const res = await prioritise(agent, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    expect((await prioritise(region, { planId: falunPlan })).json().errors[0]).toMatchObject({
      path: 'body.planId',
      code: 'plan_outside_region',
    });
    expect((await falun.post(`/api/v1/needs/${needId}/decline`, { note: 'Inte nu' })).statusCode).toBe(403);
    expect((await region.post(`/api/v1/needs/${needId}/decline`, { note: '' })).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('prioritises a need into the regional plan as an initiative, keeping the trail', async () => {
    const res = await prioritise(region, {
      planId: regionPlan,
      title: 'Digital nattillsyn i Dalarna',
      note: 'Två kommuner',
    });
    expect(res.statusCode).toBe(200);
    const need = res.json();
    expect(need).toMatchObject({
      status: 'prioritised',
      decisionNote: 'Två kommuner',
      initiative: { title: 'Digital nattillsyn i Dalarna' },
      canDecide: false,
      canEndorse: false,
    });
    const initiativeId = need.initiative.id as string;
    const [initiative] = await queryRows<{ owner: string; purpose: string; status: string }>(
      t.db,
      sql`select owner_organisation_id as owner, purpose, status from initiatives where id = ${initiativeId}`,
    );
    expect(initiative).toMatchObject({ owner: dalarnaId, status: 'planned' });
    expect(initiative!.purpose).toContain('Nattpatrullen väcker brukare');
    const participants = await queryRows<{ code: string }>(
      t.db,
      sql`select o.code from initiative_municipalities im join organisations o on o.id = im.municipality_id
          where im.initiative_id = ${initiativeId} order by o.code`,
    );
    expect(participants.map((p) => p.code)).toEqual(['2080', '2081']);
    const tech = await queryRows<{ key: string }>(
      t.db,
      sql`select t.key from initiative_technologies it join technologies t on t.id = it.technology_id
          where it.initiative_id = ${initiativeId}`,
    );
    expect(tech.map((x) => x.key)).toEqual([technologyKey]);
    const plan = (await falun.get(`/api/v1/action-plans/${regionPlan}`)).json();
    expect(plan.items).toMatchObject([{ initiativeId, priority: 1, title: 'Digital nattillsyn i Dalarna' }]);
    expect(plan.changes[0]).toMatchObject({
      kind: 'added',
      initiativeId,
      reason: 'Två kommuner',
      by: 'Lars Dahlberg',
    });
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${needId} and action = 'need.prioritised'`,
    );
    expect(audit).toHaveLength(1);
    // The participating municipality sees the initiative it asked for.
    expect((await borlange.get(`/api/v1/action-plans/${regionPlan}`)).json().items[0].initiativeId).toBe(
      initiativeId,
    );
  });

  it('refuses deciding twice — writing nothing', async () => {
    const before = await counts();
    const again = await prioritise(region, { planId: regionPlan });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('need_already_decided');
    const decline = await region.post(`/api/v1/needs/${needId}/decline`, { note: 'Ändrade oss' });
    expect(decline.statusCode).toBe(409);
    expect(decline.json().code).toBe('need_already_decided');
    const endorse = await (await t.as('samordnare.borlange')).post(`/api/v1/needs/${needId}/endorsements`, {
      municipalityCode: '2081',
    });
    expect(endorse.statusCode).toBe(409);
    expect(await counts()).toEqual({ ...before });
  });

  it('declines a need with a reason, once', async () => {
    const other = (
      await borlange.post('/api/v1/needs', needBody({ municipalityCode: '2081', technologyKey: undefined }))
    ).json();
    expect(other.technology).toBeNull();
    const res = await region.post(`/api/v1/needs/${other.id}/decline`, {
      note: 'Täcks av den nationella upphandlingen',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'declined',
      decisionNote: 'Täcks av den nationella upphandlingen',
      initiative: null,
    });
    const twice = await region.post(`/api/v1/needs/${other.id}/decline`, { note: 'Igen' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('need_already_decided');
    expect((await prioritise(region, { planId: regionPlan }, other.id)).statusCode).toBe(409);
    const declined = (await falun.get('/api/v1/needs?status=declined')).json().items as { id: string }[];
    expect(declined.map((n) => n.id)).toEqual([other.id]);
  });
});
