import { type Actor, authorizeOwn, scopeFor, scopeIdsAt } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  CreateDefinition,
  CreateDefinitionVersion,
  Definition,
  DefinitionDetail,
  DefinitionList,
  DefinitionOwner,
} from '../../../shared/contracts/definitions.ts';
import type { Db } from '../../db/client.ts';
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './definitions.repo.ts';

/**
 * Shared definitions (issue 8). Every signed-in user reads every owner's definitions: they are the
 * published vocabulary of a steering group. Adding a term or a version needs `definition.manage` held
 * at the owner itself (`authorizeOwn`): a region's steering group speaks for the region, not for its
 * neighbours. A version is never edited; a change is the next version.
 */

const ownerKinds = new Set(['nation', 'region', 'association']);

const ownerOf = (r: {
  owner_id: string;
  owner_name: string;
  owner_kind: DefinitionOwner['kind'];
  owner_code: string | null;
}): DefinitionOwner => ({ id: r.owner_id, name: r.owner_name, kind: r.owner_kind, code: r.owner_code });

/** The nation's definitions first (the shared default), then other owners in Swedish name order. */
const byOwner = (a: DefinitionOwner, b: DefinitionOwner) =>
  Number(b.kind === 'nation') - Number(a.kind === 'nation') || swedishCollator.compare(a.name, b.name);

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

const toVersion = (r: repo.VersionRow) => ({
  version: r.version,
  termSv: r.term_sv,
  termEn: r.term_en,
  bodySv: r.body_sv,
  bodyEn: r.body_en,
  agreedNote: r.agreed_note,
  createdAt: iso(r.created_at),
});

const toDefinition = (actor: Actor, r: repo.DefinitionRow): Definition => ({
  id: r.id,
  key: r.key,
  owner: ownerOf(r),
  current: toVersion(r),
  canManage: authorizeOwn(actor, 'definition.manage', { id: r.owner_id }),
});

export async function listDefinitions(
  db: Db,
  actor: Actor,
  q: { owner?: string | undefined },
  lang: UiLanguage,
): Promise<DefinitionList> {
  const rows = await repo.selectDefinitions(db, q.owner ? { ownerId: q.owner } : {});
  const groups = new Map<string, { owner: DefinitionOwner; items: Definition[] }>();
  for (const r of rows) {
    const g = groups.get(r.owner_id) ?? { owner: ownerOf(r), items: [] };
    g.items.push(toDefinition(actor, r));
    groups.set(r.owner_id, g);
  }
  const term = (d: Definition) => (lang === 'sv' ? d.current.termSv : d.current.termEn);
  for (const g of groups.values()) g.items.sort((a, b) => swedishCollator.compare(term(a), term(b)));
  const managed = scopeIdsAt(scopeFor(actor, 'definition.manage'), ownerKinds);
  const manageableOwners = (await repo.ownersByIds(db, managed)).sort(byOwner);
  return { groups: [...groups.values()].sort((a, b) => byOwner(a.owner, b.owner)), manageableOwners };
}

async function detailOf(db: Db, actor: Actor, row: repo.DefinitionRow, others: repo.DefinitionRow[]) {
  const versions = await repo.selectVersions(db, row.id);
  return {
    ...toDefinition(actor, row),
    versions: versions.map(toVersion),
    alternatives: others.filter((o) => o.id !== row.id).map(ownerOf),
  } satisfies DefinitionDetail;
}

/** One term with its history: the given owner's, else the nation's, else the first owner's by name. */
export async function getDefinition(
  db: Db,
  actor: Actor,
  key: string,
  ownerId?: string,
): Promise<DefinitionDetail> {
  const rows = (await repo.selectDefinitions(db, { key })).sort((a, b) => byOwner(ownerOf(a), ownerOf(b)));
  const row = ownerId ? rows.find((r) => r.owner_id === ownerId) : rows[0];
  if (!row) throw notFound();
  return detailOf(db, actor, row, rows);
}

async function detailById(db: Db, actor: Actor, id: string) {
  const [row] = await repo.selectDefinitions(db, { id });
  return getDefinition(db, actor, row!.key, row!.owner_id);
}

const versionInput = (v: CreateDefinitionVersion | CreateDefinition): repo.VersionInput => ({
  termSv: v.termSv,
  termEn: v.termEn,
  bodySv: v.bodySv,
  bodyEn: v.bodyEn,
  agreedNote: v.agreedNote?.trim() ? v.agreedNote.trim() : null,
});

export async function createDefinition(db: Db, actor: Actor, input: CreateDefinition) {
  const owner = await repo.findOwner(db, input.ownerId);
  if (!owner || !ownerKinds.has(owner.kind))
    throw badRequest('validation_failed', [{ path: 'body.ownerId', code: 'unknown_organisation' }]);
  if (!authorizeOwn(actor, 'definition.manage', owner)) throw forbidden();
  const values = versionInput(input);
  const id = await db.transaction(async (tx) => {
    const newId = await repo.insertDefinition(tx, owner.id, input.key);
    if (!newId)
      throw new AppError(409, 'definition_exists', [{ path: 'body.key', code: 'definition_exists' }]);
    await repo.insertVersion(tx, newId, 1, values, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'definition.created',
      entityType: 'definition',
      entityId: newId,
      organisationId: owner.id,
      after: { key: input.key, version: 1, ...values },
    });
    return newId;
  });
  return detailById(db, actor, id);
}

export async function addVersion(db: Db, actor: Actor, id: string, input: CreateDefinitionVersion) {
  const values = versionInput(input);
  await db.transaction(async (tx) => {
    const locked = await repo.lockDefinition(tx, id);
    if (!locked) throw notFound();
    if (!authorizeOwn(actor, 'definition.manage', { id: locked.owner_organisation_id })) throw forbidden();
    if (input.baseVersion !== locked.current_version)
      throw new AppError(409, 'definition_version_conflict', [
        { path: 'body.baseVersion', code: 'definition_version_conflict' },
      ]);
    const version = locked.current_version + 1;
    const [before] = await repo.selectDefinitions(tx, { id });
    await repo.insertVersion(tx, id, version, values, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'definition.version_added',
      entityType: 'definition',
      entityId: id,
      organisationId: locked.owner_organisation_id,
      before: before ? toVersion(before) : null,
      after: { version, ...values },
    });
  });
  return detailById(db, actor, id);
}
