import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/client.ts';

/**
 * The one cache of the server (ADR 23): bounded LRU maps on `lru-cache`, one registry per database.
 * Keyed by the Db object, so several apps in one process (the browser tests) never answer from another
 * database's entries, and a new database starts empty. A drop is applied here at once and handed to
 * the registry's publishers, which tell the other instances on the same database (lib/cache-coherence.ts).
 */
export interface CacheOptions {
  /** Entries kept; the least recently used go first. */
  max: number;
  /** How long an entry is fresh. Without it, an entry stays until dropped or evicted (immutable data). */
  freshMs?: number;
  /**
   * After `freshMs`, how much longer the last value is still answered at once while one refresh runs
   * (stale-while-revalidate). Past that, a reader waits for the new value.
   */
  staleMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
}

/** A drop as it travels between instances: a namespace and a key prefix ('' = all of the namespace). */
export interface CacheDrop {
  namespace: string;
  prefix: string;
}

interface Entry<T> {
  value: T;
  at: number;
}

type Compute<T> = () => Promise<T>;

export class Cache<T> {
  readonly #lru: LRUCache<string, Entry<T>, Compute<T>>;
  readonly #now: () => number;
  readonly #maxAgeMs: number;
  /** lru-cache does not list keys being fetched or stale; a drop must reach those too. */
  readonly #keys = new Set<string>();

  constructor(
    readonly namespace: string,
    options: CacheOptions,
    private readonly publish: (drop: CacheDrop) => void = () => undefined,
  ) {
    const now = options.now ?? (() => Date.now());
    this.#now = now;
    const serveStale = (options.staleMs ?? 0) > 0;
    this.#maxAgeMs = (options.freshMs ?? 0) + (options.staleMs ?? 0);
    this.#lru = new LRUCache<string, Entry<T>, Compute<T>>({
      max: options.max,
      ...(options.freshMs ? { ttl: options.freshMs, ttlResolution: 0, perf: { now } } : {}),
      // One computation per key at a time: concurrent readers share the pending one.
      fetchMethod: async (_key, _stale, { context }) => ({ value: await context(), at: now() }),
      // A drop during a computation keeps it from entering the cache (it may predate the change), but
      // the readers already waiting still get their answer.
      ignoreFetchAbort: true,
      // A failed background refresh leaves the last value in place; the next reader tries again.
      noDeleteOnFetchRejection: serveStale,
      dispose: (_value, key, reason) => {
        if (reason === 'evict') this.#keys.delete(key);
      },
    });
  }

  /** The value under `key`, computed by `compute` when missing or too old; a failure is not kept. */
  async get(key: string, compute: Compute<T>): Promise<T> {
    this.#keys.add(key);
    const last = this.#maxAgeMs > 0 ? this.#lru.peek(key, { allowStale: true }) : undefined;
    const allowStale = last !== undefined && this.#now() - last.at < this.#maxAgeMs;
    const entry = await this.#lru.fetch(key, { context: compute, allowStale });
    // fetch resolves empty only for an aborted fetch, which ignoreFetchAbort rules out.
    if (!entry) throw new Error(`cache ${this.namespace}: no value for ${key}`);
    return entry.value;
  }

  /** The value under `key` if present and fresh, without computing anything. */
  peek(key: string): T | undefined {
    return this.#lru.get(key)?.value;
  }

  set(key: string, value: T): void {
    this.#keys.add(key);
    this.#lru.set(key, { value, at: this.#now() });
  }

  /** Drops the keys starting with `prefix` (all with ''), here and on every other instance. */
  drop(prefix = ''): void {
    this.dropHere(prefix);
    this.publish({ namespace: this.namespace, prefix });
  }

  /** The same drop in this process only: a drop received from another instance, or a fresh start. */
  dropHere(prefix = ''): void {
    if (prefix === '') {
      this.#keys.clear();
      this.#lru.clear();
      return;
    }
    for (const key of this.#keys) {
      if (!key.startsWith(prefix)) continue;
      this.#keys.delete(key);
      this.#lru.delete(key);
    }
  }
}

/** The caches of one database in this process. */
export class CacheRegistry {
  /** Marks this registry's own notifications, which it has already applied. */
  readonly origin = randomUUID();
  readonly #caches = new Map<string, Cache<unknown>>();
  readonly #publishers = new Set<(drop: CacheDrop) => void>();

  cache<T>(namespace: string, options: CacheOptions): Cache<T> {
    let cache = this.#caches.get(namespace);
    if (!cache) {
      cache = new Cache<unknown>(namespace, options, (drop) => {
        for (const publish of this.#publishers) publish(drop);
      });
      this.#caches.set(namespace, cache);
    }
    return cache as Cache<T>;
  }

  /** Adds a way to tell other instances of drops; returns its removal. */
  addPublisher(publish: (drop: CacheDrop) => void): () => void {
    this.#publishers.add(publish);
    return () => this.#publishers.delete(publish);
  }

  /** Applies a drop received from another instance (idempotent). */
  apply(drop: CacheDrop): void {
    this.#caches.get(drop.namespace)?.dropHere(drop.prefix);
  }

  /** Empties every cache in this process: a new app, or drops that may have been missed. */
  dropAllHere(): void {
    for (const cache of this.#caches.values()) cache.dropHere();
  }
}

const registries = new WeakMap<object, CacheRegistry>();

/**
 * What makes a database one: Drizzle's dialect object, made once per `drizzle()` call and shared by
 * its transactions, so a repo handed a transaction reads the same caches as the app's Db. (Internal to
 * Drizzle, hence the fallback to the Db itself.)
 */
const identityOf = (db: Db): object => (db as unknown as { dialect?: object }).dialect ?? db;

/**
 * The registry of this database, also when given one of its transactions. Drop after the transaction
 * commits, so that no reader here or on another instance refills the cache from the rows before it.
 */
export function cachesOf(db: Db): CacheRegistry {
  const identity = identityOf(db);
  let registry = registries.get(identity);
  if (!registry) {
    registry = new CacheRegistry();
    registries.set(identity, registry);
  }
  return registry;
}

/** A named cache, for a module's `const reports = defineCache(…)` and `reports(db).get(…)`. */
export function defineCache<T>(namespace: string, options: CacheOptions): (db: Db) => Cache<T> {
  return (db) => cachesOf(db).cache<T>(namespace, options);
}
