import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';

/** A contract that has not ended, with what the radar needs of it: one row, technologies and options inlined. */
export interface RadarContractRow {
  id: string;
  municipality_id: string;
  title: string;
  ends_on: string;
  notice_months: number | null;
  annual_value_sek: number | null;
  supplier_id: string;
  supplier_name: string;
  technology_ids: string[];
  /** The options in order, as `decide_by:status` (one text array keeps the row flat on both drivers). */
  extensions: string[];
}

/**
 * Contracts ending on or after `today` in the municipalities (null: the whole country), optionally for
 * one technology. One round trip: `contracts_ends_idx` (or `contracts_municipality_idx` per
 * municipality) finds the rows; the technologies and options come from their primary-key and unique
 * indexes per contract.
 */
export function contractsInView(
  db: Db,
  municipalityIds: readonly string[] | null,
  today: string,
  technologyId: string | null,
): Promise<RadarContractRow[]> {
  return queryRows<RadarContractRow>(
    db,
    sql`select c.id, c.municipality_id, c.title, c.ends_on::text as ends_on, c.notice_months,
               c.annual_value_sek, s.id as supplier_id, s.name as supplier_name,
               array(select ct.technology_id::text from contract_technologies ct
                     where ct.contract_id = c.id order by ct.technology_id) as technology_ids,
               array(select e.decide_by::text || ':' || e.status from contract_extensions e
                     where e.contract_id = c.id order by e.position) as extensions
        from contracts c
        join suppliers s on s.id = c.supplier_id
        where c.ends_on >= ${today}::date
          ${municipalityIds ? sql`and c.municipality_id = any(${uuidArray(municipalityIds)})` : sql``}
          ${
            technologyId
              ? sql`and exists (select 1 from contract_technologies f
                                where f.contract_id = c.id and f.technology_id = ${technologyId}::uuid)`
              : sql``
          }`,
  );
}

/** Municipality × technology where the mapping says planned or piloting. */
export function plannedAdoptions(
  db: Db,
  municipalityIds: readonly string[] | null,
  technologyId: string | null,
): Promise<{ municipality_id: string; technology_id: string }[]> {
  return queryRows(
    db,
    sql`select a.municipality_id, a.technology_id from technology_adoptions a
        where a.status in ('planned', 'piloting')
          ${municipalityIds ? sql`and a.municipality_id = any(${uuidArray(municipalityIds)})` : sql``}
          ${technologyId ? sql`and a.technology_id = ${technologyId}::uuid` : sql``}`,
  );
}

/** Every association with its member municipalities (a few hundred rows at national scale). */
export function associationsWithMembers(
  db: Db,
): Promise<{ id: string; name: string; municipality_ids: string[] }[]> {
  return queryRows(
    db,
    sql`select o.id, o.name, array_agg(am.municipality_id::text order by am.municipality_id) as municipality_ids
        from organisations o join association_members am on am.association_id = o.id
        where o.kind = 'association'
        group by o.id, o.name`,
  );
}

/**
 * What the radar's data looks like now, in one short text: contracts' count and latest change, and the
 * mapping's latest change. A write in any process (a form, an import, a procurement's award) changes
 * it, so a cached view keyed by it is never older than the data — at the price of two index-free
 * aggregates over a few thousand rows per request.
 */
export async function radarDataStamp(db: Db): Promise<string> {
  const [row] = await queryRows<{ stamp: string }>(
    db,
    sql`select concat_ws('/', (select count(*) from contracts),
                              (select max(updated_at) from contracts),
                              (select max(updated_at) from technology_adoptions)) as stamp`,
  );
  return row?.stamp ?? '';
}
