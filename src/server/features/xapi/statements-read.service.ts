import { xapiReadScope } from '../../../shared/access/index.ts';
import type { Db } from '../../db/client.ts';
import { agentKey } from './agent-keys.ts';
import { platformUsersOf } from './platform-people.ts';
import { activityIdsIn, formatStatement } from './statement-format.ts';
import {
  type AgentMatch,
  findOneStatement,
  findStatementPage,
  type ReadScope,
} from './statement-query.repo.ts';
import { encodeCursor, type StatementQuery } from './statement-query.ts';
import { iso, renderStatement } from './statement-rendering.ts';
import { findAttachments, findDefinitions, type StoredStatementRow } from './statements.repo.ts';
import type { XapiCaller } from './xapi-auth.ts';
import { notFoundXapi, XapiError } from './xapi-errors.ts';

type Json = Record<string, unknown>;

export type StatementAnswer = {
  /** The statement (single) or the StatementResult `{statements, more}`. */
  body: Json;
  /** For a single statement: its `stored`, sent as Last-Modified. */
  lastModified: Date | null;
  /** The raw content of the statements' attachments, when asked for. */
  attachments: { sha2: string; contentType: string; content: Buffer }[] | null;
};

/** What the caller may read: a person her own, a client what lies under its organisation (or all). */
export function readScopeOf(caller: XapiCaller): ReadScope {
  if (caller.kind === 'person') return { kind: 'person', userId: caller.userId };
  // A cmi5 AU's credential writes its session's statements; reading the LRS is for the LMS (cmi5 §8.2).
  if (caller.kind === 'session') throw new XapiError(403, 'A cmi5 session may not read statements');
  const scope = xapiReadScope(caller.actor);
  if (scope.national) return { kind: 'all' };
  if (scope.organisationIds.length === 0)
    throw new XapiError(403, 'These credentials may not read this LRS (an xapi:read scope is needed)');
  return { kind: 'organisations', ids: scope.organisationIds };
}

/** The `more` link: the same query from where this page ended, as a path on this server. */
function moreLink(basePath: string, raw: Record<string, unknown>, last: StoredStatementRow) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (k !== 'cursor' && typeof v === 'string') params.set(k, v);
  params.set('cursor', encodeCursor(iso(last.stored), Number(last.seq)));
  return `${basePath}/statements?${params.toString()}`;
}

/**
 * GET /statements (Communication §2.1.3): one statement by id (a voided one only by voidedStatementId),
 * or a page of the statements that meet the filters with a `more` link, in the asked format, with their
 * attachments when asked.
 */
export async function readStatements(
  db: Db,
  deps: { publicUrl: string },
  caller: XapiCaller,
  query: StatementQuery,
  opts: { raw: Record<string, unknown>; languages: readonly string[] },
): Promise<StatementAnswer> {
  const scope = readScopeOf(caller);
  let rows: StoredStatementRow[];
  let more = '';
  if (query.kind === 'single') {
    const row = await findOneStatement(db, query.id, scope);
    if (!row || row.voided !== query.voided) throw notFoundXapi(`No statement ${query.id}`);
    rows = [row];
  } else {
    let agent: AgentMatch | null = null;
    if (query.filter.agent) {
      const key = agentKey(query.filter.agent);
      const people = await platformUsersOf(db, [query.filter.agent], deps.publicUrl);
      agent = { key, userId: people.get(key) ?? null };
    }
    rows = await findStatementPage(db, query.filter, scope, agent);
    if (rows.length > query.filter.limit) {
      rows = rows.slice(0, query.filter.limit);
      more = moreLink(`${new URL(deps.publicUrl).pathname.replace(/\/$/, '')}/xapi`, opts.raw, rows.at(-1)!);
    }
  }
  const rendered = rows.map((r) => renderStatement(r, deps.publicUrl));
  const organisations = scope.kind === 'organisations' ? scope.ids : null;
  const definitions =
    query.format === 'canonical'
      ? await findDefinitions(db, activityIdsIn(rendered), organisations)
      : new Map();
  const statements = rendered.map((s) =>
    formatStatement(s, query.format, { languages: opts.languages, definitions }),
  );
  let attachments: StatementAnswer['attachments'] = null;
  if (query.attachments) {
    const hashes = rendered.flatMap((s) =>
      ((s.attachments as { sha2: string }[] | undefined) ?? []).map((a) => a.sha2.toLowerCase()),
    );
    attachments = (await findAttachments(db, [...new Set(hashes)])).map((a) => ({
      sha2: a.sha2,
      contentType: a.contentType,
      content: a.content,
    }));
  }
  return query.kind === 'single'
    ? { body: statements[0]!, lastModified: new Date(rows[0]!.stored), attachments }
    : { body: { statements, more }, lastModified: null, attachments };
}
