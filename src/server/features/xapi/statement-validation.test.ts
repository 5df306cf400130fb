import { describe, expect, it } from 'vitest';
import { parseStatement, parseStatementBatch, type XapiVersion } from './statement-validation.ts';

type Json = Record<string, unknown>;

const agent = { objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.se' };
const activity = { objectType: 'Activity', id: 'http://example.com/activities/course' };
const statementRef = { objectType: 'StatementRef', id: '9e13cefd-53d3-4eac-b5ed-2cf6693903bb' };
const anonymousGroup = {
  objectType: 'Group',
  member: [{ mbox: 'mailto:a@x.se' }, { openid: 'http://x.se/b' }],
};
const attachment = {
  usageType: 'http://example.com/attachment-usage/test',
  display: { 'en-US': 'A test attachment' },
  contentType: 'text/plain; charset=ascii',
  length: 27,
  sha2: '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
  fileUrl: 'http://over.there.com/file.txt',
};

function statement(extra: Json = {}): Json {
  return {
    id: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0',
    actor: agent,
    verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-GB': 'attended', sv: 'deltog' } },
    object: activity,
    ...extra,
  };
}

const plan = { id: 'http://example.com/verbs/plan' };
const subStatement = (extra: Json = {}) =>
  statement({ object: { objectType: 'SubStatement', actor: agent, verb: plan, object: activity, ...extra } });

const ok = (input: unknown, v: XapiVersion = '2.0.0') => expect(parseStatement(input, v).ok).toBe(true);
const bad = (input: unknown, v: XapiVersion = '2.0.0') => expect(parseStatement(input, v).ok).toBe(false);

describe('Actor', () => {
  it('requires an actor, verb and object', () => {
    for (const key of ['actor', 'verb', 'object']) {
      const s = statement();
      delete s[key];
      bad(s);
    }
  });

  it('accepts an Agent with or without objectType and rejects other objectTypes', () => {
    ok(statement({ actor: { mbox: 'mailto:ada@example.se' } }));
    bad(statement({ actor: { objectType: 'Person', mbox: 'mailto:ada@example.se' } }));
    bad(statement({ actor: { ...agent, objectType: '"objectType": "Agent"' } }));
  });

  it('rejects null where a value is required', () => {
    bad(statement({ actor: { ...agent, name: null } }));
    bad(statement({ verb: { id: 'http://example.com/v', display: { 'en-US': null } } }));
  });
});

describe('Agent IFIs', () => {
  it.each([
    { mbox: 'mailto:ada@example.se' },
    { mbox_sha1sum: 'CD9B00A5611F94EAA7B1661EDAB976068E364975' },
    { openid: 'http://openid.example.org/12345' },
    { account: { homePage: 'http://www.example.com', name: 'xAPI account name' } },
  ])('accepts exactly one IFI %o', (ifi) => ok(statement({ actor: ifi })));

  it.each([
    {},
    { mbox: 'mailto:a@example.se', openid: 'http://openid.example.org/1' },
    { mbox: 'ada@example.se' },
    { mbox: 'mailto:' },
    { mbox_sha1sum: 'not-a-hash' },
    { openid: 'open.id.com/testUser' },
    { account: { homePage: 'homePage.com/testUser', name: '123456' } },
    { account: { homePage: 'http://example.com', name: { key: 'should fail' } } },
    { account: { name: 'no home page' } },
  ])('rejects %o', (ifi) => bad(statement({ actor: ifi })));
});

describe('Group', () => {
  it('accepts identified Groups with or without members and anonymous Groups with members', () => {
    ok(statement({ actor: { objectType: 'Group', openid: 'http://openid.example.org/team' } }));
    ok(statement({ actor: { objectType: 'Group', mbox: 'mailto:team@example.se', member: [agent] } }));
    ok(statement({ actor: anonymousGroup }));
    const team = { objectType: 'Group', account: { homePage: 'http://x.se', name: 't' } };
    ok(statement({ context: { team } }));
  });

  it('rejects anonymous Groups without members, non-array members, groups as members and two IFIs', () => {
    bad(statement({ actor: { objectType: 'Group' } }));
    bad(statement({ actor: { objectType: 'Group', member: [] } }));
    bad(statement({ actor: { objectType: 'Group', member: agent } }));
    bad(statement({ actor: { objectType: 'Group', member: [anonymousGroup] } }));
    bad(statement({ actor: { objectType: 'Group', mbox: 'mailto:t@x.se', openid: 'http://x.se/t' } }));
    bad(statement({ context: { team: agent } }));
  });

  it('allows an authority that is an Agent or an anonymous pair, nothing else', () => {
    ok(statement({ authority: agent }));
    ok(statement({ authority: anonymousGroup }));
    bad(statement({ authority: { ...anonymousGroup, mbox: 'mailto:bob@example.com' } }));
    bad(statement({ authority: { objectType: 'Group', member: [agent] } }));
    bad(statement({ authority: { objectType: 'Group', member: [agent, agent, agent] } }));
    bad(statement({ authority: { objectType: 'Group', openid: 'http://openid.example.org/1' } }));
  });
});

describe('Verb', () => {
  it('needs an IRI id and a valid language map', () => {
    ok(statement({ verb: { id: 'http://example.com/v', display: { de: 'besucht', 'sr-Cyrl': 'x' } } }));
    bad(statement({ verb: { id: 'example.com/v' } }));
    bad(statement({ verb: { id: 'http://example.com/v', display: { something: 'besucht' } } }));
    bad(statement({ verb: { id: 'http://example.com/v', display: 'attended' } }));
    bad(statement({ verb: { id: 'http://example.com/v', display: {} } }));
    bad(statement({ verb: { id: 'http://example.com/v', display: { a12345: 'x' } } }));
  });

  it('voided refers to a StatementRef', () => {
    const voided = { id: 'http://adlnet.gov/expapi/verbs/voided' };
    ok(statement({ verb: voided, object: statementRef }));
    bad(statement({ verb: voided, object: activity }));
  });
});

describe('Object, Activity, definition and interactions', () => {
  it('defaults objectType to Activity and needs an IRI id', () => {
    const parsed = parseStatement(statement({ object: { id: 'http://example.com/a' } }), '2.0.0');
    expect(parsed.ok && parsed.statement.object.objectType).toBe('Activity');
    bad(statement({ object: { id: 'example.com/a' } }));
    bad(statement({ object: { id: 'ab=c://should.fail.com' } }));
    bad(statement({ object: { objectType: 'activity', id: 'http://example.com/a' } }));
  });

  it('requires objectType for an Agent or Group as object', () => {
    ok(statement({ object: agent }));
    bad(statement({ object: { mbox: 'mailto:ada@example.se' } }));
  });

  it('checks definition IRIs, language maps and extension keys', () => {
    const def = (definition: Json) => statement({ object: { ...activity, definition } });
    ok(def({ name: { 'de-DE': 'x' }, description: { 'zh-Hant': 'x' } }));
    ok(def({ type: 'http://x.se/t', moreInfo: 'http://x.se' }));
    ok(def({ extensions: { 'http://example.com/ex': null } }));
    ok(def({ extensions: {} }));
    bad(def({ type: 'x.se/t' }));
    bad(def({ moreInfo: null }));
    bad(def({ extensions: { 'not.valid.com/extension': 1 } }));
    bad(def({ name: { 'zh-z-aaa-z-bbb-c-ccc': 'x' } }));
  });

  const components = [{ id: 'a', description: { 'sr-Latn-RS': 'A' } }, { id: 'b' }];
  it.each([
    { interactionType: 'true-false', correctResponsesPattern: ['true'] },
    { interactionType: 'choice', choices: components, correctResponsesPattern: ['a[,]b'] },
    { interactionType: 'sequencing', choices: components },
    { interactionType: 'likert', scale: components },
    { interactionType: 'matching', source: components, target: components },
    { interactionType: 'performance', steps: components },
    { interactionType: 'fill-in' },
    { interactionType: 'long-fill-in' },
    { interactionType: 'numeric', correctResponsesPattern: ['1[:]3'] },
    { interactionType: 'other' },
  ])('accepts interaction %o', (definition) => ok(statement({ object: { ...activity, definition } })));

  it.each([
    { interactionType: 'true-faLse' },
    { interactionType: 'Other' },
    { interactionType: 'likert', choices: components },
    { interactionType: 'choice', choices: [{ id: 'a' }, { id: 'a' }] },
    { interactionType: 'choice', choices: [{ id: 'a', label: 'x' }] },
    { correctResponsesPattern: ['a'] },
    { choices: components },
  ])('rejects interaction %o', (definition) => bad(statement({ object: { ...activity, definition } })));
});

describe('SubStatement', () => {
  it('accepts a SubStatement with result, context, timestamp and attachments', () => {
    ok(subStatement({ result: { duration: 'PT16559.14S' }, timestamp: '2013-05-18T05:32:34.804Z' }));
    ok(
      subStatement({
        context: { language: 'fr-CA', contextAgents: [{ objectType: 'contextAgent', agent }] },
      }),
    );
    ok(subStatement({ attachments: [attachment] }));
  });

  it.each([
    { id: '9e13cefd-53d3-4eac-b5ed-2cf6693903bb' },
    { stored: '2013-05-18T05:32:34.804Z' },
    { version: '2.0.0' },
    { authority: agent },
    { object: { objectType: 'SubStatement', actor: agent, verb: { id: 'http://x.se/v' }, object: activity } },
    { timestamp: '2008-09-15T15:53:00.601-00:00' },
    { context: { language: 'something' } },
  ])('rejects a SubStatement with %o', (extra) => bad(subStatement(extra)));
});

describe('StatementRef', () => {
  it('needs objectType and a UUID id', () => {
    ok(statement({ object: statementRef }));
    bad(statement({ object: { ...statementRef, id: 'wrong' } }));
    bad(statement({ object: { id: statementRef.id, objectType: 'Statementref' } }));
    ok(statement({ context: { statement: statementRef } }));
    bad(statement({ context: { statement: { id: statementRef.id } } }));
  });
});

describe('Result and score', () => {
  const result = (r: Json) => statement({ result: r });
  it('accepts a full result', () => {
    ok(result({ score: { scaled: 0.12123434, raw: 12.125, min: 0.12, max: 45.45 }, success: true }));
    ok(result({ completion: false }));
    ok(result({ response: 'x', duration: 'P3Y1M29DT4H35M59.14S', extensions: { 'http://x.se/e': '' } }));
    ok(result({ score: { scaled: -1 } }));
  });

  it.each([
    { score: { scaled: 1.01 } },
    { score: { scaled: -1.5 } },
    { score: { min: 5, max: 5 } },
    { score: { min: 6, max: 5 } },
    { score: { raw: 101, max: 100 } },
    { score: { raw: -1, min: 0 } },
    { score: { max: '100' } },
    { success: 'true' },
    { completion: 'false' },
  ])('rejects %o', (r) => bad(result(r)));

  it.each(['PT1H0M0.1S', 'PT4H35M59.14S', 'P3Y', 'P4W', 'PT16559.14S'])('accepts duration %s', (d) =>
    ok(result({ duration: d })),
  );
  it.each(['PA1H0M0S', 'should fail', 'P4W1D', 'P', 'PT', 'P1DT', 12345])('rejects duration %s', (d) =>
    bad(result({ duration: d })),
  );
});

describe('Context', () => {
  const context = (c: Json) => statement({ context: c });
  it('accepts the properties of a context and normalises contextActivities to arrays', () => {
    const parsed = parseStatement(
      context({
        registration: 'EC531277-B57B-4C15-8D91-D292C5B2B8F7',
        instructor: agent,
        team: anonymousGroup,
        contextActivities: { parent: activity, grouping: [activity], category: [activity], other: activity },
        revision: 'r1',
        platform: 'Välfärdsnavet',
        language: 'cmn',
        statement: statementRef,
        extensions: { 'http://example.com/ex': {} },
      }),
      '2.0.0',
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.statement.context?.contextActivities?.parent).toEqual([activity]);
  });

  it('rejects what the context rules forbid', () => {
    bad(context({ registration: null }));
    bad(context({ registration: 'wrong' }));
    bad(context({ language: 'something' }));
    bad(context({ contextActivities: { parent: { id: 'x.se/a' } } }));
    bad(context({ contextActivities: { sibling: [activity] } }));
    bad(context({ extensions: { 'example.com/extension/wrong': 1 } }));
    bad(statement({ object: agent, context: { revision: 'r1' } }));
    bad(statement({ object: statementRef, context: { platform: 'p' } }));
  });
});

describe('Timestamp', () => {
  it.each([
    '2013-05-18T05:32:34.804Z',
    '2013-05-18T05:32:34.804+02:00',
    '2008-09-15 15:53:00.601+00:00',
    '2013-05-18T05:32:34+0530',
    '2013-05-18T05:32:34+00',
  ])('accepts %s', (t) => ok(statement({ timestamp: t, stored: t })));

  it.each([
    'should fail',
    '01/011/2015',
    '2008-09-15T15:53:00.601-00',
    '2008-09-15T15:53:00.601-0000',
    '2008-09-15T15:53:00.601-00:00',
    '2013-02-30T05:32:34Z',
    '2013-05-18T25:32:34Z',
    '2013-05-18',
  ])('rejects %s', (t) => bad(statement({ timestamp: t })));
});

describe('Attachments', () => {
  const withAttachment = (a: Json) => statement({ attachments: [{ ...attachment, ...a }] });
  it('accepts a complete attachment and one without fileUrl', () => {
    ok(withAttachment({ display: { 'en-US': 'x', es: 'y' }, description: { 'es-MX': 'z' } }));
    ok(withAttachment({ fileUrl: undefined }));
  });

  it.each([
    { usageType: 'example.com/attachment-usage/test' },
    { fileUrl: 'over.there.com/file.txt' },
    { display: { something: 'x' } },
    { description: { 'en-US': 'x', something: 'y' } },
    { length: -1 },
    { length: 2.5 },
    { sha2: 'xyz' },
    { contentType: undefined },
  ])('rejects %o', (a) => bad(withAttachment(a)));
});

describe('Version', () => {
  it('accepts 1.0.x in both and 2.0.x only on 2.0', () => {
    for (const v of ['1.0', '1.0.3', '1.0.9']) ok(statement({ version: v }), '1.0.3');
    for (const v of ['1.0.3', '2.0', '2.0.0']) ok(statement({ version: v }), '2.0.0');
    for (const v of ['2.0.0', '0.9.9', '1.1.0', 'should fail']) bad(statement({ version: v }), '1.0.3');
    for (const v of ['0.9.9', '1.1.0', '3.0.0']) bad(statement({ version: v }), '2.0.0');
  });
});

describe('Unknown properties and ids', () => {
  it.each(['iD', 'Actor', 'veRb', 'timeStamp', 'STOred', 'Version', 'attachmentS'])(
    'rejects the key %s',
    (key) => bad(statement({ [key]: 'x' })),
  );

  it('rejects unknown keys inside objects too', () => {
    bad(statement({ verb: { id: 'http://x.se/v', name: 'x' } }));
    bad(statement({ result: { scores: {} } }));
  });

  it('accepts upper and lower case UUIDs of any version and rejects malformed ones', () => {
    ok(statement({ id: 'AA97B177-9383-4934-8543-0F91A7A02836' }));
    ok(statement({ id: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' }));
    bad(statement({ id: 'AA97B177-9383-4934-8543-0F91A7A028368' }));
    bad(statement({ id: 'MA97B177-9383-4934-8543-0F91A7A02836' }));
    bad(statement({ id: 12345 }));
  });
});

describe('1.0.3 versus 2.0 differences', () => {
  const agents = { contextAgents: [{ objectType: 'contextAgent', agent, relevantTypes: ['http://x.se/t'] }] };
  const groups = {
    contextGroups: [{ objectType: 'contextGroup', group: { objectType: 'Group', mbox: 'mailto:t@x.se' } }],
  };

  it('accepts contextAgents and contextGroups on 2.0 only', () => {
    ok(statement({ context: agents }), '2.0.0');
    ok(statement({ context: groups }), '2.0.0');
    bad(statement({ context: agents }), '1.0.3');
    bad(statement({ context: groups }), '1.0.3');
  });

  it.each([
    { contextAgents: [{ objectType: 'Should fail', agent }] },
    { contextAgents: [{ objectType: 'contextAgent', agent: { key: 'Should fail' } }] },
    { contextAgents: [{ objectType: 'contextAgent', agent, relevantTypes: [] }] },
    { contextAgents: [{ objectType: 'contextAgent', agent, relevantTypes: ['abc'] }] },
    { contextGroups: [{ objectType: 'contextGroup', group: { key: 'Should fail' } }] },
    { contextGroups: [{ objectType: 'contextGroup', group: agent }] },
  ])('rejects malformed 2.0 context %o', (c) => bad(statement({ context: c }), '2.0.0'));

  it('requires a time zone on 2.0 but not on 1.0.3', () => {
    ok(statement({ timestamp: '2013-05-18T05:32:34.804' }), '1.0.3');
    bad(statement({ timestamp: '2013-05-18T05:32:34.804' }), '2.0.0');
    bad(statement({ timestamp: '2008-09-15T15:53:00.601-00:00' }), '1.0.3');
  });
});

describe('Batches and problem reports', () => {
  it('accepts one statement, an array and an empty array', () => {
    expect(parseStatementBatch(statement(), '2.0.0')).toMatchObject({ ok: true, statements: [{}] });
    const two = parseStatementBatch([statement({ id: undefined }), statement()], '2.0.0');
    expect(two.ok && two.statements.length).toBe(2);
    expect(parseStatementBatch([], '2.0.0')).toEqual({ ok: true, statements: [] });
  });

  it('names the failing statement and property, and refuses a repeated id', () => {
    const result = parseStatementBatch(
      [statement(), statement({ id: undefined, verb: { id: 'x' } })],
      '2.0.0',
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '1.verb.id', message: 'must be an IRI with a scheme' }],
    });
    const twice = parseStatementBatch([statement(), statement()], '2.0.0');
    expect(twice).toEqual({
      ok: false,
      problems: [{ path: '1.id', message: 'duplicate statement id in batch' }],
    });
    const unknown = parseStatement(statement({ context: { Language: 'sv' } }), '2.0.0');
    expect(unknown).toEqual({
      ok: false,
      problems: [{ path: 'context.Language', message: 'unknown property' }],
    });
  });
});
