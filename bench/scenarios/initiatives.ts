import { benchEmail } from '../lib/accounts.ts';
import { regionOfLargestMunicipality } from './regions.ts';
import { type Budget, get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/** Budget from issue 7 (PostgreSQL, national scale): p95 ≤ 100 ms for each view. */
export const INITIATIVES_P95_BUDGET_MS = 100;

const p95Budget = (label: string, measured: number): Budget => ({
  name: `${label} p95 ≤ ${INITIATIVES_P95_BUDGET_MS} ms`,
  limit: INITIATIVES_P95_BUDGET_MS,
  measured,
  ok: measured <= INITIATIVES_P95_BUDGET_MS,
});

type Ctx = Parameters<Parameters<typeof registerScenario>[0]['run']>[0];

/** The largest region (by staff of its biggest municipality) and its rolling plan. */
async function largestRegion(ctx: Ctx) {
  const region = regionOfLargestMunicipality(ctx);
  const [plan] = await ctx.server.query<{ id: string }>(
    'select id from action_plans where owner_organisation_id = $1 limit 1',
    [region.id],
  );
  if (!plan) throw new Error(`No bench plan for ${region.name}`);
  return { region, planId: plan.id };
}

/** The essential SQL of a region's initiatives: its own and its municipalities'. */
const regionScope = (regionId: string) =>
  `select i.id from initiatives i join organisations o on o.id = i.owner_organisation_id
   where o.id = '${regionId}' or o.parent_id = '${regionId}'`;

registerScenario({
  name: 'initiatives-regional-plan',
  description:
    'GET /api/v1/action-plans/{id} as the regional coordinator of the largest region: the rolling plan with its items and change log',
  async run(ctx) {
    const { region, planId } = await largestRegion(ctx);
    const [s] = await ctx.sessions([benchEmail.regional(region.code)]);
    const result = await runHttpScenario(ctx, {
      name: 'initiatives-regional-plan',
      description: this.description,
      read: false,
      list: true,
      requestsFor: () => [get(`/api/v1/action-plans/${planId}`, s!)],
      floor: [
        ...sessionStatements(s!),
        {
          text: `select a.priority, a.valid_from, a.valid_to, a.reason, i.title, i.status, i.phase
                 from action_plan_items a join initiatives i on i.id = a.initiative_id
                 where a.plan_id = $1 order by a.valid_from desc limit 200`,
          params: [planId],
        },
      ],
    });
    result.budgets.push(p95Budget('regional plan', result.load!.p95));
    return result;
  },
});

registerScenario({
  name: 'initiatives-funding-totals',
  description:
    'GET /api/v1/funding-totals?region= as the regional coordinator of the largest region: by source and year, and by municipality',
  async run(ctx) {
    const { region } = await largestRegion(ctx);
    const [s] = await ctx.sessions([benchEmail.regional(region.code)]);
    const result = await runHttpScenario(ctx, {
      name: 'initiatives-funding-totals',
      description: this.description,
      read: false,
      list: true,
      requestsFor: () => [get(`/api/v1/funding-totals?region=${region.code}`, s!)],
      floor: [
        ...sessionStatements(s!),
        {
          text: `select f.source, f.year, sum(f.applied_sek), sum(f.granted_sek), sum(f.used_sek)
                 from initiative_funding f where f.initiative_id in (${regionScope(region.id)})
                 group by f.source, f.year`,
          params: [],
        },
      ],
    });
    result.budgets.push(p95Budget('funding totals', result.load!.p95));
    return result;
  },
});

registerScenario({
  name: 'initiatives-benefits-summary',
  description:
    'GET /api/v1/benefits-summary?region= as the regional coordinator of the largest region: indicators by type with their latest measurement',
  async run(ctx) {
    const { region } = await largestRegion(ctx);
    const [s] = await ctx.sessions([benchEmail.regional(region.code)]);
    const result = await runHttpScenario(ctx, {
      name: 'initiatives-benefits-summary',
      description: this.description,
      read: false,
      list: true,
      requestsFor: () => [get(`/api/v1/benefits-summary?region=${region.code}`, s!)],
      floor: [
        ...sessionStatements(s!),
        {
          text: `select b.id, b.type, b.baseline_value, b.target_value,
                        (select m.value from benefit_measurements m where m.indicator_id = b.id
                         order by m.measured_on desc limit 1)
                 from benefit_indicators b where b.initiative_id in (${regionScope(region.id)})`,
          params: [],
        },
      ],
    });
    result.budgets.push(p95Budget('benefits summary', result.load!.p95));
    return result;
  },
});
