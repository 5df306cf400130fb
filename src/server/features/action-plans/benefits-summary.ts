import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import { BenefitsSummary, type SummaryScopeQuery } from '../../../shared/contracts/action-plans.ts';
import { type IndicatorType, indicatorTypes } from '../../../shared/contracts/initiatives.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { cachedView, type Snapshot } from '../../lib/view-cache.ts';
import { INITIATIVE_VIEWS } from '../initiatives/initiative-views.ts';
import { resolveSummaryScope, type SummaryScope } from './summary-scope.ts';

/**
 * The units whose values can be summed across initiatives (compared trimmed and case-insensitively):
 * avoided costs in SEK per year, time saved in hours per year. Indicators in other units are counted
 * but not summed.
 */
export const SUMMABLE_UNITS = {
  avoided_cost: ['kr/år', 'sek/år', 'sek/year', 'sek per year', 'kronor/år'],
  time_saved: ['timmar/år', 'tim/år', 'h/år', 'hours/year', 'h/year'],
} as const;

export const INDICATOR_LIST_CAP = 100;

const unitIn = (units: readonly string[]) =>
  sql`lower(trim(bi.unit)) in (${sql.join(
    units.map((u) => sql`${u.toLowerCase()}`),
    sql`, `,
  )})`;

/** The change from baseline to the latest measurement in the indicator's better direction (0 if worse). */
const gain = sql`greatest(0, case when bi.direction = 'decrease' then bi.baseline_value - lm.value
                                  else lm.value - bi.baseline_value end)`;
const onTarget = sql`(bi.target_value is not null and lm.value is not null and
  case when bi.direction = 'decrease' then lm.value <= bi.target_value else lm.value >= bi.target_value end)`;

/**
 * Benefit indicators of the initiatives in scope, aggregated in SQL: per type how many, how many
 * measured and how many on target by their latest measurement; the latest measured avoided cost and
 * time saved per year; and the indicators themselves, latest measured first (up to 100 — the counts
 * cover them all).
 */
export async function benefitsSummary(
  db: Db,
  actor: Actor,
  q: SummaryScopeQuery,
): Promise<Snapshot<BenefitsSummary>> {
  const scope = await resolveSummaryScope(db, actor, q);
  return cachedView(db, `${INITIATIVE_VIEWS}benefits|${scope.key}`, BenefitsSummary, () =>
    computeSummary(db, scope),
  );
}

async function computeSummary(db: Db, scope: SummaryScope): Promise<BenefitsSummary> {
  const latest = sql`benefit_indicators bi
    join initiatives i on i.id = bi.initiative_id
    left join lateral (select m.value, m.measured_on from benefit_measurements m where m.indicator_id = bi.id
                       order by m.measured_on desc, m.created_at desc limit 1) lm on true
    where bi.initiative_id in (${scope.initiatives})`;
  const [byType, totals, list] = await Promise.all([
    queryRows<{ type: string; indicators: number; measured: number; on_target: number }>(
      db,
      sql`select bi.type, count(*)::int as indicators, count(lm.value)::int as measured,
                 count(*) filter (where ${onTarget})::int as on_target
          from ${latest} group by bi.type`,
    ),
    queryRows<{ avoided: number | string; saved: number | string }>(
      db,
      sql`select coalesce(sum(${gain}) filter (where bi.type = 'avoided_cost' and ${unitIn(SUMMABLE_UNITS.avoided_cost)}), 0)::float8 as avoided,
                 coalesce(sum(${gain}) filter (where bi.type = 'time_saved' and ${unitIn(SUMMABLE_UNITS.time_saved)}), 0)::float8 as saved
          from ${latest} and lm.value is not null`,
    ),
    queryRows<{
      id: string;
      initiative_id: string;
      initiative_title: string;
      name: string;
      type: string;
      unit: string;
      baseline_value: number;
      target_value: number | null;
      latest_value: number | null;
      latest_on: string | null;
    }>(
      db,
      sql`select bi.id, bi.initiative_id, i.title as initiative_title, bi.name, bi.type, bi.unit,
                 bi.baseline_value, bi.target_value, lm.value as latest_value, lm.measured_on::text as latest_on
          from ${latest}
          order by lm.measured_on desc nulls last, bi.created_at desc, bi.id
          limit ${INDICATOR_LIST_CAP}`,
    ),
  ]);
  const counts = new Map(byType.map((r) => [r.type, r]));
  return {
    scope: { kind: scope.kind, name: scope.name },
    byType: indicatorTypes.map((type) => ({
      type,
      indicators: counts.get(type)?.indicators ?? 0,
      withMeasurement: counts.get(type)?.measured ?? 0,
      onTarget: counts.get(type)?.on_target ?? 0,
    })),
    avoidedCostSekPerYear: Number(totals[0]?.avoided ?? 0),
    timeSavedHoursPerYear: Number(totals[0]?.saved ?? 0),
    indicators: list.map((r) => ({
      id: r.id,
      initiativeId: r.initiative_id,
      initiativeTitle: r.initiative_title,
      name: r.name,
      type: r.type as IndicatorType,
      unit: r.unit,
      baselineValue: Number(r.baseline_value),
      targetValue: r.target_value === null ? null : Number(r.target_value),
      latestValue: r.latest_value === null ? null : Number(r.latest_value),
      latestOn: r.latest_on,
    })),
  };
}
