import type { Actor } from '../../../shared/access/index.ts';
import type { SummaryScopeQuery } from '../../../shared/contracts/action-plans.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { Dashboard, FundingFigures } from '../../../shared/contracts/dashboards.ts';
import { fundingSources } from '../../../shared/contracts/initiatives.ts';
import type { Db } from '../../db/client.ts';
import { cachedValue } from '../../lib/view-cache.ts';
import { benefitsSummary } from '../action-plans/benefits-summary.ts';
import { fundingTotals } from '../action-plans/funding-totals.ts';
import { resolveSummaryScope } from '../action-plans/summary-scope.ts';
import { resolveDashboardScope } from './dashboard-scope.ts';
import { adoptionOf, learningOf, phaseStatusOf } from './figures.ts';
import { scopeMaturity } from './maturity.ts';
import { DASHBOARD_VIEWS, nationalFigures } from './national-figures.ts';
import { benefitsByYear, initiativesByPhaseStatus } from './scope-figures.repo.ts';

/**
 * The dashboard of a region, an association or the country. Each figure family comes from a per-process
 * view (ADR 9), so a request costs no SQL beyond the session once the views are warm: adoption and
 * learning are summed from the national per-municipality figures; initiatives, funding and benefits
 * are read once per area (the funding totals and benefits summary themselves, plus phases and benefit
 * years); maturity is the rounds' own results views, whose rules decide per request what this caller
 * may see. Everything is at most a minute old (the documented staleness).
 */
export async function scopeDashboard(
  db: Db,
  actor: Actor,
  code: string,
  lang: UiLanguage,
): Promise<Dashboard> {
  const target = await resolveDashboardScope(db, actor, code);
  const [nf, money, maturity] = await Promise.all([
    nationalFigures(db),
    // Who may read it was decided above: `dashboard.read` and `initiative.read` are held by the same
    // roles, so the figures of an area are the same for everyone who may see them.
    cachedValue(db, `${DASHBOARD_VIEWS}initiatives|${target.scope.id}`, () =>
      initiativeFigures(db, actor, target.summary),
    ),
    scopeMaturity(
      db,
      actor,
      target.scope.id,
      target.scope.kind === 'nation' ? null : target.municipalityIds,
      lang,
    ),
  ]);
  return {
    scope: target.scope,
    ...nf.derived(`${target.scope.id}|${lang}`, () => ({
      adoption: adoptionOf(nf, target.municipalityIds, lang),
      learning: learningOf(nf, target.municipalityIds),
    })),
    maturity,
    ...money,
  };
}

async function initiativeFigures(
  db: Db,
  actor: Actor,
  q: SummaryScopeQuery,
): Promise<Pick<Dashboard, 'initiatives' | 'funding' | 'benefits'>> {
  const scope = await resolveSummaryScope(db, actor, q);
  const [funding, benefits, phaseRows, yearRows] = await Promise.all([
    fundingTotals(db, actor, q),
    benefitsSummary(db, actor, q),
    initiativesByPhaseStatus(db, scope.initiatives),
    benefitsByYear(db, scope.initiatives),
  ]);
  const summary = benefits.value;
  return {
    initiatives: phaseStatusOf(phaseRows),
    funding: fundingBySource(funding.value.bySourceYear, funding.value.total),
    benefits: {
      indicators: summary.byType.reduce((s, t) => s + t.indicators, 0),
      measured: summary.byType.reduce((s, t) => s + t.withMeasurement, 0),
      avoidedCostSekPerYear: summary.avoidedCostSekPerYear,
      timeSavedHoursPerYear: summary.timeSavedHoursPerYear,
      byYear: yearRows.map((r) => ({
        year: r.year,
        measurements: r.measurements,
        avoidedCostSekPerYear: Number(r.avoided),
        timeSavedHoursPerYear: Number(r.saved),
      })),
    },
  };
}

/** The funding totals' rows by source and year, summed by source (every source listed, zeros included). */
function fundingBySource(
  rows: { source: string; appliedSek: number; grantedSek: number; usedSek: number }[],
  total: FundingFigures['total'],
): FundingFigures {
  return {
    bySource: fundingSources.map((source) => {
      const mine = rows.filter((r) => r.source === source);
      return {
        source,
        appliedSek: mine.reduce((s, r) => s + r.appliedSek, 0),
        grantedSek: mine.reduce((s, r) => s + r.grantedSek, 0),
        usedSek: mine.reduce((s, r) => s + r.usedSek, 0),
      };
    }),
    total,
  };
}
