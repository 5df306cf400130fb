import { type SQL, sql } from 'drizzle-orm';
import { type Actor, authorizeOwn, scopeFor, scopeIdsAt } from '../../../shared/access/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { uuidList } from '../../lib/sql-lists.ts';

/** The organisation kinds that own action plans. */
export const PLAN_OWNER_KINDS = new Set(['municipality', 'region', 'association']);

/**
 * Who may read a plan, as one SQL condition on the plan's owner (`owner_id`, an organisations row
 * aliased `po`) so that lists filter in the database. A person with `initiative.read`
 *  1. whose role covers the owner: held at the owner, at its region or the nation, or at an association
 *     the (municipal) owner is a member of;
 *  2. coordinating a municipality within a region's or association's plan owner: the region's
 *     municipalities, the association's members — they take part in the shared plan.
 * National administrators read every plan.
 */
export function planVisibleTo(actor: Actor, owner: SQL = sql`po`): SQL | undefined {
  const readers = scopeFor(actor, 'initiative.read');
  if (readers.national) return undefined;
  const orgIds = readers.organisationIds;
  if (orgIds.length === 0) return sql`false`;
  const associations = scopeIdsAt(readers, ['association']);
  const municipalities = scopeIdsAt(readers, ['municipality']);
  const conditions: SQL[] = [
    sql`${owner}.id in (${uuidList(orgIds)})`,
    sql`${owner}.parent_id in (${uuidList(orgIds)})`,
    sql`exists (select 1 from organisations opp where opp.id = ${owner}.parent_id and opp.parent_id in (${uuidList(orgIds)}))`,
  ];
  if (associations.length)
    conditions.push(
      sql`exists (select 1 from association_members am where am.municipality_id = ${owner}.id
            and am.association_id in (${uuidList(associations)}))`,
    );
  if (municipalities.length)
    conditions.push(
      sql`exists (select 1 from organisations cm where cm.id in (${uuidList(municipalities)})
            and (cm.parent_id = ${owner}.id or exists (select 1 from association_members cam
              where cam.association_id = ${owner}.id and cam.municipality_id = cm.id)))`,
    );
  return sql`(${sql.join(conditions, sql` or `)})`;
}

export interface PlanRow {
  id: string;
  title: string;
  description: string | null;
  owner_id: string;
  owner_name: string;
  owner_kind: string;
  owner_code: string | null;
  steering_group_id: string | null;
  steering_group_name: string | null;
  period_start: string;
  period_end: string;
  focus_areas: string[];
  created_at: string;
  initiative_count: number;
}

/** The plans the actor may read, with or without an id filter. */
export async function selectVisiblePlans(
  db: Db,
  actor: Actor,
  filter: { id?: string } = {},
): Promise<PlanRow[]> {
  const visible = planVisibleTo(actor);
  const where = sql.join(
    [filter.id ? sql`p.id = ${filter.id}` : sql`true`, visible ?? sql`true`],
    sql` and `,
  );
  return queryRows<PlanRow>(
    db,
    sql`select p.id, p.title, p.description, po.id as owner_id, po.name as owner_name, po.kind as owner_kind,
               po.code as owner_code, p.steering_group_id, n.name as steering_group_name,
               p.period_start::text as period_start, p.period_end::text as period_end, p.focus_areas,
               to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
               (select count(*)::int from action_plan_items i where i.plan_id = p.id and i.valid_to is null)
                 as initiative_count
        from action_plans p
        join organisations po on po.id = p.owner_organisation_id
        left join networks n on n.id = p.steering_group_id
        where ${where}
        order by p.period_start desc, p.title
        limit 500`,
  );
}

/** The plan if the actor may read it; 404 otherwise, so that its existence stays private. */
export async function requireReadablePlan(db: Db, actor: Actor, id: string): Promise<PlanRow> {
  const [row] = await selectVisiblePlans(db, actor, { id });
  if (!row) throw notFound();
  return row;
}

/**
 * The plan for a change of its list or details: readable (else 404), its owner's own people
 * (`initiative.manage` at the owner itself, else 403). The plan row is locked for the rest of the
 * transaction, so that two coordinators reprioritising at once take turns and priorities stay dense.
 */
export async function requireEditablePlan(tx: Db, actor: Actor, id: string): Promise<PlanRow> {
  const plan = await requireReadablePlan(tx, actor, id);
  if (!authorizeOwn(actor, 'initiative.manage', { id: plan.owner_id })) throw forbidden();
  await lockPlan(tx, id);
  return plan;
}

export async function lockPlan(tx: Db, id: string) {
  await queryRows(tx, sql`select id from action_plans where id = ${id} for update`);
}
