import { benchEmail } from '../lib/accounts.ts';
import { municipalitiesOf, regionWithMostMunicipalities } from './regions.ts';
import { type Budget, get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/**
 * Issue 17's stimulus-fund overview at national scale. The issue sets no budget of its own: it is held
 * to the region views' 100 ms p95 (the support queue's, the region radar's).
 */
export const FUNDING_OVERVIEW_P95_BUDGET_MS = 100;

const p95Budget = (label: string, measured: number): Budget => ({
  name: `${label} p95 ≤ ${FUNDING_OVERVIEW_P95_BUDGET_MS} ms`,
  limit: FUNDING_OVERVIEW_P95_BUDGET_MS,
  measured,
  ok: measured <= FUNDING_OVERVIEW_P95_BUDGET_MS,
});

registerScenario({
  name: 'funding-overview',
  description:
    'GET /api/v1/funding-calls/{national call}/allocations as the regional coordinator of the largest region (its municipalities), as a national administrator (all 290) and as a municipal coordinator (her own row); and GET /api/v1/funding-calls',
  async run(ctx) {
    const [call] = await ctx.server.query<{ id: string }>(
      `select c.id from funding_calls c join organisations o on o.id = c.owner_organisation_id
       where o.kind = 'nation' order by c.created_at desc limit 1`,
    );
    if (!call) throw new Error('No national funding call: run npm run bench:data -- --only funding-calls');
    const region = regionWithMostMunicipalities(ctx);
    const county = region.code;
    const first = municipalitiesOf(ctx, region)[0]!;
    const [regional, admin, municipal] = await ctx.sessions([
      benchEmail.regional(county),
      benchEmail.admin(),
      benchEmail.coordinator(first.code),
    ]);
    const overview = `/api/v1/funding-calls/${call.id}/allocations`;
    const result = await runHttpScenario(ctx, {
      name: 'funding-overview',
      description: this.description,
      read: false,
      list: true,
      requestsFor: () => [
        get(overview, regional!),
        get(overview, admin!),
        get(overview, municipal!),
        get('/api/v1/funding-calls', regional!),
      ],
      floor: [
        ...sessionStatements(admin!),
        {
          text: `select a.municipality_id, m.code, m.name, a.key_value, a.allocated_sek, a.requisitioned_sek,
                        a.requisitioned_at, a.reported_at, coalesce(u.used, 0) as used
                 from funding_allocations a join organisations m on m.id = a.municipality_id
                 left join (select recipient_municipality_id as mid, sum(used_sek) as used
                            from initiative_funding where funding_call_id = $1 group by 1) u on u.mid = a.municipality_id
                 where a.call_id = $1 order by m.code`,
          params: [call.id],
        },
      ],
      notes: [`Region ${county}; national call ${call.id}.`],
    });
    result.budgets.push(p95Budget('funding overview', result.load!.p95));
    return result;
  },
});
