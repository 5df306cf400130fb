import { and, desc, eq, gt, inArray, max, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { xapiDocuments } from '../../db/schema/xapi.ts';
import { subtreeIds } from '../scim/scim-users.repo.ts';
import type { DocumentKind } from './document-concurrency.ts';

/** Which stored documents a request is about: '' stands for an absent activity, agent or registration. */
export interface DocumentSelector {
  kind: DocumentKind;
  activityId: string;
  agentKey: string;
  /** Undefined in a list or delete-all of states without `registration`: any registration then. */
  registration: string | undefined;
}

export interface DocumentKey extends DocumentSelector {
  organisationId: string;
  registration: string;
  documentId: string;
}

export interface StoredDocument {
  organisationId: string;
  contentType: string;
  content: Buffer;
  etag: string;
  updatedAt: Date;
}

/** What a client reads: everything, or what lies under its organisations (xapiReadScope). */
export interface ReadScope {
  national: boolean;
  organisationIds: string[];
}

function inScope(scope: ReadScope): SQL {
  if (scope.national) return sql`true`;
  if (scope.organisationIds.length === 0) return sql`false`;
  const within = scope.organisationIds.map((id) => sql`${xapiDocuments.organisationId} in ${subtreeIds(id)}`);
  return sql`(${sql.join(within, sql` or `)})`;
}

function selectorMatch(s: DocumentSelector): SQL {
  return and(
    eq(xapiDocuments.kind, s.kind),
    eq(xapiDocuments.activityId, s.activityId),
    eq(xapiDocuments.agentKey, s.agentKey),
    s.registration === undefined ? undefined : eq(xapiDocuments.registration, s.registration),
  ) as SQL;
}

const keyMatch = (k: DocumentKey) =>
  and(
    eq(xapiDocuments.organisationId, k.organisationId),
    selectorMatch(k),
    eq(xapiDocuments.documentId, k.documentId),
  );

const documentColumns = {
  organisationId: xapiDocuments.organisationId,
  contentType: xapiDocuments.contentType,
  content: xapiDocuments.content,
  etag: xapiDocuments.etag,
  updatedAt: xapiDocuments.updatedAt,
};

/** The writer's own document, locked for the rest of the transaction (read-modify-write of POST). */
export async function lockOwnDocument(tx: Db, key: DocumentKey): Promise<StoredDocument | null> {
  const [row] = await tx.select(documentColumns).from(xapiDocuments).where(keyMatch(key)).for('update');
  return row ?? null;
}

/**
 * One document the reader may see. Several organisations in its scope can hold the same key (a
 * region reads its municipalities'): its own organisation's comes first, then the most recent.
 */
export async function findReadableDocument(
  db: Db,
  selector: DocumentSelector & { registration: string; documentId: string },
  scope: ReadScope,
  ownOrganisationId: string,
): Promise<StoredDocument | null> {
  const [row] = await db
    .select(documentColumns)
    .from(xapiDocuments)
    .where(and(selectorMatch(selector), eq(xapiDocuments.documentId, selector.documentId), inScope(scope)))
    .orderBy(desc(sql`${xapiDocuments.organisationId} = ${ownOrganisationId}`), desc(xapiDocuments.updatedAt))
    .limit(1);
  return row ?? null;
}

/** The ids of the matching documents the reader may see, stored after `since` when given. */
export async function listDocumentIds(
  db: Db,
  selector: DocumentSelector,
  scope: ReadScope,
  since: Date | undefined,
): Promise<{ ids: string[]; lastModified: Date | null }> {
  const rows = await db
    .select({ documentId: xapiDocuments.documentId, updatedAt: max(xapiDocuments.updatedAt) })
    .from(xapiDocuments)
    .where(
      and(selectorMatch(selector), inScope(scope), since ? gt(xapiDocuments.updatedAt, since) : undefined),
    )
    .groupBy(xapiDocuments.documentId)
    .orderBy(xapiDocuments.documentId);
  const times = rows.map((r) => (r.updatedAt ? new Date(r.updatedAt).getTime() : 0));
  return {
    ids: rows.map((r) => r.documentId),
    lastModified: times.length > 0 ? new Date(Math.max(...times)) : null,
  };
}

export interface DocumentWrite {
  agent: unknown;
  userId: string | null;
  contentType: string;
  content: Buffer;
  etag: string;
}

export async function upsertDocument(tx: Db, key: DocumentKey, doc: DocumentWrite): Promise<void> {
  const values = {
    contentType: doc.contentType,
    content: doc.content,
    etag: doc.etag,
    agent: doc.agent ?? null,
    userId: doc.userId,
    updatedAt: sql`now()`,
  };
  await tx
    .insert(xapiDocuments)
    .values({
      organisationId: key.organisationId,
      kind: key.kind,
      activityId: key.activityId,
      agentKey: key.agentKey,
      registration: key.registration,
      documentId: key.documentId,
      ...values,
    })
    .onConflictDoUpdate({
      target: [
        xapiDocuments.organisationId,
        xapiDocuments.kind,
        xapiDocuments.activityId,
        xapiDocuments.agentKey,
        xapiDocuments.registration,
        xapiDocuments.documentId,
      ],
      set: values,
    });
}

export async function deleteOwnDocument(tx: Db, key: DocumentKey): Promise<void> {
  await tx.delete(xapiDocuments).where(keyMatch(key));
}

/** DELETE of the State resource without `stateId`: every matching state the writer stored. */
export async function deleteOwnDocuments(
  db: Db,
  organisationId: string,
  selector: DocumentSelector,
): Promise<void> {
  await db
    .delete(xapiDocuments)
    .where(and(eq(xapiDocuments.organisationId, organisationId), selectorMatch(selector)));
}

/** The agents as sent with documents under these keys that the reader may see: for the agents resource. */
export async function documentAgents(db: Db, agentKeys: string[], scope: ReadScope): Promise<unknown[]> {
  if (agentKeys.length === 0) return [];
  const rows = await db
    .selectDistinct({ agent: xapiDocuments.agent })
    .from(xapiDocuments)
    .where(and(inArray(xapiDocuments.agentKey, agentKeys), inScope(scope)))
    .limit(50);
  return rows.map((r) => r.agent).filter((a) => a !== null);
}
