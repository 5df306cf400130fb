import { describe, expect, it } from 'vitest';
import { median, workingDaysBetween } from './support-report.ts';

describe('response time in working days', () => {
  const at = (iso: string) => new Date(iso);

  it('counts an answer the same day as 0 and the next working day as 1', () => {
    expect(workingDaysBetween(at('2026-12-07T08:00:00Z'), at('2026-12-07T16:00:00Z'))).toBe(0);
    expect(workingDaysBetween(at('2026-12-07T16:00:00Z'), at('2026-12-08T07:00:00Z'))).toBe(1);
  });

  it('skips the weekend: Friday to Monday is one working day', () => {
    expect(workingDaysBetween(at('2026-12-11T10:00:00Z'), at('2026-12-14T10:00:00Z'))).toBe(1);
    expect(workingDaysBetween(at('2026-12-12T10:00:00Z'), at('2026-12-13T10:00:00Z'))).toBe(0);
    expect(workingDaysBetween(at('2026-12-07T10:00:00Z'), at('2026-12-21T10:00:00Z'))).toBe(10);
  });
});

describe('median', () => {
  it('is the middle value, the mean of the two middle ones, or null for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
