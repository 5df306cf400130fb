import { benchEmail } from '../lib/accounts.ts';
import type { SqlStatement } from '../server.ts';
import { municipalitiesOf, regionWithMostMunicipalities } from './regions.ts';
import { type Budget, get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/** Budgets from issue 17 (PostgreSQL, national scale, 50 connections). */
export const RADAR_REGION_P95_BUDGET_MS = 100;
export const RADAR_NATIONAL_P95_BUDGET_MS = 150;

const p95Budget = (label: string, limit: number, measured: number): Budget => ({
  name: `${label} p95 ≤ ${limit} ms`,
  limit,
  measured,
  ok: measured <= limit,
});

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

/** The radar's own SQL (the repo's query): contracts not ended with technologies and options inlined. */
function radarFloor(countyCode: string | null): SqlStatement[] {
  const where = countyCode
    ? `and c.municipality_id in (select id from organisations where kind = 'municipality' and county_code = $2)`
    : '';
  return [
    {
      text: `select c.id, c.municipality_id, c.title, c.ends_on::text as ends_on, c.notice_months,
                    c.annual_value_sek, s.id as supplier_id, s.name as supplier_name,
                    array(select ct.technology_id::text from contract_technologies ct
                          where ct.contract_id = c.id order by ct.technology_id) as technology_ids,
                    array(select e.decide_by::text || ':' || e.status from contract_extensions e
                          where e.contract_id = c.id order by e.position) as extensions
             from contracts c join suppliers s on s.id = c.supplier_id
             where c.ends_on >= $1::date ${where}`,
      params: countyCode ? [today(), countyCode] : [today()],
    },
    {
      text: `select a.municipality_id, a.technology_id from technology_adoptions a
             where a.status in ('planned', 'piloting')`,
      params: [],
    },
  ];
}

registerScenario({
  name: 'contracts-radar',
  description:
    'GET /api/v1/contracts/radar?region= (and ?technology=) as the regional coordinator of the region with the most municipalities, and as two of its municipal coordinators (values only for their own)',
  async run(ctx) {
    const region = regionWithMostMunicipalities(ctx);
    const county = region.code;
    const codes = municipalitiesOf(ctx, region).map((m) => m.code);
    const sessions = await ctx.sessions([
      benchEmail.regional(county),
      ...codes.slice(0, 2).map((c) => benchEmail.coordinator(c)),
    ]);
    const [tech] = await ctx.server.query<{ key: string }>(
      `select t.key from technologies t join contract_technologies ct on ct.technology_id = t.id
       group by t.key order by count(*) desc, t.key limit 1`,
    );
    const paths = [
      `/api/v1/contracts/radar?region=${county}`,
      `/api/v1/contracts/radar?region=${county}&technology=${tech?.key ?? 'digital-safety-alarm'}`,
    ];
    const result = await runHttpScenario(ctx, {
      name: 'contracts-radar',
      description: this.description,
      read: false,
      list: true,
      requestsFor: (i) => paths.map((p) => get(p, sessions[i % sessions.length]!)),
      floor: [...sessionStatements(sessions[0]!), ...radarFloor(county)],
      notes: [`Region ${county}: ${codes.length} municipalities.`],
    });
    result.budgets.push(p95Budget('region radar', RADAR_REGION_P95_BUDGET_MS, result.load!.p95));
    return result;
  },
});

registerScenario({
  name: 'contracts-radar-national',
  description:
    'GET /api/v1/contracts/radar (the whole country, and ?technology=) as a national administrator',
  async run(ctx) {
    const [admin] = await ctx.sessions([benchEmail.admin()]);
    const keys = (
      await ctx.server.query<{ key: string }>('select key from technologies order by sort_order limit 3')
    ).map((t) => t.key);
    const paths = ['/api/v1/contracts/radar', ...keys.map((k) => `/api/v1/contracts/radar?technology=${k}`)];
    const result = await runHttpScenario(ctx, {
      name: 'contracts-radar-national',
      description: this.description,
      read: false,
      list: true,
      requestsFor: () => paths.map((p) => get(p, admin!)),
      floor: [...sessionStatements(admin!), ...radarFloor(null)],
    });
    result.budgets.push(p95Budget('national radar', RADAR_NATIONAL_P95_BUDGET_MS, result.load!.p95));
    return result;
  },
});
