import type { Municipality } from '../../../shared/contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { cachedValue } from '../../lib/view-cache.ts';
import { swedishToday } from '../action-plans/plan-history.ts';
import { listTechnologies, type TechnologyRow } from '../mapping/technologies.repo.ts';
import { listMunicipalities } from '../organisations/organisations.service.ts';
import * as repo from './national-figures.repo.ts';

/** Key prefix of every dashboard view in the per-process view cache (ADR 9). */
export const DASHBOARD_VIEWS = 'dashboards|';

export interface Adoption {
  status: string;
  usersServed: number | null;
  eligibleUsers: number | null;
}

/** What one municipality contributes to every figure. */
export interface MunicipalityFigures {
  /** By technology id. */
  adoption: Map<string, Adoption>;
  /** In operation at the end of each quarter, by `YYYY-Qn`. */
  trend: Map<string, number>;
  /** By programme id. */
  programmes: Map<string, { name: string; enrolled: number; completed: number }>;
  /** Completions by `YYYY-MM`. */
  completions: Map<string, number>;
  initiatives: { phase: string; status: string; n: number }[];
  fundingGrantedSek: number;
  avoidedCostSekPerYear: number;
  timeSavedHoursPerYear: number;
}

export interface NationalFigures {
  technologies: TechnologyRow[];
  /** In Swedish alphabetical order. */
  municipalities: Municipality[];
  quarters: string[];
  months: string[];
  of: (municipalityId: string) => MunicipalityFigures;
  /**
   * A value derived from these figures (an area's sums, a group's means), computed once and kept as
   * long as the figures themselves: it is never older than they are.
   */
  derived: <T>(key: string, compute: () => T) => T;
}

/** The last `n` calendar months in Sweden, oldest first, as `YYYY-MM`. */
function lastMonths(n: number): string[] {
  const [y, m] = swedishToday().split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

const empty = (): MunicipalityFigures => ({
  adoption: new Map(),
  trend: new Map(),
  programmes: new Map(),
  completions: new Map(),
  initiatives: [],
  fundingGrantedSek: 0,
  avoidedCostSekPerYear: 0,
  timeSavedHoursPerYear: 0,
});

/**
 * Every municipality's figures, read once per process and minute (ADR 9) and shared by all dashboards:
 * a region's, an association's and the country's are sums over their municipalities, and a
 * municipality's comparison is means over groups of them. Who may see which scope is decided per
 * request before this is read; nothing in here is named beyond municipalities and programmes.
 */
export function nationalFigures(db: Db): Promise<NationalFigures> {
  return cachedValue(db, `${DASHBOARD_VIEWS}national`, () => loadNationalFigures(db));
}

async function loadNationalFigures(db: Db): Promise<NationalFigures> {
  // Independent reads in parallel: on PostgreSQL each takes its own pooled connection.
  const [technologies, municipalities, adoption, trend, learning, completions, initiatives, money] =
    await Promise.all([
      listTechnologies(db),
      listMunicipalities(db),
      repo.adoptionRows(db),
      repo.adoptionTrendRows(db),
      repo.learningRows(db),
      repo.completionRows(db),
      repo.initiativeRows(db),
      repo.fundingBenefitRows(db),
    ]);
  const byId = new Map<string, MunicipalityFigures>();
  const get = (id: string) => {
    let f = byId.get(id);
    if (!f) {
      f = empty();
      byId.set(id, f);
    }
    return f;
  };
  for (const r of adoption)
    get(r.municipality_id).adoption.set(r.technology_id, {
      status: r.status,
      usersServed: r.users_served,
      eligibleUsers: r.eligible_users,
    });
  const quarters: string[] = [];
  for (const r of trend) {
    if (!quarters.includes(r.quarter)) quarters.push(r.quarter);
    if (r.municipality_id) get(r.municipality_id).trend.set(r.quarter, r.in_operation);
  }
  const months = lastMonths(12);
  for (const r of learning)
    get(r.municipality_id).programmes.set(r.programme_id, {
      name: r.programme_name,
      enrolled: r.enrolled,
      completed: r.completed,
    });
  for (const r of completions)
    if (months.includes(r.month)) get(r.municipality_id).completions.set(r.month, r.completed);
  for (const r of initiatives) get(r.municipality_id).initiatives.push(r);
  for (const r of money) {
    const f = get(r.municipality_id);
    f.fundingGrantedSek = Number(r.granted);
    f.avoidedCostSekPerYear = Number(r.avoided);
    f.timeSavedHoursPerYear = Number(r.saved);
  }
  const none = empty();
  const memo = new Map<string, unknown>();
  return {
    technologies,
    municipalities,
    quarters,
    months,
    of: (id) => byId.get(id) ?? none,
    derived: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}
