import { canonicalJson } from '../../lib/canonical-json.ts';
import type { XapiActivity } from './activity-definition-schema.ts';
import type { XapiContext, XapiSubStatement } from './statement-schema.ts';
import type { XapiActor, XapiStatement } from './statement-validation.ts';

type LanguageMap = Record<string, string>;
type Component = { id: string; description?: LanguageMap | undefined };

// Language tags are case-insensitive (RFC 5646 2.1.1).
function languageMap(map: LanguageMap | undefined): LanguageMap | undefined {
  if (!map) return undefined;
  return Object.fromEntries(Object.entries(map).map(([tag, text]) => [tag.toLowerCase(), text]));
}

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

function actor(a: XapiActor | undefined): unknown {
  if (!a) return undefined;
  const base = {
    ...a,
    objectType: a.objectType ?? 'Agent',
    mbox_sha1sum: a.mbox_sha1sum?.toLowerCase(),
  };
  if (a.objectType !== 'Group' || !a.member) return base;
  // Data 2.4.2.2: the member list is unordered.
  const members = a.member.map(actor).sort((x, y) => (canonicalJson(x) < canonicalJson(y) ? -1 : 1));
  return { ...base, member: members };
}

function components(list: Component[] | undefined): unknown {
  return list?.map((c) => ({ id: c.id, description: languageMap(c.description) }));
}

function activity(a: XapiActivity): unknown {
  const d = a.definition;
  const definition = d && {
    ...d,
    name: languageMap(d.name),
    description: languageMap(d.description),
    choices: components(d.choices),
    scale: components(d.scale),
    source: components(d.source),
    target: components(d.target),
    steps: components(d.steps),
  };
  return { ...a, objectType: 'Activity', definition };
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

type Body = Pick<XapiStatement, 'actor' | 'verb' | 'result' | 'timestamp' | 'attachments'> & {
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
      return { objectType: 'SubStatement', ...body(o) };
    default:
      return activity(o);
  }
}

function body(s: Body): Record<string, unknown> {
  return {
    actor: actor(s.actor),
    verb: { id: s.verb.id, display: languageMap(s.verb.display) },
    object: object(s.object),
    result: s.result,
    context: context(s.context),
    timestamp: s.timestamp === undefined ? undefined : timestampInstant(s.timestamp),
    attachments: s.attachments?.map((a) => ({
      ...a,
      display: languageMap(a.display),
      description: languageMap(a.description),
      sha2: a.sha2.toLowerCase(),
    })),
  };
}

/**
 * Statement Comparison Requirements (Data 2.3): whether a re-sent statement is the one already
 * stored. What the LRS sets itself (stored, authority, version) does not count, nor do key order,
 * the case of language tags, a timestamp's offset or a lone context activity sent without an array.
 */
export function sameStatement(a: XapiStatement, b: XapiStatement): boolean {
  const canonical = (s: XapiStatement) => canonicalJson({ id: s.id?.toLowerCase(), ...body(s) });
  return canonical(a) === canonical(b);
}
