import { type SQL, sql } from 'drizzle-orm';
import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { SummaryScopeQuery } from '../../../shared/contracts/action-plans.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { requireReadablePlan } from './plan-access.ts';

export interface SummaryScope {
  kind: 'nation' | 'region' | 'association' | 'plan';
  /** Identifies the scope in a view-cache key. */
  key: string;
  name: string;
  /** A query of the ids of the initiatives in scope (one column, `id`). */
  initiatives: SQL;
}

/**
 * The initiatives a funding or benefits summary covers: those owned within a region (the region, its
 * municipalities and their units) or an association (it, its member municipalities and their units),
 * or those currently in a plan. The caller must cover the region or association with
 * `initiative.read` (403 otherwise) or be able to read the plan (404 otherwise); only national
 * administrators may leave the scope out, for the whole country.
 */
export async function resolveSummaryScope(db: Db, actor: Actor, q: SummaryScopeQuery): Promise<SummaryScope> {
  const given = [q.region, q.association, q.plan].filter((x) => x !== undefined);
  if (given.length > 1)
    throw badRequest('validation_failed', [{ path: 'querystring', code: 'one_scope_only' }]);
  if (q.plan) {
    const plan = await requireReadablePlan(db, actor, q.plan);
    return {
      kind: 'plan',
      key: `plan:${plan.id}`,
      name: plan.title,
      initiatives: sql`select initiative_id as id from action_plan_items
                       where plan_id = ${plan.id} and valid_to is null`,
    };
  }
  if (q.region || q.association) {
    const [org] = await queryRows<{ id: string; name: string }>(
      db,
      q.region
        ? sql`select id, name from organisations where kind = 'region' and code = ${q.region}`
        : sql`select id, name from organisations where kind = 'association' and id = ${q.association}`,
    );
    if (!org) throw notFound();
    if (!authorize(actor, 'initiative.read', await requireOrgContext(db, org.id))) throw forbidden();
    const area = q.region
      ? sql`select id from organisations where id = ${org.id} or parent_id = ${org.id}`
      : sql`select ${org.id}::uuid union all
            select municipality_id from association_members where association_id = ${org.id}`;
    return {
      kind: q.region ? 'region' : 'association',
      key: `org:${org.id}`,
      name: org.name,
      initiatives: sql`select i.id from initiatives i join organisations o on o.id = i.owner_organisation_id
                       where o.id in (${area}) or o.parent_id in (${area})`,
    };
  }
  if (!authorize(actor, 'initiative.read', null)) throw new AppError(400, 'scope_required');
  return { kind: 'nation', key: 'nation', name: 'Sverige', initiatives: sql`select id from initiatives` };
}
