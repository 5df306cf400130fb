import { type SQL, sql } from 'drizzle-orm';
import type { ExternalContactReadScope } from '../../../shared/access/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';

/** A timestamp as the API writes it (UTC, microseconds), the same on PGlite and PostgreSQL. */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The logs (owner ids) a read scope reaches: a municipality's region and associations; a region itself
 * and the associations of its municipalities; an association itself and its members' regions.
 */
export async function readableOwnerIds(db: Db, s: ExternalContactReadScope): Promise<string[]> {
  const parts: SQL[] = [];
  if (s.municipalityIds.length)
    parts.push(
      sql`select parent_id as id from organisations where id = any(${uuidArray(s.municipalityIds)}) and parent_id is not null
          union select association_id from association_members where municipality_id = any(${uuidArray(s.municipalityIds)})`,
    );
  if (s.regionIds.length)
    parts.push(
      sql`select unnest(${uuidArray(s.regionIds)}) as id
          union select am.association_id from association_members am join organisations m on m.id = am.municipality_id
          where m.parent_id = any(${uuidArray(s.regionIds)})`,
    );
  if (s.associationIds.length)
    parts.push(
      sql`select unnest(${uuidArray(s.associationIds)}) as id
          union select m.parent_id from association_members am join organisations m on m.id = am.municipality_id
          where am.association_id = any(${uuidArray(s.associationIds)}) and m.parent_id is not null`,
    );
  if (!parts.length) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct x.id::text as id from (${sql.join(parts, sql` union `)}) x
        join organisations o on o.id = x.id where o.kind in ('region', 'association')`,
  );
  return rows.map((r) => r.id);
}

export interface OwnerRow {
  id: string;
  name: string;
  kind: 'region' | 'association';
}

/** Regions and associations by id (all of them when `ids` is null), by name. */
export async function owners(db: Db, ids: readonly string[] | null): Promise<OwnerRow[]> {
  if (ids && !ids.length) return [];
  return queryRows<OwnerRow>(
    db,
    sql`select id, name, kind from organisations
        where kind in ('region', 'association') ${ids ? sql`and id = any(${uuidArray(ids)})` : sql``}
        order by kind desc, name`,
  );
}

/** The municipalities of a region or an association (its members). */
export async function areaMunicipalities(db: Db, ownerIds: readonly string[] | null) {
  const where = ownerIds
    ? sql`m.parent_id = any(${uuidArray(ownerIds)})
          or m.id in (select municipality_id from association_members where association_id = any(${uuidArray(ownerIds)}))`
    : sql`true`;
  return queryRows<{ id: string; code: string; name: string }>(
    db,
    sql`select m.id, m.code, m.name from organisations m where m.kind = 'municipality' and (${where})
        order by m.name`,
  );
}

/** Meetings of the owner's groups, newest first. */
export async function ownerMeetings(db: Db, ownerId: string, id?: string) {
  return queryRows<{
    id: string;
    network_id: string;
    network_name: string;
    title: string;
    starts_at: string;
  }>(
    db,
    sql`select mt.id, n.id as network_id, n.name as network_name, mt.title, ${iso(sql`mt.starts_at`)} as starts_at
        from network_meetings mt join networks n on n.id = mt.network_id
        where n.owner_organisation_id = ${ownerId} ${id ? sql`and mt.id = ${id}` : sql``}
        order by mt.starts_at desc limit 200`,
  );
}

/** Procurements the owner leads or in which a municipality of its area takes part. */
export async function ownerProcurements(db: Db, ownerId: string, id?: string) {
  return queryRows<{ id: string; title: string }>(
    db,
    sql`select p.id, p.title from procurements p
        where (p.lead_organisation_id = ${ownerId}
               or exists (select 1 from procurement_participants pp join organisations m on m.id = pp.municipality_id
                          where pp.procurement_id = p.id
                            and (m.parent_id = ${ownerId}
                                 or m.id in (select municipality_id from association_members where association_id = ${ownerId}))))
          ${id ? sql`and p.id = ${id}` : sql``}
        order by p.created_at desc limit 200`,
  );
}

export async function activeSuppliers(db: Db, id?: string) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from suppliers where merged_into is null ${id ? sql`and id = ${id}` : sql``}
        order by name limit 2000`,
  );
}

export interface ContactRow {
  id: string;
  owner_id: string;
  owner_name: string;
  owner_kind: 'region' | 'association';
  occurred_on: string;
  kind: string;
  actor_kind: string;
  actor_name: string;
  topic: string;
  supplier_id: string | null;
  supplier_name: string | null;
  follow_up_on: string | null;
  follow_up_done_at: string | null;
  technologies: { key: string; name: string }[];
  municipalities: { id: string; code: string; name: string }[];
}

export interface ContactFilter {
  /** Null: every log (national). */
  ownerIds: readonly string[] | null;
  id?: string | undefined;
  q?: string | undefined;
  actorKind?: string | undefined;
  technology?: string | undefined;
  municipalityCode?: string | undefined;
  supplierId?: string | undefined;
  ownerId?: string | undefined;
  openFollowUp?: boolean | undefined;
  /** Keyset: contacts before this (occurred_on, id) in the newest-first order. */
  before?: { on: string; id: string } | undefined;
  limit: number;
}

/** The visible contacts matching the filter, newest first; the search stems Swedish words like the vector. */
export async function selectContacts(db: Db, f: ContactFilter): Promise<ContactRow[]> {
  const where: SQL[] = [];
  if (f.ownerIds) where.push(sql`c.owner_organisation_id = any(${uuidArray(f.ownerIds)})`);
  if (f.id) where.push(sql`c.id = ${f.id}`);
  if (f.q) where.push(sql`c.search_vector @@ websearch_to_tsquery('swedish', ${f.q})`);
  if (f.actorKind) where.push(sql`c.actor_kind = ${f.actorKind}`);
  if (f.technology)
    where.push(
      sql`exists (select 1 from external_contact_technologies ct join technologies t on t.id = ct.technology_id
                  where ct.contact_id = c.id and t.key = ${f.technology})`,
    );
  if (f.municipalityCode)
    where.push(
      sql`exists (select 1 from external_contact_municipalities cm join organisations m on m.id = cm.municipality_id
                  where cm.contact_id = c.id and m.code = ${f.municipalityCode} and m.kind = 'municipality')`,
    );
  if (f.supplierId) where.push(sql`c.supplier_id = ${f.supplierId}`);
  if (f.ownerId) where.push(sql`c.owner_organisation_id = ${f.ownerId}`);
  if (f.openFollowUp) where.push(sql`c.follow_up_on is not null and c.follow_up_done_at is null`);
  if (f.before) where.push(sql`(c.occurred_on, c.id) < (${f.before.on}::date, ${f.before.id}::uuid)`);
  return queryRows<ContactRow>(
    db,
    sql`with page as (
          select c.* from external_contacts c
          where ${where.length ? sql.join(where, sql` and `) : sql`true`}
          order by c.occurred_on desc, c.id desc
          limit ${f.limit}
        )
        select c.id, o.id as owner_id, o.name as owner_name, o.kind as owner_kind,
               c.occurred_on::text as occurred_on, c.kind, c.actor_kind, c.actor_name, c.topic,
               s.id as supplier_id, s.name as supplier_name, c.follow_up_on::text as follow_up_on,
               ${iso(sql`c.follow_up_done_at`)} as follow_up_done_at,
               coalesce((select json_agg(json_build_object('key', t.key, 'name', t.name_sv) order by t.name_sv)
                         from external_contact_technologies ct join technologies t on t.id = ct.technology_id
                         where ct.contact_id = c.id), '[]'::json) as technologies,
               coalesce((select json_agg(json_build_object('id', m.id, 'code', m.code, 'name', m.name) order by m.name)
                         from external_contact_municipalities cm join organisations m on m.id = cm.municipality_id
                         where cm.contact_id = c.id), '[]'::json) as municipalities
        from page c
        join organisations o on o.id = c.owner_organisation_id
        left join suppliers s on s.id = c.supplier_id
        order by c.occurred_on desc, c.id desc`,
  );
}

export async function contactDetails(db: Db, id: string) {
  const [row] = await queryRows<{
    outcome: string | null;
    follow_up: string | null;
    meeting_id: string | null;
    network_id: string | null;
    network_name: string | null;
    meeting_title: string | null;
    meeting_starts_at: string | null;
    procurement_id: string | null;
    procurement_title: string | null;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  }>(
    db,
    sql`select c.outcome, c.follow_up, mt.id as meeting_id, n.id as network_id, n.name as network_name,
               mt.title as meeting_title, ${iso(sql`mt.starts_at`)} as meeting_starts_at,
               p.id as procurement_id, p.title as procurement_title, u.name as created_by,
               ${iso(sql`c.created_at`)} as created_at, ${iso(sql`c.updated_at`)} as updated_at
        from external_contacts c
        left join network_meetings mt on mt.id = c.meeting_id
        left join networks n on n.id = mt.network_id
        left join procurements p on p.id = c.procurement_id
        left join users u on u.id = c.created_by
        where c.id = ${id}`,
  );
  return row ?? null;
}

/** The stored contact with its links, as an audit entry's before/after. */
export async function lockContact(tx: Db, id: string) {
  const [row] = await queryRows<{
    id: string;
    owner_organisation_id: string;
    occurred_on: string;
    kind: string;
    actor_kind: string;
    actor_name: string;
    supplier_id: string | null;
    meeting_id: string | null;
    procurement_id: string | null;
    topic: string;
    outcome: string | null;
    follow_up: string | null;
    follow_up_on: string | null;
    follow_up_done_at: string | null;
  }>(
    tx,
    sql`select id, owner_organisation_id, occurred_on::text as occurred_on, kind, actor_kind, actor_name,
               supplier_id, meeting_id, procurement_id, topic, outcome, follow_up,
               follow_up_on::text as follow_up_on, follow_up_done_at::text as follow_up_done_at
        from external_contacts where id = ${id} for update`,
  );
  return row ?? null;
}

export interface ContactValues {
  occurredOn: string;
  kind: string;
  actorKind: string;
  actorName: string;
  supplierId: string | null;
  meetingId: string | null;
  procurementId: string | null;
  topic: string;
  outcome: string | null;
  followUp: string | null;
  followUpOn: string | null;
}

export async function insertContact(tx: Db, ownerId: string, v: ContactValues, by: string) {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`insert into external_contacts (owner_organisation_id, occurred_on, kind, actor_kind, actor_name, supplier_id,
                                       meeting_id, procurement_id, topic, outcome, follow_up, follow_up_on, created_by)
        values (${ownerId}, ${v.occurredOn}, ${v.kind}, ${v.actorKind}, ${v.actorName}, ${v.supplierId},
                ${v.meetingId}, ${v.procurementId}, ${v.topic}, ${v.outcome}, ${v.followUp}, ${v.followUpOn}, ${by})
        returning id`,
  );
  return row!.id;
}

/** A changed follow-up date is a new follow-up: it waits again until marked done. */
export async function updateContact(tx: Db, id: string, v: ContactValues) {
  await tx.execute(
    sql`update external_contacts set occurred_on = ${v.occurredOn}, kind = ${v.kind}, actor_kind = ${v.actorKind},
          actor_name = ${v.actorName}, supplier_id = ${v.supplierId}, meeting_id = ${v.meetingId},
          procurement_id = ${v.procurementId}, topic = ${v.topic}, outcome = ${v.outcome}, follow_up = ${v.followUp},
          follow_up_done_at = case when follow_up_on is not distinct from ${v.followUpOn}::date
                                   then follow_up_done_at end,
          follow_up_on = ${v.followUpOn}, updated_at = now()
        where id = ${id}`,
  );
}

export async function replaceLinks(tx: Db, id: string, technologyIds: string[], municipalityIds: string[]) {
  await tx.execute(sql`delete from external_contact_technologies where contact_id = ${id}`);
  await tx.execute(sql`delete from external_contact_municipalities where contact_id = ${id}`);
  if (technologyIds.length)
    await tx.execute(
      sql`insert into external_contact_technologies (contact_id, technology_id)
          select ${id}, unnest(${uuidArray(technologyIds)}) on conflict do nothing`,
    );
  if (municipalityIds.length)
    await tx.execute(
      sql`insert into external_contact_municipalities (contact_id, municipality_id)
          select ${id}, unnest(${uuidArray(municipalityIds)}) on conflict do nothing`,
    );
}

export async function markFollowUpDone(tx: Db, id: string) {
  await tx.execute(
    sql`update external_contacts set follow_up_done_at = now(), updated_at = now() where id = ${id}`,
  );
}

export async function deleteContact(tx: Db, id: string) {
  await tx.execute(sql`delete from external_contacts where id = ${id}`);
}

/** Open follow-ups of the logs the person writes: how many, the earliest, and that one's id and topic. */
export async function openFollowUps(db: Db, ownerIds: readonly string[]) {
  const [row] = await queryRows<{ n: number; id: string | null; topic: string | null; due: string | null }>(
    db,
    sql`select count(*)::int as n,
               (array_agg(id::text order by follow_up_on, id))[1] as id,
               (array_agg(topic order by follow_up_on, id))[1] as topic,
               min(follow_up_on)::text as due
        from external_contacts
        where owner_organisation_id = any(${uuidArray(ownerIds)})
          and follow_up_on is not null and follow_up_done_at is null`,
  );
  return row ?? { n: 0, id: null, topic: null, due: null };
}
