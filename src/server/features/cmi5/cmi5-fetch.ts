import type { Cmi5FetchResult } from '../../../shared/contracts/cmi5.ts';
import type { Db } from '../../db/client.ts';
import { hashToken, newToken, safeEqual } from '../../lib/tokens.ts';
import { isUuid } from '../xapi/activity-definition-schema.ts';
import { agentKey } from '../xapi/agent-keys.ts';
import type { DocumentTarget } from '../xapi/documents.service.ts';
import type { XapiStatement } from '../xapi/statement-validation.ts';
import type { SessionCaller } from '../xapi/xapi-auth.ts';
import { XapiError } from '../xapi/xapi-errors.ts';
import { loadCmi5Course, settleProgress } from './cmi5-progress.ts';
import { checkSessionStatements, type SessionFacts } from './cmi5-session-rules.ts';
import * as repo from './cmi5-sessions.repo.ts';
import { lmsAuthority } from './cmi5-statements.ts';

/**
 * The fetch URL (cmi5 §8.2) and the credential it hands out. The auth-token is an HTTP Basic credential
 * (§8.2.1, RFC 1945 §11.1): user id `cmi5-<session id>` (RFC 7617 allows no colon in a user id) and a
 * random secret of which only the SHA-256 is kept, as for API clients.
 */

export const CMI5_USER_PREFIX = 'cmi5-';
export const LAUNCH_DATA = 'LMS.LaunchData';
export const LEARNER_PREFERENCES = 'cmi5LearnerPreferences';

const fetchError = (code: '1' | '2' | '3', text: string): Cmi5FetchResult => ({
  'error-code': code,
  'error-text': text,
});

/** One token per session: the first request gets it, every later one error 1 (§8.2.3), all with 200. */
export async function fetchAuthToken(db: Db, sessionId: string): Promise<Cmi5FetchResult> {
  if (!isUuid(sessionId)) return fetchError('2', 'Unknown launch session.');
  const secret = newToken();
  const id = sessionId.toLowerCase();
  if (await repo.claimFetch(db, id, hashToken(secret))) {
    return { 'auth-token': Buffer.from(`${CMI5_USER_PREFIX}${id}:${secret}`, 'utf8').toString('base64') };
  }
  const session = await repo.findSession(db, id);
  if (!session) return fetchError('2', 'Unknown launch session.');
  if (session.abandonedAt) return fetchError('1', 'The launch session has expired.');
  return fetchError('1', 'The authorization token has already been returned.');
}

const forbidden = (message: string) => new XapiError(403, message);

/** The AU's own state, and its learner's preferences; it may not change what the LMS wrote (§10). */
function checkDocument(f: SessionFacts, target: DocumentTarget, write: boolean) {
  const agent = target.agent ? agentKey(target.agent) : null;
  if (target.kind === 'state') {
    if (target.activityId !== f.activityId || agent !== f.actorKey || target.registration !== f.registration)
      throw forbidden('A cmi5 session reaches only the state of its AU, learner and registration');
    // §10: the AU MUST NOT modify or delete LMS.LaunchData (a delete of all states would too).
    if (write && (target.documentId === undefined || target.documentId === LAUNCH_DATA))
      throw forbidden('LMS.LaunchData is written by the LMS only');
    return;
  }
  if (target.kind === 'agent_profile') {
    // §11: the learner preferences, read and written by AU and LMS alike.
    if (
      agent !== f.actorKey ||
      (target.documentId !== undefined && target.documentId !== LEARNER_PREFERENCES)
    )
      throw forbidden('A cmi5 session reaches only its learner’s cmi5LearnerPreferences profile');
    if (write && target.documentId === undefined)
      throw forbidden('Only cmi5LearnerPreferences may be written');
    return;
  }
  if (write || target.activityId !== f.activityId)
    throw forbidden('A cmi5 session may only read the activity profile of its AU');
}

function sessionFacts(session: repo.SessionRow, registration: repo.RegistrationRow): SessionFacts {
  return {
    sessionId: session.id,
    registration: registration.registration,
    actorKey: registration.actorKey,
    activityId: session.activityId,
    launchMode: session.launchMode,
    masteryScore: session.masteryScore ?? null,
    verbs: session.verbs,
    initialized: session.initializedAt !== null,
    terminated: session.terminatedAt !== null,
    abandoned: session.abandonedAt !== null,
    au: registration.progress.aus[session.auId] ?? {},
  };
}

/**
 * Checks the AU's statements with the session and its registration locked (so two requests of one
 * session are judged one after the other), then records what they change in the same transaction.
 */
async function recordInSession(
  deps: { publicUrl: string },
  tx: Db,
  sessionId: string,
  statements: XapiStatement[],
) {
  const session = await repo.findSession(tx, sessionId, true);
  const registration = session ? await repo.findRegistration(tx, session.registration, true) : null;
  if (!session || !registration) throw forbidden('The cmi5 session no longer exists');
  const change = checkSessionStatements(sessionFacts(session, registration), statements);
  const now = new Date();
  await repo.updateSession(tx, sessionId, {
    verbs: [...new Set([...session.verbs, ...change.verbs])],
    ...(change.initialized && !session.initializedAt ? { initializedAt: now } : {}),
    ...(change.terminated && !session.terminatedAt ? { terminatedAt: now } : {}),
    lastStatementAt: change.lastTimestamp ?? now,
  });
  if (!change.completed && !change.passed && !change.failed) return;
  const progress = registration.progress;
  const au = progress.aus[session.auId] ?? {};
  const passed = au.passed || change.passed;
  progress.aus[session.auId] = {
    ...au,
    completed: au.completed || change.completed,
    passed,
    failed: !passed && (au.failed || change.failed),
    ...(change.score ? { score: change.score } : {}),
  };
  const cmi5 = await loadCmi5Course(tx, registration.courseId);
  if (!cmi5) return repo.saveProgress(tx, registration.registration, progress);
  await settleProgress(
    { db: tx, publicUrl: deps.publicUrl, cmi5, registration, sessionId, apiClientId: session.apiClientId },
    progress,
  );
}

/** The caller behind a session's auth-token; null for an unknown session or a wrong secret. */
export async function authenticateCmi5Session(
  deps: { db: Db; publicUrl: string },
  credentials: { id: string; secret: string },
): Promise<SessionCaller | null> {
  const sessionId = credentials.id.slice(CMI5_USER_PREFIX.length).toLowerCase();
  const presented = hashToken(credentials.secret);
  const found = isUuid(sessionId) ? await repo.findSessionWithRegistration(deps.db, sessionId) : null;
  if (!found?.session.secretHash || !safeEqual(presented, found.session.secretHash)) return null;
  const facts = sessionFacts(found.session, found.registration);
  return {
    kind: 'session',
    sessionId,
    organisationId: found.registration.organisationId,
    authority: lmsAuthority(deps.publicUrl),
    recordInSession: (tx, statements) => recordInSession(deps, tx, sessionId, statements),
    checkDocument: (target, write) => checkDocument(facts, target, write),
  };
}
