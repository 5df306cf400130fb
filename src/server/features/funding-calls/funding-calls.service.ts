import {
  type Actor,
  FUNDING_OWNER_KINDS,
  fundingOverseerAt,
  fundingRecipientAt,
  isNationalAdmin,
  managesFundingAt,
  managesFundingCall,
  usesFundingCalls,
} from '../../../shared/access/index.ts';
import type {
  CreateFundingCall,
  FundingCallList,
  FundingCallSummary,
  FundingCallView,
  UpdateFundingCall,
} from '../../../shared/contracts/funding-calls.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './funding-calls.repo.ts';

/**
 * Funding calls: the owners (a national administrator, or the coordinators of the call's own region)
 * create and manage them; everyone taking part in stimulus funds reads the calls that cover her.
 */

export function requireParticipant(actor: Actor) {
  if (!usesFundingCalls(actor)) throw forbidden();
}

/** Which allocation rows the actor sees of a call she does not own. */
export function reachOf(actor: Actor): repo.AllocationReach {
  const over = fundingOverseerAt(actor);
  return { all: false, ...over, municipalityIds: fundingRecipientAt(actor) };
}

const summary = (c: repo.FundingCallRow): FundingCallSummary => ({
  id: c.id,
  title: c.title,
  year: c.year,
  totalSek: Number(c.totalSek),
  allocationKey: c.allocationKey as FundingCallSummary['allocationKey'],
  status: c.status as FundingCallSummary['status'],
  requisitionDeadline: c.requisitionDeadline,
  reportingDeadline: c.reportingDeadline,
  owner: { id: c.ownerOrganisationId, name: c.ownerName, kind: c.ownerKind },
  scope: { id: c.scopeOrganisationId, name: c.scopeName, kind: c.scopeKind },
});

/** The organisations where the actor may create a call: the nation and her own regions. */
async function creatableAt(db: Db, actor: Actor) {
  const ids = actor.memberships
    .filter((m) => (FUNDING_OWNER_KINDS as readonly string[]).includes(m.organisationKind))
    .map((m) => m.organisationId)
    .filter((id) => managesFundingAt(actor, { id }));
  return (await repo.organisationsByIds(db, [...new Set(ids)])).map(({ id, name, kind }) => ({
    id,
    name,
    kind,
  }));
}

export async function listCalls(db: Db, actor: Actor): Promise<FundingCallList> {
  requireParticipant(actor);
  const reach = reachOf(actor);
  const regionIds = [...reach.regionIds, ...(await repo.regionsOf(db, reach.municipalityIds))];
  const ownerIds = actor.memberships
    .map((m) => m.organisationId)
    .filter((id) => managesFundingAt(actor, { id }));
  const rows = await repo.listCalls(db, { all: isNationalAdmin(actor), ownerIds, regionIds });
  return { items: rows.map(summary), canCreateAt: await creatableAt(db, actor) };
}

/**
 * The call, if the actor may see it: its owners always; others once it is opened, when it covers them
 * (a national call covers everyone taking part; a regional one the region's coordinators and municipalities).
 */
export async function loadVisibleCall(db: Db, actor: Actor, id: string) {
  requireParticipant(actor);
  const call = await repo.findCall(db, id);
  if (!call) throw notFound();
  if (managesFundingCall(actor, call)) return { call, manages: true };
  if (call.status === 'draft') throw notFound();
  if (call.scopeKind === 'nation') return { call, manages: false };
  const reach = reachOf(actor);
  const regions = [...reach.regionIds, ...(await repo.regionsOf(db, reach.municipalityIds))];
  if (regions.includes(call.scopeOrganisationId)) return { call, manages: false };
  // An association spanning counties sees a regional call if one of its municipalities has a share.
  if (
    reach.associationIds.length &&
    (await repo.allocations(db, id, { ...reach, municipalityIds: [] })).length
  )
    return { call, manages: false };
  throw notFound();
}

export async function getCall(db: Db, actor: Actor, id: string): Promise<FundingCallView> {
  const { call, manages } = await loadVisibleCall(db, actor, id);
  return {
    ...summary(call),
    description: call.description,
    allocatedSek: manages ? await repo.allocatedTotal(db, id) : 0,
    canManage: manages,
    createdAt: new Date(call.createdAt).toISOString(),
  };
}

const deadlineOrder = () =>
  new AppError(400, 'validation_failed', [
    { path: 'body.reportingDeadline', code: 'reporting_before_requisition' },
  ]);

export async function createCall(db: Db, actor: Actor, input: CreateFundingCall): Promise<FundingCallView> {
  requireParticipant(actor);
  const [scope] = await repo.organisationsByIds(db, [input.scopeOrganisationId]);
  if (!scope || !(FUNDING_OWNER_KINDS as readonly string[]).includes(scope.kind))
    throw new AppError(400, 'validation_failed', [
      { path: 'body.scopeOrganisationId', code: 'funding_owner_kind' },
    ]);
  if (!managesFundingAt(actor, scope)) throw forbidden();
  if (input.reportingDeadline < input.requisitionDeadline) throw deadlineOrder();
  const id = await db.transaction(async (tx) => {
    const callId = await repo.insertCall(tx, {
      title: input.title,
      description: input.description || null,
      ownerOrganisationId: scope.id,
      scopeOrganisationId: scope.id,
      year: input.year,
      totalSek: input.totalSek,
      allocationKey: input.allocationKey,
      requisitionDeadline: input.requisitionDeadline,
      reportingDeadline: input.reportingDeadline,
      status: 'draft',
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'funding_call.created',
      entityType: 'funding_call',
      entityId: callId,
      organisationId: scope.id,
      after: { ...input, description: input.description ?? null },
    });
    return callId;
  });
  return getCall(db, actor, id);
}

export async function updateCall(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateFundingCall,
): Promise<FundingCallView> {
  const { call, manages } = await loadVisibleCall(db, actor, id);
  if (!manages) throw forbidden();
  const requisitionDeadline = input.requisitionDeadline ?? call.requisitionDeadline;
  const reportingDeadline = input.reportingDeadline ?? call.reportingDeadline;
  if (reportingDeadline < requisitionDeadline) throw deadlineOrder();
  const before = {
    title: call.title,
    description: call.description,
    status: call.status,
    requisitionDeadline: call.requisitionDeadline,
    reportingDeadline: call.reportingDeadline,
  };
  const after = {
    title: input.title ?? call.title,
    description: input.description === undefined ? call.description : input.description || null,
    status: input.status ?? call.status,
    requisitionDeadline,
    reportingDeadline,
  };
  await db.transaction(async (tx) => {
    await repo.updateCall(tx, id, after);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'funding_call.updated',
      entityType: 'funding_call',
      entityId: id,
      organisationId: call.ownerOrganisationId,
      before,
      after,
    });
  });
  return getCall(db, actor, id);
}
