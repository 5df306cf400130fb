import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder } from './allocation-key.ts';

describe('largestRemainder', () => {
  it('shares a total so that the shares sum to it exactly, leftover kronor to the largest remainders', () => {
    // 100 by 1:1:1 is 33.33 each; the one krona left goes to the first of the equal remainders.
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 10 by 2:3:5 divides evenly.
    expect(largestRemainder(10, [2, 3, 5])).toEqual([2, 3, 5]);
    // 7 by 1:2 is 2.33 and 4.67: the larger remainder (0.67) takes the extra krona.
    expect(largestRemainder(7, [1, 2])).toEqual([2, 5]);
  });

  it('gives nothing when every weight is zero, and nothing to a zero weight', () => {
    expect(largestRemainder(1000, [0, 0])).toEqual([0, 0]);
    expect(largestRemainder(1000, [0, 3])).toEqual([0, 1000]);
  });

  it('stays exact for a national grant over 290 municipalities (past 2^53 in the products)', () => {
    const weights = Array.from({ length: 290 }, (_, i) => 400 + ((i * 7919) % 90_000));
    const shares = largestRemainder(987_654_321_017, weights);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(987_654_321_017);
  });

  it('always sums to the total and never moves a share more than one krona from its exact value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 }),
        (total, weights) => {
          const shares = largestRemainder(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          if (sum === 0) return shares.every((s) => s === 0);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((s, i) => {
            expect(Math.abs(s - (total * weights[i]!) / sum)).toBeLessThan(1 + 1e-6);
          });
          return true;
        },
      ),
    );
  });
});
