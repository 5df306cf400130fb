import { xapiReadScope } from '../../../shared/access/xapi.ts';
import type { Db } from '../../db/client.ts';
import { agentKey } from './agent-keys.ts';
import {
  barePutConflicts,
  checkPreconditions,
  type DocumentKind,
  documentEtag,
  type Preconditions,
} from './document-concurrency.ts';
import {
  type DocumentKey,
  type DocumentSelector,
  deleteOwnDocument,
  deleteOwnDocuments,
  findReadableDocument,
  listDocumentIds,
  lockOwnDocument,
  type ReadScope,
  type StoredDocument,
  upsertDocument,
} from './documents.repo.ts';
import { platformUsersOf } from './platform-people.ts';
import type { XapiAgent, XapiGroup, XapiVersion } from './statement-validation.ts';
import { writingClient } from './statements.service.ts';
import type { XapiCaller } from './xapi-auth.ts';
import { badRequest, notFoundXapi, XapiError } from './xapi-errors.ts';

export interface DocumentDeps {
  db: Db;
  publicUrl: string;
}

/** The documents a request names (Communication §2.3–2.6); absent parts are undefined. */
export interface DocumentTarget {
  kind: DocumentKind;
  activityId?: string;
  agent?: XapiAgent | XapiGroup;
  registration?: string;
  documentId?: string;
}

export interface DocumentBody {
  contentType: string;
  content: Buffer;
}

type ClientCaller = Extract<XapiCaller, { kind: 'client' }>;

/** Documents are an activity provider's storage: a person's session reaches none of them. */
export function requireClient(caller: XapiCaller): ClientCaller {
  if (caller.kind !== 'client')
    throw new XapiError(403, 'Documents are for API clients: sign in with HTTP Basic');
  return caller;
}

export function readScopeOf(caller: XapiCaller): ReadScope {
  return xapiReadScope(requireClient(caller).actor);
}

export const isJsonType = (contentType: string) =>
  contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';

function selectorOf(t: DocumentTarget): DocumentSelector {
  return {
    kind: t.kind,
    activityId: t.activityId ?? '',
    agentKey: t.agent ? agentKey(t.agent) : '',
    registration: t.registration,
  };
}

function keyOf(t: DocumentTarget, organisationId: string): DocumentKey {
  if (t.documentId === undefined) throw new Error('a single document needs its id');
  return { ...selectorOf(t), organisationId, registration: t.registration ?? '', documentId: t.documentId };
}

function parseJsonObject(content: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(content.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function isJson(content: Buffer): boolean {
  try {
    JSON.parse(content.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** A document about one of our people is linked to her, so that erasing her erases it (ADR 15). */
async function userOf(deps: DocumentDeps, agent: XapiAgent | XapiGroup | undefined) {
  if (!agent) return null;
  const users = await platformUsersOf(deps.db, [agent], deps.publicUrl);
  return users.get(agentKey(agent)) ?? null;
}

/** The organisation a document is written under: the client's, or a cmi5 session's course owner. */
function writerOrganisation(caller: XapiCaller, target: DocumentTarget): string {
  if (caller.kind === 'session') {
    caller.checkDocument(target, true);
    return caller.organisationId;
  }
  return writingClient(caller).organisationId;
}

/** What a reader sees: a cmi5 session only its own documents, under its course owner (cmi5 §10, §11). */
function readerOf(caller: XapiCaller, target: DocumentTarget): { scope: ReadScope; own: string } {
  if (caller.kind === 'session') {
    caller.checkDocument(target, false);
    return {
      scope: { national: false, organisationIds: [caller.organisationId] },
      own: caller.organisationId,
    };
  }
  return { scope: readScopeOf(caller), own: requireClient(caller).organisationId };
}

async function write(
  deps: DocumentDeps,
  caller: XapiCaller,
  target: DocumentTarget,
  change: (tx: Db, key: DocumentKey, current: StoredDocument | null) => Promise<void>,
) {
  const key = keyOf(target, writerOrganisation(caller, target));
  await deps.db.transaction(async (tx) => change(tx, key, await lockOwnDocument(tx, key)));
}

/** PUT: stores the document, replacing one the client's organisation holds under the same key. */
export async function putDocument(
  deps: DocumentDeps,
  caller: XapiCaller,
  version: XapiVersion,
  target: DocumentTarget,
  body: DocumentBody,
  conditions: Preconditions,
): Promise<void> {
  if (isJsonType(body.contentType) && body.content.length > 0 && !isJson(body.content))
    throw badRequest('The document is declared application/json but is not JSON');
  const userId = await userOf(deps, target.agent);
  await write(deps, caller, target, async (tx, key, current) => {
    checkPreconditions('PUT', conditions, current?.etag ?? null, barePutConflicts(target.kind, version));
    await upsertDocument(tx, key, { ...body, agent: target.agent, userId, etag: documentEtag(body.content) });
  });
}

/**
 * POST: a new document is stored as sent; an existing one is merged with it (Communication §2.2): both
 * must be JSON objects sent as application/json, and the sent object's top-level properties win.
 */
export async function postDocument(
  deps: DocumentDeps,
  caller: XapiCaller,
  target: DocumentTarget,
  body: DocumentBody,
  conditions: Preconditions,
): Promise<void> {
  const sentJson = isJsonType(body.contentType);
  const sent = sentJson ? parseJsonObject(body.content) : null;
  if (sentJson && !sent)
    throw badRequest('The document is declared application/json but is not a JSON object');
  const userId = await userOf(deps, target.agent);
  await write(deps, caller, target, async (tx, key, current) => {
    checkPreconditions('POST', conditions, current?.etag ?? null, false);
    if (!current) {
      await upsertDocument(tx, key, {
        ...body,
        agent: target.agent,
        userId,
        etag: documentEtag(body.content),
      });
      return;
    }
    const stored = isJsonType(current.contentType) ? parseJsonObject(current.content) : null;
    if (!stored || !sent)
      throw badRequest('Only a JSON object can be merged into a stored JSON object (both application/json)');
    const content = Buffer.from(JSON.stringify({ ...stored, ...sent }), 'utf8');
    await upsertDocument(tx, key, {
      contentType: 'application/json',
      content,
      agent: target.agent,
      userId,
      etag: documentEtag(content),
    });
  });
}

/** DELETE of one document, or (the State resource without `stateId`) of every matching state. */
export async function deleteDocuments(
  deps: DocumentDeps,
  caller: XapiCaller,
  target: DocumentTarget,
  conditions: Preconditions,
): Promise<void> {
  if (target.documentId === undefined) {
    await deleteOwnDocuments(deps.db, writerOrganisation(caller, target), selectorOf(target));
    return;
  }
  await write(deps, caller, target, async (tx, key, current) => {
    checkPreconditions('DELETE', conditions, current?.etag ?? null, false);
    if (current) await deleteOwnDocument(tx, key);
  });
}

export async function getDocument(
  deps: DocumentDeps,
  caller: XapiCaller,
  target: DocumentTarget,
): Promise<StoredDocument> {
  const reader = readerOf(caller, target);
  const doc = await findReadableDocument(
    deps.db,
    { ...selectorOf(target), registration: target.registration ?? '', documentId: target.documentId ?? '' },
    reader.scope,
    reader.own,
  );
  if (!doc) throw notFoundXapi('No such document');
  return doc;
}

export async function listDocuments(
  deps: DocumentDeps,
  caller: XapiCaller,
  target: DocumentTarget,
  since: Date | undefined,
) {
  return listDocumentIds(deps.db, selectorOf(target), readerOf(caller, target).scope, since);
}
