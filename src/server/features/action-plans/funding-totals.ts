import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import { FundingTotals, type SummaryScopeQuery } from '../../../shared/contracts/action-plans.ts';
import type { FundingSource } from '../../../shared/contracts/initiatives.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { cachedView, type Snapshot } from '../../lib/view-cache.ts';
import { INITIATIVE_VIEWS } from '../initiatives/initiative-views.ts';
import { resolveSummaryScope, type SummaryScope } from './summary-scope.ts';

interface AmountRow {
  applied: string | number;
  granted: string | number;
  used: string | number;
}
const amounts = (r: AmountRow) => ({
  appliedSek: Number(r.applied),
  grantedSek: Number(r.granted),
  usedSek: Number(r.used),
});
const sums = sql`coalesce(sum(f.applied_sek), 0)::float8 as applied, coalesce(sum(f.granted_sek), 0)::float8 as granted,
                 coalesce(sum(f.used_sek), 0)::float8 as used`;

/**
 * Funding of the initiatives in scope, summed in SQL by source and year, by taking-part municipality
 * (its participants, and the owner when it is a municipality or one of its units; an initiative with
 * several municipalities counts in full for each, with the stimulus funds granted shown apart so they
 * can be coordinated) and in total.
 */
export async function fundingTotals(
  db: Db,
  actor: Actor,
  q: SummaryScopeQuery,
): Promise<Snapshot<FundingTotals>> {
  const scope = await resolveSummaryScope(db, actor, q);
  return cachedView(db, `${INITIATIVE_VIEWS}funding|${scope.key}`, FundingTotals, () =>
    computeTotals(db, scope),
  );
}

async function computeTotals(db: Db, scope: SummaryScope): Promise<FundingTotals> {
  const inScope = sql`f.initiative_id in (${scope.initiatives})`;
  const [bySourceYear, byMunicipality, totals] = await Promise.all([
    queryRows<AmountRow & { source: string; year: number }>(
      db,
      sql`select f.source, f.year::int as year, ${sums} from initiative_funding f where ${inScope}
          group by f.source, f.year order by f.year, f.source`,
    ),
    queryRows<AmountRow & { code: string; name: string; stimulus: string | number }>(
      db,
      sql`with taking_part as (
            select im.initiative_id, im.municipality_id from initiative_municipalities im
            where im.initiative_id in (${scope.initiatives})
            union
            select i.id, case when o.kind = 'municipality' then o.id else o.parent_id end
            from initiatives i join organisations o on o.id = i.owner_organisation_id
            where i.id in (${scope.initiatives}) and o.kind in ('municipality', 'unit')
          )
          select m.code, m.name, ${sums},
                 coalesce(sum(f.granted_sek) filter (where f.source = 'stimulus'), 0)::float8 as stimulus
          from taking_part tp
          join organisations m on m.id = tp.municipality_id
          join initiative_funding f on f.initiative_id = tp.initiative_id
          group by m.code, m.name order by m.code`,
    ),
    queryRows<AmountRow & { initiatives: number }>(
      db,
      sql`select ${sums}, (select count(*)::int from (${scope.initiatives}) s) as initiatives
          from initiative_funding f where ${inScope}`,
    ),
  ]);
  const total = totals[0]!;
  return {
    scope: { kind: scope.kind, name: scope.name },
    bySourceYear: bySourceYear.map((r) => ({
      source: r.source as FundingSource,
      year: r.year,
      ...amounts(r),
    })),
    byMunicipality: byMunicipality.map((r) => ({
      code: r.code,
      name: r.name,
      ...amounts(r),
      stimulusGrantedSek: Number(r.stimulus),
    })),
    total: amounts(total),
    initiativeCount: total.initiatives,
  };
}
