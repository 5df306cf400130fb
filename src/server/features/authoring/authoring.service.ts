import { type Actor, authorize } from '../../../shared/access/index.ts';
import {
  type AuthoringCourse,
  type CourseDraftView,
  type CreateCourse,
  DraftContent,
  missingTranslations,
  type SaveDraft,
} from '../../../shared/contracts/authoring.ts';
import { CourseContent } from '../../../shared/contracts/course-content.ts';
import { isImported, type StoredCourseContent } from '../../../shared/contracts/imported-course.ts';
import type { MdTree } from '../../../shared/contracts/markdown-tree.ts';
import type { Db } from '../../db/client.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../lib/errors.ts';
import { markdownTree } from '../../lib/markdown-tree.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findOrganisation, loadOrgContext } from '../organisations/organisations.repo.ts';
import * as repo from './authoring.repo.ts';

/** The visibility that fits an owner: national only for the nation, regional for a region or association. */
export const visibilityFor: Record<string, 'national' | 'region' | 'municipality' | undefined> = {
  nation: 'national',
  region: 'region',
  association: 'region',
  municipality: 'municipality',
};

async function mayAuthor(db: Db, actor: Actor, ownerId: string): Promise<boolean> {
  const ctx = await loadOrgContext(db, ownerId);
  return ctx !== null && authorize(actor, 'course.author', ctx);
}

/** The course (404 when it does not exist), if I may author it (403 otherwise). */
async function requireAuthorable(db: Db, actor: Actor, id: string, forUpdate = false) {
  const row = await repo.findCourse(db, id, forUpdate);
  if (!row) throw notFound();
  if (!(await mayAuthor(db, actor, row.ownerOrganisationId))) throw forbidden();
  return row;
}

/** An imported course's draft is its package's structure, which the editor neither saves nor publishes. */
const importedDraft = (row: repo.AuthoringRow) => {
  const draft = row.draft as StoredCourseContent;
  return isImported(draft) ? draft : null;
};

const courseImported = () => new AppError(409, 'course_imported');

function toView(row: repo.AuthoringRow): CourseDraftView {
  const imported = importedDraft(row);
  return {
    id: row.id,
    key: row.key,
    track: row.track,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerName: row.ownerName,
    visibility: row.visibility,
    publishedVersion: row.publishedVersion,
    updatedAt: row.updatedAt.toISOString(),
    content: imported ? null : DraftContent.parse(row.draft),
    imported: imported
      ? {
          format: imported.format,
          packageId: imported.packageId,
          title: imported.title.sv,
          modules: imported.modules.map((m) => ({ key: m.key, title: m.title.sv })),
        }
      : null,
  };
}

export async function listAuthorable(db: Db, actor: Actor): Promise<AuthoringCourse[]> {
  const out: AuthoringCourse[] = [];
  for (const row of await repo.listAll(db)) {
    if (!(await mayAuthor(db, actor, row.ownerOrganisationId))) continue;
    const draft = row.draft as { title?: Record<string, string> };
    const published =
      row.publishedVersion === null ? null : await repo.publishedContent(db, row.id, row.publishedVersion);
    out.push({
      id: row.id,
      key: row.key,
      track: row.track,
      title: draft.title?.sv || row.key,
      ownerOrganisationId: row.ownerOrganisationId,
      ownerName: row.ownerName,
      visibility: row.visibility,
      publishedVersion: row.publishedVersion,
      hasUnpublishedChanges: published === null || canonicalJson(published) !== canonicalJson(row.draft),
      updatedAt: row.updatedAt.toISOString(),
    });
  }
  return out.sort((a, b) => swedishCollator.compare(a.title, b.title));
}

export async function createCourse(db: Db, actor: Actor, input: CreateCourse): Promise<CourseDraftView> {
  const id = await db.transaction(async (tx) => {
    const owner = await loadOrgContext(tx, input.ownerOrganisationId);
    if (!owner) throw notFound();
    if (!authorize(actor, 'course.author', owner)) throw forbidden();
    if (visibilityFor[owner.kind] === undefined)
      throw new AppError(400, 'validation_failed', [
        { path: 'body.ownerOrganisationId', code: 'invalid_value' },
      ]);
    if (visibilityFor[owner.kind] !== input.visibility)
      throw new AppError(400, 'validation_failed', [{ path: 'body.visibility', code: 'invalid_value' }]);
    if (await repo.keyExists(tx, input.key))
      throw new AppError(409, 'conflict', [{ path: 'body.key', code: 'key_taken' }]);
    const draft: DraftContent = {
      key: input.key,
      track: input.track,
      title: { sv: input.title },
      summary: { sv: input.summary },
      languages: ['sv'],
      estimatedMinutes: 30,
      completionRequiresMeetings: false,
      modules: [],
    };
    const id = await repo.insertCourse(tx, {
      key: input.key,
      track: input.track,
      ownerOrganisationId: owner.id,
      visibility: input.visibility,
      draft,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course.created',
      entityType: 'course',
      entityId: id,
      organisationId: owner.id,
      after: input,
    });
    return id;
  });
  return getDraft(db, actor, id);
}

export async function getDraft(db: Db, actor: Actor, id: string): Promise<CourseDraftView> {
  return toView(await requireAuthorable(db, actor, id));
}

export async function saveDraft(
  db: Db,
  actor: Actor,
  id: string,
  input: SaveDraft,
): Promise<CourseDraftView> {
  await db.transaction(async (tx) => {
    const row = await requireAuthorable(tx, actor, id, true);
    if (importedDraft(row)) throw courseImported();
    if (input.content.key !== row.key)
      throw new AppError(400, 'validation_failed', [{ path: 'body.content.key', code: 'invalid_value' }]);
    const saved = await repo.saveDraftIfUnchanged(
      tx,
      id,
      new Date(input.updatedAt),
      input.content,
      input.content.track,
    );
    if (!saved) throw new AppError(409, 'conflict', [{ path: 'body.updatedAt', code: 'stale' }]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course.draft_saved',
      entityType: 'course',
      entityId: id,
      organisationId: row.ownerOrganisationId,
      before: { updatedAt: row.updatedAt.toISOString() },
      after: {
        updatedAt: saved.toISOString(),
        languages: input.content.languages,
        modules: input.content.modules.length,
      },
    });
  });
  return getDraft(db, actor, id);
}

/** Problems that stop a draft from being published, as field paths under `draft.` */
export function publishProblems(draft: DraftContent): FieldError[] {
  const errors: FieldError[] = missingTranslations(draft).map((path) => ({
    path: `draft.${path}`,
    code: 'missing_translation',
  }));
  const strict = CourseContent.safeParse(draft);
  if (!strict.success) {
    for (const issue of strict.error.issues) {
      const path = `draft.${issue.path.join('.')}`;
      // An empty text is already reported per language.
      if (issue.code === 'too_small' && errors.some((e) => e.path.startsWith(`${path}.`))) continue;
      if (!errors.some((e) => e.path === path)) errors.push({ path, code: issue.code });
    }
  }
  return errors;
}

export async function publishCourse(
  db: Db,
  actor: Actor,
  id: string,
  seen: string | undefined,
): Promise<{ version: number; publishedAt: string }> {
  return db.transaction(async (tx) => {
    const row = await requireAuthorable(tx, actor, id, true);
    // A package is published when it is imported; a new one comes through POST /courses/{id}/package.
    if (importedDraft(row)) throw courseImported();
    if (seen && new Date(seen).getTime() !== Math.floor(row.updatedAt.getTime()))
      throw new AppError(409, 'conflict', [{ path: 'body.updatedAt', code: 'stale' }]);
    const draft = DraftContent.parse(row.draft);
    const problems = publishProblems(draft);
    if (problems.length) throw new AppError(400, 'validation_failed', problems);
    const content = CourseContent.parse(draft);
    const version = (row.publishedVersion ?? 0) + 1;
    const publishedAt = await repo.insertVersion(tx, id, version, content, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'course.published',
      entityType: 'course',
      entityId: id,
      organisationId: row.ownerOrganisationId,
      before: { version: row.publishedVersion },
      after: { version, languages: content.languages },
    });
    return { version, publishedAt: publishedAt.toISOString() };
  });
}

/** The author's preview: the same parser, so what the author sees is what learners will get. */
export async function previewMarkdown(db: Db, actor: Actor, id: string, texts: string[]): Promise<MdTree[]> {
  await requireAuthorable(db, actor, id);
  return texts.map(markdownTree);
}

/** Organisations where I may create a course: those where I hold a role with `course.author`. */
export async function authoringOwners(db: Db, actor: Actor) {
  const out: {
    id: string;
    name: string;
    kind: string;
    visibility: 'national' | 'region' | 'municipality';
  }[] = [];
  for (const m of actor.memberships) {
    const visibility = visibilityFor[m.organisationKind];
    if (!visibility || out.some((o) => o.id === m.organisationId)) continue;
    const ctx = await loadOrgContext(db, m.organisationId);
    if (!ctx || !authorize(actor, 'course.author', ctx)) continue;
    const org = await findOrganisation(db, m.organisationId);
    if (org) out.push({ id: org.id, name: org.name, kind: org.kind, visibility });
  }
  return out;
}
