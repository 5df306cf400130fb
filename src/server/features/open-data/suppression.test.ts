import { describe, expect, it } from 'vitest';
import { cell, protectGroup, protectPart, publish } from './suppression.ts';

const shown = (cells: ReturnType<typeof cell>[]) => cells.map((c) => publish(c).value);

describe('open data suppression', () => {
  it('withholds 1–4, shows 0, 5 and more, and keeps not reported apart', () => {
    expect([0, 1, 4, 5, 120].map((n) => publish(cell(n)))).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 5, suppressed: false },
      { value: 120, suppressed: false },
    ]);
    expect(publish(cell(null))).toEqual({ value: null, suppressed: false });
  });

  it('withholds a part whose difference from its total is small, or whose total is withheld', () => {
    const cases: [number, number, boolean][] = [
      [38, 40, true],
      [35, 40, false],
      [40, 40, false],
      [0, 40, false],
      [0, 3, true],
    ];
    for (const [part, total, suppressed] of cases) {
      const p = cell(part);
      protectPart(p, cell(total));
      expect(p.suppressed, `${part} of ${total}`).toBe(suppressed);
    }
  });

  it('withholds a second cell when one small cell could be derived from the total', () => {
    const years = [cell(3), cell(6), cell(12)];
    const total = cell(21);
    protectGroup(years, total);
    expect(shown(years)).toEqual([null, null, 12]);
    expect(total.suppressed).toBe(false);
  });

  it('keeps withholding until the hidden cells add up to at least the threshold', () => {
    const years = [cell(1), cell(1), cell(6), cell(9)];
    protectGroup(years, cell(17));
    expect(shown(years)).toEqual([null, null, null, 9]);
  });

  it('withholds the total when no cell is left to hide', () => {
    // One small year beside a zero: the total (3) is the small year itself.
    const years = [cell(3), cell(0)];
    const total = { raw: 3, suppressed: false };
    protectGroup(years, total);
    expect(shown(years)).toEqual([null, 0]);
    expect(total.suppressed).toBe(true);
  });

  it('does not leave a withheld total as the sum of shown cells', () => {
    const years = [cell(6), cell(9)];
    const total = cell(15);
    total.suppressed = true;
    protectGroup(years, total);
    expect(shown(years)).toEqual([null, 9]);
    // "None of the few completed" is withheld too: a zero beside a withheld total is hidden.
    const none = [cell(0)];
    const few = { raw: 0, suppressed: true };
    protectGroup(none, few);
    expect(publish(none[0]!)).toEqual({ value: null, suppressed: true });
  });
});
