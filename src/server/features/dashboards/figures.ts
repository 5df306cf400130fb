import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  AdoptionFigures,
  ComparableFigures,
  InitiativeFigures,
  LearningFigures,
} from '../../../shared/contracts/dashboards.ts';
import {
  type InitiativePhase,
  type InitiativeStatus,
  initiativePhases,
  initiativeStatuses,
} from '../../../shared/contracts/initiatives.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { shareUsed } from '../mapping/technologies.service.ts';
import type { Adoption, MunicipalityFigures, NationalFigures } from './national-figures.ts';

/** Both numbers are needed for a use rate: a record with one of them says nothing about use. */
const counted = (a: Adoption) =>
  a.status === 'in_operation' && a.usersServed !== null && a.eligibleUsers !== null && a.eligibleUsers > 0;

/** Adoption in a set of municipalities: per technology, in total, and in operation per quarter. */
export function adoptionOf(nf: NationalFigures, ids: readonly string[], lang: UiLanguage): AdoptionFigures {
  const figures = ids.map((id) => nf.of(id));
  const byTechnology = nf.technologies.map((t) => {
    const records = figures.map((f) => f.adoption.get(t.id)).filter((a): a is Adoption => !!a);
    const used = records.filter(counted);
    return {
      key: t.key,
      name: lang === 'en' ? t.nameEn : t.nameSv,
      inOperation: records.filter((a) => a.status === 'in_operation').length,
      piloting: records.filter((a) => a.status === 'piloting').length,
      planned: records.filter((a) => a.status === 'planned').length,
      usersServed: used.reduce((s, a) => s + (a.usersServed ?? 0), 0),
      eligibleUsers: used.reduce((s, a) => s + (a.eligibleUsers ?? 0), 0),
    };
  });
  return {
    municipalities: ids.length,
    reporting: figures.filter((f) => f.adoption.size > 0).length,
    inOperation: byTechnology.reduce((s, t) => s + t.inOperation, 0),
    usersServed: byTechnology.reduce((s, t) => s + t.usersServed, 0),
    eligibleUsers: byTechnology.reduce((s, t) => s + t.eligibleUsers, 0),
    byTechnology,
    trend: nf.quarters.map((quarter) => ({
      quarter,
      inOperation: figures.reduce((s, f) => s + (f.trend.get(quarter) ?? 0), 0),
    })),
  };
}

/** Programme participation in a set of municipalities, largest programmes first. */
export function learningOf(nf: NationalFigures, ids: readonly string[]): LearningFigures {
  const programmes = new Map<string, { id: string; name: string; enrolled: number; completed: number }>();
  for (const id of ids)
    for (const [pid, p] of nf.of(id).programmes) {
      const sum = programmes.get(pid) ?? { id: pid, name: p.name, enrolled: 0, completed: 0 };
      sum.enrolled += p.enrolled;
      sum.completed += p.completed;
      programmes.set(pid, sum);
    }
  const list = [...programmes.values()].sort(
    (a, b) => b.enrolled - a.enrolled || swedishCollator.compare(a.name, b.name),
  );
  return {
    enrolled: list.reduce((s, p) => s + p.enrolled, 0),
    completed: list.reduce((s, p) => s + p.completed, 0),
    programmes: list,
    completionsByMonth: nf.months.map((month) => ({
      month,
      completed: ids.reduce((s, id) => s + (nf.of(id).completions.get(month) ?? 0), 0),
    })),
  };
}

/** Counts per phase and status (every combination, zeros included, in the lists' order). */
export function phaseStatusOf(
  rows: readonly { phase: string; status: string; n: number }[],
): InitiativeFigures {
  const counts = new Map<string, number>();
  for (const r of rows)
    counts.set(`${r.phase}|${r.status}`, (counts.get(`${r.phase}|${r.status}`) ?? 0) + r.n);
  const byPhaseStatus = initiativePhases.flatMap((phase: InitiativePhase) =>
    initiativeStatuses.map((status: InitiativeStatus) => ({
      phase,
      status,
      count: counts.get(`${phase}|${status}`) ?? 0,
    })),
  );
  return { total: byPhaseStatus.reduce((s, r) => s + r.count, 0), byPhaseStatus };
}

const initiativeCount = (f: MunicipalityFigures) => f.initiatives.reduce((s, r) => s + r.n, 0);

/** One municipality's comparable figures. */
export function comparableOf(f: MunicipalityFigures): ComparableFigures {
  const used = [...f.adoption.values()].filter(counted);
  const served = used.reduce((s, a) => s + (a.usersServed ?? 0), 0);
  const eligible = used.reduce((s, a) => s + (a.eligibleUsers ?? 0), 0);
  const enrolled = [...f.programmes.values()].reduce((s, p) => s + p.enrolled, 0);
  const completed = [...f.programmes.values()].reduce((s, p) => s + p.completed, 0);
  return {
    technologiesInOperation: [...f.adoption.values()].filter((a) => a.status === 'in_operation').length,
    useRate: shareUsed(served, eligible),
    programmeParticipants: enrolled,
    completionRate: enrolled ? Math.round((completed / enrolled) * 1000) / 1000 : null,
    initiatives: initiativeCount(f),
    fundingGrantedSek: f.fundingGrantedSek,
    avoidedCostSekPerYear: f.avoidedCostSekPerYear,
    timeSavedHoursPerYear: f.timeSavedHoursPerYear,
  };
}

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : 0;

/**
 * A group's figures as the mean per municipality; rates are pooled (all users served ÷ all eligible),
 * so a small municipality does not weigh as much as a large one.
 */
export function groupComparable(nf: NationalFigures, ids: readonly string[]): ComparableFigures {
  const fs = ids.map((id) => nf.of(id));
  const own = fs.map(comparableOf);
  const used = fs.flatMap((f) => [...f.adoption.values()].filter(counted));
  const enrolled = fs.reduce((s, f) => s + [...f.programmes.values()].reduce((t, p) => t + p.enrolled, 0), 0);
  const completed = fs.reduce(
    (s, f) => s + [...f.programmes.values()].reduce((t, p) => t + p.completed, 0),
    0,
  );
  return {
    technologiesInOperation: mean(own.map((o) => o.technologiesInOperation)),
    useRate: shareUsed(
      used.reduce((s, a) => s + (a.usersServed ?? 0), 0),
      used.reduce((s, a) => s + (a.eligibleUsers ?? 0), 0),
    ),
    programmeParticipants: mean(own.map((o) => o.programmeParticipants)),
    completionRate: enrolled ? Math.round((completed / enrolled) * 1000) / 1000 : null,
    initiatives: mean(own.map((o) => o.initiatives)),
    fundingGrantedSek: Math.round(mean(own.map((o) => o.fundingGrantedSek))),
    avoidedCostSekPerYear: Math.round(mean(own.map((o) => o.avoidedCostSekPerYear))),
    timeSavedHoursPerYear: mean(own.map((o) => o.timeSavedHoursPerYear)),
  };
}
