import { type Actor, maintainsSuppliers } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  SupplierInput,
  SupplierListQuery,
  SupplierPage,
  SupplierView,
} from '../../../shared/contracts/suppliers.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { moveSupplierReferences } from './supplier-merge.ts';
import * as repo from './suppliers.repo.ts';

export function requireMaintainer(actor: Actor) {
  if (!maintainsSuppliers(actor)) throw forbidden();
}

const encodeCursor = (r: repo.SupplierListRow) =>
  Buffer.from(JSON.stringify([r.sort_name, r.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): { sortName: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [sortName, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortName === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
      return { sortName, id };
    }
  } catch {
    // An unreadable cursor is the caller's mistake: answered below as a 400.
  }
  throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
}

const byOwner = <T extends { ownerId: string }>(rows: T[]) => {
  const map = new Map<string, Omit<T, 'ownerId'>[]>();
  for (const { ownerId, ...rest } of rows) map.set(ownerId, [...(map.get(ownerId) ?? []), rest]);
  return map;
};

/** Every signed-in person reads the register: live suppliers only (a merged duplicate is not listed). */
export async function listSuppliers(
  db: Db,
  query: SupplierListQuery,
  lang: UiLanguage,
): Promise<SupplierPage> {
  let technologyId: string | undefined;
  if (query.technology) {
    technologyId = (await repo.technologyIds(db, [query.technology])).get(query.technology);
    if (!technologyId)
      throw new AppError(400, 'validation_failed', [
        { path: 'querystring.technology', code: 'unknown_technology' },
      ]);
  }
  const rows = await repo.listSuppliers(db, {
    q: query.q || undefined,
    technologyId,
    limit: query.limit,
    after: decodeCursor(query.cursor),
  });
  const pageRows = rows.slice(0, query.limit);
  const techs = byOwner(
    await repo.technologiesOfSuppliers(
      db,
      pageRows.map((r) => r.id),
      lang,
    ),
  );
  return {
    items: pageRows.map((r) => ({
      id: r.id,
      name: r.name,
      orgNumber: r.org_number,
      website: r.website,
      technologies: techs.get(r.id) ?? [],
      productCount: r.product_count,
    })),
    nextCursor: rows.length > query.limit ? encodeCursor(pageRows.at(-1)!) : null,
  };
}

export async function getSupplier(db: Db, actor: Actor, id: string, lang: UiLanguage): Promise<SupplierView> {
  const s = await repo.findSupplier(db, id);
  if (!s) throw notFound();
  const [techs, contacts, products, names] = await Promise.all([
    repo.technologiesOfSuppliers(db, [id], lang),
    repo.contactsOf(db, id),
    repo.productsOf(db, id),
    repo.supplierNames(db, s.mergedInto ? [s.mergedInto] : []),
  ]);
  return {
    id: s.id,
    name: s.name,
    orgNumber: s.orgNumber,
    website: s.website,
    technologies: techs.map(({ key, name }) => ({ key, name })),
    productCount: products.length,
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, role: c.role, email: c.email, phone: c.phone })),
    mergedInto: s.mergedInto ? { id: s.mergedInto, name: names.get(s.mergedInto) ?? '' } : null,
    canManage: maintainsSuppliers(actor) && !s.mergedInto,
  };
}

/** Catalogue ids for the keys, or a 400 naming each unknown key's place in the body. */
export async function resolveTechnologies(db: Db, keys: readonly string[], path: string): Promise<string[]> {
  const unique = [...new Set(keys)];
  const ids = await repo.technologyIds(db, unique);
  const unknown = keys.flatMap((k, i) =>
    ids.has(k) ? [] : [{ path: `${path}.${i}`, code: 'unknown_technology' }],
  );
  if (unknown.length) throw new AppError(400, 'validation_failed', unknown);
  return unique.map((k) => ids.get(k)!);
}

const orgNumberTaken = () =>
  new AppError(409, 'org_number_taken', [{ path: 'body.orgNumber', code: 'org_number_taken' }]);

const snapshot = (input: SupplierInput) => ({
  name: input.name,
  orgNumber: input.orgNumber,
  website: input.website ?? null,
  technologyKeys: [...new Set(input.technologyKeys)].sort(),
  contacts: input.contacts.length,
});

export async function createSupplier(
  db: Db,
  actor: Actor,
  input: SupplierInput,
  lang: UiLanguage,
): Promise<SupplierView> {
  requireMaintainer(actor);
  const technologyIds = await resolveTechnologies(db, input.technologyKeys, 'body.technologyKeys');
  const id = await db.transaction(async (tx) => {
    if (await repo.orgNumberTaken(tx, input.orgNumber)) throw orgNumberTaken();
    const row = await repo.insertSupplier(tx, {
      name: input.name,
      orgNumber: input.orgNumber,
      website: input.website ?? null,
      createdBy: actor.userId,
    });
    await repo.replaceSupplierTechnologies(tx, row.id, technologyIds);
    await repo.replaceContacts(tx, row.id, input.contacts);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'supplier.created',
      entityType: 'supplier',
      entityId: row.id,
      after: snapshot(input),
    });
    return row.id;
  });
  return getSupplier(db, actor, id, lang);
}

async function requireLive(db: Db, id: string) {
  const s = await repo.findSupplier(db, id, true);
  if (!s) throw notFound();
  if (s.mergedInto) throw new AppError(409, 'supplier_merged');
  return s;
}

export async function updateSupplier(
  db: Db,
  actor: Actor,
  id: string,
  input: SupplierInput,
  lang: UiLanguage,
): Promise<SupplierView> {
  requireMaintainer(actor);
  const technologyIds = await resolveTechnologies(db, input.technologyKeys, 'body.technologyKeys');
  await db.transaction(async (tx) => {
    const before = await requireLive(tx, id);
    if (await repo.orgNumberTaken(tx, input.orgNumber, id)) throw orgNumberTaken();
    const [techs, contacts] = await Promise.all([
      repo.technologiesOfSuppliers(tx, [id], 'sv'),
      repo.contactsOf(tx, id),
    ]);
    await repo.updateSupplier(tx, id, {
      name: input.name,
      orgNumber: input.orgNumber,
      website: input.website ?? null,
    });
    await repo.replaceSupplierTechnologies(tx, id, technologyIds);
    await repo.replaceContacts(tx, id, input.contacts);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'supplier.updated',
      entityType: 'supplier',
      entityId: id,
      before: {
        name: before.name,
        orgNumber: before.orgNumber,
        website: before.website,
        technologyKeys: techs.map((t) => t.key).sort(),
        contacts: contacts.length,
      },
      after: snapshot(input),
    });
  });
  return getSupplier(db, actor, id, lang);
}

/**
 * Merges a duplicate into the supplier of the path: every reference to the duplicate moves (found in
 * the catalog, see supplier-merge.ts), and the duplicate stays as a pointer to the kept supplier.
 */
export async function mergeSupplier(
  db: Db,
  actor: Actor,
  keptId: string,
  duplicateId: string,
  lang: UiLanguage,
): Promise<SupplierView> {
  requireMaintainer(actor);
  if (keptId === duplicateId)
    throw new AppError(400, 'validation_failed', [{ path: 'body.duplicateId', code: 'merge_same_supplier' }]);
  await db.transaction(async (tx) => {
    const kept = await requireLive(tx, keptId);
    const duplicate = await repo.findSupplier(tx, duplicateId, true);
    if (!duplicate)
      throw new AppError(400, 'validation_failed', [{ path: 'body.duplicateId', code: 'unknown_supplier' }]);
    if (duplicate.mergedInto)
      throw new AppError(409, 'supplier_merged', [{ path: 'body.duplicateId', code: 'supplier_merged' }]);
    const moved = await moveSupplierReferences(tx, duplicate.id, kept.id);
    await repo.updateSupplier(tx, duplicate.id, { mergedInto: kept.id });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'supplier.merged',
      entityType: 'supplier',
      entityId: kept.id,
      before: { duplicate: { id: duplicate.id, name: duplicate.name, orgNumber: duplicate.orgNumber } },
      after: { keptId: kept.id, moved },
    });
  });
  return getSupplier(db, actor, keptId, lang);
}
