import { type Actor, authorizeOwn, scopeFor } from '../../../shared/access/index.ts';
import {
  type CreateTemplate,
  type PublishTemplateVersion,
  type SaveTemplateDraft,
  TemplateContent,
  type TemplateDetails,
  type TemplateSummary,
} from '../../../shared/contracts/assessments.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import * as repo from './templates.repo.ts';

const ownerKinds = new Set(['nation', 'region', 'association']);
const questionKeys = (c: TemplateContent) =>
  new Set(c.sections.flatMap((s) => s.questions.map((q) => q.key)));

/** A template is usable by everyone when the nation owns it, otherwise by its owner's own people. */
function canUse(actor: Actor, t: repo.TemplateRow) {
  return t.ownerKind === 'nation' || authorizeOwn(actor, 'organisation.read', { id: t.ownerOrganisationId });
}

function toSummary(actor: Actor, t: repo.TemplateRow, versions: repo.VersionRow[]): TemplateSummary {
  const latest = versions.at(-1);
  const named = (latest?.content ?? t.draft) as TemplateContent;
  return {
    id: t.id,
    key: t.key,
    owner: { id: t.ownerOrganisationId, name: t.ownerName, kind: t.ownerKind },
    name: named.name,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: v.publishedAt.toISOString(),
      carriesOver: v.carriesOver as Record<string, string>,
    })),
    hasDraft: t.draft !== null,
    canEdit: authorizeOwn(actor, 'assessment.template', { id: t.ownerOrganisationId }),
  };
}

export async function listTemplates(db: Db, actor: Actor): Promise<TemplateSummary[]> {
  // The templates of every organisation the actor holds a role at (all of them read it).
  const rows = await repo.listTemplates(db, scopeFor(actor, 'organisation.read').restrictTo);
  const versions = await repo.versionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((t) =>
    toSummary(
      actor,
      t,
      versions.filter((v) => v.templateId === t.id),
    ),
  );
}

async function requireUsable(db: Db, actor: Actor, id: string) {
  const t = await repo.findTemplate(db, id);
  if (!t || !canUse(actor, t)) throw notFound();
  return t;
}

export async function templateDetails(db: Db, actor: Actor, id: string): Promise<TemplateDetails> {
  const t = await requireUsable(db, actor, id);
  const versions = await repo.versionsOf(db, [t.id]);
  return {
    ...toSummary(actor, t, versions),
    draft: (t.draft as TemplateContent | null) ?? null,
    latest: (versions.at(-1)?.content as TemplateContent | undefined) ?? null,
  };
}

/** A new template with draft content, owned by the nation, a region or an association. */
export async function createTemplate(db: Db, actor: Actor, body: CreateTemplate): Promise<TemplateDetails> {
  const owner = await requireOrgContext(db, body.ownerOrganisationId);
  if (!authorizeOwn(actor, 'assessment.template', owner)) throw forbidden();
  if (!ownerKinds.has(owner.kind)) throw new AppError(400, 'invalid_round_owner');
  if (await repo.findTemplateByKey(db, body.key)) throw new AppError(409, 'template_key_taken');
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertTemplate(tx, {
      key: body.key,
      ownerOrganisationId: owner.id,
      draft: body.content,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'assessment_template.created',
      entityType: 'assessment_template',
      entityId: row.id,
      organisationId: owner.id,
      after: { key: body.key },
    });
    return row.id;
  });
  return templateDetails(db, actor, id);
}

/** Replaces the draft of the next version; published versions stay as they were. */
export async function saveDraft(
  db: Db,
  actor: Actor,
  id: string,
  body: SaveTemplateDraft,
): Promise<TemplateDetails> {
  const t = await requireUsable(db, actor, id);
  if (!authorizeOwn(actor, 'assessment.template', { id: t.ownerOrganisationId })) throw forbidden();
  await db.transaction(async (tx) => {
    await repo.saveDraft(tx, t.id, body.content);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'assessment_template.draft_saved',
      entityType: 'assessment_template',
      entityId: t.id,
      organisationId: t.ownerOrganisationId,
    });
  });
  return templateDetails(db, actor, t.id);
}

/**
 * Freezes the draft (or the given content) as the next version. `carriesOver` maps keys of the new
 * version to keys of the previous one, so that trends can follow a question across revisions: both
 * sides must exist, or nothing is published.
 */
export async function publishVersion(
  db: Db,
  actor: Actor,
  id: string,
  body: PublishTemplateVersion,
): Promise<TemplateDetails> {
  const t = await requireUsable(db, actor, id);
  if (!authorizeOwn(actor, 'assessment.template', { id: t.ownerOrganisationId })) throw forbidden();
  const content = body.content ?? (t.draft === null ? null : TemplateContent.parse(t.draft));
  if (!content) throw new AppError(400, 'template_has_no_draft');
  const carriesOver = body.carriesOver ?? {};
  const previous = await repo.latestVersion(db, t.id);
  const previousKeys = previous ? questionKeys(previous.content as TemplateContent) : new Set<string>();
  const newKeys = questionKeys(content);
  const problems: FieldError[] = [];
  for (const [newKey, oldKey] of Object.entries(carriesOver)) {
    if (!newKeys.has(newKey)) problems.push({ path: `body.carriesOver.${newKey}`, code: 'unknown_question' });
    if (!previousKeys.has(oldKey))
      problems.push({ path: `body.carriesOver.${newKey}`, code: 'unknown_previous_key' });
  }
  if (problems.length) throw new AppError(400, 'validation_failed', problems);
  await db.transaction(async (tx) => {
    const version = await repo.insertVersion(tx, {
      templateId: t.id,
      version: (previous?.version ?? 0) + 1,
      content,
      carriesOver,
      publishedBy: actor.userId,
    });
    await repo.clearDraft(tx, t.id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'assessment_template.published',
      entityType: 'assessment_template',
      entityId: t.id,
      organisationId: t.ownerOrganisationId,
      after: { version: version.version, carriesOver },
    });
  });
  return templateDetails(db, actor, t.id);
}
