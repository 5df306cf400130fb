import { describe, expect, it } from 'vitest';
import { agentKey } from '../xapi/agent-keys.ts';
import type { XapiAgent, XapiStatement } from '../xapi/statement-validation.ts';
import { XapiError } from '../xapi/xapi-errors.ts';
import { checkSessionStatements, type SessionFacts } from './cmi5-session-rules.ts';
import { CMI5, VERB } from './cmi5-statements.ts';

const actor = {
  objectType: 'Agent',
  account: { homePage: 'https://lms.example.org', name: 'l1' },
} as XapiAgent;
const registration = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const sessionId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const activityId = 'https://navet.test/cmi5/courses/c/aus/a';

const facts = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  sessionId,
  registration,
  actorKey: agentKey(actor),
  activityId,
  launchMode: 'Normal',
  masteryScore: 0.8,
  verbs: [],
  initialized: false,
  terminated: false,
  abandoned: false,
  au: {},
  ...over,
});

let clock = Date.parse('2026-12-07T10:00:00Z');
function statement(verb: keyof typeof VERB | 'experienced', over: Record<string, unknown> = {}) {
  const moveOn = verb === 'completed' || verb === 'passed' || verb === 'failed';
  clock += 1000;
  return {
    actor,
    verb: { id: verb === 'experienced' ? 'http://adlnet.gov/expapi/verbs/experienced' : VERB[verb] },
    object: { objectType: 'Activity', id: activityId },
    context: {
      registration,
      contextActivities: {
        category:
          verb === 'experienced'
            ? []
            : [{ id: CMI5.category }, ...(moveOn ? [{ id: CMI5.moveOnCategory }] : [])],
      },
      extensions: { [CMI5.sessionId]: sessionId },
    },
    timestamp: new Date(clock).toISOString(),
    ...over,
  } as unknown as XapiStatement;
}

function statusOf(f: SessionFacts, statements: XapiStatement[]): number {
  try {
    checkSessionStatements(f, statements);
    return 200;
  } catch (error) {
    if (error instanceof XapiError) return error.status;
    throw error;
  }
}

describe('the cmi5 rules on an AU session', () => {
  it('accepts a whole Normal session and reports what it changes', () => {
    const change = checkSessionStatements(facts(), [
      statement('initialized'),
      statement('experienced'),
      statement('completed', { result: { completion: true, duration: 'PT1M' } }),
      statement('passed', { result: { success: true, duration: 'PT2M', score: { scaled: 0.9 } } }),
      statement('terminated', { result: { duration: 'PT3M' } }),
    ]);
    expect(change).toMatchObject({ initialized: true, completed: true, passed: true, terminated: true });
    expect(change.score).toEqual({ scaled: 0.9, raw: null, min: null, max: null });
  });

  it('keeps a Failed and its score, scaled from raw within min–max when the AU gave no scaled', () => {
    const change = checkSessionStatements(facts(), [
      statement('initialized'),
      statement('failed', {
        result: { success: false, duration: 'PT2M', score: { raw: 12, min: 0, max: 40 } },
      }),
    ]);
    expect(change).toMatchObject({ failed: true, passed: false });
    expect(change.score).toEqual({ scaled: 0.3, raw: 12, min: 0, max: 40 });
  });

  it('orders by timestamp, so a batch sent out of order is judged in time order', () => {
    const init = statement('initialized');
    const exp = statement('experienced');
    expect(statusOf(facts(), [exp, init])).toBe(200);
  });

  it('refuses what lies outside the session’s reach with 403', () => {
    const f = facts({ initialized: true });
    const other = { ...actor, account: { homePage: 'https://lms.example.org', name: 'l2' } };
    expect(statusOf(f, [statement('experienced', { actor: other })])).toBe(403);
    expect(statusOf(facts({ initialized: true, terminated: true }), [statement('experienced')])).toBe(403);
    expect(statusOf(facts({ initialized: true, abandoned: true }), [statement('experienced')])).toBe(403);
    const voiding = statement('experienced', {
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
      object: { objectType: 'StatementRef', id: sessionId },
    });
    expect(statusOf(f, [voiding])).toBe(403);
    expect(statusOf(f, [statement('satisfied')])).toBe(403);
  });

  it('refuses statements that break the cmi5 verb and result rules with 400', () => {
    const f = facts({ initialized: true, verbs: [VERB.initialized] });
    expect(statusOf(facts(), [statement('experienced')])).toBe(400);
    expect(statusOf(f, [statement('initialized')])).toBe(400);
    expect(statusOf(f, [statement('completed', { result: { duration: 'PT1M' } })])).toBe(400);
    expect(statusOf(f, [statement('completed', { result: { completion: true } })])).toBe(400);
    const failedHigh = statement('failed', {
      result: { success: false, duration: 'PT1M', score: { scaled: 0.9 } },
    });
    expect(statusOf(f, [failedHigh])).toBe(400);
    const passed = { result: { success: true, duration: 'PT1M' } };
    expect(statusOf(facts({ ...f, au: { passed: true } }), [statement('passed', passed)])).toBe(400);
    expect(
      statusOf(facts({ ...f, au: { passed: true } }), [
        statement('failed', { result: { success: false, duration: 'PT1M' } }),
      ]),
    ).toBe(400);
    expect(statusOf(facts({ ...f, launchMode: 'Browse' }), [statement('passed', passed)])).toBe(400);
    const wrongObject = statement('passed', {
      ...passed,
      object: { objectType: 'Activity', id: 'https://elsewhere/au' },
    });
    expect(statusOf(f, [wrongObject])).toBe(400);
  });
});
