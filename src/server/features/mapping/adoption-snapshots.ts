import type { z } from 'zod';
import type { Db } from '../../db/client.ts';

/**
 * The matrix and the map data of a region or the nation are read far more often than a municipality
 * changes its records, and building 290 × 14 cells and checking them against the contract costs ~12 ms
 * of CPU: at 50 concurrent readers that alone missed the 100 ms budget. So each view is kept per process,
 * scope and language, checked and serialised once (like ADR 5's report snapshots). Changes made through
 * this process drop every view of its database at once; other processes see them within a minute.
 * Authorisation is never cached: the service decides who may see the scope before asking here.
 */
const FRESH_MS = 60_000;
const MAX_ENTRIES = 500;

export interface Snapshot<T> {
  value: T;
  json: string;
}

interface Entry {
  at: number;
  value: Promise<Snapshot<unknown>>;
}

const byDatabase = new WeakMap<Db, Map<string, Entry>>();

export function cachedAdoptionView<S extends z.ZodType>(
  db: Db,
  key: string,
  contract: S,
  compute: () => Promise<z.infer<S>>,
): Promise<Snapshot<z.infer<S>>> {
  let entries = byDatabase.get(db);
  if (!entries) {
    entries = new Map();
    byDatabase.set(db, entries);
  }
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.value as Promise<Snapshot<z.infer<S>>>;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const value = compute().then((v) => {
    const checked = contract.parse(v);
    return { value: checked, json: JSON.stringify(checked) };
  });
  const entry = { at: Date.now(), value };
  entries.set(key, entry);
  // A failed computation is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}

/** After a change of adoption records or of the catalogue. */
export function forgetAdoptionViews(db: Db) {
  byDatabase.delete(db);
}
