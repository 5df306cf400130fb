import { type Actor, authorizeOwn } from '../../../shared/access/index.ts';
import {
  type ActionPlanSummary,
  ActionPlanView,
  type CreateActionPlan,
  type UpdateActionPlan,
} from '../../../shared/contracts/action-plans.ts';
import type { Db } from '../../db/client.ts';
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { cachedView, type Snapshot } from '../../lib/view-cache.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadInitiativeAccess } from '../initiatives/initiative-access.ts';
import { INITIATIVE_VIEWS } from '../initiatives/initiative-views.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import * as repo from './action-plans.repo.ts';
import {
  PLAN_OWNER_KINDS,
  type PlanRow,
  requireEditablePlan,
  requireReadablePlan,
  selectVisiblePlans,
} from './plan-access.ts';
import { applyOrder, changesOf, currentItems, itemsAt, placeAt, swedishToday } from './plan-history.ts';

const canEdit = (actor: Actor, plan: PlanRow) =>
  authorizeOwn(actor, 'initiative.manage', { id: plan.owner_id });

function summaryOf(actor: Actor, p: PlanRow): ActionPlanSummary {
  return {
    id: p.id,
    title: p.title,
    owner: { id: p.owner_id, name: p.owner_name, kind: p.owner_kind },
    steeringGroup: p.steering_group_id
      ? { id: p.steering_group_id, name: p.steering_group_name ?? '' }
      : null,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    focusAreas: p.focus_areas,
    initiativeCount: p.initiative_count,
    canEdit: canEdit(actor, p),
  };
}

export async function listPlans(db: Db, actor: Actor): Promise<ActionPlanSummary[]> {
  return (await selectVisiblePlans(db, actor)).map((p) => summaryOf(actor, p));
}

/**
 * The plan now, or as it stood at the end of `at` (Swedish time): a date after today is refused, a
 * date before the plan existed gives an empty list.
 */
export async function getPlan(db: Db, actor: Actor, id: string, at?: string): Promise<ActionPlanView> {
  return computePlan(db, actor, await readablePlanAt(db, actor, id, at), at);
}

/** The plan on screen, from the per-process view cache (ADR 9); writes return `getPlan` afresh. */
export async function planView(
  db: Db,
  actor: Actor,
  id: string,
  at?: string,
): Promise<Snapshot<ActionPlanView>> {
  const plan = await readablePlanAt(db, actor, id, at);
  const key = `${INITIATIVE_VIEWS}plan|${id}|${at ?? ''}|${canEdit(actor, plan) ? 'edit' : 'read'}`;
  return cachedView(db, key, ActionPlanView, () => computePlan(db, actor, plan, at));
}

async function readablePlanAt(db: Db, actor: Actor, id: string, at?: string) {
  if (at && at > swedishToday())
    throw new AppError(400, 'date_in_future', [{ path: 'querystring.at', code: 'date_in_future' }]);
  return requireReadablePlan(db, actor, id);
}

async function computePlan(db: Db, actor: Actor, plan: PlanRow, at?: string): Promise<ActionPlanView> {
  const id = plan.id;
  const existed = !at || swedishToday(new Date(plan.created_at)) <= at;
  const [items, changes] = await Promise.all([
    existed ? itemsAt(db, id, at ?? null) : Promise.resolve([]),
    changesOf(db, id),
  ]);
  return {
    ...summaryOf(actor, plan),
    initiativeCount: at ? items.length : plan.initiative_count,
    description: plan.description,
    at: at ?? null,
    items,
    changes,
  };
}

async function checkSteeringGroup(db: Db, steeringGroupId: string | null | undefined, ownerId: string) {
  if (steeringGroupId && !(await repo.findSteeringGroup(db, steeringGroupId, ownerId)))
    throw badRequest('validation_failed', [{ path: 'body.steeringGroupId', code: 'invalid_steering_group' }]);
}

export async function createPlan(db: Db, actor: Actor, input: CreateActionPlan): Promise<ActionPlanView> {
  const owner = await findOrganisation(db, input.ownerOrganisationId);
  if (!owner)
    throw badRequest('validation_failed', [
      { path: 'body.ownerOrganisationId', code: 'unknown_organisation' },
    ]);
  if (!PLAN_OWNER_KINDS.has(owner.kind))
    throw badRequest('validation_failed', [{ path: 'body.ownerOrganisationId', code: 'invalid_plan_owner' }]);
  if (!authorizeOwn(actor, 'initiative.manage', owner)) throw forbidden();
  await checkSteeringGroup(db, input.steeringGroupId, owner.id);
  const values = {
    title: input.title,
    description: input.description ?? null,
    ownerOrganisationId: owner.id,
    steeringGroupId: input.steeringGroupId ?? null,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    focusAreas: input.focusAreas ?? [],
  };
  const id = await db.transaction(async (tx) => {
    const planId = await repo.insertPlan(tx, { ...values, createdBy: actor.userId });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'action_plan.created',
      entityType: 'action_plan',
      entityId: planId,
      organisationId: owner.id,
      after: values,
    });
    return planId;
  });
  return getPlan(db, actor, id);
}

export async function updatePlan(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateActionPlan,
): Promise<ActionPlanView> {
  await db.transaction(async (tx) => {
    await requireEditablePlan(tx, actor, id);
    const before = (await repo.findPlan(tx, id))!;
    const start = input.periodStart ?? before.periodStart;
    const end = input.periodEnd ?? before.periodEnd;
    if (end < start)
      throw badRequest('validation_failed', [{ path: 'body.periodEnd', code: 'ends_before_start' }]);
    const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    await repo.updatePlan(tx, id, values);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'action_plan.updated',
      entityType: 'action_plan',
      entityId: id,
      organisationId: before.ownerOrganisationId,
      before: Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof typeof before]])),
      after: values,
    });
  });
  return getPlan(db, actor, id);
}

/**
 * Puts an initiative into a locked plan at `priority` (last when left out), moving the others down.
 * Used by the plan itself and by prioritising a need (which has already authorised the caller).
 */
export async function addToLockedPlan(
  tx: Db,
  actor: Actor,
  plan: Pick<PlanRow, 'id' | 'owner_id'>,
  initiativeId: string,
  priority: number | undefined,
  reason: string | null,
) {
  const current = await currentItems(tx, plan.id);
  if (current.some((c) => c.initiative_id === initiativeId))
    throw new AppError(409, 'already_in_plan', [{ path: 'body.initiativeId', code: 'already_in_plan' }]);
  const order = placeAt(
    current.map((c) => c.initiative_id),
    initiativeId,
    priority,
  );
  await applyOrder(tx, plan.id, current, { initiativeId, order, reason, by: actor.userId });
  const newPriority = order.indexOf(initiativeId) + 1;
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'action_plan.item_added',
    entityType: 'action_plan',
    entityId: plan.id,
    organisationId: plan.owner_id,
    after: { initiativeId, priority: newPriority, reason },
  });
  return newPriority;
}

export async function addItem(
  db: Db,
  actor: Actor,
  planId: string,
  input: { initiativeId: string; priority?: number | undefined; reason?: string | undefined },
): Promise<ActionPlanView> {
  await db.transaction(async (tx) => {
    const plan = await requireEditablePlan(tx, actor, planId);
    let initiative: Awaited<ReturnType<typeof loadInitiativeAccess>>;
    try {
      initiative = await loadInitiativeAccess(tx, actor, input.initiativeId);
    } catch (err) {
      if (err instanceof AppError && err.status === 404)
        throw new AppError(404, 'not_found', [{ path: 'body.initiativeId', code: 'not_found' }]);
      throw err;
    }
    // The initiative must be the plan owner's own, or owned within its area (a region's
    // municipalities and their units, an association's members).
    const ownerCtx = await requireOrgContext(tx, initiative.ownerOrganisationId);
    const withinScope =
      ownerCtx.lineage.includes(plan.owner_id) || ownerCtx.associationIds.includes(plan.owner_id);
    if (!withinScope)
      throw badRequest('validation_failed', [{ path: 'body.initiativeId', code: 'initiative_outside_plan' }]);
    await addToLockedPlan(tx, actor, plan, input.initiativeId, input.priority, input.reason ?? null);
  });
  return getPlan(db, actor, planId);
}

export async function moveItem(
  db: Db,
  actor: Actor,
  planId: string,
  initiativeId: string,
  input: { priority: number; reason?: string | undefined },
): Promise<ActionPlanView> {
  await db.transaction(async (tx) => {
    const plan = await requireEditablePlan(tx, actor, planId);
    const current = await currentItems(tx, planId);
    const item = current.find((c) => c.initiative_id === initiativeId);
    if (!item) throw notFound();
    const order = placeAt(
      current.map((c) => c.initiative_id),
      initiativeId,
      input.priority,
    );
    const newPriority = order.indexOf(initiativeId) + 1;
    if (newPriority === item.priority) return;
    await applyOrder(tx, planId, current, {
      initiativeId,
      order,
      reason: input.reason ?? null,
      by: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'action_plan.item_moved',
      entityType: 'action_plan',
      entityId: planId,
      organisationId: plan.owner_id,
      before: { initiativeId, priority: item.priority },
      after: { initiativeId, priority: newPriority, reason: input.reason ?? null },
    });
  });
  return getPlan(db, actor, planId);
}

export async function closeItem(
  db: Db,
  actor: Actor,
  planId: string,
  initiativeId: string,
  reason: string | null,
): Promise<ActionPlanView> {
  await db.transaction(async (tx) => {
    const plan = await requireEditablePlan(tx, actor, planId);
    const current = await currentItems(tx, planId);
    const item = current.find((c) => c.initiative_id === initiativeId);
    if (!item) throw notFound();
    const order = current.map((c) => c.initiative_id).filter((x) => x !== initiativeId);
    const { closedRowId } = await applyOrder(tx, planId, current, {
      initiativeId,
      order,
      reason,
      by: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'action_plan.item_closed',
      entityType: 'action_plan_item',
      entityId: closedRowId,
      organisationId: plan.owner_id,
      before: { planId, initiativeId, priority: item.priority },
      after: { reason },
    });
  });
  return getPlan(db, actor, planId);
}
