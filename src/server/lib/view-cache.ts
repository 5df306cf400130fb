import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import { defineCache } from './caches.ts';

/**
 * Snapshots of read-heavy views (ADR 5, ADR 9, ADR 23): a view that is read far more often than its
 * data changes — a region's adoption matrix, a round's results — is computed, checked against its
 * contract and serialised once, then answered from the cache for up to a minute. A write drops the views
 * it affects (by key prefix) here at once and on the other instances within a second (lib/caches.ts).
 * Authorisation is never cached: services decide who may see what before asking here, and put whatever
 * the view depends on about the caller into the key.
 */
const views = defineCache<unknown>('views', { max: 2_000, freshMs: 60_000 });

export interface Snapshot<T> {
  value: T;
  json: string;
}

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
  return views(db).get(key, compute) as Promise<T>;
}

/** Drops every view of this database whose key starts with `prefix`, on every instance. */
export function forgetViews(db: Db, prefix: string) {
  views(db).drop(prefix);
}
