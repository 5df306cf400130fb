import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { subtreeIds } from '../scim/scim-users.repo.ts';
import { agentKey } from './agent-keys.ts';
import { documentAgents, type ReadScope } from './documents.repo.ts';
import { type DocumentDeps, readScopeOf } from './documents.service.ts';
import { platformUsersOf, usersWithin } from './platform-people.ts';
import type { XapiAgent, XapiGroup } from './statement-validation.ts';
import type { XapiCaller } from './xapi-auth.ts';

function inScope(column: SQL, scope: ReadScope): SQL {
  if (scope.national) return sql`true`;
  if (scope.organisationIds.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.organisationIds.map((id) => sql`${column} in ${subtreeIds(id)}`),
    sql` or `,
  )})`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
// Language maps and extensions gather what every organisation's statements said; other properties
// take the most recent definition's value.
const GATHERED = new Set(['name', 'description', 'extensions']);

function mergeDefinitions(definitions: Json[]): Json {
  const merged: Json = {};
  for (const d of definitions)
    for (const [k, v] of Object.entries(d)) {
      const before = merged[k];
      merged[k] = GATHERED.has(k) && isObject(before) && isObject(v) ? { ...before, ...v } : v;
    }
  return merged;
}

/**
 * GET /activities (Communication §2.5): the Activity with the canonical definition the reader's
 * organisations' statements gave it; just its id when the LRS knows nothing more.
 */
export async function getActivity(deps: DocumentDeps, caller: XapiCaller, activityId: string) {
  const scope = readScopeOf(caller);
  const rows = await queryRows<{ definition: Json }>(
    deps.db,
    sql`select definition from xapi_activities a
        where a.activity_id = ${activityId} and ${inScope(sql`a.organisation_id`, scope)}
        order by a.updated_at`,
  );
  const definition = mergeDefinitions(rows.map((r) => r.definition).filter(isObject));
  return {
    objectType: 'Activity' as const,
    id: activityId,
    ...(Object.keys(definition).length > 0 ? { definition } : {}),
  };
}

interface Person {
  objectType: 'Person';
  name?: string[];
  mbox?: string[];
  mbox_sha1sum?: string[];
  openid?: string[];
  account?: { homePage: string; name: string }[];
}

type Ifi = 'mbox' | 'mbox_sha1sum' | 'openid';

/** The actors of the reader's statements about this agent: where the LRS learnt her names. */
async function statementActors(deps: DocumentDeps, key: string, scope: ReadScope): Promise<unknown[]> {
  const rows = await queryRows<{ actor: unknown }>(
    deps.db,
    sql`select distinct s.statement->'actor' as actor from learning_statements s
        where s.related_agent_keys @> array[${key}]::text[] and s.agent_keys @> array[${key}]::text[]
          and s.statement is not null
          and ${inScope(sql`s.organisation_id`, scope)}
        limit 50`,
  );
  return rows.map((r) => r.actor);
}

function sameAgent(candidate: unknown, key: string): candidate is XapiAgent {
  if (!isObject(candidate)) return false;
  try {
    return agentKey(candidate as unknown as XapiAgent) === key;
  } catch {
    return false;
  }
}

async function readerSeesPerson(deps: DocumentDeps, userId: string, scope: ReadScope) {
  if (scope.national) return true;
  for (const organisationId of scope.organisationIds)
    if ((await usersWithin(deps.db, [userId], organisationId)).has(userId)) return true;
  return false;
}

/**
 * GET /agents (Communication §2.4): a Person with every property an array, from the agent asked about
 * and what the reader's statements and documents said about it. For one of our people the reader may
 * see, her work address and her account with the platform are added.
 */
export async function getPerson(
  deps: DocumentDeps,
  caller: XapiCaller,
  agent: XapiAgent | XapiGroup,
): Promise<Person> {
  const scope = readScopeOf(caller);
  const key = agentKey(agent);
  const known = [
    agent,
    ...(await statementActors(deps, key, scope)),
    ...(await documentAgents(deps.db, [key], scope)),
  ].filter((a) => sameAgent(a, key));
  const sets = {
    name: new Set<string>(),
    mbox: new Set<string>(),
    mbox_sha1sum: new Set<string>(),
    openid: new Set<string>(),
  };
  const accounts = new Map<string, { homePage: string; name: string }>();
  for (const a of known) {
    if (a.name) sets.name.add(a.name);
    for (const ifi of ['mbox', 'mbox_sha1sum', 'openid'] as Ifi[]) if (a[ifi]) sets[ifi].add(a[ifi]);
    if (a.account) accounts.set(`${a.account.homePage}|${a.account.name}`, a.account);
  }
  const userId = (await platformUsersOf(deps.db, [agent], deps.publicUrl)).get(key);
  if (userId && (await readerSeesPerson(deps, userId, scope))) {
    const [user] = await queryRows<{ email: string | null }>(
      deps.db,
      sql`select email from users where id = ${userId}`,
    );
    if (user?.email) sets.mbox.add(`mailto:${user.email}`);
    accounts.set(`${deps.publicUrl}|${userId}`, { homePage: deps.publicUrl, name: userId });
  }
  const person: Person = { objectType: 'Person' };
  for (const [k, values] of Object.entries(sets) as [keyof typeof sets, Set<string>][])
    if (values.size > 0) person[k] = [...values];
  if (accounts.size > 0) person.account = [...accounts.values()];
  return person;
}
