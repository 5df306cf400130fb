import { createHash } from 'node:crypto';
import { actorSchema, ifiCount, VOIDED_VERB, type XapiContext } from './statement-schema.ts';
import type { XapiActor, XapiAgent, XapiGroup, XapiStatement } from './statement-validation.ts';

/**
 * The identity of an Agent or identified Group as one string. Data 2.4.2.3: two are the same when
 * they use the same inverse functional identifier and the same objectType, so a Group's key says so.
 * An anonymous Group has no identity and no key.
 */
export function agentKey(agent: XapiAgent | XapiGroup): string {
  const prefix = agent.objectType === 'Group' ? 'Group|' : '';
  // The address itself is kept out of the key (a column that indexes every statement), only its hash.
  if (agent.mbox !== undefined) return `${prefix}mbox:${createHash('sha1').update(agent.mbox).digest('hex')}`;
  if (agent.mbox_sha1sum !== undefined) return `${prefix}mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (agent.openid !== undefined) return `${prefix}openid:${agent.openid}`;
  if (agent.account !== undefined) return `${prefix}account:${agent.account.homePage}|${agent.account.name}`;
  throw new Error('an anonymous Group has no agent key');
}

function keyOf(actor: XapiActor | undefined): string[] {
  if (!actor || ifiCount(actor) === 0) return [];
  return [agentKey(actor)];
}

/** The `agent` query parameter: a JSON Agent or identified Group, or null when it is not one. */
export function parseAgentParam(json: string): XapiAgent | XapiGroup | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = actorSchema.safeParse(value);
  if (!parsed.success || ifiCount(parsed.data) !== 1) return null;
  return parsed.data;
}

export interface StatementKeys {
  agentKeys: string[];
  relatedAgentKeys: string[];
  objectActivityId: string | null;
  relatedActivityIds: string[];
  registration: string | null;
  voidsStatementId: string | null;
}

type StatementObject = XapiStatement['object'];

function objectActorKeys(object: StatementObject): string[] {
  return object.objectType === 'Agent' || object.objectType === 'Group' ? keyOf(object) : [];
}

function contextAgentKeys(context: XapiContext | undefined): string[] {
  if (!context) return [];
  return [
    ...keyOf(context.instructor),
    ...keyOf(context.team),
    ...(context.contextAgents ?? []).flatMap((c) => keyOf(c.agent)),
    ...(context.contextGroups ?? []).flatMap((c) => keyOf(c.group)),
  ];
}

function contextActivityIds(context: XapiContext | undefined): string[] {
  const lists = context?.contextActivities;
  if (!lists) return [];
  return [lists.parent, lists.grouping, lists.category, lists.other].flatMap((list) =>
    (list ?? []).map((a) => a.id),
  );
}

function activityIdOf(object: StatementObject): string | null {
  return (object.objectType ?? 'Activity') === 'Activity' && 'id' in object ? object.id : null;
}

const unique = (values: string[]) => [...new Set(values)];

/** What the statement query filters (agent, related_agents, activity, registration) look up. */
export function statementKeys(s: XapiStatement): StatementKeys {
  const agentKeys = unique([...keyOf(s.actor), ...objectActorKeys(s.object)]);
  const related = [...agentKeys, ...keyOf(s.authority), ...contextAgentKeys(s.context)];
  const objectActivityId = activityIdOf(s.object);
  const activityIds = [...(objectActivityId ? [objectActivityId] : []), ...contextActivityIds(s.context)];
  if (s.object.objectType === 'SubStatement') {
    const sub = s.object;
    related.push(...keyOf(sub.actor), ...objectActorKeys(sub.object), ...contextAgentKeys(sub.context));
    const subActivityId = activityIdOf(sub.object);
    activityIds.push(...(subActivityId ? [subActivityId] : []), ...contextActivityIds(sub.context));
  }
  const voids = s.verb.id === VOIDED_VERB && s.object.objectType === 'StatementRef';
  return {
    agentKeys,
    relatedAgentKeys: unique(related),
    objectActivityId,
    relatedActivityIds: unique(activityIds),
    registration: s.context?.registration?.toLowerCase() ?? null,
    voidsStatementId: voids && 'id' in s.object ? s.object.id.toLowerCase() : null,
  };
}
