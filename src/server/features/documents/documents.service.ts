import { type Actor, authorizeOwn, scopeFor } from '../../../shared/access/index.ts';
import type {
  DocumentFields,
  DocumentListQuery,
  DocumentOwner,
  DocumentSearchQuery,
  DocumentSearchResult,
  GoverningDocument,
  HighlightPart,
} from '../../../shared/contracts/documents.ts';
import type { MembershipView } from '../../../shared/contracts/people.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { sortBySwedishName } from '../../lib/swedish-sort.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadOrgContext } from '../organisations/organisations.repo.ts';
import { type InspectedFile, inspectDocumentFile } from './document-file.ts';
import * as repo from './documents.repo.ts';

/*
 * Reading rule: governing documents are published policy (municipal and regional decisions are public
 * records), so every signed-in user may list, search, read and download them. Creating, changing and
 * uploading need `document.manage` held at the owner organisation itself (`authorizeOwn`): a municipality's
 * strategy is its own, so the region's coordinators read it but do not change it; national administrators
 * may change any.
 */

export interface Upload {
  content: Buffer;
  fileName: string;
}

/** Whether the actor may change documents of this owner: a role at the owner itself (no lookup needed). */
const mayEdit = (actor: Actor, ownerId: string) => authorizeOwn(actor, 'document.manage', { id: ownerId });

function toView(r: repo.DocumentViewRow, canEdit: boolean): GoverningDocument {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as GoverningDocument['kind'],
    level: r.level as GoverningDocument['level'],
    status: r.status as GoverningDocument['status'],
    owner: { id: r.ownerId, name: r.ownerName, kind: r.ownerKind, code: r.ownerCode },
    adoptedOn: r.adoptedOn,
    validUntil: r.validUntil,
    reviewOn: r.reviewOn,
    reviewDue: r.reviewDue,
    focusAreas: r.focusAreas,
    summary: r.summary,
    url: r.url,
    file:
      r.fileName && r.mediaType && r.sizeBytes !== null && r.uploadedAt
        ? {
            fileName: r.fileName,
            mediaType: r.mediaType,
            sizeBytes: r.sizeBytes,
            uploadedAt: r.uploadedAt.toISOString(),
          }
        : null,
    canEdit,
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toViews(actor: Actor, rows: repo.DocumentViewRow[]) {
  return rows.map((r) => toView(r, mayEdit(actor, r.ownerId)));
}

const encodeCursor = (r: repo.DocumentViewRow) =>
  Buffer.from(JSON.stringify([r.createdKey, r.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): { createdKey: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [createdKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdKey === 'string' &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(createdKey) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    )
      return { createdKey, id };
  } catch {
    // Fall through to the problem below.
  }
  throw new AppError(400, 'validation_failed', [{ path: 'querystring.cursor', code: 'invalid_format' }]);
}

export async function listDocuments(db: Db, actor: Actor, query: DocumentListQuery) {
  const rows = await repo.listDocuments(db, query, decodeCursor(query.cursor));
  const pageRows = rows.slice(0, query.limit);
  return {
    items: toViews(actor, pageRows),
    nextCursor: rows.length > query.limit ? encodeCursor(pageRows.at(-1)!) : null,
  };
}

export async function getDocument(db: Db, actor: Actor, id: string): Promise<GoverningDocument> {
  const row = await repo.findDocumentView(db, id);
  if (!row) throw notFound();
  return toView(row, mayEdit(actor, row.ownerId));
}

/** 403 with the owner field marked unless the actor may manage documents of that organisation. */
async function requireManage(db: Db, actor: Actor, ownerId: string) {
  const ctx = await loadOrgContext(db, ownerId);
  if (!ctx || !authorizeOwn(actor, 'document.manage', ctx)) {
    throw new AppError(403, 'document_owner_not_allowed', [
      { path: 'body.ownerOrganisationId', code: 'document_owner_not_allowed' },
    ]);
  }
}

const columnsOf = (f: DocumentFields) => ({
  title: f.title,
  kind: f.kind,
  level: f.level,
  ownerOrganisationId: f.ownerOrganisationId,
  status: f.status,
  adoptedOn: f.adoptedOn ?? null,
  validUntil: f.validUntil ?? null,
  reviewOn: f.reviewOn ?? null,
  focusAreas: [...new Set(f.focusAreas)],
  summary: f.summary || null,
  url: f.url ?? null,
});
type Columns = ReturnType<typeof columnsOf>;

const fileAudit = (f: Pick<InspectedFile, 'fileName' | 'mediaType' | 'sizeBytes' | 'sha256'> | null) =>
  f ? { fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256 } : null;

/**
 * Records a document, with its file if one is sent. The file is checked and its text extracted before the
 * transaction starts: a refused file leaves nothing behind.
 */
export async function createDocument(
  db: Db,
  actor: Actor,
  fields: DocumentFields,
  upload: Upload | null,
): Promise<GoverningDocument> {
  await requireManage(db, actor, fields.ownerOrganisationId);
  const file = upload ? await inspectDocumentFile(upload.content, upload.fileName) : null;
  const values = columnsOf(fields);
  const id = await db.transaction(async (tx) => {
    const now = new Date();
    const newId = await repo.insertDocument(tx, {
      ...values,
      bodyText: file?.text || null,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    if (file) await repo.saveFile(tx, { ...fileColumns(file), documentId: newId, uploadedBy: actor.userId });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'governing_document.created',
      entityType: 'governing_document',
      entityId: newId,
      organisationId: values.ownerOrganisationId,
      after: { ...values, file: fileAudit(file) },
    });
    return newId;
  });
  return getDocument(db, actor, id);
}

const fileColumns = (f: InspectedFile) => ({
  fileName: f.fileName,
  mediaType: f.mediaType,
  sizeBytes: f.sizeBytes,
  sha256: f.sha256,
  content: f.content,
  uploadedAt: new Date(),
});

/** Changes the metadata; moving a document to another owner needs the right on both. */
export async function updateDocument(
  db: Db,
  actor: Actor,
  id: string,
  fields: DocumentFields,
): Promise<GoverningDocument> {
  await db.transaction(async (tx) => {
    const existing = await repo.findDocumentForUpdate(tx, id);
    if (!existing) throw notFound();
    const ownerCtx = await loadOrgContext(tx, existing.ownerOrganisationId);
    if (!ownerCtx || !authorizeOwn(actor, 'document.manage', ownerCtx)) throw forbidden();
    if (fields.ownerOrganisationId !== existing.ownerOrganisationId)
      await requireManage(tx, actor, fields.ownerOrganisationId);
    const before = columnsOf(existing as unknown as DocumentFields);
    const after = columnsOf(fields);
    const changed = (Object.keys(after) as (keyof Columns)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (changed.length === 0) return;
    await repo.updateDocument(tx, id, { ...after, updatedBy: actor.userId, updatedAt: new Date() });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'governing_document.updated',
      entityType: 'governing_document',
      entityId: id,
      organisationId: after.ownerOrganisationId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
  });
  return getDocument(db, actor, id);
}

/** Adds or replaces the document's file; its text replaces the searchable body. */
export async function replaceFile(
  db: Db,
  actor: Actor,
  id: string,
  upload: Upload,
): Promise<GoverningDocument> {
  const current = await repo.findDocumentView(db, id);
  if (!current) throw notFound();
  const ctx = await loadOrgContext(db, current.ownerId);
  if (!ctx || !authorizeOwn(actor, 'document.manage', ctx)) throw forbidden();
  const file = await inspectDocumentFile(upload.content, upload.fileName);
  await db.transaction(async (tx) => {
    const existing = await repo.findDocumentForUpdate(tx, id);
    if (!existing) throw notFound();
    const before = await repo.findFileMeta(tx, id);
    await repo.saveFile(tx, { ...fileColumns(file), documentId: id, uploadedBy: actor.userId });
    await repo.updateDocument(tx, id, {
      bodyText: file.text || null,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'governing_document.file_uploaded',
      entityType: 'governing_document',
      entityId: id,
      organisationId: existing.ownerOrganisationId,
      before: fileAudit(before),
      after: fileAudit(file),
    });
  });
  return getDocument(db, actor, id);
}

export async function documentFile(db: Db, id: string) {
  const file = await repo.findFile(db, id);
  if (!file) throw notFound();
  return file;
}

/** Splits ts_headline output (hits between control-character markers) into plain text parts. */
export function highlightParts(marked: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let hit = false;
  for (const piece of marked.split(new RegExp(`([${repo.HIT_START}${repo.HIT_END}])`))) {
    if (piece === repo.HIT_START) hit = true;
    else if (piece === repo.HIT_END) hit = false;
    else if (piece) {
      const last = parts.at(-1);
      if (last && last.hit === hit) last.text += piece;
      else parts.push({ text: piece, hit });
    }
  }
  return parts;
}

export async function searchDocuments(
  db: Db,
  actor: Actor,
  query: DocumentSearchQuery,
): Promise<DocumentSearchResult> {
  const hits = await repo.searchDocuments(db, query.q, query, query.limit);
  const rows = await repo.findDocumentViews(
    db,
    hits.map((h) => h.id),
  );
  const views = new Map(toViews(actor, rows).map((v) => [v.id, v]));
  return {
    items: hits.flatMap((h) => {
      const document = views.get(h.id);
      if (!document) return [];
      const snippet = highlightParts(h.snippet_hl);
      return [
        {
          document,
          rank: Number(h.rank),
          title: highlightParts(h.title_hl),
          // Without a hit in the summary or file text (the title matched), the snippet says nothing new.
          snippet: snippet.some((p) => p.hit) ? snippet : [],
        },
      ];
    }),
  };
}

const REMINDER_LIMIT = 100;

/** Organisations whose documents this person looks after: where they hold a role that manages documents. */
const ownedBy = (actor: Parameters<typeof scopeFor<MembershipView>>[0]) => scopeFor(actor, 'document.manage');

/**
 * Documents past their review date, for their owners: the organisations where the caller holds a role that
 * manages documents (not everything below them — a region's coordinators are not reminded of every
 * municipality's routines).
 */
export async function reviewReminders(db: Db, actor: Actor & { memberships: readonly MembershipView[] }) {
  const owners = ownedBy(actor).organisationIds;
  return { items: toViews(actor, await repo.overdueDocuments(db, owners, REMINDER_LIMIT)) };
}

/** The organisations the caller can pick as owner when adding a document. */
export function ownerChoices(actor: { memberships: readonly MembershipView[] }): { items: DocumentOwner[] } {
  const seen = new Map<string, DocumentOwner>();
  for (const m of ownedBy(actor).memberships) {
    seen.set(m.organisationId, {
      id: m.organisationId,
      name: m.organisationName,
      kind: m.organisationKind,
      code: m.organisationCode,
    });
  }
  return { items: sortBySwedishName([...seen.values()]) };
}
