import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { ContractHistory } from '../../../shared/contracts/supplier-contracts.ts';
import { type Db, queryRows } from '../../db/client.ts';
import {
  contractDocuments,
  contractExtensions,
  contractHistory,
  contractProducts,
  contracts,
  contractTechnologies,
  supplierProducts,
  suppliers,
  technologies,
  users,
} from '../../db/schema/index.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type NewContractRow = typeof contracts.$inferInsert;
export type ExtensionRow = typeof contractExtensions.$inferSelect;

export async function findContract(db: Db, id: string, forUpdate = false): Promise<ContractRow | null> {
  const q = db.select().from(contracts).where(eq(contracts.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findSupplierState(db: Db, id: string) {
  const [row] = await db
    .select({ id: suppliers.id, name: suppliers.name, mergedInto: suppliers.mergedInto })
    .from(suppliers)
    .where(eq(suppliers.id, id));
  return row ?? null;
}

/** The ids among `ids` that are products of the supplier. */
export async function productsOfSupplier(db: Db, supplierId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: supplierProducts.id })
    .from(supplierProducts)
    .where(and(eq(supplierProducts.supplierId, supplierId), inArray(supplierProducts.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

export async function userExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
  return rows.length > 0;
}

/** Another contract of the municipality with the same contract number, if any. */
export async function externalRefHolder(
  db: Db,
  municipalityId: string,
  externalRef: string,
  exceptId?: string,
): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from contracts where municipality_id = ${municipalityId} and external_ref = ${externalRef}
        ${exceptId ? sql`and id <> ${exceptId}` : sql``} limit 1`,
  );
  return rows[0]?.id ?? null;
}

export async function insertContract(db: Db, row: NewContractRow) {
  const [created] = await db.insert(contracts).values(row).returning();
  return created!;
}

export async function updateContractRow(db: Db, id: string, values: Partial<NewContractRow>) {
  await db.update(contracts).set(values).where(eq(contracts.id, id));
}

export async function deleteContract(db: Db, id: string) {
  await db.delete(contracts).where(eq(contracts.id, id));
}

/** Technologies, products and extension options of one contract, as stored (keys, ids, options in order). */
export async function contractParts(db: Db, id: string) {
  const [techs, products, extensions] = await Promise.all([
    db
      .select({ key: technologies.key })
      .from(contractTechnologies)
      .innerJoin(technologies, eq(technologies.id, contractTechnologies.technologyId))
      .where(eq(contractTechnologies.contractId, id)),
    db
      .select({ id: contractProducts.productId })
      .from(contractProducts)
      .where(eq(contractProducts.contractId, id)),
    db
      .select()
      .from(contractExtensions)
      .where(eq(contractExtensions.contractId, id))
      .orderBy(asc(contractExtensions.position)),
  ]);
  return {
    technologyKeys: techs.map((t) => t.key).sort(),
    productIds: products.map((p) => p.id).sort(),
    extensions,
  };
}

export async function replaceParts(
  db: Db,
  id: string,
  parts: {
    technologyIds: string[];
    productIds: string[];
    extensions: { months: number; decideBy: string; status: string }[];
  },
) {
  await db.delete(contractTechnologies).where(eq(contractTechnologies.contractId, id));
  await db.delete(contractProducts).where(eq(contractProducts.contractId, id));
  await db.delete(contractExtensions).where(eq(contractExtensions.contractId, id));
  if (parts.technologyIds.length)
    await db
      .insert(contractTechnologies)
      .values(parts.technologyIds.map((technologyId) => ({ contractId: id, technologyId })));
  const productIds = [...new Set(parts.productIds)];
  if (productIds.length)
    await db.insert(contractProducts).values(productIds.map((productId) => ({ contractId: id, productId })));
  if (parts.extensions.length)
    await db
      .insert(contractExtensions)
      .values(parts.extensions.map((e, i) => ({ contractId: id, position: i + 1, ...e })));
}

export async function insertHistory(
  db: Db,
  entry: { contractId: string; action: string; changes: Record<string, unknown>; changedBy: string | null },
) {
  await db.insert(contractHistory).values(entry);
}

export async function historyOf(db: Db, id: string): Promise<ContractHistory['items']> {
  const rows = await queryRows<{
    id: string;
    action: ContractHistory['items'][number]['action'];
    changes: Record<string, { from: unknown; to: unknown }>;
    changed_by: string | null;
    changed_at: Date | string;
  }>(
    db,
    sql`select h.id, h.action, h.changes, u.name as changed_by, h.changed_at
        from contract_history h left join users u on u.id = h.changed_by
        where h.contract_id = ${id}
        order by h.changed_at desc, h.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    changes: r.changes,
    changedBy: r.changed_by,
    changedAt: new Date(r.changed_at).toISOString(),
  }));
}

export async function documentsOf(db: Db, id: string) {
  return queryRows<{
    id: string;
    kind: 'contract' | 'requirement_specification' | 'other';
    file_name: string;
    media_type: string;
    size_bytes: number;
    uploaded_at: Date | string;
    uploaded_by: string | null;
  }>(
    db,
    sql`select d.id, d.kind, d.file_name, d.media_type, d.size_bytes, d.uploaded_at, u.name as uploaded_by
        from contract_documents d left join users u on u.id = d.uploaded_by
        where d.contract_id = ${id} order by d.uploaded_at, d.id`,
  );
}

export async function findDocument(db: Db, contractId: string, docId: string) {
  const [row] = await db
    .select()
    .from(contractDocuments)
    .where(and(eq(contractDocuments.contractId, contractId), eq(contractDocuments.id, docId)));
  return row ?? null;
}

export async function insertDocument(db: Db, row: typeof contractDocuments.$inferInsert) {
  const [created] = await db.insert(contractDocuments).values(row).returning({ id: contractDocuments.id });
  return created!.id;
}

export async function deleteDocument(db: Db, docId: string) {
  await db.delete(contractDocuments).where(eq(contractDocuments.id, docId));
}

export const techName = (lang: UiLanguage) => (lang === 'en' ? sql`t.name_en` : sql`t.name_sv`);
