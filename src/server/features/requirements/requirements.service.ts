import {
  type Actor,
  requirementOwnerKinds,
  usesRequirementLibrary,
  writesRequirementsFor,
} from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  CreateLesson,
  CreateRequirement,
  RequirementDetail,
  RequirementList,
  RequirementListQuery,
  RequirementSummary,
  RequirementVersion,
  UpdateRequirement,
} from '../../../shared/contracts/requirements.ts';
import type { Db } from '../../db/client.ts';
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { technologyIds } from '../cases/case-writes.repo.ts';
import * as repo from './requirements.repo.ts';

/**
 * The shared requirements library (issue 17). Every coordinator reads all of it and writes for her own
 * organisation (`access/requirements.ts`); an edit is the next version, never a change of the old one.
 */

const ownerKinds = new Set<string>(requirementOwnerKinds);

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Staff and managers have no part in procurement: the whole library is closed to them. */
export function requireLibraryUser(actor: Actor) {
  if (!usesRequirementLibrary(actor)) throw forbidden();
}

export const toVersion = (r: repo.VersionRow): RequirementVersion => ({
  version: r.version,
  textSv: r.text_sv,
  textEn: r.text_en,
  level: r.level,
  category: r.category as RequirementVersion['category'],
  source: r.source,
  createdAt: iso(r.created_at),
});

export const toSummary = (actor: Actor, r: repo.RequirementRow): RequirementSummary => ({
  id: r.id,
  owner: { id: r.owner_id, name: r.owner_name, kind: r.owner_kind },
  current: toVersion(r),
  technologies: r.technologies,
  usedIn: r.used_in,
  lessonCount: r.lesson_count,
  canEdit: writesRequirementsFor(actor, r.owner_id),
});

const encodeCursor = (r: repo.RequirementRow) =>
  Buffer.from(JSON.stringify([r.sort_key, r.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): repo.Cursor | null {
  if (!cursor) return null;
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof sortKey === 'string' &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(sortKey) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    )
      return { sortKey, id };
  } catch {
    // Fall through to the problem below.
  }
  throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
}

export async function listRequirements(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  q: RequirementListQuery,
): Promise<RequirementList> {
  requireLibraryUser(actor);
  const rows = await repo.listRequirements(db, lang, q, decodeCursor(q.cursor));
  const pageRows = rows.slice(0, q.limit);
  return {
    items: pageRows.map((r) => toSummary(actor, r)),
    nextCursor: rows.length > q.limit ? encodeCursor(pageRows.at(-1)!) : null,
  };
}

export async function getRequirement(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
): Promise<RequirementDetail> {
  requireLibraryUser(actor);
  const row = await repo.findRequirement(db, lang, id);
  if (!row) throw notFound();
  const [versions, lessons] = await Promise.all([repo.selectVersions(db, id), repo.selectLessons(db, id)]);
  return {
    ...toSummary(actor, row),
    derivedFrom: row.derived_from_id,
    versions: versions.map(toVersion),
    lessons: lessons.map((l) => ({
      id: l.id,
      version: l.version,
      organisation: { id: l.organisation_id, name: l.organisation_name },
      rating: l.rating,
      body: l.body,
      createdAt: iso(l.created_at),
    })),
  };
}

export const versionInput = (v: CreateRequirement | UpdateRequirement): repo.VersionInput => ({
  textSv: v.textSv,
  textEn: v.textEn?.trim() ? v.textEn.trim() : null,
  level: v.level,
  category: v.category,
  source: v.source?.trim() ? v.source.trim() : null,
});

/** The organisation a body names as owner: a known organisation of an owning kind, or 400 on the field. */
export async function ownerFor(db: Db, actor: Actor, ownerId: string) {
  const owner = await repo.findOrganisation(db, ownerId);
  if (!owner || !ownerKinds.has(owner.kind))
    throw badRequest('validation_failed', [{ path: 'body.ownerId', code: 'unknown_organisation' }]);
  if (!writesRequirementsFor(actor, owner.id)) throw forbidden();
  return owner;
}

export async function createRequirement(db: Db, actor: Actor, lang: UiLanguage, input: CreateRequirement) {
  requireLibraryUser(actor);
  const owner = await ownerFor(db, actor, input.ownerId);
  const techIds = input.technologyKeys.length ? await technologyIds(db, input.technologyKeys) : [];
  const values = versionInput(input);
  const id = await db.transaction(async (tx) => {
    const newId = await repo.insertRequirement(tx, owner.id, actor.userId);
    await repo.insertVersion(tx, newId, 1, values, actor.userId);
    await repo.replaceTechnologies(tx, newId, techIds);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'requirement.created',
      entityType: 'requirement',
      entityId: newId,
      organisationId: owner.id,
      after: { version: 1, ...values, technologyKeys: input.technologyKeys },
    });
    return newId;
  });
  return getRequirement(db, actor, lang, id);
}

export async function updateRequirement(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  input: UpdateRequirement,
) {
  requireLibraryUser(actor);
  const techIds = input.technologyKeys.length ? await technologyIds(db, input.technologyKeys) : [];
  const values = versionInput(input);
  await db.transaction(async (tx) => {
    const locked = await repo.lockRequirement(tx, id);
    if (!locked) throw notFound();
    if (!writesRequirementsFor(actor, locked.owner_organisation_id)) throw forbidden();
    if (input.baseVersion !== locked.current_version)
      throw new AppError(409, 'requirement_version_conflict', [
        { path: 'body.baseVersion', code: 'requirement_version_conflict' },
      ]);
    const version = locked.current_version + 1;
    await repo.insertVersion(tx, id, version, values, actor.userId);
    await repo.replaceTechnologies(tx, id, techIds);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'requirement.version_added',
      entityType: 'requirement',
      entityId: id,
      organisationId: locked.owner_organisation_id,
      after: { version, ...values, technologyKeys: input.technologyKeys },
    });
  });
  return getRequirement(db, actor, lang, id);
}

/** "Did the requirement work?" — from a coordinator of the organisation whose contract used it. */
export async function addLesson(db: Db, actor: Actor, lang: UiLanguage, id: string, input: CreateLesson) {
  requireLibraryUser(actor);
  const row = await repo.findRequirement(db, lang, id);
  if (!row) throw notFound();
  const organisation = await repo.findOrganisation(db, input.organisationId);
  if (!organisation || !ownerKinds.has(organisation.kind))
    throw badRequest('validation_failed', [{ path: 'body.organisationId', code: 'unknown_organisation' }]);
  if (!writesRequirementsFor(actor, organisation.id)) throw forbidden();
  const version = input.version ?? row.version;
  if (!(await repo.versionExists(db, id, version)))
    throw badRequest('validation_failed', [{ path: 'body.version', code: 'unknown_requirement_version' }]);
  await db.transaction(async (tx) => {
    const lessonId = await repo.insertLesson(tx, {
      requirementId: id,
      version,
      organisationId: organisation.id,
      rating: input.rating,
      body: input.body,
      by: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'requirement.lesson_added',
      entityType: 'requirement',
      entityId: id,
      organisationId: organisation.id,
      after: { lessonId, version, rating: input.rating, body: input.body },
    });
  });
  return getRequirement(db, actor, lang, id);
}
