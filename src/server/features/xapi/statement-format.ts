import type { StatementFormat } from './statement-query.ts';

type Json = Record<string, unknown>;
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

/** An Agent or Group with only what identifies it (Communication §2.1.3, format=ids). */
function actorIds(a: unknown): unknown {
  if (!a || typeof a !== 'object') return a;
  const actor = a as Json;
  const out: Json = { objectType: actor.objectType ?? 'Agent' };
  for (const k of IFIS) if (actor[k] !== undefined) out[k] = actor[k];
  if (!IFIS.some((k) => actor[k] !== undefined) && Array.isArray(actor.member))
    out.member = actor.member.map(actorIds);
  return out;
}

function objectIds(o: unknown): unknown {
  const obj = o as Json;
  const type = obj.objectType ?? 'Activity';
  if (type === 'Activity') return { objectType: 'Activity', id: obj.id };
  if (type === 'Agent' || type === 'Group') return actorIds(obj);
  if (type === 'SubStatement') return statementIds(obj);
  return obj;
}

function contextIds(c: unknown): unknown {
  if (!c) return c;
  const ctx = { ...(c as Json) };
  if (ctx.instructor) ctx.instructor = actorIds(ctx.instructor);
  if (ctx.team) ctx.team = actorIds(ctx.team);
  if (Array.isArray(ctx.contextAgents))
    ctx.contextAgents = ctx.contextAgents.map((x: Json) => ({ ...x, agent: actorIds(x.agent) }));
  if (Array.isArray(ctx.contextGroups))
    ctx.contextGroups = ctx.contextGroups.map((x: Json) => ({ ...x, group: actorIds(x.group) }));
  if (ctx.contextActivities) {
    const lists = ctx.contextActivities as Record<string, Json[]>;
    ctx.contextActivities = Object.fromEntries(
      Object.entries(lists).map(([k, list]) => [k, list.map((a) => ({ objectType: 'Activity', id: a.id }))]),
    );
  }
  return ctx;
}

function statementIds(s: Json): Json {
  const out: Json = {
    ...s,
    actor: actorIds(s.actor),
    verb: { id: (s.verb as Json).id },
    object: objectIds(s.object),
  };
  if (s.authority) out.authority = actorIds(s.authority);
  if (s.context) out.context = contextIds(s.context);
  return out;
}

/** The one entry of a language map the reader prefers (Accept-Language), else its first. */
function pickLanguage(map: unknown, languages: readonly string[]): unknown {
  if (!map || typeof map !== 'object') return map;
  const entries = Object.entries(map as Record<string, string>);
  if (entries.length <= 1) return map;
  const lower = entries.map(([k, v]) => [k.toLowerCase(), k, v] as const);
  for (const want of languages) {
    const hit =
      lower.find(([k]) => k === want) ?? lower.find(([k]) => k.split('-')[0] === want.split('-')[0]);
    if (hit) return { [hit[1]]: hit[2] };
  }
  return Object.fromEntries([entries[0]!]);
}

const LANGUAGE_MAPS = new Set(['display', 'name', 'description']);

/** Every language map in the value (display, name, description) reduced to one language. */
function canonicalMaps(value: unknown, languages: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => canonicalMaps(v, languages));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Json).map(([k, v]) => [
      k,
      LANGUAGE_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)
        ? pickLanguage(v, languages)
        : k === 'extensions'
          ? v
          : canonicalMaps(v, languages),
    ]),
  );
}

/** Activities in the statement with the canonical definition the LRS keeps, where it has one. */
function withCanonicalDefinitions(s: Json, definitions: ReadonlyMap<string, Json>): Json {
  const swap = (a: Json) =>
    (a.objectType ?? 'Activity') === 'Activity' && definitions.has(a.id as string)
      ? { ...a, definition: definitions.get(a.id as string) }
      : a;
  const out: Json = { ...s, object: swap(s.object as Json) };
  const ctx = s.context as Json | undefined;
  if (ctx?.contextActivities) {
    const lists = ctx.contextActivities as Record<string, Json[]>;
    out.context = {
      ...ctx,
      contextActivities: Object.fromEntries(Object.entries(lists).map(([k, l]) => [k, l.map(swap)])),
    };
  }
  return out;
}

/** A statement as the reader asked for it: `exact` as stored, `ids` identifiers only, `canonical` one language. */
export function formatStatement(
  s: Json,
  format: StatementFormat,
  opts: { languages: readonly string[]; definitions: ReadonlyMap<string, Json> },
): Json {
  if (format === 'ids') return statementIds(s);
  if (format === 'canonical')
    return canonicalMaps(withCanonicalDefinitions(s, opts.definitions), opts.languages) as Json;
  return s;
}

/** The activity ids whose canonical definitions a `canonical` answer needs. */
export function activityIdsIn(statements: readonly Json[]): string[] {
  const ids = new Set<string>();
  for (const s of statements) {
    const o = s.object as Json;
    if ((o.objectType ?? 'Activity') === 'Activity') ids.add(o.id as string);
    const lists = (s.context as Json | undefined)?.contextActivities as Record<string, Json[]> | undefined;
    for (const list of Object.values(lists ?? {})) for (const a of list) ids.add(a.id as string);
  }
  return [...ids];
}
