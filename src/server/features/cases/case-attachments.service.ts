import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import { CASE_MAX_ATTACHMENTS, type CaseView } from '../../../shared/contracts/cases.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { caseAttachments } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Upload } from '../documents/documents.service.ts';
import { EDITABLE_STATUSES, isAuthor } from './case-access.ts';
import { inspectAttachment } from './case-attachment-file.ts';
import { getCase, loadVisible, lockForAuthor } from './cases.service.ts';

/**
 * Attachments belong to the case's text: its authors add and remove them while they may edit it, and
 * they are read by exactly those who may read the case.
 */

const fileAudit = (f: { fileName: string; mediaType: string; sizeBytes: number; sha256: string }) => ({
  fileName: f.fileName,
  mediaType: f.mediaType,
  sizeBytes: f.sizeBytes,
  sha256: f.sha256,
});

export async function addAttachment(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  upload: Upload,
): Promise<CaseView> {
  // Rights first, so that nobody learns anything from how their file would have been judged.
  const visible = await loadVisible(db, actor, lang, id);
  if (!isAuthor(actor, visible.municipality_id)) throw forbidden();
  if (!EDITABLE_STATUSES.has(visible.status)) throw new AppError(409, 'case_not_editable');
  const file = await inspectAttachment(upload.content, upload.fileName);
  await db.transaction(async (tx) => {
    const locked = await lockForAuthor(tx, actor, lang, id);
    const [n] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from case_attachments where case_id = ${id}`,
    );
    if (n!.n >= CASE_MAX_ATTACHMENTS) throw new AppError(409, 'too_many_attachments');
    const [row] = await tx
      .insert(caseAttachments)
      .values({ ...file, caseId: id, uploadedBy: actor.userId })
      .returning({ id: caseAttachments.id });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'case.attachment_added',
      entityType: 'case',
      entityId: id,
      organisationId: locked.municipality_id,
      after: { attachmentId: row!.id, ...fileAudit(file) },
    });
  });
  return getCase(db, actor, lang, id);
}

export async function removeAttachment(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  attachmentId: string,
): Promise<CaseView> {
  await db.transaction(async (tx) => {
    const locked = await lockForAuthor(tx, actor, lang, id);
    const [deleted] = await queryRows<{
      file_name: string;
      media_type: string;
      size_bytes: number;
      sha256: string;
    }>(
      tx,
      sql`delete from case_attachments where id = ${attachmentId} and case_id = ${id}
          returning file_name, media_type, size_bytes, sha256`,
    );
    if (!deleted) throw notFound();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'case.attachment_deleted',
      entityType: 'case',
      entityId: id,
      organisationId: locked.municipality_id,
      before: {
        attachmentId,
        ...fileAudit({
          fileName: deleted.file_name,
          mediaType: deleted.media_type,
          sizeBytes: deleted.size_bytes,
          sha256: deleted.sha256,
        }),
      },
    });
  });
  return getCase(db, actor, lang, id);
}

/** The file, if the caller may read its case; 404 for everything else. */
export async function attachmentFile(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  attachmentId: string,
) {
  await loadVisible(db, actor, lang, id);
  const [file] = await queryRows<{ file_name: string; media_type: string; content: Buffer | Uint8Array }>(
    db,
    sql`select file_name, media_type, content from case_attachments where id = ${attachmentId} and case_id = ${id}`,
  );
  if (!file) throw notFound();
  return {
    fileName: file.file_name,
    mediaType: file.media_type,
    content: Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
  };
}
