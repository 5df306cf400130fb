import { benchEmail } from '../lib/accounts.ts';
import { type Budget, get, registerScenario, runHttpScenario, sessionStatements } from './registry.ts';

/**
 * Issue 17's joint procurements list (50 nationally). The issue sets no budget of its own for it: it is
 * held to the 100 ms p95 of a region's views, as the regional coordinator of the largest region and as
 * the coordinators of the largest municipalities (each sees those it takes part in).
 */
export const PROCUREMENTS_P95_BUDGET_MS = 100;

registerScenario({
  name: 'procurements-list',
  description:
    'GET /api/v1/procurements (first 50) and ?side=participant, as the largest region’s regional coordinator and the largest municipalities’ coordinators',
  async run(ctx) {
    const biggest = ctx.municipalities[0]!;
    const region = ctx.regions.find((r) => r.id === biggest.regionId)!;
    const ms = ctx.municipalities.slice(0, Math.max(1, Math.min(ctx.connections, ctx.municipalities.length)));
    const sessions = await ctx.sessions([
      benchEmail.regional(region.code),
      ...ms.map((m) => benchEmail.coordinator(m.code)),
    ]);
    const result = await runHttpScenario(ctx, {
      name: 'procurements-list',
      description: this.description,
      read: false,
      list: true,
      requestsFor: (i) => {
        const s = sessions[i % sessions.length]!;
        return [get('/api/v1/procurements', s), get('/api/v1/procurements?side=participant', s)];
      },
      floor: [
        ...sessionStatements(sessions[0]!),
        {
          text: `select p.id, p.title, p.phase, p.status,
                   (select count(*)::int from procurement_participants c where c.procurement_id = p.id)
                 from procurements p join organisations l on l.id = p.lead_organisation_id
                 where p.lead_organisation_id = $1 or l.parent_id = $1
                    or exists (select 1 from procurement_participants pp join organisations m on m.id = pp.municipality_id
                               where pp.procurement_id = p.id and (pp.municipality_id = $1 or m.parent_id = $1))
                 order by p.updated_at desc, p.id desc limit 51`,
          params: [region.id],
        },
      ],
    });
    const measured = result.load!.p95;
    const budget: Budget = {
      name: `procurements list p95 ≤ ${PROCUREMENTS_P95_BUDGET_MS} ms`,
      limit: PROCUREMENTS_P95_BUDGET_MS,
      measured,
      ok: measured <= PROCUREMENTS_P95_BUDGET_MS,
    };
    result.budgets.push(budget);
    return result;
  },
});
