import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { subtreeIds } from '../scim/scim-users.repo.ts';
import type { StatementFilter } from './statement-query.ts';
import { STORED_COLUMNS, type StoredStatementRow } from './statements.repo.ts';

/** Whose statements a caller reads: all (national), what lies under organisations, or a person's own. */
export type ReadScope =
  | { kind: 'all' }
  | { kind: 'organisations'; ids: string[] }
  | { kind: 'person'; userId: string };

/** The agent of an `agent` filter: its key, and the person it is when she is one of ours. */
export interface AgentMatch {
  key: string;
  userId: string | null;
}

function scopeCondition(a: string, scope: ReadScope): SQL {
  const t = sql.raw(a);
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'person') return sql`${t}.user_id = ${scope.userId}`;
  if (scope.ids.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.ids.map(
      (id) => sql`${t}.organisation_id in ${subtreeIds(id)}
        or ${t}.user_id in (select m.user_id from memberships m where m.organisation_id in ${subtreeIds(id)})`,
    ),
    sql` or `,
  )})`;
}

/** The filters that also hold for a statement through the statement its StatementRef targets. */
function matchConditions(a: string, f: StatementFilter, agent: AgentMatch | null): SQL[] {
  const t = sql.raw(a);
  const where: SQL[] = [];
  if (agent) {
    // Only `related_agent_keys` (which holds every agent key too) has an index: the actor filter finds
    // rows through it and keeps those whose own `agent_keys` name the agent.
    const byKey = f.relatedAgents
      ? sql`${t}.related_agent_keys && array[${agent.key}]::text[]`
      : sql`(${t}.related_agent_keys @> array[${agent.key}]::text[] and ${t}.agent_keys @> array[${agent.key}]::text[])`;
    where.push(agent.userId ? sql`(${byKey} or ${t}.user_id = ${agent.userId})` : byKey);
  }
  if (f.verb) where.push(sql`${t}.verb = ${f.verb}`);
  if (f.activity) {
    where.push(
      f.relatedActivities
        ? sql`${t}.related_activity_ids @> array[${f.activity}]::text[]`
        : sql`(${t}.object_type = 'Activity' and ${t}.object_id = ${f.activity})`,
    );
  }
  if (f.registration) where.push(sql`${t}.registration = ${f.registration}`);
  return where;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

/**
 * One page of GET /statements, newest stored first (or oldest with `ascending`), one row more than the
 * limit so the caller knows whether a `more` link is due. Voided statements are left out; a statement
 * whose StatementRef targets one that meets the filters meets them too (Communication §2.1.3). The two
 * ways to match are two queries, each walking its own index (the filter's, and the few StatementRef
 * statements in stored order joined to their targets), merged and cut to the page.
 */
export async function findStatementPage(
  db: Db,
  f: StatementFilter,
  scope: ReadScope,
  agent: AgentMatch | null,
): Promise<StoredStatementRow[]> {
  const window: SQL[] = [sql`not s.voided`, scopeCondition('s', scope)];
  if (f.since) window.push(sql`s.stored > ${f.since.toISOString()}::timestamptz`);
  if (f.until) window.push(sql`s.stored <= ${f.until.toISOString()}::timestamptz`);
  if (f.after) {
    window.push(
      f.ascending
        ? sql`(s.stored, s.seq) > (${f.after.stored}::timestamptz, ${f.after.seq}::bigint)`
        : sql`(s.stored, s.seq) < (${f.after.stored}::timestamptz, ${f.after.seq}::bigint)`,
    );
  }
  const order = f.ascending ? sql`stored asc, seq asc` : sql`stored desc, seq desc`;
  const limit = f.limit + 1;
  const own = matchConditions('s', f, agent);
  const direct = sql`select s.id, s.stored, s.seq from learning_statements s
      where ${and([...window, ...own])} order by ${order} limit ${limit}`;
  const throughRef = own.length
    ? sql` union (select s.id, s.stored, s.seq from learning_statements s
        join learning_statements t on t.id = substr(s.object_id, 10)::uuid
        where s.object_type = 'StatementRef' and ${and(window)}
          and ${and(matchConditions('t', f, agent))} and ${scopeCondition('t', scope)}
        order by ${order} limit ${limit})`
    : sql``;
  return queryRows<StoredStatementRow>(
    db,
    sql`select ${STORED_COLUMNS} from learning_statements s
        join ((${direct})${throughRef}) page on page.id = s.id
        order by ${f.ascending ? sql`s.stored asc, s.seq asc` : sql`s.stored desc, s.seq desc`}
        limit ${limit}`,
  );
}

/** One statement by id, within the caller's scope: voided ones only through `voidedStatementId`. */
export async function findOneStatement(
  db: Db,
  id: string,
  scope: ReadScope,
): Promise<StoredStatementRow | null> {
  const [row] = await queryRows<StoredStatementRow>(
    db,
    sql`select ${STORED_COLUMNS} from learning_statements s where s.id = ${id}::uuid and ${scopeCondition('s', scope)}`,
  );
  return row ?? null;
}
