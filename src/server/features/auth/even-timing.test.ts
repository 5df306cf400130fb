import { describe, expect, it } from 'vitest';
import { takingAtLeast } from './even-timing.ts';

describe('takingAtLeast', () => {
  it('answers quick work no sooner than the floor, and passes its result on', async () => {
    const started = performance.now();
    expect(await takingAtLeast(60, async () => 'done')).toBe('done');
    expect(performance.now() - started).toBeGreaterThanOrEqual(59);
  });

  it('holds a failure back just as long', async () => {
    const started = performance.now();
    await expect(
      takingAtLeast(60, async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(performance.now() - started).toBeGreaterThanOrEqual(59);
  });
});
