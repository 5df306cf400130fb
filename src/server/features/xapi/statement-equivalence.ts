import { canonicalJson } from '../../lib/canonical-json.ts';
import type { XapiActivity } from './activity-definition-schema.ts';
import type { XapiContext, XapiSubStatement } from './statement-schema.ts';
import type { XapiActor, XapiStatement } from './statement-validation.ts';

/** The instant a timestamp names, with all its fractional digits: offsets and trailing zeros vary. */
export function timestampInstant(value: string): string {
  const m = /^(.*?\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(.*)$/.exec(value.replace(' ', 'T'));
  if (!m) return value;
  const [, wholeSeconds = '', fraction = '', zone = ''] = m;
  // A 1.0.3 timestamp without an offset is read as UTC.
  const offset =
    zone === '' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2').replace(/^([+-]\d{2})$/, '$1:00');
  const seconds = Date.parse(`${wholeSeconds}${offset}`) / 1000;
  // A leap second (":60") has no Date; its own spelling is the best identity left.
  if (Number.isNaN(seconds)) return value;
  const digits = fraction.slice(1).replace(/0+$/, '');
  return digits ? `${seconds}.${digits}` : String(seconds);
}

// The domain of an e-mail address is case-insensitive (Data 2.3.1's example of case exceptions).
function mbox(value: string | undefined): string | undefined {
  const at = value?.lastIndexOf('@') ?? -1;
  return value && at >= 0 ? value.slice(0, at) + value.slice(at).toLowerCase() : value;
}

function actor(a: XapiActor | undefined): unknown {
  if (!a) return undefined;
  const base = {
    ...a,
    objectType: a.objectType ?? 'Agent',
    mbox: mbox(a.mbox),
    mbox_sha1sum: a.mbox_sha1sum?.toLowerCase(),
  };
  if (a.objectType !== 'Group' || !a.member) return base;
  // Data 2.4.2.2: the member list is unordered.
  const members = a.member.map((m) => canonicalJson(actor(m))).sort();
  return { ...base, member: members };
}

// Data 2.3.1: the Activity Definition is not part of the statement, only the Activity's id.
function activity(a: XapiActivity): unknown {
  return { objectType: 'Activity', id: a.id };
}

function context(c: XapiContext | undefined): unknown {
  if (!c) return undefined;
  const lists = c.contextActivities;
  return {
    ...c,
    registration: c.registration?.toLowerCase(),
    instructor: actor(c.instructor),
    team: actor(c.team),
    statement: c.statement && { ...c.statement, id: c.statement.id.toLowerCase() },
    contextActivities: lists && {
      parent: lists.parent?.map(activity),
      grouping: lists.grouping?.map(activity),
      category: lists.category?.map(activity),
      other: lists.other?.map(activity),
    },
    contextAgents: c.contextAgents?.map((x) => ({ ...x, agent: actor(x.agent) })),
    contextGroups: c.contextGroups?.map((x) => ({ ...x, group: actor(x.group) })),
  };
}

type Body = Pick<XapiStatement, 'actor' | 'verb' | 'result'> & {
  object: XapiStatement['object'] | XapiSubStatement['object'];
  context?: XapiContext;
};

function object(o: Body['object']): unknown {
  switch (o.objectType) {
    case 'Agent':
    case 'Group':
      return actor(o);
    case 'StatementRef':
      return { ...o, id: o.id.toLowerCase() };
    case 'SubStatement':
      // A SubStatement's timestamp is the client's own, so it counts, as an instant.
      return {
        objectType: 'SubStatement',
        ...body(o),
        timestamp: o.timestamp && timestampInstant(o.timestamp),
      };
    default:
      return activity(o);
  }
}

// The verb's display, attachments and activity definitions are left out: Data 2.3.1 does not count
// them as part of the statement.
function body(s: Body): Record<string, unknown> {
  return {
    actor: actor(s.actor),
    verb: s.verb.id,
    object: object(s.object),
    result: s.result,
    context: context(s.context),
  };
}

// The LRS sets a missing timestamp itself, so only two given timestamps can disagree.
function sameInstant(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || timestampInstant(a) === timestampInstant(b);
}

/**
 * Statement Comparison Requirements (Data 2.3.1): whether a re-sent statement is the one already
 * stored. Differences the immutability exceptions allow are ignored: what the LRS sets or may set
 * (id, stored, authority, version, a missing timestamp), a timestamp's offset and precision, the
 * verb's display, activity definitions, attachments, the order of Group members and of keys, the
 * case of UUIDs, SHA-1 sums and e-mail domains, and a lone context activity sent without an array.
 */
export function sameStatement(a: XapiStatement, b: XapiStatement): boolean {
  return sameInstant(a.timestamp, b.timestamp) && canonicalJson(body(a)) === canonicalJson(body(b));
}
