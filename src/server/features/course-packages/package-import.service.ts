import { randomUUID } from 'node:crypto';
import { type Actor, authorize, type OrgContext } from '../../../shared/access/index.ts';
import type {
  CourseImportFields,
  CourseImportResult,
  CourseTrack,
} from '../../../shared/contracts/course-import.ts';
import type { StoredCourseContent } from '../../../shared/contracts/imported-course.ts';
import { ImportedCourseContent, isImported } from '../../../shared/contracts/imported-course.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/db-errors.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as authoringRepo from '../authoring/authoring.repo.ts';
import { authoringOwners, visibilityFor } from '../authoring/authoring.service.ts';
import { loadOrgContext } from '../organisations/organisations.repo.ts';
import * as repo from './package-files.repo.ts';
import { type PackageContents, readPackage } from './package-read.ts';
import { courseKeyBase, freeKey, packageTitle, toImportedContent } from './package-to-course.ts';

/**
 * Imports a SCORM or cmi5 package as a course, or replaces an imported course's package (issue 18, ADR
 * 21). The package is checked whole before anything is written; the course, its version, the package and
 * its files are then written in one transaction, so a refusal or a failure leaves nothing behind.
 */

/** An API client acts for its own organisation (session.ts `RequestActor.apiClient`). */
export type ImportActor = Actor & { apiClient?: unknown };

export interface PackageUpload {
  content: Buffer;
  fields: CourseImportFields;
}

const ownerRequired = () =>
  new AppError(400, 'validation_failed', [{ path: 'body.ownerOrganisationId', code: 'required' }]);

/**
 * The organisation the new course belongs to: the one asked for, else an API client's own, else the
 * only one a person authors for. 403 unless the actor may author there.
 */
async function resolveOwner(db: Db, actor: ImportActor, requested: string | undefined): Promise<OrgContext> {
  let id = requested;
  if (!id && actor.apiClient) id = actor.memberships[0]?.organisationId;
  if (!id) {
    const owners = await authoringOwners(db, actor);
    if (owners.length === 0) throw forbidden();
    if (owners.length > 1) throw ownerRequired();
    id = owners[0]!.id;
  }
  const owner = await loadOrgContext(db, id);
  if (!owner) throw notFound();
  if (!authorize(actor, 'course.author', owner)) throw forbidden();
  if (visibilityFor[owner.kind] === undefined)
    throw new AppError(400, 'validation_failed', [
      { path: 'body.ownerOrganisationId', code: 'invalid_value' },
    ]);
  return owner;
}

/** The content the package becomes, checked like every stored version; its limits refuse it as invalid. */
function contentOf(
  pkg: PackageContents,
  target: { packageId: string; key: string; track: CourseTrack },
): ImportedCourseContent {
  const parsed = ImportedCourseContent.safeParse(toImportedContent(pkg.read, target));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      400,
      'package_invalid',
      [],
      `The package cannot be stored as a course: ${issue?.path.join('.') ?? 'content'} ${issue?.message ?? ''}`.trim(),
    );
  }
  const keys = new Set(parsed.data.modules.map((m) => m.key));
  if (keys.size !== parsed.data.modules.length)
    throw new AppError(400, 'package_invalid', [], 'Two SCOs or AUs of the package have the same key.');
  return parsed.data;
}

function resultOf(courseId: string, version: number, content: ImportedCourseContent): CourseImportResult {
  return {
    courseId,
    kind: content.format,
    version,
    modules: content.modules.map((m) => ({ key: m.key, title: m.title.sv })),
  };
}

const packageAudit = (pkg: PackageContents, packageId: string) => ({
  packageId,
  kind: pkg.read.kind,
  sha256: pkg.sha256,
  files: pkg.files.length,
  unpackedBytes: pkg.unpackedBytes,
});

export async function importCourse(
  db: Db,
  actor: ImportActor,
  upload: PackageUpload,
): Promise<CourseImportResult> {
  const owner = await resolveOwner(db, actor, upload.fields.ownerOrganisationId);
  const pkg = await readPackage(upload.content);
  const packageId = randomUUID();
  const track = upload.fields.track ?? 'staff';
  const base = courseKeyBase(packageTitle(pkg.read));
  // Checked before the transaction with the base key: the key chosen inside it is as valid.
  contentOf(pkg, { packageId, key: base, track });
  // Two imports of packages with the same title may pick the same free key at once: the one that loses
  // the unique key's race is tried again and takes the next.
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertImported(db, actor, { pkg, packageId, owner, base, track });
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= KEY_ATTEMPTS) throw err;
    }
  }
}

const KEY_ATTEMPTS = 5;

function insertImported(
  db: Db,
  actor: ImportActor,
  input: { pkg: PackageContents; packageId: string; owner: OrgContext; base: string; track: CourseTrack },
): Promise<CourseImportResult> {
  const { pkg, packageId, owner, base, track } = input;
  return db.transaction(async (tx) => {
    const key = freeKey(base, await repo.keysLike(tx, base));
    const content = contentOf(pkg, { packageId, key, track });
    const courseId = await authoringRepo.insertCourse(tx, {
      key,
      track,
      ownerOrganisationId: owner.id,
      visibility: visibilityFor[owner.kind]!,
      draft: content,
    });
    await storePackage(tx, pkg, { packageId, courseId, uploadedBy: actor.userId });
    await authoringRepo.insertVersion(tx, courseId, 1, content, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course.imported',
      entityType: 'course',
      entityId: courseId,
      organisationId: owner.id,
      after: { key, track, version: 1, modules: content.modules.length, ...packageAudit(pkg, packageId) },
    });
    return resultOf(courseId, 1, content);
  });
}

/** The package's files and manifest under a new package id of the course. */
const storePackage = (
  tx: Db,
  pkg: Awaited<ReturnType<typeof readPackage>>,
  ids: { packageId: string; courseId: string; uploadedBy: string },
) =>
  repo.insertPackage(tx, {
    id: ids.packageId,
    courseId: ids.courseId,
    kind: pkg.read.kind,
    manifest: pkg.manifest,
    sha256: pkg.sha256,
    unpackedBytes: pkg.unpackedBytes,
    uploadedBy: ids.uploadedBy,
    files: pkg.files,
  });

/** The course (404), if I may author it (403) and it was imported (409). */
async function requireImported(db: Db, actor: Actor, id: string, forUpdate = false) {
  const row = await authoringRepo.findCourse(db, id, forUpdate);
  if (!row) throw notFound();
  const owner = await loadOrgContext(db, row.ownerOrganisationId);
  if (!owner || !authorize(actor, 'course.author', owner)) throw forbidden();
  if (!isImported(row.draft as StoredCourseContent)) throw new AppError(409, 'course_not_imported');
  return row;
}

/** A new package for an imported course: a new published version whose modules keep their keys. */
export async function replacePackage(
  db: Db,
  actor: ImportActor,
  courseId: string,
  upload: PackageUpload,
): Promise<CourseImportResult> {
  await requireImported(db, actor, courseId);
  const pkg = await readPackage(upload.content);
  const packageId = randomUUID();
  return db.transaction(async (tx) => {
    const row = await requireImported(tx, actor, courseId, true);
    const before = row.draft as ImportedCourseContent;
    const track = upload.fields.track ?? row.track;
    const content = contentOf(pkg, { packageId, key: row.key, track });
    const version = (row.publishedVersion ?? 0) + 1;
    await storePackage(tx, pkg, { packageId, courseId, uploadedBy: actor.userId });
    await repo.setImportedDraft(tx, courseId, content, track);
    await authoringRepo.insertVersion(tx, courseId, version, content, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course.package_replaced',
      entityType: 'course',
      entityId: courseId,
      organisationId: row.ownerOrganisationId,
      before: { version: row.publishedVersion, packageId: before.packageId, format: before.format },
      after: { version, track, modules: content.modules.length, ...packageAudit(pkg, packageId) },
    });
    return resultOf(courseId, version, content);
  });
}
