import type { Actor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { ProductInput, ProductStandard, ProductView } from '../../../shared/contracts/suppliers.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './suppliers.repo.ts';
import { requireMaintainer, resolveTechnologies } from './suppliers.service.ts';

async function views(db: Db, rows: repo.ProductRow[], lang: UiLanguage): Promise<ProductView[]> {
  const [techs, names] = await Promise.all([
    repo.technologiesOfProducts(
      db,
      rows.map((r) => r.id),
      lang,
    ),
    repo.supplierNames(db, [...new Set(rows.map((r) => r.supplierId))]),
  ]);
  return rows.map((p) => ({
    id: p.id,
    supplier: { id: p.supplierId, name: names.get(p.supplierId) ?? '' },
    name: p.name,
    technologies: techs.filter((t) => t.ownerId === p.id).map(({ key, name }) => ({ key, name })),
    standards: p.standards as ProductStandard[],
    interoperability: p.interoperability,
  }));
}

const snapshot = (input: ProductInput) => ({
  name: input.name,
  technologyKeys: [...new Set(input.technologyKeys)].sort(),
  standards: [...new Set(input.standards)],
  interoperability: input.interoperability ?? null,
});

async function viewOf(db: Db, id: string, lang: UiLanguage): Promise<ProductView> {
  const row = await repo.findProduct(db, id);
  if (!row) throw notFound();
  return (await views(db, [row], lang))[0]!;
}

/** A merged duplicate has no products of its own any more: they are listed under the kept supplier. */
export async function listProducts(db: Db, supplierId: string, lang: UiLanguage): Promise<ProductView[]> {
  if (!(await repo.findSupplier(db, supplierId))) throw notFound();
  return views(db, await repo.productsOf(db, supplierId), lang);
}

export async function createProduct(
  db: Db,
  actor: Actor,
  supplierId: string,
  input: ProductInput,
  lang: UiLanguage,
): Promise<ProductView> {
  requireMaintainer(actor);
  const technologyIds = await resolveTechnologies(db, input.technologyKeys, 'body.technologyKeys');
  const id = await db.transaction(async (tx) => {
    const supplier = await repo.findSupplier(tx, supplierId, true);
    if (!supplier) throw notFound();
    if (supplier.mergedInto) throw new AppError(409, 'supplier_merged');
    const row = await repo.insertProduct(tx, {
      supplierId,
      name: input.name,
      standards: [...new Set(input.standards)],
      interoperability: input.interoperability ?? null,
    });
    await repo.replaceProductTechnologies(tx, row.id, technologyIds);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'supplier_product.created',
      entityType: 'supplier_product',
      entityId: row.id,
      after: { supplierId, ...snapshot(input) },
    });
    return row.id;
  });
  return viewOf(db, id, lang);
}

export async function updateProduct(
  db: Db,
  actor: Actor,
  id: string,
  input: ProductInput,
  lang: UiLanguage,
): Promise<ProductView> {
  requireMaintainer(actor);
  const technologyIds = await resolveTechnologies(db, input.technologyKeys, 'body.technologyKeys');
  await db.transaction(async (tx) => {
    const before = await repo.findProduct(tx, id);
    if (!before) throw notFound();
    const beforeTechs = await repo.technologiesOfProducts(tx, [id], 'sv');
    await repo.updateProduct(tx, id, {
      name: input.name,
      standards: [...new Set(input.standards)],
      interoperability: input.interoperability ?? null,
    });
    await repo.replaceProductTechnologies(tx, id, technologyIds);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'supplier_product.updated',
      entityType: 'supplier_product',
      entityId: id,
      before: {
        name: before.name,
        technologyKeys: beforeTechs.map((t) => t.key).sort(),
        standards: before.standards,
        interoperability: before.interoperability,
      },
      after: snapshot(input),
    });
  });
  return viewOf(db, id, lang);
}

export async function deleteProduct(db: Db, actor: Actor, id: string): Promise<{ ok: true }> {
  requireMaintainer(actor);
  await db.transaction(async (tx) => {
    const before = await repo.findProduct(tx, id);
    if (!before) throw notFound();
    await repo.deleteProduct(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'supplier_product.deleted',
      entityType: 'supplier_product',
      entityId: id,
      before: { supplierId: before.supplierId, name: before.name },
    });
  });
  return { ok: true };
}
