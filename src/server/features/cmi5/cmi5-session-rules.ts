import type { Cmi5AuProgress, Cmi5Score } from '../../db/schema/index.ts';
import { agentKey } from '../xapi/agent-keys.ts';
import { VOIDED_VERB } from '../xapi/statement-schema.ts';
import type { XapiStatement } from '../xapi/statement-validation.ts';
import { XapiError } from '../xapi/xapi-errors.ts';
import { CMI5, VERB } from './cmi5-statements.ts';

/**
 * The rules of the cmi5 specification the LMS enforces on what an AU sends with its session's
 * credential (the LRS stores "cmi5 allowed" statements too, §9.3: only the rules below refuse one).
 * Refusals of the credential's reach are 403; statements that break a cmi5 rule are 400. Order is by
 * timestamp (§9.3), then as sent.
 */

export interface SessionFacts {
  sessionId: string;
  registration: string;
  actorKey: string;
  /** The activity id the LMS generated for the AU (§8.1.5). */
  activityId: string;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore: number | null;
  /** cmi5 defined verbs already sent in this session. */
  verbs: readonly string[];
  initialized: boolean;
  terminated: boolean;
  abandoned: boolean;
  /** The AU's progress in the registration (Completed and Passed are once per registration). */
  au: Cmi5AuProgress;
}

/** What the accepted statements change. */
export interface SessionChange {
  verbs: string[];
  initialized: boolean;
  terminated: boolean;
  completed: boolean;
  passed: boolean;
  failed: boolean;
  /** The score of the last Passed or Failed that carried one. */
  score: Cmi5Score | null;
  lastTimestamp: Date | null;
}

const AU_VERBS = new Set<string>([
  VERB.initialized,
  VERB.completed,
  VERB.passed,
  VERB.failed,
  VERB.terminated,
]);
const LMS_VERBS = new Set<string>([VERB.launched, VERB.abandoned, VERB.waived, VERB.satisfied]);

const refuse = (message: string) => new XapiError(403, message);
const invalid = (section: string, message: string) => new XapiError(400, `cmi5 ${section}: ${message}`);

const categoryIds = (s: XapiStatement) =>
  new Set((s.context?.contextActivities?.category ?? []).map((a) => a.id));

/** A statement using a cmi5 verb and the cmi5 category (§7.1.3 "cmi5 defined"). */
export const isCmi5Defined = (s: XapiStatement) =>
  (AU_VERBS.has(s.verb.id) || LMS_VERBS.has(s.verb.id)) && categoryIds(s).has(CMI5.category);

function checkReach(f: SessionFacts, s: XapiStatement) {
  // §6.3: the LMS MUST NOT give an AU credentials that allow voiding.
  if (s.verb.id === VOIDED_VERB) throw refuse('A cmi5 session may not void statements');
  // §8.1.3, §9.2: the actor is the learner the LMS launched the AU for.
  if (s.actor.objectType === 'Group' || agentKey(s.actor) !== f.actorKey)
    throw refuse('The statement is about another learner than this cmi5 session');
  // §9.6.1: the registration the LMS passed in the launch URL.
  if (s.context?.registration?.toLowerCase() !== f.registration)
    throw refuse('The statement belongs to another registration than this cmi5 session');
  // §9.3.6: after Abandoned nothing more is recorded; §9.3.8: after Terminated (no grace period here).
  if (f.abandoned) throw refuse('The cmi5 session was abandoned');
  if (f.terminated) throw refuse('The cmi5 session has terminated');
  // §10 contextTemplate: every statement carries the session id the LMS gave.
  const sessionId = s.context?.extensions?.[CMI5.sessionId];
  if (sessionId === undefined) throw invalid('§10', 'the context must carry the session id extension');
  if (sessionId !== f.sessionId) throw refuse('The statement belongs to another cmi5 session');
}

function checkResult(s: XapiStatement, verb: string, masteryScore: number | null) {
  const r = s.result;
  const moveOnCategory = categoryIds(s).has(CMI5.moveOnCategory);
  const judged = verb === VERB.passed || verb === VERB.failed;
  // §9.5.1: only Passed and Failed carry a score.
  if (r?.score !== undefined && !judged) throw invalid('§9.5.1', 'only Passed and Failed may carry a score');
  // §9.5.2: success true for Passed, false for Failed, absent otherwise.
  if (verb === VERB.passed && r?.success !== true)
    throw invalid('§9.5.2', 'Passed needs result.success true');
  if (verb === VERB.failed && r?.success !== false)
    throw invalid('§9.5.2', 'Failed needs result.success false');
  if (!judged && r?.success !== undefined) throw invalid('§9.5.2', 'only Passed and Failed carry success');
  // §9.5.3: completion true for Completed, absent otherwise.
  if (verb === VERB.completed && r?.completion !== true)
    throw invalid('§9.5.3', 'Completed needs result.completion true');
  if (verb !== VERB.completed && r?.completion !== undefined)
    throw invalid('§9.5.3', 'only Completed carries completion');
  // §9.5.4.1: the AU's Terminated, Completed, Passed and Failed carry a duration.
  if (verb !== VERB.initialized && r?.duration === undefined)
    throw invalid('§9.5.4.1', 'the statement needs result.duration');
  // §9.6.2.2: the moveOn category exactly on statements with success or completion.
  const decides = verb === VERB.completed || judged;
  if (decides !== moveOnCategory)
    throw invalid('§9.6.2.2', 'the moveOn category belongs on Completed, Passed and Failed only');
  // §9.3.4, §9.3.5: a scaled score agrees with the mastery score.
  const scaled = r?.score?.scaled;
  if (masteryScore !== null && scaled !== undefined) {
    if (verb === VERB.passed && scaled < masteryScore)
      throw invalid('§9.3.4', 'Passed with a score below the mastery score');
    if (verb === VERB.failed && scaled >= masteryScore)
      throw invalid('§9.3.5', 'Failed with a score at or above the mastery score');
  }
}

function checkDefined(f: SessionFacts, s: XapiStatement, change: SessionChange, seen: Set<string>) {
  const verb = s.verb.id;
  if (LMS_VERBS.has(verb)) throw refuse('Launched, Abandoned, Waived and Satisfied are the LMS’s to record');
  // §9.4: the object of a cmi5 defined statement is the AU, by the activity id of the launch URL.
  if (s.object.objectType !== undefined && s.object.objectType !== 'Activity')
    throw invalid('§9.4', 'the object must be the AU');
  if ((s.object as { id?: string }).id !== f.activityId)
    throw invalid('§9.4', 'the object id must be the activityId of the launch URL');
  // §9.3: no cmi5 defined verb twice in a session, and not both Passed and Failed.
  if (seen.has(verb)) throw invalid('§9.3', 'a cmi5 defined verb may not be repeated in a session');
  if ((verb === VERB.passed && seen.has(VERB.failed)) || (verb === VERB.failed && seen.has(VERB.passed)))
    throw invalid('§9.3', 'Passed and Failed may not both be sent in a session');
  // §10 launchMode: in Browse and Review only Initialized and Terminated.
  if (f.launchMode !== 'Normal' && verb !== VERB.initialized && verb !== VERB.terminated)
    throw invalid('§10', `launchMode ${f.launchMode} allows only Initialized and Terminated`);
  // §9.3 within a registration: one Completed, one Passed, no Failed after Passed.
  const completed = f.au.completed || change.completed;
  const passed = f.au.passed || change.passed;
  if (verb === VERB.completed && completed)
    throw invalid('§9.3.3', 'Completed was already sent in this registration');
  if (verb === VERB.passed && passed) throw invalid('§9.3.4', 'Passed was already sent in this registration');
  if (verb === VERB.failed && passed) throw invalid('§9.3', 'Failed may not follow Passed in a registration');
  checkResult(s, verb, f.masteryScore);
  seen.add(verb);
  change.verbs.push(verb);
  if (verb === VERB.completed) change.completed = true;
  if (verb === VERB.passed) change.passed = true;
  if (verb === VERB.failed) change.failed = true;
  if (verb === VERB.terminated) change.terminated = true;
  const score = s.result?.score;
  if (score) change.score = scoreOf(score);
}

/** A result score as reports read it: scaled as given, or raw within min–max when the AU gave no scaled. */
function scoreOf(score: { scaled?: number; raw?: number; min?: number; max?: number }): Cmi5Score {
  const { raw, min, max } = score;
  const fromRaw =
    raw !== undefined && min !== undefined && max !== undefined && max > min
      ? (raw - min) / (max - min)
      : null;
  return { scaled: score.scaled ?? fromRaw, raw: raw ?? null, min: min ?? null, max: max ?? null };
}

/** Checks statements an AU sends in its session; throws an XapiError for the first that breaks a rule. */
export function checkSessionStatements(f: SessionFacts, statements: readonly XapiStatement[]): SessionChange {
  const change: SessionChange = {
    verbs: [],
    initialized: false,
    terminated: false,
    completed: false,
    passed: false,
    failed: false,
    score: null,
    lastTimestamp: null,
  };
  const seen = new Set(f.verbs);
  const time = (s: XapiStatement) => (s.timestamp ? Date.parse(s.timestamp) : Date.now());
  const ordered = statements.map((s, i) => ({ s, i, t: time(s) })).sort((a, b) => a.t - b.t || a.i - b.i);
  for (const { s, t } of ordered) {
    checkReach({ ...f, terminated: f.terminated || change.terminated }, s);
    const defined = isCmi5Defined(s);
    const initialized = f.initialized || change.initialized;
    // §9.3, §9.3.2: Initialized is the first statement of the session (of any kind), and only once.
    if (!initialized && !(defined && s.verb.id === VERB.initialized))
      throw invalid('§9.3.2', 'the first statement of a session must be a cmi5 Initialized');
    if (defined) {
      checkDefined(f, s, change, seen);
      if (s.verb.id === VERB.initialized) change.initialized = true;
    }
    if (change.lastTimestamp === null || t > change.lastTimestamp.getTime())
      change.lastTimestamp = new Date(t);
  }
  return change;
}
