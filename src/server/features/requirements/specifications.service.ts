import { type Actor, writesRequirementsFor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  CreateSpecification,
  RequirementCategory,
  SpecificationDetail,
  SpecificationList,
  SpecificationSummary,
  UpdateSpecification,
} from '../../../shared/contracts/requirements.ts';
import type { Db } from '../../db/client.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { ownerFor, requireLibraryUser } from './requirements.service.ts';
import { checkItems, storeEditedTexts } from './specification-edits.ts';
import * as repo from './specifications.repo.ts';

/**
 * Requirement specifications built from the library (issue 17). Every coordinator reads them (a
 * municipality learns from the region's); only the owner organisation's coordinators save them. A save
 * sends the whole specification: its rows replace the old ones in the order given.
 */

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

const toSummary = (actor: Actor, r: repo.SpecificationRow): SpecificationSummary => ({
  id: r.id,
  title: r.title,
  owner: { id: r.owner_id, name: r.owner_name, kind: r.owner_kind },
  technology: { key: r.technology_key, name: r.technology_name },
  itemCount: r.item_count,
  updatedAt: iso(r.updated_at),
  canEdit: writesRequirementsFor(actor, r.owner_id),
});

export async function listSpecifications(db: Db, actor: Actor, lang: UiLanguage): Promise<SpecificationList> {
  requireLibraryUser(actor);
  return { items: (await repo.listSpecifications(db, lang)).map((r) => toSummary(actor, r)) };
}

export async function getSpecification(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
): Promise<SpecificationDetail> {
  requireLibraryUser(actor);
  const row = await repo.findSpecification(db, lang, id);
  if (!row) throw notFound();
  const items = await repo.selectItems(db, id);
  return {
    ...toSummary(actor, row),
    introduction: row.introduction,
    items: items.map((i) => ({
      requirementId: i.requirement_id,
      version: i.version,
      currentVersion: i.current_version,
      level: i.level,
      category: i.category as RequirementCategory,
      textSv: i.text_sv,
      textEn: i.text_en,
      owner: i.owner_name,
    })),
  };
}

async function fieldsOf(db: Db, input: UpdateSpecification) {
  const technologyId = await repo.technologyIdOf(db, input.technologyKey);
  if (!technologyId)
    throw badRequest('unknown_technology', [{ path: 'body.technologyKey', code: 'unknown_technology' }]);
  return { title: input.title, introduction: input.introduction, technologyId };
}

const auditAfter = (
  input: UpdateSpecification,
  items: readonly { requirementId: string; version: number }[],
) => ({
  title: input.title,
  technologyKey: input.technologyKey,
  items: items.map((i) => `${i.requirementId}/${i.version}`),
});

export async function createSpecification(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  input: CreateSpecification,
) {
  requireLibraryUser(actor);
  const owner = await ownerFor(db, actor, input.ownerId);
  const fields = await fieldsOf(db, input);
  const taken = await checkItems(db, input.items);
  const id = await db.transaction(async (tx) => {
    const newId = await repo.insertSpecification(tx, owner.id, fields, actor.userId);
    const items = await storeEditedTexts(tx, actor, owner.id, input.items, taken);
    await repo.replaceItems(tx, newId, items);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'requirement_specification.created',
      entityType: 'requirement_specification',
      entityId: newId,
      organisationId: owner.id,
      after: auditAfter(input, items),
    });
    return newId;
  });
  return getSpecification(db, actor, lang, id);
}

export async function updateSpecification(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  input: UpdateSpecification,
) {
  requireLibraryUser(actor);
  const current = await repo.findSpecification(db, lang, id);
  if (!current) throw notFound();
  if (!writesRequirementsFor(actor, current.owner_id)) throw forbidden();
  const fields = await fieldsOf(db, input);
  const taken = await checkItems(db, input.items);
  await db.transaction(async (tx) => {
    const locked = await repo.lockSpecification(tx, id);
    if (!locked) throw notFound();
    const items = await storeEditedTexts(tx, actor, locked.owner_organisation_id, input.items, taken);
    await repo.updateSpecification(tx, id, fields, actor.userId);
    await repo.replaceItems(tx, id, items);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'requirement_specification.updated',
      entityType: 'requirement_specification',
      entityId: id,
      organisationId: locked.owner_organisation_id,
      before: { title: current.title, technologyKey: current.technology_key },
      after: auditAfter(input, items),
    });
  });
  return getSpecification(db, actor, lang, id);
}
