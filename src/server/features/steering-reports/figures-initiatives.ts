import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import type { SummaryScopeQuery } from '../../../shared/contracts/action-plans.ts';
import {
  fundingSources,
  initiativePhases,
  initiativeStatuses,
} from '../../../shared/contracts/initiatives.ts';
import type { InitiativeFigures } from '../../../shared/contracts/steering-reports.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { benefitsSummary } from '../action-plans/benefits-summary.ts';
import { fundingTotals } from '../action-plans/funding-totals.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';
import type { Period } from './figures-learning.ts';
import type { ReportArea } from './report-area.ts';

/** Counts of one dimension in the order of its scale (an unknown value last). */
function inOrder<R extends { dim: string; key: string }>(rows: R[], dim: string, scale: readonly string[]) {
  const rank = (k: string) => (scale.includes(k) ? scale.indexOf(k) : scale.length);
  return rows.filter((r) => r.dim === dim).sort((a, b) => rank(a.key) - rank(b.key));
}

/** The plan's list in the report stops here; the counts by status and phase cover every item. */
const ITEM_CAP = 100;

/**
 * The owner's rolling plans valid some time in the period (the steering group's own first), their
 * current initiatives counted by status and phase and listed by priority; the funding of the area's
 * initiatives for the period's years by source, and the benefits achieved — from the same SQL
 * aggregates as the regional funding and benefits summaries.
 */
export async function initiativeFigures(
  db: Db,
  actor: Actor,
  area: ReportArea,
  period: Period,
  networkId: string | null,
): Promise<InitiativeFigures> {
  const plans = await queryRows<{ id: string; title: string }>(
    db,
    sql`select id, title from action_plans
        where owner_organisation_id = ${area.owner.id}
          and period_start <= ${period.to}::date and period_end >= ${period.from}::date
        order by (steering_group_id is not distinct from ${networkId}::uuid) desc, period_start desc, title`,
  );
  const planIds = uuidArray(plans.map((p) => p.id));
  const current = sql`action_plan_items it join initiatives i on i.id = it.initiative_id
                      where it.plan_id = any(${planIds}) and it.valid_to is null`;
  const scope: SummaryScopeQuery =
    area.owner.kind === 'region' ? { region: area.owner.code ?? '' } : { association: area.owner.id };
  const [counts, items, funding, benefits] = await Promise.all([
    queryRows<{ dim: 'status' | 'phase'; key: string; n: number }>(
      db,
      sql`with inits as (select distinct i.id, i.status, i.phase from ${current})
          select 'status' as dim, status as key, count(*)::int as n from inits group by status
          union all
          select 'phase', phase, count(*)::int from inits group by phase`,
    ),
    queryRows<{ plan_id: string; priority: number; title: string; status: string; phase: string }>(
      db,
      sql`select it.plan_id, it.priority, i.title, i.status, i.phase from ${current}
          order by array_position(${planIds}, it.plan_id), it.priority limit ${ITEM_CAP}`,
    ),
    fundingTotals(db, actor, scope),
    benefitsSummary(db, actor, scope),
  ]);
  const fromYear = Number(period.from.slice(0, 4));
  const toYear = Number(period.to.slice(0, 4));
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const zero = () => ({ appliedSek: 0, grantedSek: 0, usedSek: 0 });
  const bySource = new Map(fundingSources.map((s) => [s as string, zero()]));
  const total = zero();
  for (const r of funding.value.bySourceYear) {
    if (r.year < fromYear || r.year > toYear) continue;
    const s = bySource.get(r.source)!;
    for (const k of ['appliedSek', 'grantedSek', 'usedSek'] as const) {
      s[k] += r[k];
      total[k] += r[k];
    }
  }
  const planTitle = new Map(plans.map((p) => [p.id, p.title]));
  return {
    plans,
    byStatus: inOrder(counts, 'status', initiativeStatuses).map((c) => ({ status: c.key, count: c.n })),
    byPhase: inOrder(counts, 'phase', initiativePhases).map((c) => ({ phase: c.key, count: c.n })),
    items: items.map((r) => ({
      plan: planTitle.get(r.plan_id) ?? '',
      priority: r.priority,
      title: r.title,
      status: r.status,
      phase: r.phase,
    })),
    funding: {
      years,
      bySource: [...bySource].map(([source, amounts]) => ({ source, ...amounts })),
      total,
    },
    benefits: {
      byType: benefits.value.byType,
      avoidedCostSekPerYear: benefits.value.avoidedCostSekPerYear,
      timeSavedHoursPerYear: benefits.value.timeSavedHoursPerYear,
    },
  };
}
