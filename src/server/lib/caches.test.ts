import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/client.ts';
import { Cache, type CacheDrop, CacheRegistry, cachesOf } from './caches.ts';

let clock = 0;
const now = () => clock;

/** A computation the test finishes when it wants to. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  clock = 1_000_000;
});

/** Lets a finished computation's continuations (the cache storing its value) run. */
const settle = () => new Promise((resolve) => process.nextTick(resolve));

describe('a cache with a fresh time', () => {
  it('answers from the cache while fresh and computes again once it is not', async () => {
    const cache = new Cache<string>('t', { max: 10, freshMs: 60_000, now });
    const compute = vi.fn(async () => `v${compute.mock.calls.length}`);
    expect(await cache.get('k', compute)).toBe('v1');
    clock += 59_999;
    expect(await cache.get('k', compute)).toBe('v1');
    clock += 2;
    expect(await cache.get('k', compute)).toBe('v2');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('runs one computation per key for concurrent readers', async () => {
    const cache = new Cache<string>('t', { max: 10, freshMs: 60_000, now });
    const pending = deferred<string>();
    const compute = vi.fn(() => pending.promise);
    const readers = [cache.get('k', compute), cache.get('k', compute), cache.get('k', compute)];
    pending.resolve('v');
    expect(await Promise.all(readers)).toEqual(['v', 'v', 'v']);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps no failed computation: the next reader tries again', async () => {
    const cache = new Cache<string>('t', { max: 10, freshMs: 60_000, now });
    await expect(cache.get('k', () => Promise.reject(new Error('database gone')))).rejects.toThrow(
      'database gone',
    );
    expect(await cache.get('k', async () => 'v')).toBe('v');
  });

  it('keeps at most `max` entries, the least recently used leaving first', async () => {
    const cache = new Cache<string>('t', { max: 2, now });
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(cache.peek('a')).toBe('A');
    cache.set('c', 'C');
    expect([cache.peek('a'), cache.peek('b'), cache.peek('c')]).toEqual(['A', undefined, 'C']);
  });
});

describe('stale-while-revalidate', () => {
  const options = { max: 10, freshMs: 60_000, staleMs: 14 * 60_000, now };

  it('answers the stale value at once while one refresh runs, then the new one', async () => {
    const cache = new Cache<string>('t', options);
    await cache.get('k', async () => 'v1');
    clock += 61_000;
    const refresh = deferred<string>();
    const compute = vi.fn(() => refresh.promise);
    expect(await cache.get('k', compute)).toBe('v1');
    expect(await cache.get('k', compute)).toBe('v1');
    expect(compute).toHaveBeenCalledTimes(1);
    refresh.resolve('v2');
    await settle();
    expect(await cache.get('k', compute)).toBe('v2');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('waits for a new value once the last one is older than fresh plus stale time', async () => {
    const cache = new Cache<string>('t', options);
    await cache.get('k', async () => 'v1');
    clock += 16 * 60_000;
    expect(await cache.get('k', async () => 'v2')).toBe('v2');
  });

  it('keeps the stale value when a background refresh fails', async () => {
    const cache = new Cache<string>('t', options);
    await cache.get('k', async () => 'v1');
    clock += 61_000;
    const refresh = deferred<string>();
    expect(await cache.get('k', () => refresh.promise)).toBe('v1');
    refresh.reject(new Error('timeout'));
    await settle();
    expect(await cache.get('k', async () => 'v2')).toBe('v1');
  });
});

describe('drops', () => {
  it('drop the keys with a prefix, or all, and tell the publisher', async () => {
    const sent: CacheDrop[] = [];
    const cache = new Cache<string>('views', { max: 10, freshMs: 60_000, now }, (d) => sent.push(d));
    for (const key of ['adoption|a', 'adoption|b', 'results|a']) await cache.get(key, async () => key);
    cache.drop('adoption|');
    expect(['adoption|a', 'adoption|b', 'results|a'].map((k) => cache.peek(k))).toEqual([
      undefined,
      undefined,
      'results|a',
    ]);
    cache.drop();
    expect(cache.peek('results|a')).toBeUndefined();
    expect(sent).toEqual([
      { namespace: 'views', prefix: 'adoption|' },
      { namespace: 'views', prefix: '' },
    ]);
  });

  it('reach a stale value being refreshed', async () => {
    const cache = new Cache<string>('t', { max: 10, freshMs: 60_000, staleMs: 60_000, now });
    await cache.get('k', async () => 'v1');
    clock += 61_000;
    const refresh = deferred<string>();
    expect(await cache.get('k', () => refresh.promise)).toBe('v1');
    cache.dropHere('k');
    expect(await cache.get('k', async () => 'v3')).toBe('v3');
    refresh.resolve('v2');
    await settle();
    expect(await cache.get('k', async () => 'v4')).toBe('v3');
  });

  it('keep a computation under way from entering the cache, though its readers get their answer', async () => {
    const cache = new Cache<string>('t', { max: 10, freshMs: 60_000, now });
    const before = deferred<string>();
    const reader = cache.get('k', () => before.promise);
    cache.dropHere('k');
    before.resolve('computed before the change');
    expect(await reader).toBe('computed before the change');
    expect(await cache.get('k', async () => 'after')).toBe('after');
  });

  it('received from another instance apply to the named cache only', async () => {
    const registry = new CacheRegistry();
    const views = registry.cache<string>('views', { max: 10, now });
    const other = registry.cache<string>('other', { max: 10, now });
    views.set('adoption|a', 'A');
    other.set('adoption|a', 'B');
    registry.apply({ namespace: 'views', prefix: 'adoption|' });
    registry.apply({ namespace: 'unknown', prefix: '' });
    expect([views.peek('adoption|a'), other.peek('adoption|a')]).toEqual([undefined, 'B']);
    registry.dropAllHere();
    expect(other.peek('adoption|a')).toBeUndefined();
  });

  it('go to every publisher of the registry until removed', () => {
    const registry = new CacheRegistry();
    const sent: CacheDrop[] = [];
    const remove = registry.addPublisher((d) => sent.push(d));
    registry.cache('views', { max: 10 }).drop('x|');
    remove();
    registry.cache('views', { max: 10 }).drop('y|');
    expect(sent).toEqual([{ namespace: 'views', prefix: 'x|' }]);
  });
});

describe('registries', () => {
  it('are one per database, shared with its transactions, never between databases', () => {
    const dialect = {};
    const db = { dialect } as unknown as Db;
    const tx = { dialect } as unknown as Db;
    const another = { dialect: {} } as unknown as Db;
    expect(cachesOf(tx)).toBe(cachesOf(db));
    expect(cachesOf(another)).not.toBe(cachesOf(db));
  });
});
