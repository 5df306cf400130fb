import { type SQL, sql } from 'drizzle-orm';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidList } from '../../lib/sql-lists.ts';

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const techName = (lang: UiLanguage) => (lang === 'en' ? sql`t.name_en` : sql`t.name_sv`);

/**
 * Which procurements the organisations reach: those they lead, those led by an organisation below them,
 * and those with a participant they are, or are the region or an association of. `null` is national.
 */
export function reachSql(orgIds: readonly string[] | null): SQL {
  if (orgIds === null) return sql`true`;
  if (orgIds.length === 0) return sql`false`;
  const ids = uuidList(orgIds);
  return sql`(p.lead_organisation_id in (${ids})
    or l.parent_id in (${ids})
    or exists (select 1 from procurement_participants pp join organisations m on m.id = pp.municipality_id
               where pp.procurement_id = p.id
                 and (pp.municipality_id in (${ids}) or m.parent_id in (${ids})
                      or exists (select 1 from association_members am
                                 where am.municipality_id = pp.municipality_id and am.association_id in (${ids})))))`;
}

export interface SummaryRow {
  id: string;
  title: string;
  description: string | null;
  lead_id: string;
  lead_name: string;
  lead_kind: string;
  technology_key: string;
  technology_name: string;
  phase: string;
  status: string;
  version: number;
  awarded_supplier_id: string | null;
  awarded_supplier_name: string | null;
  participant_count: number;
  confirmed_count: number;
  updated_at: string;
}

export interface ListFilters {
  reach: readonly string[] | null;
  id?: string | undefined;
  status?: string | undefined;
  phase?: string | undefined;
  technology?: string | undefined;
  leadIds?: readonly string[] | undefined;
  participantIds?: readonly string[] | undefined;
  before?: { at: string; id: string } | undefined;
  limit: number;
}

export function selectProcurements(db: Db, lang: UiLanguage, f: ListFilters) {
  const where: SQL[] = [reachSql(f.reach)];
  if (f.id) where.push(sql`p.id = ${f.id}`);
  if (f.status) where.push(sql`p.status = ${f.status}`);
  if (f.phase) where.push(sql`p.phase = ${f.phase}`);
  if (f.technology) where.push(sql`t.key = ${f.technology}`);
  if (f.leadIds)
    where.push(f.leadIds.length ? sql`p.lead_organisation_id in (${uuidList(f.leadIds)})` : sql`false`);
  if (f.participantIds)
    where.push(
      f.participantIds.length
        ? sql`exists (select 1 from procurement_participants x where x.procurement_id = p.id
                      and x.municipality_id in (${uuidList(f.participantIds)}))`
        : sql`false`,
    );
  if (f.before) where.push(sql`(p.updated_at, p.id) < (${f.before.at}::timestamptz, ${f.before.id}::uuid)`);
  return queryRows<SummaryRow>(
    db,
    sql`select p.id, p.title, p.description, l.id as lead_id, l.name as lead_name, l.kind as lead_kind,
               t.key as technology_key, ${techName(lang)} as technology_name, p.phase, p.status, p.version,
               s.id as awarded_supplier_id, s.name as awarded_supplier_name,
               (select count(*)::int from procurement_participants c where c.procurement_id = p.id) as participant_count,
               (select count(*)::int from procurement_participants c
                 where c.procurement_id = p.id and c.status = 'confirmed') as confirmed_count,
               ${iso(sql`p.updated_at`)} as updated_at
        from procurements p
        join organisations l on l.id = p.lead_organisation_id
        join technologies t on t.id = p.technology_id
        left join suppliers s on s.id = p.awarded_supplier_id
        where ${sql.join(where, sql` and `)}
        order by p.updated_at desc, p.id desc
        limit ${f.limit}`,
  );
}

export interface ParticipantRow {
  municipality_id: string;
  code: string;
  name: string;
  status: string;
  invited_at: string;
  decision_on: string | null;
  document_id: string | null;
  document_name: string | null;
}

export async function procurementDetails(db: Db, id: string) {
  const [phases, checklist, participants, specification, initiatives, needs, contracts] = await Promise.all([
    queryRows<{
      phase: string;
      planned_start: string | null;
      planned_end: string | null;
      completed_on: string | null;
    }>(
      db,
      sql`select phase, planned_start::text, planned_end::text, completed_on::text
          from procurement_phases where procurement_id = ${id}`,
    ),
    queryRows<{ id: string; phase: string; label: string; done_at: string | null }>(
      db,
      sql`select id, phase, label, ${iso(sql`done_at`)} as done_at from procurement_checklist_items
          where procurement_id = ${id} order by position, id`,
    ),
    queryRows<ParticipantRow>(
      db,
      sql`select pp.municipality_id, m.code, m.name, pp.status, ${iso(sql`pp.invited_at`)} as invited_at,
                 pp.decision_on::text, d.id as document_id, d.file_name as document_name
          from procurement_participants pp
          join organisations m on m.id = pp.municipality_id
          left join procurement_documents d on d.id = pp.power_of_attorney_document_id
          where pp.procurement_id = ${id} order by m.name`,
    ),
    queryRows<{ id: string; title: string; item_count: number }>(
      db,
      sql`select s.id, s.title,
                 (select count(*)::int from requirement_specification_items i where i.specification_id = s.id) as item_count
          from requirement_specifications s where s.procurement_id = ${id}
          order by s.updated_at desc limit 1`,
    ),
    queryRows<{ id: string; title: string }>(
      db,
      sql`select i.id, i.title from procurement_initiatives pi join initiatives i on i.id = pi.initiative_id
          where pi.procurement_id = ${id} order by i.title`,
    ),
    queryRows<{ id: string; title: string }>(
      db,
      sql`select n.id, n.title from procurement_needs pn join needs n on n.id = pn.need_id
          where pn.procurement_id = ${id} order by n.title`,
    ),
    queryRows<{
      id: string;
      code: string;
      name: string;
      supplier: string;
      starts_on: string;
      ends_on: string;
    }>(
      db,
      sql`select c.id, m.code, m.name, s.name as supplier, c.starts_on::text, c.ends_on::text
          from contracts c join organisations m on m.id = c.municipality_id
          join suppliers s on s.id = c.supplier_id
          where c.procurement_id = ${id} order by m.name`,
    ),
  ]);
  return {
    phases,
    checklist,
    participants,
    specification: specification[0] ?? null,
    initiatives,
    needs,
    contracts,
  };
}

/** The municipalities a lead may invite: a region's, an association's members, a municipality's region's; all for the nation. */
export function invitableMunicipalities(
  db: Db,
  lead: { id: string; kind: string; parent_id: string | null },
) {
  const scope =
    lead.kind === 'nation'
      ? sql`true`
      : lead.kind === 'region'
        ? sql`m.parent_id = ${lead.id}`
        : lead.kind === 'association'
          ? sql`exists (select 1 from association_members am where am.association_id = ${lead.id} and am.municipality_id = m.id)`
          : lead.parent_id
            ? sql`m.parent_id = ${lead.parent_id}`
            : sql`m.id = ${lead.id}`;
  return queryRows<{ id: string; code: string; name: string }>(
    db,
    sql`select m.id, m.code, m.name from organisations m where m.kind = 'municipality' and ${scope} order by m.name`,
  );
}

export async function findOrganisation(db: Db, id: string) {
  const [row] = await queryRows<{ id: string; kind: string; name: string; parent_id: string | null }>(
    db,
    sql`select id, kind, name, parent_id from organisations where id = ${id}`,
  );
  return row ?? null;
}

export async function technologyIdOf(db: Db, key: string) {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from technologies where key = ${key}`);
  return row?.id ?? null;
}

export async function lockProcurement(tx: Db, id: string) {
  const [row] = await queryRows<{
    id: string;
    lead_organisation_id: string;
    phase: string;
    status: string;
    version: number;
    title: string;
    technology_id: string;
  }>(
    tx,
    sql`select id, lead_organisation_id, phase, status, version, title, technology_id
        from procurements where id = ${id} for update`,
  );
  return row ?? null;
}

/** Marks the procurement changed: the next version, and the top of the lists. */
export const touch = (tx: Db, id: string) =>
  tx.execute(sql`update procurements set version = version + 1, updated_at = now() where id = ${id}`);
