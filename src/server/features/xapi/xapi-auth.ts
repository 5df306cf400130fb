import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { hashToken, safeEqual } from '../../lib/tokens.ts';
import { type RequestActor, SESSION_COOKIE } from '../../plugins/session.ts';
import { findClientActor } from '../api-clients/api-clients.repo.ts';
import { clientActor } from '../api-clients/bearer.ts';
import { findSessionActor } from '../auth/session.repo.ts';
import { authenticateCmi5Session, CMI5_USER_PREFIX } from '../cmi5/cmi5-fetch.ts';
import type { DocumentTarget } from './documents.service.ts';
import type { XapiAgent, XapiStatement } from './statement-validation.ts';
import { XapiError } from './xapi-errors.ts';

/**
 * A cmi5 AU in one launch session (cmi5 §8.2), with the auth-token the fetch URL handed out: it writes
 * its learner's statements for its registration and reads and writes its own state and the learner's
 * preferences, within the rules the LMS enforces (features/cmi5).
 */
export interface SessionCaller {
  kind: 'session';
  sessionId: string;
  /** The course owner's organisation: the session's statements and documents are filed under it. */
  organisationId: string;
  authority: XapiAgent;
  /**
   * Inside the transaction that stores them, given only statements not stored before: refuses
   * (XapiError) what the cmi5 rules forbid, else records what they change (the session's state,
   * moveOn, Satisfied, the linked enrolment).
   */
  recordInSession(tx: Db, statements: XapiStatement[]): Promise<void>;
  /** Refuses (XapiError 403) a document outside the session's reach. */
  checkDocument(target: DocumentTarget, write: boolean): void;
}

/** Who calls /xapi: an API client (HTTP Basic), a cmi5 AU's session, or a person (her cookie). */
export type XapiCaller =
  | SessionCaller
  | {
      kind: 'client';
      actor: RequestActor;
      apiClientId: string;
      /** The client's organisation: what it writes is stored under it. */
      organisationId: string;
      /** The statement authority the LRS stamps on what this client sends. */
      authority: XapiAgent;
    }
  | { kind: 'person'; actor: RequestActor; userId: string };

const unauthorised = (message: string) =>
  new XapiError(401, message, { 'www-authenticate': 'Basic realm="xapi", charset="UTF-8"' });

/** `Authorization: Basic base64(id:secret)` (RFC 7617): undefined when absent, null when malformed. */
function basicCredentials(req: FastifyRequest): { id: string; secret: string } | null | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * The caller of an /xapi request. An API client authenticates with its client id and secret (only the
 * secret's SHA-256 is stored, so checking it costs no slow hash per request); a person only with the
 * web app's session cookie, and only to read. Wrong, malformed or missing credentials are a 401.
 */
export async function authenticateXapi(
  req: FastifyRequest,
  deps: { db: Db; publicUrl: string },
): Promise<XapiCaller> {
  const credentials = basicCredentials(req);
  if (credentials === null) throw unauthorised('Malformed Authorization header: use HTTP Basic');
  // A cmi5 session's user id cannot be a client id: those all start with `vnc_`.
  if (credentials?.id.startsWith(CMI5_USER_PREFIX)) {
    const session = await authenticateCmi5Session(deps, credentials);
    if (!session) throw unauthorised('Unknown or closed cmi5 session, or wrong secret');
    return session;
  }
  if (credentials) {
    const row = await findClientActor(deps.db, credentials.id);
    // The hash is computed whether or not the client exists, so timing says nothing about client ids.
    const presented = hashToken(credentials.secret);
    const actor = row && safeEqual(presented, row.secret_hash) ? clientActor(row) : null;
    if (!row || !actor) throw unauthorised('Unknown client or wrong secret');
    return {
      kind: 'client',
      actor,
      apiClientId: row.api_client_id,
      organisationId: row.organisation_id,
      authority: {
        objectType: 'Agent',
        name: row.name,
        account: { homePage: deps.publicUrl, name: row.client_id },
      },
    };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  const session = cookie ? await findSessionActor(deps.db, hashToken(cookie)) : null;
  if (!session) throw unauthorised('Authentication required: HTTP Basic with an API client');
  return { kind: 'person', actor: session.actor, userId: session.actor.userId };
}
