import { randomUUID } from 'node:crypto';
import { writesXapiAt, xapiReadScope } from '../../../shared/access/index.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/db-errors.ts';
import { advanceEnrolments } from '../learning/xapi-progress.ts';
import { agentKey, statementKeys } from './agent-keys.ts';
import { platformUsersOf, usersWithin } from './platform-people.ts';
import { sameStatement } from './statement-equivalence.ts';
import { renderStatement } from './statement-rendering.ts';
import { ifiCount, VOIDED_VERB } from './statement-schema.ts';
import type { XapiAgent, XapiStatement, XapiVersion } from './statement-validation.ts';
import * as repo from './statements.repo.ts';
import type { XapiCaller } from './xapi-auth.ts';
import { badRequest, XapiError } from './xapi-errors.ts';

/** An attachment's raw content from a multipart/mixed request, named by its SHA-2 (X-Experience-API-Hash). */
export interface AttachmentPart {
  sha2: string;
  contentType: string;
  content: Buffer;
}

export interface StoreStatementsInput {
  version: XapiVersion;
  statements: XapiStatement[];
  attachments: AttachmentPart[];
}

type ClientCaller = Extract<XapiCaller, { kind: 'client' }>;

/** Who writes and under what: an API client at its organisation, or a cmi5 AU's session (cmi5 §8.2). */
interface Writer {
  organisationId: string;
  apiClientId: string | null;
  authority: XapiAgent;
  /** Whether the writer may write about people of any organisation. */
  national: boolean;
}

function writerOf(caller: XapiCaller): Writer {
  if (caller.kind === 'session') {
    return {
      organisationId: caller.organisationId,
      apiClientId: null,
      authority: caller.authority,
      // The LMS chose the learner at launch; the session's rules keep the AU to her.
      national: true,
    };
  }
  const client = writingClient(caller);
  return {
    organisationId: client.organisationId,
    apiClientId: client.apiClientId,
    authority: client.authority,
    national: xapiReadScope(client.actor).national,
  };
}

/** Only an API client with a write scope at its own organisation writes (a person's session only reads). */
export function writingClient(caller: XapiCaller): ClientCaller {
  if (caller.kind !== 'client' || !writesXapiAt(caller.actor, caller.organisationId)) {
    throw new XapiError(403, 'These credentials may not write to this LRS (an xapi:write scope is needed)');
  }
  return caller;
}

function objectIdOf(s: XapiStatement): string {
  const o = s.object;
  if (o.objectType === 'StatementRef') return `urn:uuid:${o.id.toLowerCase()}`;
  // An anonymous Group has no identity to file it under.
  if (o.objectType === 'Agent' || o.objectType === 'Group')
    return ifiCount(o) === 0 ? 'anonymous-group' : agentKey(o);
  if (o.objectType === 'SubStatement') return 'substatement';
  return o.id;
}

/** Activity definitions given in the statements (object and context activities), latest last. */
function definitionsOf(statements: XapiStatement[]): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const take = (a: { id?: string; objectType?: string; definition?: unknown } | undefined) => {
    if (a?.id && (a.objectType ?? 'Activity') === 'Activity' && a.definition)
      found.set(a.id, { ...found.get(a.id), ...(a.definition as Record<string, unknown>) });
  };
  for (const s of statements) {
    take(s.object as { id?: string; objectType?: string; definition?: unknown });
    const lists = s.context?.contextActivities;
    for (const list of [lists?.parent, lists?.grouping, lists?.category, lists?.other]) list?.forEach(take);
  }
  return found;
}

/** Every attachment without a fileUrl must come with its content, and every part must be named. */
function checkAttachments(statements: XapiStatement[], parts: AttachmentPart[]) {
  const sent = new Set(parts.map((p) => p.sha2));
  const named = new Set<string>();
  for (const s of statements) {
    for (const a of s.attachments ?? []) {
      named.add(a.sha2.toLowerCase());
      if (!a.fileUrl && !sent.has(a.sha2.toLowerCase())) {
        throw badRequest(`Attachment ${a.sha2} has no fileUrl and its content was not sent`);
      }
    }
  }
  for (const p of parts) {
    if (!named.has(p.sha2))
      throw badRequest(`The part with hash ${p.sha2} is not an attachment of any statement`);
  }
}

/**
 * Stores statements sent to /xapi (Communication §2.1.1–2.1.2) and answers their ids in order. A
 * statement whose id is already stored is accepted again only unchanged (Data 2.3.1's comparison), a
 * different one under the same id is a 409 and nothing of the request is stored. The LRS sets `stored`,
 * the `authority` (the client), a missing `id`, `timestamp` and `version`. A statement about one of our
 * people is linked to her, and must be about someone within the client's organisation.
 */
export async function storeStatements(
  db: Db,
  deps: { publicUrl: string },
  caller: XapiCaller,
  input: StoreStatementsInput,
): Promise<string[]> {
  const client = writerOf(caller);
  checkAttachments(input.statements, input.attachments);
  const stored = new Date();
  const storedIso = stored.toISOString();
  const statements = input.statements.map((s) => ({
    ...s,
    id: (s.id ?? randomUUID()).toLowerCase(),
  }));

  const ids = statements.map((s) => s.id);
  // The statements sent and the targets of voiding ones among them, read in one query.
  const targetIds = statements.flatMap((s) =>
    s.verb.id === VOIDED_VERB && s.object.objectType === 'StatementRef' ? [s.object.id.toLowerCase()] : [],
  );
  // A re-sent id is otherwise found by the insert itself and compared then (below): a read first is
  // needed only for voiding statements' targets and for a cmi5 session, whose rules see new ones only.
  const readFirst = caller.kind === 'session' || targetIds.length > 0;
  const existing = new Map(
    readFirst
      ? (await repo.findStoredByIds(db, [...new Set([...ids, ...targetIds])])).map((r) => [r.id, r])
      : [],
  );
  const inBatch = new Map(statements.map((s) => [s.id, s]));
  for (const s of statements) {
    if (s.verb.id !== VOIDED_VERB) continue;
    if (s.object.objectType !== 'StatementRef')
      throw badRequest('A voiding statement must have a StatementRef object');
    const targetId = s.object.id.toLowerCase();
    const targetVerb = existing.get(targetId)?.verb ?? inBatch.get(targetId)?.verb.id;
    if (targetVerb === VOIDED_VERB)
      throw badRequest('A voiding statement cannot void another voiding statement');
  }

  const people = await platformUsersOf(
    db,
    statements.flatMap((s) => (s.actor.objectType === 'Group' ? [] : [s.actor])),
    deps.publicUrl,
  );
  const linked = [...new Set(people.values())];
  if (!client.national) {
    const within = await usersWithin(db, linked, client.organisationId);
    if (linked.some((u) => !within.has(u))) {
      throw new XapiError(403, 'A statement is about a person outside the organisation of these credentials');
    }
  }

  const fresh: repo.StatementInsert[] = [];
  for (const s of statements) {
    const before = existing.get(s.id);
    if (before) {
      if (!sameStatement(renderStatement(before, deps.publicUrl) as XapiStatement, s)) {
        throw new XapiError(409, `Statement ${s.id} is already stored with other content`);
      }
      continue;
    }
    const full = {
      ...s,
      timestamp: s.timestamp ?? storedIso,
      stored: storedIso,
      authority: client.authority,
      version: s.version ?? (input.version === '1.0.3' ? '1.0.0' : '2.0.0'),
    } as XapiStatement;
    const keys = statementKeys(full);
    const actorKey = s.actor.objectType === 'Group' ? null : agentKey(s.actor);
    fresh.push({
      id: s.id,
      userId: actorKey ? (people.get(actorKey) ?? null) : null,
      verb: s.verb.id,
      objectId: objectIdOf(s),
      objectType: s.object.objectType ?? 'Activity',
      result: s.result ?? null,
      context: s.context ?? null,
      timestamp: new Date(full.timestamp!),
      stored,
      statement: full,
      registration: keys.registration,
      agentKeys: keys.agentKeys,
      relatedAgentKeys: keys.relatedAgentKeys,
      relatedActivityIds: keys.relatedActivityIds,
      organisationId: client.organisationId,
      apiClientId: client.apiClientId,
    });
  }

  const definitions = { organisationId: client.organisationId, byActivity: definitionsOf(input.statements) };
  // About none of our people, a client's batch advances no enrolment: it is then stored by one atomic SQL
  // statement, which a re-sent id aborts (nothing stored) for the transaction below to compare.
  if (caller.kind === 'client' && input.attachments.length === 0 && fresh.every((f) => !f.userId)) {
    try {
      await repo.insertStatementBatch(db, fresh, definitions, 'fail');
      return ids;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }

  await db.transaction(async (tx) => {
    // A cmi5 session's new statements meet the cmi5 rules under its lock, in this transaction (cmi5 §9).
    if (caller.kind === 'session')
      await caller.recordInSession(
        tx,
        fresh.map((f) => f.statement as XapiStatement),
      );
    const inserted = new Set(
      (await repo.insertStatementBatch(tx, fresh, definitions, 'skip')).map((r) => r.id),
    );
    // Already stored (sent before, or by another request meanwhile): only unchanged, compared as sent.
    const before = fresh.filter((f) => !inserted.has(f.id));
    for (const row of await repo.findStoredByIds(
      tx,
      before.map((r) => r.id),
    )) {
      if (!sameStatement(renderStatement(row, deps.publicUrl) as XapiStatement, inBatch.get(row.id)!)) {
        throw new XapiError(409, `Statement ${row.id} is already stored with other content`);
      }
    }
    // A Completed or Passed about an imported course's module advances her enrolment (ADR 21).
    await advanceEnrolments(
      tx,
      deps.publicUrl,
      fresh.filter((f) => inserted.has(f.id)),
    );
    await repo.insertAttachments(tx, input.attachments);
  });
  return ids;
}
