import { randomUUID } from 'node:crypto';
import { type Action, authorize } from '../../../shared/access/index.ts';
import type { Cmi5LaunchMode, Cmi5LaunchRequest, Cmi5LaunchResult } from '../../../shared/contracts/cmi5.ts';
import { packageLaunchUrl } from '../../../shared/contracts/imported-course.ts';
import { isoDuration } from '../../../shared/learning/activity.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import type { RequestActor } from '../../plugins/session.ts';
import * as enrolments from '../learning/enrolments.repo.ts';
import { loadOrgContext } from '../organisations/organisations.repo.ts';
import { agentKey } from '../xapi/agent-keys.ts';
import { documentEtag } from '../xapi/document-concurrency.ts';
import { type DocumentKey, lockOwnDocument, upsertDocument } from '../xapi/documents.repo.ts';
import { platformUsersOf, usersWithin } from '../xapi/platform-people.ts';
import type { XapiAgent } from '../xapi/statement-validation.ts';
import { LAUNCH_DATA, LEARNER_PREFERENCES } from './cmi5-fetch.ts';
import { type Cmi5CourseRow, countFinishedModules, loadCmi5Course, settleProgress } from './cmi5-progress.ts';
import * as repo from './cmi5-sessions.repo.ts';
import { CMI5, cmi5Ids, type LmsStatementScope, recordLmsStatements } from './cmi5-statements.ts';
import type { Cmi5Au } from './course-structure.ts';

/**
 * Launching a cmi5 AU for a learner (cmi5 §8, §10): the registration, the session, the LMS.LaunchData
 * state, the learner preferences, the "Launched" statement and the launch URL, in one transaction.
 */

export interface Cmi5Deps {
  db: Db;
  publicUrl: string;
}

/** The imported cmi5 course (404) on which the API client may act at the owner (403). */
export async function requireCmi5Course(
  db: Db,
  actor: RequestActor,
  courseId: string,
  action: Action,
): Promise<Cmi5CourseRow> {
  const cmi5 = await loadCmi5Course(db, courseId);
  if (!cmi5) throw notFound();
  const owner = await loadOrgContext(db, cmi5.course.ownerOrganisationId);
  if (!owner || !authorize(actor, action, owner)) throw forbidden();
  return cmi5;
}

export function requireAu(cmi5: Cmi5CourseRow, auIndex: number): Cmi5Au {
  const au = cmi5.structure.aus[auIndex];
  if (!au) throw new AppError(404, 'not_found', [{ path: 'params.auIndex', code: 'invalid_value' }]);
  return au;
}

export const statementScope = (
  deps: Cmi5Deps,
  registration: repo.RegistrationRow,
  sessionId: string,
  publisherId: string,
  apiClientId: string | null,
): LmsStatementScope => ({
  publicUrl: deps.publicUrl,
  organisationId: registration.organisationId,
  apiClientId,
  actor: registration.actor as XapiAgent,
  userId: registration.userId,
  registration: registration.registration,
  sessionId,
  publisherId,
});

/**
 * Closes a session the AU left without "Terminated" (cmi5 §9.3.6) with one "Abandoned" statement whose
 * duration runs from the launch to the AU's last statement (§9.5.4.2).
 */
export async function abandonSession(
  tx: Db,
  deps: Cmi5Deps,
  registration: repo.RegistrationRow,
  session: repo.SessionRow,
  apiClientId: string | null,
) {
  const now = new Date();
  await repo.updateSession(tx, session.id, { abandonedAt: now });
  const launched = new Date(session.launchedAt).getTime();
  const last = session.lastStatementAt ? new Date(session.lastStatementAt).getTime() : launched;
  await recordLmsStatements(
    tx,
    statementScope(deps, registration, session.id, session.auId, apiClientId),
    [
      {
        verb: 'abandoned',
        objectId: session.activityId,
        result: { duration: isoDuration((last - launched) / 1000) },
      },
    ],
    now,
  );
}

const agentOf = (actor: Cmi5LaunchRequest['actor']): XapiAgent =>
  ({
    objectType: 'Agent',
    ...(actor.name ? { name: actor.name } : {}),
    account: { homePage: actor.account.homePage, name: actor.account.name },
  }) as XapiAgent;

const mismatch = () => new AppError(409, 'conflict', [{ path: 'body.registration', code: 'invalid_value' }]);

interface Learner {
  agent: XapiAgent;
  key: string;
  userId: string | null;
  enrolmentId: string | null;
}

/**
 * The registration to launch under: the one asked for (of this course and learner), else the one of
 * the learner's enrolment, else a new one. A new registration's moveOn is evaluated at once (§9.6.1).
 */
async function registrationFor(
  tx: Db,
  deps: Cmi5Deps,
  cmi5: Cmi5CourseRow,
  learner: Learner,
  asked: string | undefined,
  apiClientId: string | null,
): Promise<repo.RegistrationRow> {
  const existing = asked
    ? await repo.findRegistration(tx, asked, true)
    : learner.enrolmentId
      ? await repo.findEnrolmentRegistration(tx, cmi5.course.id, learner.enrolmentId)
      : null;
  if (existing) {
    if (existing.courseId !== cmi5.course.id || existing.actorKey !== learner.key) throw mismatch();
    const row = (await repo.findRegistration(tx, existing.registration, true)) ?? existing;
    if (learner.enrolmentId && !row.enrolmentId) {
      // She enrolled after the registration began: what she has already met counts now.
      await repo.linkEnrolment(tx, row.registration, learner.enrolmentId);
      const met = cmi5.structure.aus.filter((au) => row.progress.aus[au.id]?.satisfied);
      if (met.length > 0) await countFinishedModules(tx, learner.enrolmentId, cmi5.course, met);
      return { ...row, enrolmentId: learner.enrolmentId };
    }
    return row;
  }
  const registration = asked ?? randomUUID();
  await repo.insertRegistration(tx, {
    registration,
    courseId: cmi5.course.id,
    organisationId: cmi5.course.ownerOrganisationId,
    actor: learner.agent,
    actorKey: learner.key,
    userId: learner.userId,
    enrolmentId: learner.enrolmentId,
    progress: repo.emptyProgress(),
  });
  const row = await repo.findRegistration(tx, registration, true);
  if (!row) throw mismatch();
  // Satisfied statements made outside a launch get a session id of their own (§9.6.1).
  await settleProgress(
    { db: tx, publicUrl: deps.publicUrl, cmi5, registration: row, sessionId: randomUUID(), apiClientId },
    row.progress,
  );
  return row;
}

/** The learner of the launch; one of our people only within the course owner's organisation. */
async function learnerOf(deps: Cmi5Deps, cmi5: Cmi5CourseRow, actor: Cmi5LaunchRequest['actor']) {
  const agent = agentOf(actor);
  const key = agentKey(agent);
  const userId = (await platformUsersOf(deps.db, [agent], deps.publicUrl)).get(key) ?? null;
  if (userId && !(await usersWithin(deps.db, [userId], cmi5.course.ownerOrganisationId)).has(userId))
    throw forbidden();
  const enrolmentId = userId ? await repo.findEnrolmentOf(deps.db, userId, cmi5.course.id) : null;
  return { agent, key, userId, enrolmentId };
}

/** The AU's URL (absolute, or on our content path) with the launch parameters of §8.1. */
function launchUrls(deps: Cmi5Deps, cmi5: Cmi5CourseRow, au: Cmi5Au, params: Record<string, string>) {
  const path = packageLaunchUrl(cmi5.course.content.packageId, au.url);
  const base = /^https?:\/\//i.test(path) ? path : `${deps.publicUrl}${path}`;
  const hash = base.indexOf('#');
  const plain = hash < 0 ? base : base.slice(0, hash);
  const query = new URLSearchParams(params).toString();
  const url = `${plain}${plain.includes('?') ? '&' : '?'}${query}${hash < 0 ? '' : base.slice(hash)}`;
  return { url, launchUrl: plain };
}

function launchData(au: Cmi5Au, sessionId: string, launchMode: string, returnUrl: string | undefined) {
  return {
    // §10 contextTemplate: the session id (§9.6.3.1) and the publisher id grouping activity (§9.6.2.3).
    contextTemplate: {
      contextActivities: { grouping: [{ id: au.id }] },
      extensions: { [CMI5.sessionId]: sessionId },
    },
    launchMode,
    launchMethod: au.launchMethod,
    moveOn: au.moveOn,
    ...(au.masteryScore !== undefined ? { masteryScore: au.masteryScore } : {}),
    ...(au.launchParameters !== undefined ? { launchParameters: au.launchParameters } : {}),
    ...(returnUrl ? { returnURL: returnUrl } : {}),
    ...(au.entitlementKey !== undefined ? { entitlementKey: { courseStructure: au.entitlementKey } } : {}),
  };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

/** LMS.LaunchData (§10) and, when the learner has none, her cmi5LearnerPreferences (§11). */
async function writeDocuments(
  tx: Db,
  registration: repo.RegistrationRow,
  activityId: string,
  data: Record<string, unknown>,
) {
  const state: DocumentKey = {
    organisationId: registration.organisationId,
    kind: 'state',
    activityId,
    agentKey: registration.actorKey,
    registration: registration.registration,
    documentId: LAUNCH_DATA,
  };
  const doc = (content: Buffer) => ({
    agent: registration.actor,
    userId: registration.userId,
    contentType: 'application/json',
    content,
    etag: documentEtag(content),
  });
  await upsertDocument(tx, state, doc(json(data)));
  const preferences: DocumentKey = {
    organisationId: registration.organisationId,
    kind: 'agent_profile',
    activityId: '',
    agentKey: registration.actorKey,
    registration: '',
    documentId: LEARNER_PREFERENCES,
  };
  if (!(await lockOwnDocument(tx, preferences))) {
    await upsertDocument(
      tx,
      preferences,
      doc(json({ languagePreference: 'sv-SE,en-US', audioPreference: 'on' })),
    );
  }
}

interface LaunchOptions {
  /** A registration asked for by the caller (the LMS API); else the enrolment's, else a new one. */
  registration?: string;
  launchMode: Cmi5LaunchMode;
  returnUrl?: string;
  apiClientId: string | null;
}

/**
 * One launch (§8.1, §9.3.1, §10), whoever asks for it: the registration, Abandoned for the sessions it
 * left open, the new session, LMS.LaunchData, Launched and the launch URL, in one transaction.
 */
async function launchSession(
  deps: Cmi5Deps,
  cmi5: Cmi5CourseRow,
  auIndex: number,
  learner: Learner,
  opts: LaunchOptions,
): Promise<Cmi5LaunchResult> {
  const au = requireAu(cmi5, auIndex);
  const { launchMode, apiClientId } = opts;
  const activityId = cmi5Ids(deps.publicUrl, cmi5.course.id).au(au.id);
  const sessionId = randomUUID();
  return deps.db.transaction(async (tx) => {
    const registration = await registrationFor(tx, deps, cmi5, learner, opts.registration, apiClientId);
    // A new launch means the sessions still open in the registration ended abnormally (§9.3.6).
    for (const open of await repo.openSessions(tx, registration.registration))
      await abandonSession(tx, deps, registration, open, apiClientId);
    const { url, launchUrl } = launchUrls(deps, cmi5, au, {
      endpoint: `${deps.publicUrl}/xapi/`,
      fetch: `${deps.publicUrl}/api/v1/cmi5/fetch-url/${sessionId}`,
      actor: JSON.stringify(learner.agent),
      registration: registration.registration,
      activityId,
    });
    await repo.insertSession(tx, {
      id: sessionId,
      registration: registration.registration,
      auIndex,
      auId: au.id,
      activityId,
      launchMode,
      masteryScore: au.masteryScore ?? null,
      apiClientId,
    });
    await writeDocuments(tx, registration, activityId, launchData(au, sessionId, launchMode, opts.returnUrl));
    // §9.3.1: "Launched" is recorded before the AU is launched, with the §9.6.3 extensions.
    await recordLmsStatements(tx, statementScope(deps, registration, sessionId, au.id, apiClientId), [
      {
        verb: 'launched',
        objectId: activityId,
        extensions: {
          [CMI5.launchMode]: launchMode,
          [CMI5.launchUrl]: launchUrl,
          [CMI5.moveOn]: au.moveOn,
          ...(au.launchParameters !== undefined ? { [CMI5.launchParameters]: au.launchParameters } : {}),
          ...(au.masteryScore !== undefined ? { [CMI5.masteryScore]: au.masteryScore } : {}),
        },
      },
    ]);
    return { url, registration: registration.registration, sessionId };
  });
}

/** The LMS API's launch: an API client (learning.enrol at the owner) launches an AU for a learner. */
export async function launchAu(
  deps: Cmi5Deps,
  actor: RequestActor,
  courseId: string,
  auIndex: number,
  body: Cmi5LaunchRequest,
): Promise<Cmi5LaunchResult> {
  const cmi5 = await requireCmi5Course(deps.db, actor, courseId, 'learning.enrol');
  requireAu(cmi5, auIndex);
  const learner = await learnerOf(deps, cmi5, body.actor);
  return launchSession(deps, cmi5, auIndex, learner, {
    registration: body.registration,
    launchMode: body.launchMode ?? 'Normal',
    returnUrl: body.returnUrl,
    apiClientId: actor.apiClient?.id ?? null,
  });
}

const moduleNotFound = () =>
  new AppError(404, 'not_found', [{ path: 'params.moduleKey', code: 'invalid_value' }]);

/**
 * The player's launch: the enrolment's own learner (403 for anyone else, an administrator too: the
 * registration is hers) plays a module of an imported cmi5 course. She is our account, so the
 * registration is linked to the enrolment and what the AU satisfies counts as finished modules.
 */
export async function launchOwnAu(
  deps: Cmi5Deps,
  actor: RequestActor,
  enrolmentId: string,
  moduleKey: string,
): Promise<Cmi5LaunchResult> {
  const enrolment = await enrolments.findEnrolment(deps.db, enrolmentId);
  if (!enrolment) throw notFound();
  if (enrolment.userId !== actor.userId || actor.apiClient) throw forbidden();
  // A SCORM course, or one written in the editor, has no AU to launch.
  const cmi5 = await loadCmi5Course(deps.db, enrolment.courseId);
  if (!cmi5) throw moduleNotFound();
  const module = cmi5.course.content.modules.find((m) => m.key === moduleKey);
  const auIndex = module ? cmi5.structure.aus.findIndex((au) => au.id === module.identifier) : -1;
  if (auIndex < 0) throw moduleNotFound();
  const agent = agentOf({ account: { homePage: deps.publicUrl, name: enrolment.userId } });
  const learner = { agent, key: agentKey(agent), userId: enrolment.userId, enrolmentId };
  return launchSession(deps, cmi5, auIndex, learner, {
    launchMode: 'Normal',
    returnUrl: `${deps.publicUrl}/utbildning/kurser/${cmi5.course.id}`,
    apiClientId: null,
  });
}
