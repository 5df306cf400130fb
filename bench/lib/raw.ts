import type { Database } from '../../src/server/db/client.ts';

/** Plain parameterised SQL on the driver underneath Drizzle (pg.Pool or PGlite: both have `query`). */
export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

interface QueryClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

export function rawQuery(database: Database): RawQuery {
  const client = (database.db as unknown as { $client: QueryClient }).$client;
  return async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[];
}

export interface BulkColumn {
  name: string;
  /** PostgreSQL element type of the column, e.g. uuid, text, timestamptz, int4. */
  type: string;
}

/**
 * Multi-row insert with one array parameter per column (`insert … select * from unnest($1::uuid[], …)`):
 * a fixed number of parameters whatever the batch size, the same on PostgreSQL and PGlite.
 */
export async function bulkInsert(
  query: RawQuery,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  batchSize = 10_000,
): Promise<number> {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const casts = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const text = `insert into "${table}" (${names}) select * from unnest(${casts})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params = columns.map((_, i) =>
      batch.map((r) => {
        const v = r[i];
        return v instanceof Date ? v.toISOString() : (v ?? null);
      }),
    );
    await query(text, params);
  }
  return rows.length;
}
