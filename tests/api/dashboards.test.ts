import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { insertInitiative } from '../../src/server/features/initiatives/initiatives.repo.ts';
import { forgetViews } from '../../src/server/lib/view-cache.ts';
import type { Dashboard, MunicipalityDashboard } from '../../src/shared/contracts/dashboards.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';
import {
  createRound,
  createTemplate,
  orgIdByCode,
  orgIdByName,
  resultsContent,
  sheet,
} from './assessment-results.fixtures.ts';

let t: TestApp;
const as: Record<string, Agent> = {};
let akademi: string;
let gavle: string;
let sandviken: string;

const idOf = async (q: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(t.db, q))[0]!.id;
/** Direct SQL writes bypass the routes' cache drops: forget the views they feed. */
const fresh = () => {
  forgetViews(t.db, 'dashboards|');
  forgetViews(t.db, 'initiatives|');
  forgetViews(t.db, 'assessment-results|');
};
const dashboard = async (who: string, scope: string) => {
  const res = await as[who]!.get(`/api/v1/dashboards/${scope}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
};
const municipality = async (who: string, code: string, query = '') => {
  const res = await as[who]!.get(`/api/v1/dashboards/municipalities/${code}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MunicipalityDashboard;
};

beforeAll(async () => {
  t = await createTestApp();
  for (const login of [
    'admin',
    'region.dalarna',
    'samordnare.falun',
    'samordnare.borlange',
    'samordnare.kramfors',
    'samordnare.akademinorr',
    'chef.falun',
    'personal.falun',
  ])
    as[login] = await t.as(login);
  akademi = await orgIdByName(t.db, 'Akademi Norr', 'association');
  gavle = await orgIdByCode(t.db, '2180');
  sandviken = await orgIdByCode(t.db, '2181');
});
afterAll(() => t.close());

describe('who may read which dashboard', () => {
  it('gives each coordinator their natural scope and national administrators everything', async () => {
    expect((await dashboard('region.dalarna', '20')).scope).toMatchObject({ kind: 'region', code: '20' });
    expect((await dashboard('samordnare.akademinorr', akademi)).scope).toMatchObject({
      kind: 'association',
      id: akademi,
    });
    const nation = await dashboard('admin', 'SE');
    expect(nation.scope.kind).toBe('nation');
    expect(nation.adoption.municipalities).toBe(290);
    expect((await dashboard('admin', '20')).adoption.municipalities).toBe(15);
    for (const who of ['samordnare.falun', 'region.dalarna', 'admin'])
      expect((await municipality(who, '2080')).municipality.name).toBe('Falun');
  });

  it('refuses staff and managers, other regions, the nation below national level, and other municipalities', async () => {
    const cases: [string, string][] = [
      ['personal.falun', '/dashboards/20'],
      ['personal.falun', '/dashboards/municipalities/2080'],
      ['chef.falun', '/dashboards/20'],
      ['chef.falun', '/dashboards/municipalities/2080'],
      ['samordnare.falun', '/dashboards/20'],
      ['samordnare.falun', '/dashboards/SE'],
      ['region.dalarna', '/dashboards/SE'],
      ['region.dalarna', '/dashboards/22'],
      ['region.dalarna', `/dashboards/${akademi}`],
      ['samordnare.akademinorr', '/dashboards/20'],
      ['samordnare.borlange', '/dashboards/municipalities/2080'],
      ['samordnare.kramfors', '/dashboards/municipalities/2080'],
      ['region.dalarna', '/dashboards/municipalities/2282'],
    ];
    for (const [who, url] of cases) {
      const res = await as[who]!.get(`/api/v1${url}`);
      expect(res.statusCode, `${who} ${url}`).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    // An association's coordinator covers its member municipalities' pages.
    expect((await municipality('samordnare.akademinorr', '2282')).municipality.code).toBe('2282');
    expect((await t.agent().get('/api/v1/dashboards/20')).statusCode).toBe(401);
  });

  it('answers a malformed or unknown scope with a clear problem', async () => {
    for (const [url, status, code] of [
      ['/dashboards/XX', 400, 'validation_failed'],
      ['/dashboards/123', 400, 'validation_failed'],
      ['/dashboards/se', 400, 'validation_failed'],
      ['/dashboards/99', 404, 'unknown_dashboard_scope'],
      [`/dashboards/${randomUUID()}`, 404, 'unknown_dashboard_scope'],
      ['/dashboards/municipalities/208', 400, 'validation_failed'],
      ['/dashboards/municipalities/9999', 404, 'unknown_municipality'],
      ['/dashboards/municipalities/2080?peers=abc', 400, 'validation_failed'],
    ] as const) {
      const res = await as.admin!.get(`/api/v1${url}`);
      expect(res.statusCode, url).toBe(status);
      expect(res.json().code, url).toBe(code);
    }
  });
});

describe('figures', () => {
  let technologies: { id: string; key: string }[];

  beforeAll(async () => {
    technologies = await queryRows(
      t.db,
      sql`select id, key from technologies order by sort_order, key limit 2`,
    );
    const alarm = technologies[0]!;
    const gps = technologies[1]!;
    const adopt = async (
      m: string,
      tech: string,
      status: string,
      served: number | null,
      eligible: number | null,
    ) => {
      await t.db.execute(sql`insert into technology_adoptions (municipality_id, technology_id, status, users_served, eligible_users)
                             values (${m}, ${tech}, ${status}, ${served}, ${eligible})`);
      // Recorded half a year ago: in operation at the end of this quarter and the previous one.
      await t.db.execute(sql`insert into technology_adoption_history (municipality_id, technology_id, changed_at, after)
                             values (${m}, ${tech}, now() - interval '200 days', ${JSON.stringify({ status })}::jsonb)`);
    };
    await adopt(gavle, alarm.id, 'in_operation', 300, 400);
    await adopt(gavle, gps.id, 'piloting', null, null);
    await adopt(sandviken, alarm.id, 'in_operation', 100, null);

    const owner = gavle;
    const a = await insertInitiative(t.db, {
      title: 'Gävle larm',
      ownerOrganisationId: owner,
      status: 'active',
      phase: 'try_out',
      createdBy: null,
    });
    await insertInitiative(t.db, {
      title: 'Gävle nattillsyn',
      ownerOrganisationId: owner,
      status: 'active',
      phase: 'try_out',
      createdBy: null,
    });
    await insertInitiative(t.db, {
      title: 'Gävle idé',
      ownerOrganisationId: owner,
      status: 'idea',
      phase: 'prepare',
      createdBy: null,
      municipalityIds: [sandviken],
    });
    await t.db.execute(sql`insert into initiative_funding (initiative_id, source, year, applied_sek, granted_sek, used_sek)
                           values (${a}, 'stimulus', 2026, 100000, 80000, 50000), (${a}, 'own', 2025, 20000, 20000, 20000)`);
    const indicator = randomUUID();
    await t.db.execute(sql`insert into benefit_indicators (id, initiative_id, name, type, unit, direction, baseline_value, baseline_on)
                           values (${indicator}, ${a}, 'Undvikta resor', 'avoided_cost', 'kr/år', 'increase', 0, '2024-12-01')`);
    await t.db.execute(sql`insert into benefit_measurements (indicator_id, measured_on, value)
                           values (${indicator}, '2025-06-01', 10000), (${indicator}, '2026-01-15', 20000), (${indicator}, '2026-06-01', 30000)`);
    fresh();
  });

  it('sums adoption, initiatives, funding and benefits over the region', async () => {
    const d = await dashboard('admin', '21');
    expect(d.adoption).toMatchObject({
      municipalities: 10,
      reporting: 2,
      inOperation: 2,
      usersServed: 300,
      eligibleUsers: 400,
    });
    const [alarm, gps] = d.adoption.byTechnology;
    expect(alarm).toMatchObject({
      key: technologies[0]!.key,
      inOperation: 2,
      usersServed: 300,
      eligibleUsers: 400,
    });
    expect(gps).toMatchObject({ key: technologies[1]!.key, inOperation: 0, piloting: 1 });
    expect(d.adoption.trend).toHaveLength(8);
    expect(d.adoption.trend.at(-1)!.inOperation).toBe(2);
    expect(d.adoption.trend.at(0)!.inOperation).toBe(0);

    expect(d.initiatives.total).toBe(3);
    const count = (phase: string, status: string) =>
      d.initiatives.byPhaseStatus.find((r) => r.phase === phase && r.status === status)?.count;
    expect(count('try_out', 'active')).toBe(2);
    expect(count('prepare', 'idea')).toBe(1);
    expect(count('realise', 'done')).toBe(0);

    expect(d.funding.bySource.find((s) => s.source === 'stimulus')).toMatchObject({
      appliedSek: 100000,
      grantedSek: 80000,
      usedSek: 50000,
    });
    expect(d.funding.total).toEqual({ appliedSek: 120000, grantedSek: 100000, usedSek: 70000 });
    expect(d.benefits).toMatchObject({
      indicators: 1,
      measured: 1,
      avoidedCostSekPerYear: 30000,
      timeSavedHoursPerYear: 0,
    });
    expect(d.benefits.byYear).toEqual([
      { year: 2025, measurements: 1, avoidedCostSekPerYear: 10000, timeSavedHoursPerYear: 0 },
      { year: 2026, measurements: 2, avoidedCostSekPerYear: 30000, timeSavedHoursPerYear: 0 },
    ]);
  });

  it('counts programme enrolments in the scope as the enrolments say', async () => {
    const [expected] = await queryRows<{ enrolled: number; completed: number }>(
      t.db,
      sql`select count(*)::int as enrolled, count(e.completed_at)::int as completed
          from enrolments e join organisations o on o.id = e.organisation_id
          join organisations m on m.id = case when o.kind = 'unit' then o.parent_id else o.id end
          where e.programme_id is not null and m.county_code = '20'`,
    );
    const d = await dashboard('region.dalarna', '20');
    expect(expected!.enrolled).toBeGreaterThan(0);
    expect(d.learning).toMatchObject(expected!);
    expect(d.learning.completionsByMonth).toHaveLength(12);
  });

  it('compares a municipality with its region and withholds a group too small to show', async () => {
    const d = await municipality('admin', '2180', '?peers=2181');
    const [self, region] = d.comparison;
    expect(self).toMatchObject({
      kind: 'self',
      name: 'Gävle',
      figures: {
        technologiesInOperation: 1,
        useRate: 0.75,
        initiatives: 3,
        fundingGrantedSek: 100000,
        avoidedCostSekPerYear: 30000,
      },
    });
    // Two in operation and four initiatives taking part (Sandviken joins one) over ten municipalities.
    expect(region).toMatchObject({
      kind: 'region',
      municipalities: 10,
      figures: { technologiesInOperation: 0.2, initiatives: 0.4, useRate: 0.75 },
    });
    expect(d.comparison.find((c) => c.kind === 'peers')!.figures).not.toBeNull();
    expect(d.technologies[0]).toMatchObject({
      status: 'in_operation',
      usersServed: 300,
      eligibleUsers: 400,
      regionShareInOperation: 0.2,
    });
    expect(d.adoptionTrend.at(-1)!.inOperation).toBe(1);
    expect(d.initiatives.total).toBe(3);

    // Falun's coordinator does not cover Borlänge: one peer alone would show Borlänge's own figures.
    const falun = await municipality('samordnare.falun', '2080', '?peers=2081');
    expect(falun.comparison.find((c) => c.kind === 'peers')).toMatchObject({
      municipalities: 1,
      figures: null,
    });
    expect(falun.peers).toEqual([{ code: '2081', name: 'Borlänge' }]);
    const three = await municipality('samordnare.falun', '2080', '?peers=2081,2082,2083');
    expect(three.comparison.find((c) => c.kind === 'peers')!.figures).not.toBeNull();
    expect(falun.comparison.find((c) => c.kind === 'region')!.figures).not.toBeNull();
    expect(falun.comparison.at(-1)).toMatchObject({ kind: 'nation', municipalities: 290 });
  });
});

describe('maturity follows the assessment results’ rules', () => {
  let roundId: string;

  beforeAll(async () => {
    // A round run by Region Gävleborg, not shared, with Falun and two Gävleborg municipalities answering.
    const [versionId] = await createTemplate(t.db, [{ content: resultsContent }]);
    roundId = await createRound(t.db, {
      versionId: versionId!,
      ownerId: await idOf(sql`select id from organisations where kind = 'region' and code = '21'`),
      name: 'Gävleborgs omgång',
      opensOn: '2030-01-01',
      sheets: [
        sheet('2080', 4, 'achieved', 3, 3, ['upphandling', 'natverk', 'medel']),
        sheet('2180', 2, 'planned', 2, 1, ['medel', 'natverk', 'upphandling']),
        sheet('2181', 3, 'started', 5, 4, ['natverk', 'medel', 'upphandling']),
      ],
    });
    fresh();
  });

  it('withholds the averages from a region that sees only its own participant', async () => {
    const mine = (await dashboard('region.dalarna', '20')).maturity.rounds.find((r) => r.roundId === roundId);
    expect(mine).toMatchObject({ aggregatesHidden: true, participants: 3, submitted: 3 });
    expect(Object.values(mine!.average).every((v) => v === null)).toBe(true);
    const results = await as['region.dalarna']!.get(`/api/v1/assessment-rounds/${roundId}/results`);
    expect(results.json().aggregatesHidden).toBe(true);
  });

  it('shows them to those who may see every participant, equal to the results page', async () => {
    const d = await dashboard('admin', '20');
    const round = d.maturity.rounds.find((r) => r.roundId === roundId)!;
    const results = (await as.admin!.get(`/api/v1/assessment-rounds/${roundId}/results`)).json();
    expect(round.aggregatesHidden).toBe(false);
    expect(round.average).toEqual(results.average);
    expect(d.maturity.rounds[0]!.roundId).toBe(roundId);
  });

  it('gives the municipality its newest round with the results page’s comparison groups', async () => {
    const d = await municipality('samordnare.falun', '2080');
    expect(d.maturity).toMatchObject({ roundId, name: 'Gävleborgs omgång' });
    const page = (
      await as['samordnare.falun']!.get(`/api/v1/assessment-rounds/${roundId}/municipalities/2080/results`)
    ).json();
    expect(d.maturity!.scores).toEqual(page.scores);
    expect(d.maturity!.groups.map((g) => g.scores)).toEqual(
      page.groups.map((g: { scores: unknown }) => g.scores),
    );
    // Dalarna's other municipalities did not take part: the region group is empty and shows nothing.
    expect(d.maturity!.groups.find((g) => g.key === 'region')).toMatchObject({ count: 0, scores: null });
  });

  it('lists only rounds with participants in the scope', async () => {
    const d = await dashboard('samordnare.akademinorr', akademi);
    expect(d.maturity.rounds.some((r) => r.roundId === roundId)).toBe(false);
  });
});
