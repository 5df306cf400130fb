import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  type Actor,
  leadsProcurementFor,
  readsPowerOfAttorney,
  respondsForParticipant,
} from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { DOCUMENT_MAX_BYTES } from '../../../shared/contracts/documents.ts';
import { type InviteParticipants, RespondToInvitation } from '../../../shared/contracts/procurements.ts';
import { issueCode } from '../../../shared/i18n/issue-code.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { procurementDocuments, procurementParticipants } from '../../db/schema/index.ts';
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { refuseNul } from '../../plugins/nul-in-body.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { inspectDocumentFile } from '../documents/document-file.ts';
import type { Upload } from '../documents/documents.service.ts';
import { loadOrgContext } from '../organisations/organisations.repo.ts';
import * as repo from './procurements.repo.ts';
import {
  getProcurement,
  ledProcurement,
  resolveInvitees,
  visibleProcurement,
} from './procurements.service.ts';

/**
 * Invited municipalities: the lead invites (only municipalities of its region or association, any for
 * a national lead); the municipality's own coordinators confirm with the date of their decision and the
 * signed power of attorney — checked by content like every document upload — or decline.
 */

export async function inviteParticipants(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  input: InviteParticipants,
) {
  const row = await ledProcurement(db, actor, id);
  const lead = await repo.findOrganisation(db, row.lead_id);
  const invitees = await resolveInvitees(db, lead!, input.municipalityCodes);
  await db.transaction(async (tx) => {
    await repo.lockProcurement(tx, id);
    // Inviting again a municipality that declined asks it once more; one already in stays as it is.
    await tx
      .insert(procurementParticipants)
      .values(invitees.map((m) => ({ procurementId: id, municipalityId: m.id })))
      .onConflictDoUpdate({
        target: [procurementParticipants.procurementId, procurementParticipants.municipalityId],
        set: {
          status: sql`case when procurement_participants.status in ('declined', 'withdrawn') then 'invited' else procurement_participants.status end`,
        },
      });
    await repo.touch(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'procurement.participants_invited',
      entityType: 'procurement',
      entityId: id,
      organisationId: row.lead_id,
      after: { municipalities: invitees.map((m) => m.code) },
    });
  });
  return getProcurement(db, actor, lang, id);
}

/** The decision fields and the file of a multipart answer (or a JSON body, to decline without a file). */
export async function readInvitationAnswer(req: FastifyRequest) {
  const values: Record<string, string> = {};
  let upload: Upload | null = null;
  if (req.isMultipart()) {
    try {
      for await (const part of req.parts({
        limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 10 },
      })) {
        if (part.type === 'file') {
          const content = await part.toBuffer();
          if (part.fieldname === 'file' && content.length)
            upload = { content, fileName: part.filename || 'fullmakt' };
        } else if (typeof part.value === 'string' && part.value.trim())
          values[part.fieldname] = part.value.trim();
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw new AppError(413, 'document_too_large', [{ path: 'body.file', code: 'document_too_large' }]);
      throw err;
    }
  } else Object.assign(values, req.body ?? {});
  refuseNul(values);
  return { values, upload };
}

export async function respondToInvitation(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  code: string,
  answer: { values: Record<string, unknown>; upload: Upload | null },
) {
  const row = await visibleProcurement(db, actor, id);
  const [participant] = await queryRows<{ municipality_id: string; status: string }>(
    db,
    sql`select pp.municipality_id, pp.status from procurement_participants pp
        join organisations m on m.id = pp.municipality_id
        where pp.procurement_id = ${id} and m.code = ${code}`,
  );
  if (!participant) throw notFound();
  if (!respondsForParticipant(actor, { id: participant.municipality_id })) throw forbidden();
  if (row.status !== 'active') throw new AppError(409, 'procurement_closed');
  const parsed = RespondToInvitation.safeParse(answer.values, { reportInput: true });
  if (!parsed.success)
    throw badRequest(
      'validation_failed',
      parsed.error.issues.map((i) => ({
        path: ['body', ...i.path.map(String)].join('.'),
        code: issueCode(i, { value: i.input }),
      })),
    );
  const { decision, decisionOn } = parsed.data;
  if (decision === 'confirmed' && !answer.upload)
    throw badRequest('file_required', [{ path: 'body.file', code: 'required' }]);
  const file =
    decision === 'confirmed'
      ? await inspectDocumentFile(answer.upload!.content, answer.upload!.fileName)
      : null;
  await db.transaction(async (tx) => {
    await repo.lockProcurement(tx, id);
    let documentId: string | null = null;
    if (file) {
      const [doc] = await tx
        .insert(procurementDocuments)
        .values({
          procurementId: id,
          municipalityId: participant.municipality_id,
          kind: 'power_of_attorney',
          fileName: file.fileName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          content: file.content,
          uploadedBy: actor.userId,
        })
        .returning({ id: procurementDocuments.id });
      documentId = doc!.id;
    }
    await tx.execute(sql`update procurement_participants
      set status = ${decision}, decision_on = ${decisionOn ?? null}, power_of_attorney_document_id = ${documentId},
          responded_at = now(), responded_by = ${actor.userId}
      where procurement_id = ${id} and municipality_id = ${participant.municipality_id}`);
    await repo.touch(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action:
        decision === 'confirmed'
          ? 'procurement.participation_confirmed'
          : 'procurement.participation_declined',
      entityType: 'procurement',
      entityId: id,
      organisationId: participant.municipality_id,
      before: { status: participant.status },
      after: {
        status: decision,
        decisionOn: decisionOn ?? null,
        ...(file ? { fileName: file.fileName, mediaType: file.mediaType, sha256: file.sha256 } : {}),
      },
    });
  });
  return getProcurement(db, actor, lang, id);
}

/** A power of attorney, for the municipality, its region and associations, and the lead only. */
export async function procurementDocument(db: Db, actor: Actor, id: string, documentId: string) {
  const row = await visibleProcurement(db, actor, id);
  const [doc] = await queryRows<{
    municipality_id: string | null;
    file_name: string;
    media_type: string;
    content: Buffer | Uint8Array;
  }>(
    db,
    sql`select municipality_id, file_name, media_type, content from procurement_documents
        where id = ${documentId} and procurement_id = ${id}`,
  );
  if (!doc) throw notFound();
  const municipality = doc.municipality_id ? await loadOrgContext(db, doc.municipality_id) : null;
  const allowed = municipality
    ? readsPowerOfAttorney(actor, municipality, { id: row.lead_id })
    : leadsProcurementFor(actor, { id: row.lead_id });
  if (!allowed) throw forbidden();
  return {
    fileName: doc.file_name,
    mediaType: doc.media_type,
    content: Buffer.isBuffer(doc.content) ? doc.content : Buffer.from(doc.content),
  };
}
