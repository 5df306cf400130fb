import { type SQL, sql } from 'drizzle-orm';

/** `$1::uuid, $2::uuid, …` for an `in (…)` list: one bound parameter per id, typed for both databases. */
export function uuidList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

/** A list of texts as one SQL array of bound parameters (`= any(…)`), typed for both databases. */
export function textArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`array[]::text[]`;
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}
