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

describe('Statement comparison: what the LRS sets is ignored', () => {
  it('ignores stored, authority and version', () => {
    const stored = {
      ...base,
      stored: '2024-03-02T00:00:00Z',
      version: '2.0.0',
      authority: { objectType: 'Agent', account: { homePage: 'https://lrs.example.se', name: 'client' } },
    };
    expect(same(base, stored)).toBe(true);
  });
});

describe('Statement comparison: representation differences are ignored', () => {
  it('ignores key order', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse());
    expect(same(base, reordered)).toBe(true);
  });

  it('compares language map keys case-insensitively, in verb, definition and components', () => {
    const lowered = {
      ...base,
      verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'EN-us': 'attended' } },
      object: {
        id: 'http://example.com/course',
        definition: {
          name: { 'sv-se': 'Kurs' },
          interactionType: 'choice',
          choices: [{ id: 'a', description: { 'en-gb': 'A' } }],
        },
      },
    };
    expect(same(base, lowered)).toBe(true);
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

  it('treats an Agent with and without objectType alike, any case of UUIDs and SHA-1 sums, and members in any order', () => {
    const a = {
      ...base,
      actor: { objectType: 'Group', member: [{ mbox: 'mailto:a@x.se' }, { mbox_sha1sum: 'ab'.repeat(20) }] },
    };
    const b = {
      ...base,
      id: (base.id as string).toUpperCase(),
      actor: {
        objectType: 'Group',
        member: [{ mbox_sha1sum: 'AB'.repeat(20) }, { objectType: 'Agent', mbox: 'mailto:a@x.se' }],
      },
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
    [
      'another display text',
      { verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'went' } } },
    ],
    ['another actor', { actor: { mbox: 'mailto:bo@example.se' } }],
    ['another result', { result: { score: { scaled: 0.6 }, completion: true } }],
    ['no result', { result: undefined }],
    ['another registration', { context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7' } }],
    [
      'an extra attachment',
      {
        attachments: [
          {
            usageType: 'http://x.se/u',
            display: { en: 'x' },
            contentType: 'text/plain',
            length: 1,
            sha2: 'a'.repeat(64),
          },
        ],
      },
    ],
    ['another object', { object: { id: 'http://example.com/other' } }],
  ])('differs with %s', (_label, change) => {
    expect(same(base, { ...base, ...change })).toBe(false);
  });

  it('differs when a SubStatement differs inside', () => {
    const sub = (verbId: string) => ({
      ...base,
      context: undefined,
      object: {
        objectType: 'SubStatement',
        actor: base.actor,
        verb: { id: verbId },
        object: { id: 'http://x.se/a' },
      },
    });
    expect(same(sub('http://x.se/plan'), sub('http://x.se/plan'))).toBe(true);
    expect(same(sub('http://x.se/plan'), sub('http://x.se/do'))).toBe(false);
  });
});
