import { type Actor, writesContractsOf } from '../../../shared/access/index.ts';
import type { ContractDocumentKind } from '../../../shared/contracts/supplier-contracts.ts';
import type { Db } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { inspectDocumentFile } from '../documents/document-file.ts';
import type { Upload } from '../documents/documents.service.ts';
import * as repo from './supplier-contracts.repo.ts';
import { readableContract } from './supplier-contracts.service.ts';

/**
 * A contract's files (the contract, its requirement specification): checked by content as the
 * documents feature checks its uploads, added and removed by the municipality's own coordinators and
 * read by those who see the contract's value (the municipality, its region and associations).
 */

export async function addContractDocument(
  db: Db,
  actor: Actor,
  contractId: string,
  kind: ContractDocumentKind,
  upload: Upload,
): Promise<{ id: string }> {
  const { contract, ctx } = await readableContract(db, actor, contractId);
  if (!writesContractsOf(actor, ctx)) throw forbidden();
  // Checked (type by content, size) before anything is written.
  const file = await inspectDocumentFile(upload.content, upload.fileName);
  return db.transaction(async (tx) => {
    const id = await repo.insertDocument(tx, {
      contractId,
      kind,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      content: file.content,
      uploadedBy: actor.userId,
    });
    await repo.insertHistory(tx, {
      contractId,
      action: 'document_added',
      changes: { document: { from: null, to: `${file.fileName} (${kind})` } },
      changedBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contract.document_added',
      entityType: 'contract',
      entityId: contractId,
      organisationId: contract.municipalityId,
      after: {
        documentId: id,
        kind,
        fileName: file.fileName,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
      },
    });
    return { id };
  });
}

/** The file, for those who see the contract's documents; 404 for everyone else who reads the contract. */
export async function contractDocumentFile(db: Db, actor: Actor, contractId: string, docId: string) {
  const { seesValues } = await readableContract(db, actor, contractId);
  if (!seesValues) throw forbidden();
  const doc = await repo.findDocument(db, contractId, docId);
  if (!doc) throw notFound();
  return doc;
}

export async function removeContractDocument(db: Db, actor: Actor, contractId: string, docId: string) {
  const { contract, ctx } = await readableContract(db, actor, contractId);
  if (!writesContractsOf(actor, ctx)) throw forbidden();
  const doc = await repo.findDocument(db, contractId, docId);
  if (!doc) throw notFound();
  await db.transaction(async (tx) => {
    await repo.deleteDocument(tx, docId);
    await repo.insertHistory(tx, {
      contractId,
      action: 'document_removed',
      changes: { document: { from: `${doc.fileName} (${doc.kind})`, to: null } },
      changedBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'contract.document_removed',
      entityType: 'contract',
      entityId: contractId,
      organisationId: contract.municipalityId,
      before: { documentId: docId, kind: doc.kind, fileName: doc.fileName },
    });
  });
  return { ok: true as const };
}
