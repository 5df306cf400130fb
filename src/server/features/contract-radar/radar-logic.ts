import type { DecisionKind } from '../../../shared/contracts/contract-radar.ts';
import { addMonths } from '../../../shared/contracts/supplier-contracts.ts';

/**
 * The radar's rules, kept free of the database so that each edge case is a unit test: a contract's next
 * decision, the windows in which contracts end together, the municipalities that plan a technology
 * without a contract for it, and which alert is due.
 */

export interface ExtensionOption {
  decideBy: string;
  /** open, exercised, declined. */
  status: string;
}

/** An option as the repository gives it: `decide_by:status`. */
export function parseOption(s: string): ExtensionOption {
  const at = s.indexOf(':');
  return { decideBy: s.slice(0, at), status: s.slice(at + 1) };
}

export interface DecisionInput {
  endsOn: string;
  noticeMonths: number | null;
  extensions: readonly ExtensionOption[];
}

export interface Decision {
  on: string;
  kind: DecisionKind;
  /** Open options whose decision date has not passed. */
  extensionsRemaining: number;
}

/**
 * The next decision: the earliest option still open whose decision date has not passed (one whose date
 * passed without a decision can no longer be used); with none, the last day to give notice — the end
 * minus the notice period, the end itself without one. That day may have passed: the radar shows it.
 */
export function nextDecision(c: DecisionInput, today: string): Decision {
  const open = c.extensions
    .filter((e) => e.status === 'open' && e.decideBy >= today)
    .map((e) => e.decideBy)
    .sort();
  if (open.length > 0) return { on: open[0]!, kind: 'extension', extensionsRemaining: open.length };
  return { on: addMonths(c.endsOn, -(c.noticeMonths ?? 0)), kind: 'notice', extensionsRemaining: 0 };
}

export interface Ending {
  municipalityId: string;
  endsOn: string;
}

export interface EndingWindow {
  from: string;
  to: string;
  municipalityIds: string[];
}

/**
 * Windows in which contracts of two or more municipalities end, for one technology in one region or
 * association. A window starts at the earliest end not yet placed and takes every contract ending
 * within `months` of it (inclusive: exactly 18 months counts), so max(end) − min(end) ≤ 18 months and
 * the same data always gives the same windows. A start that gathers only one municipality moves on to
 * the next end; a window that forms takes its contracts with it.
 */
export function endingWindows(endings: readonly Ending[], months: number): EndingWindow[] {
  const sorted = [...endings].sort(
    (a, b) => a.endsOn.localeCompare(b.endsOn) || a.municipalityId.localeCompare(b.municipalityId),
  );
  const out: EndingWindow[] = [];
  let i = 0;
  while (i < sorted.length) {
    const limit = addMonths(sorted[i]!.endsOn, months);
    let j = i;
    while (j < sorted.length && sorted[j]!.endsOn <= limit) j++;
    const inWindow = sorted.slice(i, j);
    const municipalityIds = [...new Set(inWindow.map((e) => e.municipalityId))];
    if (municipalityIds.length >= 2) {
      out.push({ from: inWindow[0]!.endsOn, to: inWindow.at(-1)!.endsOn, municipalityIds });
      i = j;
    } else {
      i++;
    }
  }
  return out;
}

/**
 * Municipalities of a group that plan (or pilot) a technology and have no contract for it that has not
 * ended: an opportunity when there are two or more of them.
 */
export function plannedWithoutContract(
  planning: readonly string[],
  contracted: ReadonlySet<string>,
): string[] | null {
  const without = [...new Set(planning)].filter((id) => !contracted.has(id));
  return without.length >= 2 ? without : null;
}

/**
 * The alert due today for a decision, if any: the shortest lead time (of 12, 6 and 3 months) whose day
 * has come, so that a contract entered five months before its decision gets the six-month alert and
 * not a late twelve-month one. Nothing once the decision day has passed.
 */
export function dueAlert(decisionOn: string, today: string, leadMonths: readonly number[]): number | null {
  if (decisionOn < today) return null;
  const reached = leadMonths.filter((m) => addMonths(decisionOn, -m) <= today);
  return reached.length ? Math.min(...reached) : null;
}
