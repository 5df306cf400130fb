import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Db, queryRows } from '../../db/client.ts';
import {
  supplierContacts,
  supplierProducts,
  supplierProductTechnologies,
  suppliers,
  supplierTechnologies,
  technologies,
} from '../../db/schema/index.ts';
import { prefixQuery } from '../people/people-search.repo.ts';

export type SupplierRow = typeof suppliers.$inferSelect;
export type ContactRow = typeof supplierContacts.$inferSelect;
export type ProductRow = typeof supplierProducts.$inferSelect;
export interface TechnologyRef {
  ownerId: string;
  key: string;
  name: string;
}

export interface SupplierListRow {
  id: string;
  name: string;
  org_number: string;
  website: string | null;
  sort_name: string;
  product_count: number;
}

/**
 * A page of live (not merged) suppliers in Swedish order, keyset-paged on (sort_name, id). The query
 * matches words of the name by prefix, or — when it is digits — the start of the organisation number.
 */
export async function listSuppliers(
  db: Db,
  query: {
    q?: string | undefined;
    technologyId?: string | undefined;
    limit: number;
    after: { sortName: string; id: string } | null;
  },
): Promise<SupplierListRow[]> {
  const digits = query.q?.replace(/[\s-]/g, '') ?? '';
  const match = !query.q
    ? sql``
    : /^\d+$/.test(digits)
      ? sql`and replace(s.org_number, '-', '') like ${`${digits}%`}`
      : sql`and to_tsvector('simple', s.name) @@ ${prefixQuery(query.q)}`;
  const delivers = query.technologyId
    ? sql`and (exists (select 1 from supplier_technologies st
                where st.supplier_id = s.id and st.technology_id = ${query.technologyId})
            or exists (select 1 from supplier_products p join supplier_product_technologies pt on pt.product_id = p.id
                where p.supplier_id = s.id and pt.technology_id = ${query.technologyId}))`
    : sql``;
  const after = query.after
    ? sql`and (s.sort_name collate "C", s.id) > (${query.after.sortName} collate "C", ${query.after.id}::uuid)`
    : sql``;
  return queryRows<SupplierListRow>(
    db,
    sql`select s.id, s.name, s.org_number, s.website, s.sort_name,
               (select count(*)::int from supplier_products p where p.supplier_id = s.id) as product_count
        from suppliers s
        where s.merged_into is null ${match} ${delivers} ${after}
        order by s.sort_name collate "C", s.id
        limit ${query.limit + 1}`,
  );
}

export async function findSupplier(db: Db, id: string, forUpdate = false): Promise<SupplierRow | null> {
  const q = db.select().from(suppliers).where(eq(suppliers.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function orgNumberTaken(db: Db, orgNumber: string, exceptId?: string) {
  const rows = await db
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(eq(suppliers.orgNumber, orgNumber));
  return rows.some((r) => r.id !== exceptId);
}

export async function insertSupplier(db: Db, values: typeof suppliers.$inferInsert) {
  const [row] = await db.insert(suppliers).values(values).returning();
  return row!;
}

export async function updateSupplier(db: Db, id: string, values: Partial<typeof suppliers.$inferInsert>) {
  await db
    .update(suppliers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(suppliers.id, id));
}

/** The ids of catalogue technologies by key; a key not in the catalogue is missing from the map. */
export async function technologyIds(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ id: technologies.id, key: technologies.key })
    .from(technologies)
    .where(inArray(technologies.key, [...keys]));
  return new Map(rows.map((r) => [r.key, r.id]));
}

const techName = (lang: UiLanguage) => (lang === 'en' ? technologies.nameEn : technologies.nameSv);

export async function technologiesOfSuppliers(
  db: Db,
  ids: string[],
  lang: UiLanguage,
): Promise<TechnologyRef[]> {
  if (ids.length === 0) return [];
  return db
    .select({ ownerId: supplierTechnologies.supplierId, key: technologies.key, name: techName(lang) })
    .from(supplierTechnologies)
    .innerJoin(technologies, eq(technologies.id, supplierTechnologies.technologyId))
    .where(inArray(supplierTechnologies.supplierId, ids))
    .orderBy(asc(technologies.sortOrder), asc(technologies.key));
}

export async function technologiesOfProducts(
  db: Db,
  ids: string[],
  lang: UiLanguage,
): Promise<TechnologyRef[]> {
  if (ids.length === 0) return [];
  return db
    .select({ ownerId: supplierProductTechnologies.productId, key: technologies.key, name: techName(lang) })
    .from(supplierProductTechnologies)
    .innerJoin(technologies, eq(technologies.id, supplierProductTechnologies.technologyId))
    .where(inArray(supplierProductTechnologies.productId, ids))
    .orderBy(asc(technologies.sortOrder), asc(technologies.key));
}

export async function replaceSupplierTechnologies(db: Db, supplierId: string, technologyIds: string[]) {
  await db.delete(supplierTechnologies).where(eq(supplierTechnologies.supplierId, supplierId));
  if (technologyIds.length)
    await db
      .insert(supplierTechnologies)
      .values(technologyIds.map((technologyId) => ({ supplierId, technologyId })));
}

export function contactsOf(db: Db, supplierId: string): Promise<ContactRow[]> {
  return db
    .select()
    .from(supplierContacts)
    .where(eq(supplierContacts.supplierId, supplierId))
    .orderBy(asc(supplierContacts.name), asc(supplierContacts.id));
}

export async function replaceContacts(
  db: Db,
  supplierId: string,
  contacts: Omit<typeof supplierContacts.$inferInsert, 'supplierId'>[],
) {
  await db.delete(supplierContacts).where(eq(supplierContacts.supplierId, supplierId));
  if (contacts.length) await db.insert(supplierContacts).values(contacts.map((c) => ({ ...c, supplierId })));
}

export function productsOf(db: Db, supplierId: string): Promise<ProductRow[]> {
  return db
    .select()
    .from(supplierProducts)
    .where(eq(supplierProducts.supplierId, supplierId))
    .orderBy(asc(sql`lower(${supplierProducts.name})`), asc(supplierProducts.id));
}

export async function findProduct(db: Db, id: string): Promise<ProductRow | null> {
  const [row] = await db.select().from(supplierProducts).where(eq(supplierProducts.id, id));
  return row ?? null;
}

export async function insertProduct(db: Db, values: typeof supplierProducts.$inferInsert) {
  const [row] = await db.insert(supplierProducts).values(values).returning();
  return row!;
}

export async function updateProduct(
  db: Db,
  id: string,
  values: Partial<typeof supplierProducts.$inferInsert>,
) {
  await db
    .update(supplierProducts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(supplierProducts.id, id));
}

export async function deleteProduct(db: Db, id: string) {
  await db.delete(supplierProducts).where(eq(supplierProducts.id, id));
}

export async function replaceProductTechnologies(db: Db, productId: string, technologyIds: string[]) {
  await db.delete(supplierProductTechnologies).where(eq(supplierProductTechnologies.productId, productId));
  if (technologyIds.length)
    await db
      .insert(supplierProductTechnologies)
      .values(technologyIds.map((technologyId) => ({ productId, technologyId })));
}

export async function supplierNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: suppliers.id, name: suppliers.name })
    .from(suppliers)
    .where(and(inArray(suppliers.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
