import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';

/** A column that refers to `suppliers.id` through a foreign key, found in the catalog. */
export interface SupplierReference {
  table: string;
  column: string;
  /** The unique keys (primary key included) of the table that contain the column, each as its columns. */
  uniqueKeys: string[][];
}

/**
 * Every single-column foreign key to `suppliers.id`, read from the database's own catalog rather than a
 * list kept by hand: a table added later with a `supplier_id` (contracts, say) is merged without
 * anyone remembering to register it. The self-reference `suppliers.merged_into` is one of them, so
 * duplicates merged earlier into the duplicate follow it to the kept supplier.
 */
export async function supplierReferences(db: Db): Promise<SupplierReference[]> {
  const rows = await queryRows<{ table_name: string; column_name: string; unique_keys: string[][] | null }>(
    db,
    sql`select c.conrelid::regclass::text as table_name, a.attname as column_name,
               (select coalesce(json_agg(k.cols), '[]'::json) from (
                  select array(select ka.attname from unnest(i.indkey::int2[]) as n
                                 join pg_attribute ka on ka.attrelid = i.indrelid and ka.attnum = n) as cols
                  from pg_index i
                  where i.indrelid = c.conrelid and i.indisunique and i.indpred is null) k
                where a.attname = any(k.cols)) as unique_keys
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and c.confrelid = 'suppliers'::regclass and cardinality(c.conkey) = 1
        order by 1, 2`,
  );
  return rows.map((r) => ({ table: r.table_name, column: r.column_name, uniqueKeys: r.unique_keys ?? [] }));
}

/**
 * Moves every reference from the duplicate to the kept supplier, in the caller's transaction. Where a
 * unique key would be broken (both deliver the same technology), the duplicate's row goes: the kept
 * supplier already holds the same link. Returns how many rows moved per `table.column`.
 */
export async function moveSupplierReferences(
  db: Db,
  duplicateId: string,
  keptId: string,
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const ref of await supplierReferences(db)) {
    // Table and column names come from the catalog, never from a request.
    const table = sql.raw(ref.table);
    const column = sql.identifier(ref.column);
    for (const key of ref.uniqueKeys) {
      const others = key.filter((c) => c !== ref.column);
      const same = others.map((c) => sql`k.${sql.identifier(c)} = d.${sql.identifier(c)}`);
      await db.execute(
        sql`delete from ${table} d where d.${column} = ${duplicateId}
              and exists (select 1 from ${table} k where k.${column} = ${keptId}
                ${same.length ? sql`and ${sql.join(same, sql` and `)}` : sql``})`,
      );
    }
    const rows = await queryRows<{ one: number }>(
      db,
      sql`update ${table} set ${column} = ${keptId} where ${column} = ${duplicateId} returning 1 as one`,
    );
    moved[`${ref.table}.${ref.column}`] = rows.length;
  }
  return moved;
}
