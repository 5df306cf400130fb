import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OrgContext } from '../../../shared/access/index.ts';
import type {
  OrganisationFlag,
  OrganisationKind,
  OrganisationSummary,
} from '../../../shared/contracts/organisations.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { associationMembers, memberships, organisations } from '../../db/schema/index.ts';

const summaryColumns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  code: organisations.code,
  countyCode: organisations.countyCode,
  parentId: organisations.parentId,
  subtype: organisations.subtype,
  flags: organisations.flags,
};

type SummaryRow = Omit<OrganisationSummary, 'flags'> & { flags: string[] };
export const toSummary = (r: SummaryRow): OrganisationSummary => ({
  ...r,
  flags: r.flags as OrganisationFlag[],
});

export async function findOrganisation(db: Db, id: string) {
  const [row] = await db.select(summaryColumns).from(organisations).where(eq(organisations.id, id));
  return row ? toSummary(row) : null;
}

export async function findByKindAndCode(db: Db, kind: OrganisationKind, code: string) {
  const [row] = await db
    .select(summaryColumns)
    .from(organisations)
    .where(and(eq(organisations.kind, kind), eq(organisations.code, code)));
  return row ? toSummary(row) : null;
}

/** The organisation and its ancestors up to the nation, nearest first (self first). */
export async function loadChain(db: Db, id: string): Promise<OrganisationSummary[]> {
  const rows = await queryRows<SummaryRow & { parent_id: string | null; county_code: string | null }>(
    db,
    sql`with recursive up as (
          select o.*, 0 as depth from organisations o where o.id = ${id}
          union all
          select o.*, up.depth + 1 from organisations o join up on o.id = up.parent_id where up.depth < 10
        )
        select id, kind, name, code, county_code, parent_id, subtype, flags from up order by depth`,
  );
  return rows.map((r) =>
    toSummary({
      id: r.id,
      kind: r.kind,
      name: r.name,
      code: r.code,
      countyCode: r.county_code,
      parentId: r.parent_id,
      subtype: r.subtype,
      flags: r.flags,
    }),
  );
}

/** Where an organisation sits in the tree: the input of every access decision. */
export async function contextOfChain(db: Db, chain: OrganisationSummary[]): Promise<OrgContext | null> {
  const self = chain[0];
  if (!self) return null;
  const municipalityIds = chain.filter((c) => c.kind === 'municipality').map((c) => c.id);
  const assoc = municipalityIds.length
    ? await db
        .select({ id: associationMembers.associationId })
        .from(associationMembers)
        .where(inArray(associationMembers.municipalityId, municipalityIds))
    : [];
  return {
    id: self.id,
    kind: self.kind,
    lineage: chain.map((c) => c.id),
    associationIds: assoc.map((a) => a.id),
  };
}

export async function loadOrgContext(db: Db, id: string): Promise<OrgContext | null> {
  return contextOfChain(db, await loadChain(db, id));
}

export async function listChildren(db: Db, parentId: string) {
  const rows = await db
    .select(summaryColumns)
    .from(organisations)
    .where(eq(organisations.parentId, parentId));
  return rows.map(toSummary);
}

export async function listByKind(db: Db, kind: OrganisationKind) {
  const rows = await db.select(summaryColumns).from(organisations).where(eq(organisations.kind, kind));
  return rows.map(toSummary);
}

export async function listAssociationMembers(db: Db, associationId: string) {
  const rows = await db
    .select(summaryColumns)
    .from(associationMembers)
    .innerJoin(organisations, eq(organisations.id, associationMembers.municipalityId))
    .where(eq(associationMembers.associationId, associationId));
  return rows.map(toSummary);
}

export async function listAssociationsOf(db: Db, municipalityId: string) {
  const rows = await db
    .select(summaryColumns)
    .from(associationMembers)
    .innerJoin(organisations, eq(organisations.id, associationMembers.associationId))
    .where(eq(associationMembers.municipalityId, municipalityId));
  return rows.map(toSummary);
}

export async function listMunicipalitiesWithCounty(db: Db) {
  return queryRows<{
    id: string;
    code: string;
    name: string;
    county_code: string;
    region_id: string;
    flags: string[];
  }>(
    db,
    sql`select m.id, m.code, m.name, m.county_code, m.parent_id as region_id, m.flags
        from organisations m where m.kind = 'municipality'`,
  );
}

/** Direct members of an organisation (distinct people), for the organisation page's headline figure. */
export async function countMembers(db: Db, organisationId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${memberships.userId})::int` })
    .from(memberships)
    .where(eq(memberships.organisationId, organisationId));
  return row?.n ?? 0;
}

export async function insertOrganisation(
  db: Db,
  values: {
    kind: OrganisationKind;
    name: string;
    parentId: string | null;
    subtype: string | null;
    countyCode?: string | null;
  },
) {
  const [row] = await db.insert(organisations).values(values).returning(summaryColumns);
  return toSummary(row!);
}

export async function updateOrganisation(db: Db, id: string, values: { name?: string; flags?: string[] }) {
  const [row] = await db
    .update(organisations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(organisations.id, id))
    .returning(summaryColumns);
  return row ? toSummary(row) : null;
}

export async function replaceAssociationMembers(db: Db, associationId: string, municipalityIds: string[]) {
  await db.delete(associationMembers).where(eq(associationMembers.associationId, associationId));
  if (municipalityIds.length) {
    await db
      .insert(associationMembers)
      .values(municipalityIds.map((municipalityId) => ({ associationId, municipalityId })));
  }
}

export async function findMunicipalitiesByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  const rows = await db
    .select(summaryColumns)
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), inArray(organisations.code, codes)));
  return rows.map(toSummary);
}
