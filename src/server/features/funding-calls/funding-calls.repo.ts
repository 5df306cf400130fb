import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { fundingAllocations, fundingCalls } from '../../db/schema/index.ts';
import { uuidList } from '../../lib/sql-lists.ts';

export type FundingCallRow = typeof fundingCalls.$inferSelect & {
  ownerName: string;
  ownerKind: string;
  scopeName: string;
  scopeKind: string;
};

const callColumns = sql`c.id, c.title, c.description, c.owner_organisation_id as "ownerOrganisationId",
  c.scope_organisation_id as "scopeOrganisationId", c.year, c.total_sek::float8 as "totalSek",
  c.allocation_key as "allocationKey", c.requisition_deadline::text as "requisitionDeadline",
  c.reporting_deadline::text as "reportingDeadline", c.status, c.created_by as "createdBy",
  c.created_at as "createdAt", c.updated_at as "updatedAt",
  o.name as "ownerName", o.kind as "ownerKind", s.name as "scopeName", s.kind as "scopeKind"`;

/**
 * The calls a person sees: all (`all`), those her organisations own (`ownerIds`, drafts included),
 * and the opened or closed calls that cover her: national ones, or regional ones of `regionIds`.
 */
export function listCalls(db: Db, f: { all: boolean; ownerIds: string[]; regionIds: string[] }) {
  const owned = f.ownerIds.length ? sql`c.owner_organisation_id in (${uuidList(f.ownerIds)})` : sql`false`;
  const regional = f.regionIds.length
    ? sql`c.scope_organisation_id in (${uuidList(f.regionIds)})`
    : sql`false`;
  return queryRows<FundingCallRow>(
    db,
    sql`select ${callColumns}
        from funding_calls c
        join organisations o on o.id = c.owner_organisation_id
        join organisations s on s.id = c.scope_organisation_id
        where ${f.all ? sql`true` : sql`(${owned} or (c.status <> 'draft' and (s.kind = 'nation' or ${regional})))`}
        order by c.year desc, c.requisition_deadline desc, c.created_at desc
        limit 500`,
  );
}

export async function findCall(db: Db, id: string): Promise<FundingCallRow | null> {
  const [row] = await queryRows<FundingCallRow>(
    db,
    sql`select ${callColumns}
        from funding_calls c
        join organisations o on o.id = c.owner_organisation_id
        join organisations s on s.id = c.scope_organisation_id
        where c.id = ${id}`,
  );
  return row ?? null;
}

export async function insertCall(db: Db, values: typeof fundingCalls.$inferInsert) {
  const [row] = await db.insert(fundingCalls).values(values).returning({ id: fundingCalls.id });
  return row!.id;
}

export async function updateCall(db: Db, id: string, values: Partial<typeof fundingCalls.$inferInsert>) {
  await db
    .update(fundingCalls)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(fundingCalls.id, id));
}

export interface OrgRow {
  id: string;
  name: string;
  kind: string;
  code: string | null;
}

export function organisationsByIds(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as OrgRow[]);
  return queryRows<OrgRow>(
    db,
    sql`select id, name, kind, code from organisations where id in (${uuidList(ids)}) order by kind desc, name`,
  );
}

export interface MunicipalityRow {
  id: string;
  code: string;
  name: string;
}

/** Every municipality of the country, or of one region (a national call covers them all). */
export function municipalitiesOf(db: Db, scope: { id: string; kind: string } | null) {
  const where = scope && scope.kind !== 'nation' ? sql`and parent_id = ${scope.id}` : sql``;
  return queryRows<MunicipalityRow>(
    db,
    sql`select id, code, name from organisations where kind = 'municipality' ${where} order by code`,
  );
}

/** The regions that the municipalities belong to. */
export async function regionsOf(db: Db, municipalityIds: string[]): Promise<string[]> {
  if (!municipalityIds.length) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select distinct parent_id as id from organisations
        where id in (${uuidList(municipalityIds)}) and parent_id is not null`,
  );
  return rows.map((r) => r.id);
}

export interface AllocationDbRow {
  municipalityId: string;
  code: string;
  name: string;
  keyValue: number | null;
  allocatedSek: number;
  requisitionedSek: number;
  requisitionedAt: Date | string | null;
  reportedAt: Date | string | null;
  reportText: string | null;
  usedSek: number;
}

/** Which allocation rows of a call a person sees: all, or those of her regions, associations or municipalities. */
export interface AllocationReach {
  all: boolean;
  regionIds: string[];
  associationIds: string[];
  municipalityIds: string[];
}

/**
 * A call's allocations with what each municipality has used: the sum of its initiative funding rows
 * linked to the call, one grouped pass over `initiative_funding_call_idx`.
 */
export function allocations(db: Db, callId: string, reach: AllocationReach, municipalityId?: string) {
  const conditions = reach.all
    ? [sql`true`]
    : [
        reach.regionIds.length ? sql`m.parent_id in (${uuidList(reach.regionIds)})` : null,
        reach.municipalityIds.length ? sql`a.municipality_id in (${uuidList(reach.municipalityIds)})` : null,
        reach.associationIds.length
          ? sql`exists (select 1 from association_members am where am.municipality_id = a.municipality_id
                and am.association_id in (${uuidList(reach.associationIds)}))`
          : null,
      ].filter((c) => c !== null);
  const visible = conditions.length ? sql.join(conditions, sql` or `) : sql`false`;
  return queryRows<AllocationDbRow>(
    db,
    sql`select a.municipality_id as "municipalityId", m.code, m.name, a.key_value as "keyValue",
          a.allocated_sek::float8 as "allocatedSek", a.requisitioned_sek::float8 as "requisitionedSek",
          a.requisitioned_at as "requisitionedAt", a.reported_at as "reportedAt", a.report_text as "reportText",
          coalesce(u.used, 0)::float8 as "usedSek"
        from funding_allocations a
        join organisations m on m.id = a.municipality_id
        left join (
          select recipient_municipality_id as mid, sum(used_sek) as used
          from initiative_funding where funding_call_id = ${callId}
          group by recipient_municipality_id
        ) u on u.mid = a.municipality_id
        where a.call_id = ${callId} and (${visible})
          ${municipalityId ? sql`and a.municipality_id = ${municipalityId}` : sql``}
        order by m.code`,
  );
}

export async function allocatedTotal(db: Db, callId: string): Promise<number> {
  const [row] = await queryRows<{ total: number }>(
    db,
    sql`select coalesce(sum(allocated_sek), 0)::float8 as total from funding_allocations where call_id = ${callId}`,
  );
  return row?.total ?? 0;
}

/** The allocation locked for a change (requisition, report): no two requisitions race. */
export async function lockAllocation(db: Db, callId: string, municipalityId: string) {
  const [row] = await queryRows<{ allocatedSek: number; requisitionedSek: number; reportedAt: Date | null }>(
    db,
    sql`select allocated_sek::float8 as "allocatedSek", requisitioned_sek::float8 as "requisitionedSek",
          reported_at as "reportedAt"
        from funding_allocations where call_id = ${callId} and municipality_id = ${municipalityId} for update`,
  );
  return row ?? null;
}

export function currentAllocations(db: Db, callId: string) {
  return db
    .select({
      municipalityId: fundingAllocations.municipalityId,
      keyValue: fundingAllocations.keyValue,
      allocatedSek: fundingAllocations.allocatedSek,
      requisitionedSek: fundingAllocations.requisitionedSek,
    })
    .from(fundingAllocations)
    .where(eq(fundingAllocations.callId, callId));
}

/** Replaces a call's allocations: rows not given are removed, the others set (requisitions kept). */
export async function replaceAllocations(
  db: Db,
  callId: string,
  rows: { municipalityId: string; allocatedSek: number; keyValue: number | null }[],
) {
  const keep = rows.map((r) => r.municipalityId);
  await queryRows(
    db,
    sql`delete from funding_allocations where call_id = ${callId}
        ${keep.length ? sql`and municipality_id not in (${uuidList(keep)})` : sql``}`,
  );
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(fundingAllocations)
      .values(rows.slice(i, i + 500).map((r) => ({ callId, ...r })))
      .onConflictDoUpdate({
        target: [fundingAllocations.callId, fundingAllocations.municipalityId],
        set: { allocatedSek: sql`excluded.allocated_sek`, keyValue: sql`excluded.key_value` },
      });
  }
}

export async function setRequisition(
  db: Db,
  callId: string,
  municipalityId: string,
  values: { requisitionedSek: number; requisitionedBy: string },
) {
  await db
    .update(fundingAllocations)
    .set({ ...values, requisitionedAt: new Date() })
    .where(and(eq(fundingAllocations.callId, callId), eq(fundingAllocations.municipalityId, municipalityId)));
}

export async function setReport(
  db: Db,
  callId: string,
  municipalityId: string,
  values: { reportText: string; reportedBy: string },
) {
  await db
    .update(fundingAllocations)
    .set({ ...values, reportedAt: new Date() })
    .where(and(eq(fundingAllocations.callId, callId), eq(fundingAllocations.municipalityId, municipalityId)));
}

export interface LinkedFundingRow {
  id: string;
  initiativeId: string;
  initiativeTitle: string;
  year: number;
  grantedSek: number;
  usedSek: number;
  note: string | null;
}

/** The initiative funding rows that take money from the municipality's allocation in the call. */
export function linkedFunding(db: Db, callId: string, municipalityId: string) {
  return queryRows<LinkedFundingRow>(
    db,
    sql`select f.id, i.id as "initiativeId", i.title as "initiativeTitle", f.year,
          f.granted_sek::float8 as "grantedSek", f.used_sek::float8 as "usedSek", f.note
        from initiative_funding f join initiatives i on i.id = f.initiative_id
        where f.funding_call_id = ${callId} and f.recipient_municipality_id = ${municipalityId}
        order by f.year, i.title`,
  );
}

export async function municipalityByCode(db: Db, code: string) {
  const [row] = await queryRows<MunicipalityRow & { parentId: string | null }>(
    db,
    sql`select id, code, name, parent_id as "parentId" from organisations where kind = 'municipality' and code = ${code}`,
  );
  return row ?? null;
}
