import { describe, expect, it } from 'vitest';
import { sameStatement, timestampInstant } from './statement-equivalence.ts';
import { parseStatement, type XapiVersion } from './statement-validation.ts';

type Json = Record<string, unknown>;

function parsed(input: Json, version: XapiVersion = '2.0.0') {
  const result = parseStatement(input, version);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.statement;
}

const base: Json = {
  id: '2a41c918-b88b-4b20-a0a5-a4c32391aaa0',
  actor: { mbox: 'mailto:ada@example.se', name: 'Ada' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended' } },
  object: {
    id: 'http://example.com/course',
    definition: {
      name: { 'sv-SE': 'Kurs' },
      interactionType: 'choice',
      choices: [{ id: 'a', description: { 'en-GB': 'A' } }],
    },
  },
  result: { score: { scaled: 0.5 }, completion: true },
  context: { contextActivities: { parent: [{ id: 'http://example.com/programme' }] } },
  timestamp: '2024-03-01T10:00:00.000Z',
};

const same = (a: Json, b: Json) => sameStatement(parsed(a), parsed(b));

describe('Statement comparison: what the LRS sets or may set is ignored', () => {
  it('ignores id, stored, authority and version', () => {
    const stored = {
      ...base,
      id: '3b41c918-b88b-4b20-a0a5-a4c32391aaa0',
      stored: '2024-03-02T00:00:00Z',
      version: '2.0.0',
      authority: { objectType: 'Agent', account: { homePage: 'https://lrs.example.se', name: 'client' } },
    };
    expect(same(base, stored)).toBe(true);
  });

  it('ignores a timestamp only one side has: the LRS fills in a missing one', () => {
    expect(same({ ...base, timestamp: undefined }, base)).toBe(true);
    expect(same(base, { ...base, timestamp: undefined })).toBe(true);
  });
});

describe('Statement comparison: what is not part of the statement is ignored', () => {
  it('ignores the verb display, activity definitions and attachments', () => {
    const other = {
      ...base,
      verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { sv: 'deltog' } },
      object: { id: 'http://example.com/course', definition: { name: { en: 'Course' } } },
      context: { contextActivities: { parent: [{ id: 'http://example.com/programme', definition: {} }] } },
      attachments: [
        {
          usageType: 'http://x.se/u',
          display: { en: 'x' },
          contentType: 'text/plain',
          length: 1,
          sha2: 'a'.repeat(64),
        },
      ],
    };
    expect(same(base, other)).toBe(true);
  });
});

describe('Statement comparison: representation differences are ignored', () => {
  it('ignores key order', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse());
    expect(same(base, reordered)).toBe(true);
  });

  it('compares timestamps as instants', () => {
    expect(same(base, { ...base, timestamp: '2024-03-01T12:00:00+02:00' })).toBe(true);
    expect(same(base, { ...base, timestamp: '2024-03-01T10:00:00Z' })).toBe(true);
    expect(same(base, { ...base, timestamp: '2024-03-01T10:00:00.001Z' })).toBe(false);
    expect(timestampInstant('2024-03-01 10:00:00.1200+0000')).toBe(
      timestampInstant('2024-03-01T10:00:00.12Z'),
    );
    expect(timestampInstant('2024-03-01T10:00:00.0000001Z')).not.toBe(
      timestampInstant('2024-03-01T10:00:00Z'),
    );
  });

  it('treats a lone context activity like a one-element array and an explicit Activity objectType like none', () => {
    const single = {
      ...base,
      object: { ...(base.object as Json), objectType: 'Activity' },
      context: { contextActivities: { parent: { id: 'http://example.com/programme' } } },
    };
    expect(same(base, single)).toBe(true);
  });

  it('treats an Agent with and without objectType alike, ignores case where it is insignificant and member order', () => {
    const a = {
      ...base,
      actor: { objectType: 'Group', member: [{ mbox: 'mailto:a@x.se' }, { mbox_sha1sum: 'ab'.repeat(20) }] },
      context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7' },
    };
    const b = {
      ...base,
      actor: {
        objectType: 'Group',
        member: [{ mbox_sha1sum: 'AB'.repeat(20) }, { objectType: 'Agent', mbox: 'mailto:a@X.SE' }],
      },
      context: { registration: 'EC531277-B57B-4C15-8D91-D292C5B2B8F7' },
    };
    expect(same(a, b)).toBe(true);
  });

  it('compares a 1.0.3 timestamp without offset as UTC', () => {
    const old = parsed({ ...base, timestamp: '2024-03-01T10:00:00' }, '1.0.3');
    expect(sameStatement(old, parsed(base))).toBe(true);
  });
});

describe('Statement comparison: content differences count', () => {
  it.each<[string, Json]>([
    ['another verb', { verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } }],
    ['another actor', { actor: { mbox: 'mailto:bo@example.se' } }],
    ['another local part of the e-mail address', { actor: { mbox: 'mailto:ADA@example.se', name: 'Ada' } }],
    ['another result', { result: { score: { scaled: 0.6 }, completion: true } }],
    [
      'another duration spelling',
      { result: { score: { scaled: 0.5 }, completion: true, duration: 'PT60M' } },
    ],
    ['no result', { result: undefined }],
    ['another registration', { context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7' } }],
    ['another context activity', { context: { contextActivities: { parent: [{ id: 'http://x.se/p' }] } } }],
    ['another object', { object: { id: 'http://example.com/other' } }],
  ])('differs with %s', (_label, change) => {
    expect(same(base, { ...base, ...change })).toBe(false);
  });

  it('differs when a SubStatement differs inside, its timestamp included', () => {
    const sub = (verbId: string, timestamp?: string) => ({
      ...base,
      context: undefined,
      object: {
        objectType: 'SubStatement',
        actor: base.actor,
        verb: { id: verbId },
        object: { id: 'http://x.se/a' },
        timestamp,
      },
    });
    expect(same(sub('http://x.se/plan'), sub('http://x.se/plan'))).toBe(true);
    expect(same(sub('http://x.se/plan'), sub('http://x.se/do'))).toBe(false);
    expect(same(sub('http://x.se/plan', '2024-01-01T00:00:00Z'), sub('http://x.se/plan'))).toBe(false);
  });
});
