import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import { SUPPORT_MAX_ATTACHMENTS, type SupportRequestView } from '../../../shared/contracts/support.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { supportRequestAttachments } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { inspectAttachment } from '../cases/case-attachment-file.ts';
import type { Upload } from '../documents/documents.service.ts';
import { getRequest, visibleRequest, writableRequest } from './support-requests.service.ts';

/**
 * Files either side adds to an open request (a requirement draft, a screenshot), checked by content
 * through the documents' check like the knowledge bank's attachments; read by both sides.
 */
export async function addAttachment(
  db: Db,
  actor: Actor,
  id: string,
  upload: Upload,
): Promise<SupportRequestView> {
  // Rights first, so that nobody learns anything from how their file would have been judged.
  const { row, side } = await writableRequest(db, actor, id);
  const file = await inspectAttachment(upload.content, upload.fileName);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select id from support_requests where id = ${id} for update`);
    const [n] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from support_request_attachments where request_id = ${id}`,
    );
    if (n!.n >= SUPPORT_MAX_ATTACHMENTS) throw new AppError(409, 'too_many_attachments');
    const [inserted] = await tx
      .insert(supportRequestAttachments)
      .values({ ...file, requestId: id, uploadedBy: actor.userId })
      .returning({ id: supportRequestAttachments.id });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'support_request.attachment_added',
      entityType: 'support_request',
      entityId: id,
      organisationId: side === 'provider' ? row.provider_id : row.municipality_id,
      after: {
        attachmentId: inserted!.id,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
      },
    });
  });
  return getRequest(db, actor, id);
}

export async function attachmentFile(db: Db, actor: Actor, id: string, attachmentId: string) {
  await visibleRequest(db, actor, id);
  const [file] = await queryRows<{ file_name: string; media_type: string; content: Buffer | Uint8Array }>(
    db,
    sql`select file_name, media_type, content from support_request_attachments
        where id = ${attachmentId} and request_id = ${id}`,
  );
  if (!file) throw notFound();
  return {
    fileName: file.file_name,
    mediaType: file.media_type,
    content: Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
  };
}
