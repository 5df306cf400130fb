import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';

export interface ReportRow {
  id: string;
  owner_id: string;
  owner_name: string;
  owner_kind: 'region' | 'association';
  owner_code: string | null;
  network_id: string | null;
  network_name: string | null;
  title: string;
  diary_number: string | null;
  period_from: string;
  period_to: string;
  narrative: Record<string, string>;
  status: 'draft' | 'issued';
  snapshot: unknown;
  issued_at: string | null;
  issued_by_name: string | null;
  created_at: string;
  updated_at: string;
}

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/**
 * Reports with their owner, steering group and issuer. `ownerIds` null means every owner (national
 * administrators); `withSnapshot` false leaves the frozen figures out of lists.
 */
export function selectReports(
  db: Db,
  filter: { ownerIds: readonly string[] | null; id?: string; withSnapshot?: boolean; lock?: boolean },
): Promise<ReportRow[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.ownerIds) conditions.push(sql`r.owner_organisation_id = any(${uuidArray(filter.ownerIds)})`);
  if (filter.id) conditions.push(sql`r.id = ${filter.id}`);
  return queryRows<ReportRow>(
    db,
    sql`select r.id, o.id as owner_id, o.name as owner_name, o.kind as owner_kind, o.code as owner_code,
               n.id as network_id, n.name as network_name, r.title, r.diary_number,
               r.period_from::text as period_from, r.period_to::text as period_to, r.narrative, r.status,
               ${filter.withSnapshot ? sql`r.snapshot` : sql`null::jsonb`} as snapshot,
               ${iso('r.issued_at')} as issued_at, u.name as issued_by_name,
               ${iso('r.created_at')} as created_at, ${iso('r.updated_at')} as updated_at
        from steering_reports r
        join organisations o on o.id = r.owner_organisation_id
        left join networks n on n.id = r.network_id
        left join users u on u.id = r.issued_by
        where ${sql.join(conditions, sql` and `)}
        order by r.period_to desc, r.created_at desc
        limit 500
        ${filter.lock ? sql`for update of r` : sql``}`,
  );
}

export async function insertReport(
  tx: Db,
  v: {
    ownerId: string;
    networkId: string | null;
    title: string;
    diaryNumber: string | null;
    from: string;
    to: string;
    narrative: Record<string, string>;
    by: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into steering_reports (owner_organisation_id, network_id, title, diary_number, period_from,
                                      period_to, narrative, created_by, updated_by)
        values (${v.ownerId}, ${v.networkId}, ${v.title}, ${v.diaryNumber}, ${v.from}, ${v.to},
                ${JSON.stringify(v.narrative)}::jsonb, ${v.by}, ${v.by})
        returning id`,
  );
  return row!.id;
}

export async function updateDetails(
  tx: Db,
  id: string,
  v: { title: string; diaryNumber: string | null; from: string; to: string; by: string },
) {
  await tx.execute(
    sql`update steering_reports set title = ${v.title}, diary_number = ${v.diaryNumber},
               period_from = ${v.from}, period_to = ${v.to}, updated_by = ${v.by}, updated_at = now()
        where id = ${id}`,
  );
}

export async function updateNarrative(tx: Db, id: string, narrative: Record<string, string>, by: string) {
  await tx.execute(
    sql`update steering_reports set narrative = ${JSON.stringify(narrative)}::jsonb, updated_by = ${by},
               updated_at = now()
        where id = ${id}`,
  );
}

export async function markIssued(tx: Db, id: string, snapshot: unknown, by: string) {
  await tx.execute(
    sql`update steering_reports set status = 'issued', snapshot = ${JSON.stringify(snapshot)}::jsonb,
               issued_at = now(), issued_by = ${by}, updated_by = ${by}, updated_at = now()
        where id = ${id}`,
  );
}

export async function deleteReport(tx: Db, id: string) {
  await tx.execute(sql`delete from steering_reports where id = ${id}`);
}

/** A network with its kind and owner, to check a report's steering group. */
export async function findNetwork(db: Db, id: string) {
  const [row] = await queryRows<{ id: string; name: string; kind: string; owner_id: string }>(
    db,
    sql`select id, name, kind, owner_organisation_id as owner_id from networks where id = ${id}`,
  );
  return row ?? null;
}

/** The owner's steering group when the request names none: the only one it has, else none. */
export async function soleSteeringGroup(db: Db, ownerId: string) {
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from networks where owner_organisation_id = ${ownerId} and kind = 'steering_group'
        order by name limit 2`,
  );
  return rows.length === 1 ? rows[0]! : null;
}

export async function findOrganisation(db: Db, id: string) {
  const [row] = await queryRows<{ id: string; name: string; kind: string; code: string | null }>(
    db,
    sql`select id, name, kind, code from organisations where id = ${id}`,
  );
  return row ?? null;
}
