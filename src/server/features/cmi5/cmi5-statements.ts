import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { agentKey, statementKeys } from '../xapi/agent-keys.ts';
import type { XapiAgent, XapiStatement } from '../xapi/statement-validation.ts';
import * as statementsRepo from '../xapi/statements.repo.ts';

/** The IRIs cmi5 defines (spec §9.3 verbs, §9.5.5 and §9.6 extensions and categories). */
export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOnCategory: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
  launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
  moveOn: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
  launchParameters: 'https://w3id.org/xapi/cmi5/context/extensions/launchparameters',
  reason: 'https://w3id.org/xapi/cmi5/result/extensions/reason',
  blockType: 'https://w3id.org/xapi/cmi5/activitytype/block',
  courseType: 'https://w3id.org/xapi/cmi5/activitytype/course',
} as const;

export const VERB = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
} as const;

const hashed = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 32);

/**
 * Activity ids the LMS generates (cmi5 §8.1.5, §9.3.9): never the publisher's ids from cmi5.xml, the same
 * for an AU in every registration and every version of the course (derived from its publisher id).
 */
export const cmi5Ids = (publicUrl: string, courseId: string) => {
  const course = `${publicUrl}/cmi5/courses/${courseId}`;
  return {
    course,
    au: (publisherId: string) => `${course}/aus/${hashed(publisherId)}`,
    block: (publisherId: string) => `${course}/blocks/${hashed(publisherId)}`,
  };
};

/** The LMS as the authority of what it records, and of what the AUs it launched record through it. */
export const lmsAuthority = (publicUrl: string): XapiAgent =>
  ({
    objectType: 'Agent',
    name: 'Välfärdsnavet LMS',
    account: { homePage: publicUrl, name: 'cmi5-lms' },
  }) as XapiAgent;

/** Who and where an LMS statement is about: the registration's learner, filed under the course owner. */
export interface LmsStatementScope {
  publicUrl: string;
  organisationId: string;
  apiClientId: string | null;
  actor: XapiAgent;
  userId: string | null;
  registration: string;
  sessionId: string;
  /** The publisher id for the "grouping" list (cmi5 §9.6.2.3): the AU's, or the course's for the course. */
  publisherId: string;
}

export interface LmsStatement {
  verb: keyof typeof VERB;
  objectId: string;
  objectType?: string;
  result?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  /** Result with success or completion: the moveOn category (cmi5 §9.6.2.2). */
  moveOn?: boolean;
}

function statementOf(scope: LmsStatementScope, s: LmsStatement, at: Date): XapiStatement {
  const iso = at.toISOString();
  return {
    id: randomUUID(),
    actor: scope.actor,
    verb: { id: VERB[s.verb], display: { 'en-US': s.verb } },
    object: {
      objectType: 'Activity',
      id: s.objectId,
      ...(s.objectType ? { definition: { type: s.objectType } } : {}),
    },
    ...(s.result ? { result: s.result } : {}),
    context: {
      registration: scope.registration,
      contextActivities: {
        category: [{ id: CMI5.category }, ...(s.moveOn ? [{ id: CMI5.moveOnCategory }] : [])],
        grouping: [{ id: scope.publisherId }],
      },
      extensions: { [CMI5.sessionId]: scope.sessionId, ...s.extensions },
    },
    timestamp: iso,
    stored: iso,
    authority: lmsAuthority(scope.publicUrl),
    version: '1.0.0',
  } as XapiStatement;
}

/**
 * Records the LMS's own cmi5 statements in the learning record store (ADR 20), as /xapi stores a
 * client's: the full statement with its query keys, linked to the learner when she is one of ours.
 */
export async function recordLmsStatements(
  tx: Db,
  scope: LmsStatementScope,
  statements: LmsStatement[],
  at = new Date(),
): Promise<void> {
  const rows = statements.map((s, i) => {
    // Apart by a millisecond each, so that their order by timestamp is the order they were made in.
    const time = new Date(at.getTime() + i);
    const full = statementOf(scope, s, time);
    const keys = statementKeys(full);
    return {
      id: full.id!,
      userId: scope.userId,
      verb: VERB[s.verb],
      objectId: s.objectId,
      objectType: 'Activity',
      result: full.result ?? null,
      context: full.context ?? null,
      timestamp: time,
      stored: time,
      statement: full,
      registration: keys.registration,
      agentKeys: keys.agentKeys,
      relatedAgentKeys: keys.relatedAgentKeys,
      relatedActivityIds: keys.relatedActivityIds,
      organisationId: scope.organisationId,
      apiClientId: scope.apiClientId,
    } satisfies statementsRepo.StatementInsert;
  });
  await statementsRepo.insertStatements(tx, rows);
}

export const actorKeyOf = (actor: XapiAgent) => agentKey(actor);
