import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidList } from '../../lib/sql-lists.ts';

export interface NeedRow {
  id: string;
  title: string;
  problem: string;
  affected: string | null;
  desired_outcome: string | null;
  technology_id: string | null;
  technology_key: string | null;
  technology_name: string | null;
  proposer_id: string;
  proposer_code: string;
  proposer_name: string;
  region_id: string;
  region_code: string;
  region_name: string;
  status: string;
  decision_note: string | null;
  initiative_id: string | null;
  initiative_title: string | null;
  created_at: string;
  endorsements: { municipality_id: string; code: string; name: string; comment: string | null; at: string }[];
}

/**
 * Needs with their technology, proposer, region, initiative and endorsements. `regionIds` null means
 * every region (national administrators).
 */
export async function selectNeeds(
  db: Db,
  filter: { regionIds: readonly string[] | null; id?: string; status?: string | undefined },
): Promise<NeedRow[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.regionIds)
    conditions.push(
      filter.regionIds.length ? sql`n.region_id in (${uuidList(filter.regionIds)})` : sql`false`,
    );
  if (filter.id) conditions.push(sql`n.id = ${filter.id}`);
  if (filter.status) conditions.push(sql`n.status = ${filter.status}`);
  return queryRows<NeedRow>(
    db,
    sql`select n.id, n.title, n.problem, n.affected, n.desired_outcome, n.technology_id,
               t.key as technology_key, t.name_sv as technology_name,
               p.id as proposer_id, p.code as proposer_code, p.name as proposer_name,
               r.id as region_id, r.code as region_code, r.name as region_name,
               n.status, n.decision_note, n.initiative_id, i.title as initiative_title,
               to_char(n.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
               coalesce((select json_agg(json_build_object(
                           'municipality_id', m.id, 'code', m.code, 'name', m.name, 'comment', e.comment,
                           'at', to_char(e.endorsed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                           order by e.endorsed_at)
                         from need_endorsements e join organisations m on m.id = e.municipality_id
                         where e.need_id = n.id), '[]'::json) as endorsements
        from needs n
        join organisations p on p.id = n.proposed_by_organisation_id
        join organisations r on r.id = n.region_id
        left join technologies t on t.id = n.technology_id
        left join initiatives i on i.id = n.initiative_id
        where ${sql.join(conditions, sql` and `)}
        order by n.created_at desc, n.id
        limit 500`,
  );
}

export async function lockNeed(tx: Db, id: string) {
  const [row] = await queryRows<{
    id: string;
    region_id: string;
    status: string;
    proposed_by_organisation_id: string;
  }>(
    tx,
    sql`select id, region_id, status, proposed_by_organisation_id from needs where id = ${id} for update`,
  );
  return row ?? null;
}

export async function findOrganisationByCode(db: Db, kind: 'municipality' | 'region', code: string) {
  const [row] = await queryRows<{ id: string; name: string; parent_id: string | null }>(
    db,
    sql`select id, name, parent_id from organisations where kind = ${kind} and code = ${code}`,
  );
  return row ?? null;
}

/** The regions of the given organisations: a region itself, a municipality's or unit's region. */
export async function regionsOf(db: Db, orgIds: readonly string[]): Promise<Map<string, string>> {
  if (!orgIds.length) return new Map();
  const rows = await queryRows<{ id: string; region_id: string | null }>(
    db,
    sql`select o.id, case o.kind when 'region' then o.id when 'municipality' then o.parent_id
                                 when 'unit' then (select m.parent_id from organisations m where m.id = o.parent_id)
                       end as region_id
        from organisations o where o.id in (${uuidList(orgIds)})`,
  );
  return new Map(rows.filter((r) => r.region_id).map((r) => [r.id, r.region_id!]));
}
