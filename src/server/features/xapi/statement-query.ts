import { isUuid } from './activity-definition-schema.ts';
import { parseAgentParam } from './agent-keys.ts';
import { timestampProblem } from './statement-schema.ts';
import type { XapiAgent, XapiGroup } from './statement-validation.ts';
import { badRequest } from './xapi-errors.ts';

const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/** The most statements one page holds; `limit=0` asks for it (Communication §2.1.3). */
export const MAX_PAGE = 100;

export type StatementFormat = 'exact' | 'ids' | 'canonical';

export interface StatementFilter {
  agent: XapiAgent | XapiGroup | null;
  verb: string | null;
  activity: string | null;
  registration: string | null;
  relatedActivities: boolean;
  relatedAgents: boolean;
  since: Date | null;
  until: Date | null;
  limit: number;
  ascending: boolean;
  /** Where the previous page ended (the `more` link's cursor). */
  after: { stored: string; seq: number } | null;
}

export type StatementQuery =
  | { kind: 'single'; id: string; voided: boolean; format: StatementFormat; attachments: boolean }
  | { kind: 'list'; filter: StatementFilter; format: StatementFormat; attachments: boolean };

const KNOWN = new Set([
  'statementId',
  'voidedStatementId',
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
  'cursor',
]);
const SINGLE_ALLOWED = new Set(['statementId', 'voidedStatementId', 'format', 'attachments']);

function bool(name: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest(`${name} must be true or false`);
}

function instant(name: string, value: string | undefined): Date | null {
  if (value === undefined) return null;
  if (timestampProblem(value, false) !== null) throw badRequest(`${name} must be an ISO 8601 timestamp`);
  const date = new Date(/[zZ]|[+-]\d{2}(:?\d{2})?$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(date.getTime())) throw badRequest(`${name} must be an ISO 8601 timestamp`);
  return date;
}

function iri(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!IRI.test(value)) throw badRequest(`${name} must be an IRI`);
  return value;
}

/** The cursor of a `more` link: where the last page ended, in stored order. */
export function encodeCursor(stored: string, seq: number): string {
  return Buffer.from(JSON.stringify([stored, seq])).toString('base64url');
}

function decodeCursor(value: string | undefined): StatementFilter['after'] {
  if (value === undefined) return null;
  try {
    const [stored, seq] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [string, number];
    if (typeof stored === 'string' && Number.isInteger(seq) && !Number.isNaN(Date.parse(stored)))
      return { stored, seq };
  } catch {
    // falls through to the refusal below
  }
  throw badRequest('cursor is not one this LRS gave');
}

/**
 * The query of GET /statements (Communication §2.1.3), checked: an unknown or repeated parameter, a
 * malformed value, or `statementId`/`voidedStatementId` together with a filter is a 400.
 */
export function parseStatementQuery(raw: Record<string, string | string[] | undefined>): StatementQuery {
  const q: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!KNOWN.has(key)) throw badRequest(`Unknown parameter ${key}`);
    if (Array.isArray(value)) throw badRequest(`Parameter ${key} is given more than once`);
    q[key] = value;
  }
  const format = (q.format ?? 'exact') as StatementFormat;
  if (!['exact', 'ids', 'canonical'].includes(format))
    throw badRequest('format must be exact, ids or canonical');
  const attachments = bool('attachments', q.attachments);

  const id = q.statementId ?? q.voidedStatementId;
  if (id !== undefined) {
    if (q.statementId !== undefined && q.voidedStatementId !== undefined)
      throw badRequest('Give statementId or voidedStatementId, not both');
    const extra = Object.keys(q).filter((k) => !SINGLE_ALLOWED.has(k));
    if (extra.length) throw badRequest(`${extra.join(', ')} cannot be combined with a statement id`);
    if (!isUuid(id)) throw badRequest('The statement id must be a UUID');
    return {
      kind: 'single',
      id: id.toLowerCase(),
      voided: q.voidedStatementId !== undefined,
      format,
      attachments,
    };
  }

  let agent: StatementFilter['agent'] = null;
  if (q.agent !== undefined) {
    agent = parseAgentParam(q.agent);
    if (!agent) throw badRequest('agent must be a JSON Agent or identified Group');
  }
  if (q.registration !== undefined && !isUuid(q.registration))
    throw badRequest('registration must be a UUID');
  const limit = q.limit === undefined ? 0 : Number(q.limit);
  if (!/^\d+$/.test(q.limit ?? '0') || !Number.isSafeInteger(limit))
    throw badRequest('limit must be a whole number ≥ 0');
  return {
    kind: 'list',
    format,
    attachments,
    filter: {
      agent,
      verb: iri('verb', q.verb),
      activity: iri('activity', q.activity),
      registration: q.registration?.toLowerCase() ?? null,
      relatedActivities: bool('related_activities', q.related_activities),
      relatedAgents: bool('related_agents', q.related_agents),
      since: instant('since', q.since),
      until: instant('until', q.until),
      limit: limit === 0 || limit > MAX_PAGE ? MAX_PAGE : limit,
      ascending: bool('ascending', q.ascending),
      after: decodeCursor(q.cursor),
    },
  };
}
