import { type SQL, sql } from 'drizzle-orm';

/** `$1::uuid, $2::uuid, …` for an `in (…)` list: one bound parameter per id, typed for both databases. */
export function uuidList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}
