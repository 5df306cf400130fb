import { describe, expect, it } from 'vitest';
import { agentKey, parseAgentParam, statementKeys } from './agent-keys.ts';
import { parseStatement, type XapiStatement } from './statement-validation.ts';

function parsed(input: Record<string, unknown>): XapiStatement {
  const result = parseStatement(input, '2.0.0');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.statement;
}

const ada = { mbox: 'mailto:ada@example.se' };
const bo = { objectType: 'Agent', account: { homePage: 'https://idp.example.se', name: 'bo' } };
const team = { objectType: 'Group', openid: 'https://id.example.se/team' };
const verb = { id: 'http://adlnet.gov/expapi/verbs/attended' };
const course = { id: 'http://example.com/course' };

describe('agentKey', () => {
  it('names the IFI, lowercases a SHA-1 sum and marks Groups', () => {
    expect(agentKey({ mbox: 'mailto:a@b.se' })).toBe('mbox:84d74c948ed6d3266f5603aa701d19695ad36554');
    expect(agentKey({ mbox_sha1sum: 'CD9B00A5611F94EAA7B1661EDAB976068E364975' })).toBe(
      'mbox_sha1sum:cd9b00a5611f94eaa7b1661edab976068e364975',
    );
    expect(agentKey({ objectType: 'Agent', openid: 'https://id.se/1' })).toBe('openid:https://id.se/1');
    expect(agentKey({ account: { homePage: 'https://x.se', name: 'n' } })).toBe('account:https://x.se|n');
    expect(agentKey({ objectType: 'Group', mbox: 'mailto:a@b.se' })).toBe(
      'Group|mbox:84d74c948ed6d3266f5603aa701d19695ad36554',
    );
  });

  it('has no key for an anonymous Group', () => {
    expect(() => agentKey({ objectType: 'Group', member: [ada] })).toThrow();
  });
});

describe('parseAgentParam', () => {
  it('accepts an Agent or identified Group as JSON', () => {
    expect(parseAgentParam(JSON.stringify(ada))).toEqual(ada);
    expect(parseAgentParam(JSON.stringify(team))).toEqual(team);
  });

  it.each([
    'wrong',
    '{"mbox":"ada@example.se"}',
    '{"mbox":"mailto:a@b.se","openid":"https://id.se/1"}',
    '{"objectType":"Group","member":[{"mbox":"mailto:a@b.se"}]}',
    '{"objectType":"Activity","id":"http://x.se"}',
    '[]',
    'null',
  ])('rejects %s', (json) => expect(parseAgentParam(json)).toBeNull());
});

describe('statementKeys', () => {
  it('collects the actor and an Agent object as agents, authority and context as related agents', () => {
    const keys = statementKeys(
      parsed({
        actor: ada,
        verb,
        object: bo,
        authority: { objectType: 'Group', member: [{ mbox: 'mailto:client@x.se' }, ada] },
        context: {
          instructor: { mbox: 'mailto:teacher@x.se' },
          team,
          contextAgents: [{ objectType: 'contextAgent', agent: { mbox: 'mailto:coach@x.se' } }],
          contextGroups: [
            { objectType: 'contextGroup', group: { objectType: 'Group', mbox: 'mailto:g@x.se' } },
          ],
        },
      }),
    );
    expect(keys.agentKeys).toEqual([
      'mbox:93ca78028467f4d4f370775d8cc43e8c9b31c117',
      'account:https://idp.example.se|bo',
    ]);
    expect(keys.relatedAgentKeys).toEqual([
      'mbox:93ca78028467f4d4f370775d8cc43e8c9b31c117',
      'account:https://idp.example.se|bo',
      'mbox:8efd1aaea661bcf1743f98039785564d7771f8c0',
      'Group|openid:https://id.example.se/team',
      'mbox:5a82a3be72fece908df6c10d9d27e0e09a4a81be',
      'Group|mbox:a7df00c3501c5e976243c5e232df642b76e11f8a',
    ]);
    expect(keys.objectActivityId).toBeNull();
  });

  it('leaves out the members of a Group actor', () => {
    const keys = statementKeys(
      parsed({ actor: { objectType: 'Group', member: [ada] }, verb, object: course }),
    );
    expect(keys.agentKeys).toEqual([]);
    expect(keys.relatedAgentKeys).toEqual([]);
  });

  it('collects activities from the object and every contextActivities list, once each', () => {
    const keys = statementKeys(
      parsed({
        actor: ada,
        verb,
        object: course,
        context: {
          registration: 'EC531277-B57B-4C15-8D91-D292C5B2B8F7',
          contextActivities: {
            parent: { id: 'http://example.com/programme' },
            grouping: [course],
            other: [],
          },
        },
      }),
    );
    expect(keys.objectActivityId).toBe('http://example.com/course');
    expect(keys.relatedActivityIds).toEqual(['http://example.com/course', 'http://example.com/programme']);
    expect(keys.registration).toBe('ec531277-b57b-4c15-8d91-d292c5b2b8f7');
    expect(keys.voidsStatementId).toBeNull();
  });

  it('looks inside a SubStatement for related agents and activities, not for direct ones', () => {
    const keys = statementKeys(
      parsed({
        actor: ada,
        verb,
        object: {
          objectType: 'SubStatement',
          actor: bo,
          verb,
          object: { objectType: 'Agent', mbox: 'mailto:peer@x.se' },
          context: { instructor: team, contextActivities: { category: course } },
        },
      }),
    );
    expect(keys.agentKeys).toEqual(['mbox:93ca78028467f4d4f370775d8cc43e8c9b31c117']);
    expect(keys.relatedAgentKeys).toEqual([
      'mbox:93ca78028467f4d4f370775d8cc43e8c9b31c117',
      'account:https://idp.example.se|bo',
      'mbox:573e6cdb044a8d89f999b9d7256b1bfd625100c0',
      'Group|openid:https://id.example.se/team',
    ]);
    expect(keys.objectActivityId).toBeNull();
    expect(keys.relatedActivityIds).toEqual(['http://example.com/course']);
  });

  it('names the statement a voiding statement voids', () => {
    const keys = statementKeys(
      parsed({
        actor: ada,
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
        object: { objectType: 'StatementRef', id: 'E05AA883-ACAF-40AD-BF54-02C8CE485FB0' },
      }),
    );
    expect(keys.voidsStatementId).toBe('e05aa883-acaf-40ad-bf54-02c8ce485fb0');
    const ref = statementKeys(
      parsed({
        actor: ada,
        verb,
        object: { objectType: 'StatementRef', id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' },
      }),
    );
    expect(ref.voidsStatementId).toBeNull();
  });
});
