import { type PeopleCount, SMALL_COUNT_THRESHOLD } from '../../../shared/contracts/open-data.ts';

/**
 * Small-count suppression for open data (ADR 11). Counts are worked on as mutable cells that keep the
 * true value until `publish` turns them into what leaves the server.
 */
export interface Cell {
  raw: number | null;
  suppressed: boolean;
}

const isSmall = (n: number) => n > 0 && n < SMALL_COUNT_THRESHOLD;

/** Primary suppression: 1–4 people are withheld; 0 identifies no one and null (not reported) stays null. */
export function cell(raw: number | null): Cell {
  return { raw, suppressed: raw !== null && isSmall(raw) };
}

/**
 * A part and its total published side by side (completions of participants, users served of eligible
 * users): total − part is a count of people too, so a part is withheld when that difference is 1–4, and
 * whenever the total is withheld (a part shown beside a withheld total narrows the total down).
 */
export function protectPart(part: Cell, total: Cell): void {
  if (part.raw === null || part.suppressed) return;
  if (total.suppressed) {
    part.suppressed = true;
    return;
  }
  if (total.raw !== null && isSmall(total.raw - part.raw)) part.suppressed = true;
}

/**
 * Cells that add up to a total: the total minus the shown cells must not give away a withheld one.
 * While exactly one cell with people in it is withheld, or the withheld ones add up to fewer than the
 * threshold, the smallest shown cell is withheld as well (the total itself when none is left). A
 * withheld total must not be the plain sum of shown cells either — zeros included, since "0 of a few
 * completed" says something about each of those few — so then one shown cell is withheld.
 */
export function protectGroup(cells: Cell[], total: Cell): void {
  for (;;) {
    const hidden = cells.filter((c) => c.suppressed && (c.raw ?? 0) > 0);
    const hiddenSum = hidden.reduce((s, c) => s + (c.raw ?? 0), 0);
    const exposed = total.suppressed
      ? total.raw !== null && !cells.some((c) => c.suppressed)
      : hidden.length === 1 || (hidden.length > 1 && hiddenSum < SMALL_COUNT_THRESHOLD);
    if (!exposed) return;
    const next = cells
      .filter((c) => !c.suppressed && c.raw !== null && (total.suppressed || c.raw > 0))
      .sort((a, b) => (a.raw ?? 0) - (b.raw ?? 0))[0];
    if (next) next.suppressed = true;
    else if (!total.suppressed) total.suppressed = true;
    else return;
  }
}

export function publish(c: Cell): PeopleCount {
  return c.suppressed ? { value: null, suppressed: true } : { value: c.raw, suppressed: false };
}
