import type { z } from 'zod';
import type { Db } from '../db/client.ts';

/**
 * Per-process snapshots of read-heavy views (ADR 5, ADR 9): a view that is read far more often than its
 * data changes — a region's adoption matrix, a round's results — is computed, checked against its
 * contract and serialised once, then answered from here for up to a minute. Writes through this process
 * drop the views they affect at once (by key prefix); other processes see a change within a minute.
 * Authorisation is never cached: services decide who may see what before asking here, and put whatever
 * the view depends on about the caller into the key.
 */
const FRESH_MS = 60_000;
const MAX_ENTRIES = 2_000;

export interface Snapshot<T> {
  value: T;
  json: string;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
}

const byDatabase = new WeakMap<Db, Map<string, Entry>>();

export function cachedView<S extends z.ZodType>(
  db: Db,
  key: string,
  contract: S,
  compute: () => Promise<z.infer<S>>,
): Promise<Snapshot<z.infer<S>>> {
  return cachedValue(db, key, () =>
    compute().then((v) => {
      const checked = contract.parse(v);
      return { value: checked, json: JSON.stringify(checked) };
    }),
  );
}

/** The same cache for an intermediate value that is not sent as it is (e.g. a round with its sheets). */
export function cachedValue<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = byDatabase.get(db);
  if (!entries) {
    entries = new Map();
    byDatabase.set(db, entries);
  }
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.value as Promise<T>;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const value = compute();
  const entry = { at: Date.now(), value };
  entries.set(key, entry);
  // A failed computation is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}

/** Drops every view of this database whose key starts with `prefix`. */
export function forgetViews(db: Db, prefix: string) {
  const entries = byDatabase.get(db);
  if (!entries) return;
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
