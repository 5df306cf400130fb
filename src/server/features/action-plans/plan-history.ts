import { sql } from 'drizzle-orm';
import type { PlanChange, PlanItem } from '../../../shared/contracts/action-plans.ts';
import type { InitiativePhase, InitiativeStatus } from '../../../shared/contracts/initiatives.ts';
import { type Db, queryRows } from '../../db/client.ts';

/**
 * The temporal list of a rolling plan (`action_plan_items`). Each row is one initiative at one priority
 * over [valid_from, valid_to); the current list is the rows with valid_to null.
 *
 * Priorities are kept dense (1..n). When an initiative is added, moved or closed, every initiative
 * whose priority changes as a result gets a new row too — the one the user acted on carries the
 * reason, the ones shifted by it carry reason null — all starting at the same instant. So the list at
 * any past moment reads back exactly as it was shown then, with no gaps or duplicates, and the change
 * log below lists every row change (a shifted item shows as "reprioritised" without a reason, at the
 * same time as the change that shifted it).
 *
 * Closing ends the row with no successor. The row's `reason`/`changed_by` say why and by whom it
 * started; `close_reason`/`closed_by` why and by whom the initiative left the plan.
 */

export const CHANGES_CAP = 200;

interface CurrentItem {
  id: string;
  initiative_id: string;
  priority: number;
}

/** The current list, by priority. Call with the plan row locked. */
export async function currentItems(tx: Db, planId: string): Promise<CurrentItem[]> {
  return queryRows<CurrentItem>(
    tx,
    sql`select id, initiative_id, priority from action_plan_items
        where plan_id = ${planId} and valid_to is null order by priority, valid_from`,
  );
}

/**
 * The instant of a change: now, but always after the plan's latest change, so that rows never start
 * before their predecessors end (the lock serialises writers; clocks may not).
 */
async function changeInstant(tx: Db, planId: string): Promise<string> {
  const [row] = await queryRows<{ at: string }>(
    tx,
    sql`select greatest(clock_timestamp(),
                        coalesce(max(greatest(valid_from, coalesce(valid_to, valid_from))), '-infinity')
                          + interval '1 millisecond')::text as at
        from action_plan_items where plan_id = ${planId}`,
  );
  return row!.at;
}

export interface ListChange {
  /** The initiative acted on. */
  initiativeId: string;
  /** The new order, initiative ids from priority 1; without the initiative when it is closed. */
  order: string[];
  reason: string | null;
  by: string;
}

/**
 * Writes the rows for a new order of the plan's list. Returns the closed row's id when the acted-on
 * initiative left the list. Call with the plan row locked.
 */
export async function applyOrder(
  tx: Db,
  planId: string,
  current: CurrentItem[],
  change: ListChange,
): Promise<{ closedRowId: string | null; at: string }> {
  const at = await changeInstant(tx, planId);
  const before = new Map(current.map((c) => [c.initiative_id, c]));
  const next = new Map(change.order.map((id, i) => [id, i + 1]));
  let closedRowId: string | null = null;
  // End first: the unique index allows one current row per initiative.
  for (const c of current) {
    const priority = next.get(c.initiative_id);
    if (priority === c.priority) continue;
    const closing = priority === undefined;
    await tx.execute(
      closing
        ? sql`update action_plan_items set valid_to = ${at}::timestamptz, close_reason = ${change.reason},
                closed_by = ${change.by} where id = ${c.id}`
        : sql`update action_plan_items set valid_to = ${at}::timestamptz where id = ${c.id}`,
    );
    if (closing) closedRowId = c.id;
  }
  for (const [initiativeId, priority] of next) {
    if (before.get(initiativeId)?.priority === priority) continue;
    const reason = initiativeId === change.initiativeId ? change.reason : null;
    await tx.execute(
      sql`insert into action_plan_items (plan_id, initiative_id, priority, valid_from, reason, changed_by)
          values (${planId}, ${initiativeId}, ${priority}, ${at}::timestamptz, ${reason}, ${change.by})`,
    );
  }
  return { closedRowId, at };
}

/** Moves `id` to `priority` (1-based, clamped to the list) in `order`. */
export function placeAt(order: string[], id: string, priority: number | undefined): string[] {
  const rest = order.filter((x) => x !== id);
  const index = Math.min(Math.max((priority ?? rest.length + 1) - 1, 0), rest.length);
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}

/**
 * SQL for the instant at the end of a day in Swedish time: the start of the next day in Stockholm.
 * A row counts when it began before that instant and had not ended by it.
 */
export const endOfSwedishDay = (day: string) =>
  sql`((${day}::date + 1)::timestamp at time zone 'Europe/Stockholm')`;

/** Today's date in Sweden. */
export function swedishToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/**
 * The list as it stands now (`day` null) or stood at the end of `day`, by priority, with each
 * initiative's title, status and phase as they were then (from `initiative_history`).
 */
export async function itemsAt(db: Db, planId: string, day: string | null): Promise<PlanItem[]> {
  const t = day ? endOfSwedishDay(day) : null;
  const validAt = t
    ? sql`r.valid_from < ${t} and (r.valid_to is null or r.valid_to >= ${t})`
    : sql`r.valid_to is null`;
  const historyAt = t
    ? sql`h.valid_from < ${t} and (h.valid_to is null or h.valid_to >= ${t})`
    : sql`h.valid_to is null`;
  const rows = await queryRows<{
    initiative_id: string;
    priority: number;
    title: string;
    status: string;
    phase: string;
    owner_id: string;
    owner_name: string;
    added_at: string;
  }>(
    db,
    // A stretch starts where a row does not continue its predecessor; it was added when it started.
    sql`with stretches as (
          select s.*, lag(s.valid_to) over w is distinct from s.valid_from as starts
          from action_plan_items s where s.plan_id = ${planId}
          window w as (partition by s.initiative_id order by s.valid_from)
        ), spans as (
          select s.*, max(case when s.starts then s.valid_from end)
                        over (partition by s.initiative_id order by s.valid_from) as added_at
          from stretches s
        )
        select r.initiative_id, r.priority,
               coalesce(h.title, i.title) as title, coalesce(h.status, i.status) as status,
               coalesce(h.phase, i.phase) as phase, o.id as owner_id, o.name as owner_name,
               ${iso('r.added_at')} as added_at
        from spans r
        join initiatives i on i.id = r.initiative_id
        join organisations o on o.id = i.owner_organisation_id
        left join lateral (
          select h.title, h.status, h.phase from initiative_history h
          where h.initiative_id = r.initiative_id and ${historyAt}
          order by h.valid_from desc limit 1
        ) h on true
        where ${validAt}
        order by r.priority, r.valid_from`,
  );
  return rows.map((r) => ({
    initiativeId: r.initiative_id,
    priority: r.priority,
    title: r.title,
    status: r.status as InitiativeStatus,
    phase: r.phase as InitiativePhase,
    owner: { id: r.owner_id, name: r.owner_name },
    addedAt: r.added_at,
  }));
}

/**
 * Every change of the list, newest first, up to 200: a row that starts is "added" (no row of the same
 * initiative ended at that instant) or "reprioritised" (one did); a row that ends with no successor is
 * "closed". Only the rows whose latest event is among the newest are read.
 */
export async function changesOf(db: Db, planId: string): Promise<PlanChange[]> {
  const rows = await queryRows<{
    id: string;
    initiative_id: string;
    title: string;
    priority: number;
    valid_from: string;
    valid_to: string | null;
    reason: string | null;
    by_name: string | null;
    has_predecessor: boolean;
    closed: boolean;
    closed_by: string | null;
    close_reason: string | null;
  }>(
    db,
    sql`with neighbours as (
          select r.*, lag(r.valid_to) over w as prev_to, lead(r.valid_from) over w as next_from
          from action_plan_items r where r.plan_id = ${planId}
          window w as (partition by r.initiative_id order by r.valid_from)
        ), latest as (
          select n.*, n.prev_to is not null and n.prev_to = n.valid_from as has_predecessor,
                 n.valid_to is not null and n.next_from is distinct from n.valid_to as closed
          from neighbours n
        )
        select l.id, l.initiative_id, i.title, l.priority,
               ${iso('l.valid_from')} as valid_from, ${iso('l.valid_to')} as valid_to,
               l.reason, u.name as by_name, l.has_predecessor, l.closed,
               cu.name as closed_by, l.close_reason
        from latest l
        join initiatives i on i.id = l.initiative_id
        left join users u on u.id = l.changed_by
        left join users cu on cu.id = l.closed_by
        order by case when l.closed then l.valid_to else l.valid_from end desc
        limit ${CHANGES_CAP}`,
  );
  const changes: PlanChange[] = [];
  for (const r of rows) {
    changes.push({
      at: r.valid_from,
      initiativeId: r.initiative_id,
      title: r.title,
      kind: r.has_predecessor ? 'reprioritised' : 'added',
      priority: r.priority,
      reason: r.reason,
      by: r.by_name,
    });
    if (r.closed && r.valid_to)
      changes.push({
        at: r.valid_to,
        initiativeId: r.initiative_id,
        title: r.title,
        kind: 'closed',
        priority: null,
        reason: r.close_reason,
        by: r.closed_by,
      });
  }
  // Newest first; at one instant, closings, then moves, then additions, each by priority.
  const rank = { closed: 0, reprioritised: 1, added: 2 } as const;
  changes.sort((a, b) => {
    if (a.at !== b.at) return a.at < b.at ? 1 : -1;
    if (a.kind !== b.kind) return rank[a.kind] - rank[b.kind];
    return (a.priority ?? 0) - (b.priority ?? 0);
  });
  return changes.slice(0, CHANGES_CAP);
}
