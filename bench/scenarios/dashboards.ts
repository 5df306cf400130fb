import { benchEmail } from '../lib/accounts.ts';
import type { Session } from '../lib/http.ts';
import { type Budget, get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/**
 * The first request after the cache's minute computes the figures; the load that follows reads them.
 * Both are reported: the note says what a cold request costs.
 */
async function coldNote(baseUrl: string, session: Session, path: string): Promise<string> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  await res.arrayBuffer();
  return `first request (computed; shares the national figures once a minute): ${Math.round(performance.now() - started)} ms`;
}

/** Budget from issue 8 (PostgreSQL, national scale): p95 ≤ 150 ms for each dashboard. */
export const DASHBOARD_P95_BUDGET_MS = 150;

const p95Budget = (label: string, measured: number): Budget => ({
  name: `${label} p95 ≤ ${DASHBOARD_P95_BUDGET_MS} ms`,
  limit: DASHBOARD_P95_BUDGET_MS,
  measured,
  ok: measured <= DASHBOARD_P95_BUDGET_MS,
});

/** The essential SQL of every dashboard: programme enrolments per municipality (the largest figure family). */
const enrolmentFloor = {
  text: `select case when o.kind = 'unit' then o.parent_id else o.id end, e.programme_id, count(*), count(e.completed_at)
         from enrolments e join organisations o on o.id = e.organisation_id
         where e.programme_id is not null group by 1, 2`,
  params: [],
};

registerScenario({
  name: 'dashboard-region',
  description:
    'GET /api/v1/dashboards/{county} as the regional coordinator of the largest region: adoption, maturity, learning, initiatives, funding, benefits',
  async run(ctx) {
    const biggest = ctx.municipalities[0]!;
    const region = ctx.regions.find((r) => r.id === biggest.regionId)!;
    const [s] = await ctx.sessions([benchEmail.regional(region.code)]);
    const cold = await coldNote(ctx.baseUrl, s!, `/api/v1/dashboards/${region.code}`);
    const result = await runHttpScenario(ctx, {
      notes: [cold],
      name: 'dashboard-region',
      description: this.description,
      read: false,
      list: false,
      requestsFor: () => [get(`/api/v1/dashboards/${region.code}`, s!)],
      floor: [...sessionStatements(s!), enrolmentFloor],
    });
    result.budgets.push(p95Budget('region dashboard', result.load!.p95));
    return result;
  },
});

registerScenario({
  name: 'dashboard-nation',
  description: 'GET /api/v1/dashboards/SE as a national administrator: the whole country',
  async run(ctx) {
    const [s] = await ctx.sessions([benchEmail.admin()]);
    const cold = await coldNote(ctx.baseUrl, s!, '/api/v1/dashboards/SE');
    const result = await runHttpScenario(ctx, {
      notes: [cold],
      name: 'dashboard-nation',
      description: this.description,
      read: false,
      list: false,
      requestsFor: () => [get('/api/v1/dashboards/SE', s!)],
      floor: [...sessionStatements(s!), enrolmentFloor],
    });
    result.budgets.push(p95Budget('national dashboard', result.load!.p95));
    return result;
  },
});

registerScenario({
  name: 'dashboard-municipality',
  description:
    'GET /api/v1/dashboards/municipalities/{code} as the coordinators of the 50 largest municipalities: each beside its region, models and the country',
  async run(ctx) {
    const ms = ctx.municipalities.slice(0, 50);
    const sessions = await ctx.sessions(ms.map((m) => benchEmail.coordinator(m.code)));
    const cold = await coldNote(
      ctx.baseUrl,
      sessions[0]!,
      `/api/v1/dashboards/municipalities/${ms[0]!.code}`,
    );
    const result = await runHttpScenario(ctx, {
      notes: [cold],
      name: 'dashboard-municipality',
      description: this.description,
      read: false,
      list: false,
      requestsFor: (i) => [
        get(`/api/v1/dashboards/municipalities/${ms[i % ms.length]!.code}`, sessions[i % ms.length]!),
      ],
      floor: [...sessionStatements(sessions[0]!), enrolmentFloor],
    });
    result.budgets.push(p95Budget('municipality dashboard', result.load!.p95));
    return result;
  },
});
