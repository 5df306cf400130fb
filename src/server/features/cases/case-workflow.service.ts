import type { Actor } from '../../../shared/access/index.ts';
import type { AuditAction } from '../../../shared/contracts/audit.ts';
import type { CaseView } from '../../../shared/contracts/cases.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { isAuthor } from './case-access.ts';
import { updateCaseColumns } from './case-writes.repo.ts';
import * as repo from './cases.repo.ts';
import { getCase, loadVisible, lockForAuthor } from './cases.service.ts';

/**
 * draft/returned/withdrawn → submitted (author) → published (reviewer) or returned with a note
 * (reviewer) → …; a published case is withdrawn by its author or a reviewer. Authors never edit a
 * published case in place: it would change what readers have already been shown without review.
 */

const audit = (
  tx: Db,
  actor: Actor,
  action: AuditAction,
  row: { id: string; municipality_id: string },
  before: string,
  after: Record<string, unknown>,
) =>
  recordAudit(tx, {
    actorId: actor.userId,
    action,
    entityType: 'case',
    entityId: row.id,
    organisationId: row.municipality_id,
    before: { status: before },
    after,
  });

export async function submitCase(db: Db, actor: Actor, lang: UiLanguage, id: string): Promise<CaseView> {
  await db.transaction(async (tx) => {
    const locked = await lockForAuthor(tx, actor, lang, id);
    await updateCaseColumns(tx, id, { status: 'submitted', updatedBy: actor.userId });
    await audit(tx, actor, 'case.submitted', locked, locked.status, { status: 'submitted' });
  });
  return getCase(db, actor, lang, id);
}

/** A reviewer's change to a submitted case: 404 unless visible, 403 unless a reviewer, 409 unless submitted. */
async function lockForReview(tx: Db, actor: Actor, lang: UiLanguage, id: string) {
  const visible = await loadVisible(tx, actor, lang, id);
  if (!visible.reviewable) throw forbidden();
  const locked = (await repo.lockCase(tx, id))!;
  if (locked.status !== 'submitted') throw new AppError(409, 'case_not_submitted');
  return locked;
}

export async function publishCase(db: Db, actor: Actor, lang: UiLanguage, id: string): Promise<CaseView> {
  await db.transaction(async (tx) => {
    const locked = await lockForReview(tx, actor, lang, id);
    await updateCaseColumns(tx, id, {
      status: 'published',
      publishedAt: new Date(),
      reviewedBy: actor.userId,
      reviewNote: null,
    });
    await audit(tx, actor, 'case.published', locked, locked.status, { status: 'published' });
  });
  return getCase(db, actor, lang, id);
}

export async function returnCase(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  note: string,
): Promise<CaseView> {
  await db.transaction(async (tx) => {
    const locked = await lockForReview(tx, actor, lang, id);
    await updateCaseColumns(tx, id, { status: 'returned', reviewNote: note, reviewedBy: actor.userId });
    await audit(tx, actor, 'case.returned', locked, locked.status, { status: 'returned', note });
  });
  return getCase(db, actor, lang, id);
}

export async function withdrawCase(db: Db, actor: Actor, lang: UiLanguage, id: string): Promise<CaseView> {
  await db.transaction(async (tx) => {
    const visible = await loadVisible(tx, actor, lang, id);
    if (!visible.reviewable && !isAuthor(actor, visible.municipality_id)) throw forbidden();
    const locked = (await repo.lockCase(tx, id))!;
    if (locked.status !== 'published') throw new AppError(409, 'case_not_published');
    await updateCaseColumns(tx, id, { status: 'withdrawn', updatedBy: actor.userId });
    await audit(tx, actor, 'case.withdrawn', locked, locked.status, { status: 'withdrawn' });
  });
  return getCase(db, actor, lang, id);
}
