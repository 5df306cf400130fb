import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client.ts';
import { cachedProgrammeReport, forgetProgrammeReports, type ReportSnapshot } from './report-cache.ts';

const report = (n: number) => ({ json: `v${n}` }) as unknown as ReportSnapshot;

describe('programme report snapshots', () => {
  let computed = 0;
  // Caches belong to a database (lib/caches.ts); any object stands for one here.
  let db: Db;
  const compute = vi.fn(async () => report(++computed));
  beforeEach(() => {
    vi.useFakeTimers();
    computed = 0;
    db = {} as Db;
    compute.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it('computes once for concurrent readers and answers from the snapshot for a minute', async () => {
    const [a, b] = await Promise.all([
      cachedProgrammeReport(db, 'p1', 'sv|all', compute),
      cachedProgrammeReport(db, 'p1', 'sv|all', compute),
    ]);
    expect(a).toBe(b);
    expect(compute).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(59_000);
    expect((await cachedProgrammeReport(db, 'p1', 'sv|all', compute)).json).toBe('v1');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps slices apart', async () => {
    await cachedProgrammeReport(db, 'p2', 'sv|all', compute);
    const slice = await cachedProgrammeReport(db, 'p2', 'sv|m1', compute);
    expect(slice.json).toBe('v2');
  });

  it('answers a stale snapshot at once while one refresh runs, then the new one', async () => {
    await cachedProgrammeReport(db, 'p3', 'sv|all', compute);
    vi.advanceTimersByTime(61_000);
    expect((await cachedProgrammeReport(db, 'p3', 'sv|all', compute)).json).toBe('v1');
    // The refresh's continuations (storing the new snapshot) run before the next tick.
    await new Promise((resolve) => process.nextTick(resolve));
    expect((await cachedProgrammeReport(db, 'p3', 'sv|all', compute)).json).toBe('v2');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('waits for a new report when the snapshot is over 15 minutes old, or was forgotten', async () => {
    await cachedProgrammeReport(db, 'p4', 'sv|all', compute);
    vi.advanceTimersByTime(16 * 60_000);
    expect((await cachedProgrammeReport(db, 'p4', 'sv|all', compute)).json).toBe('v2');
    forgetProgrammeReports(db, 'p4');
    expect((await cachedProgrammeReport(db, 'p4', 'sv|all', compute)).json).toBe('v3');
  });

  it('does not keep a failed computation', async () => {
    const failing = vi.fn(async (): Promise<ReportSnapshot> => {
      throw new Error('database gone');
    });
    await expect(cachedProgrammeReport(db, 'p5', 'sv|all', failing)).rejects.toThrow('database gone');
    expect((await cachedProgrammeReport(db, 'p5', 'sv|all', compute)).json).toBe('v1');
  });
});
