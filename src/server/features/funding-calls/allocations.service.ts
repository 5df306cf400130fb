import { type Actor, requisitionsFor } from '../../../shared/access/index.ts';
import type {
  AllocationDetail,
  AllocationOverview,
  AllocationRow,
  FundingReport,
  KeyPreview,
  Requisition,
  SetAllocations,
} from '../../../shared/contracts/funding-calls.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './funding-calls.repo.ts';
import { loadVisibleCall, reachOf } from './funding-calls.service.ts';
import { readAllocationKey } from './funding-key-csv.ts';
import { assessAllocation, swedishToday } from './funding-risk.ts';

/**
 * Allocations of a call: the overview (the owners see every municipality, regional coordinators those
 * of their regions and associations, a municipality's coordinators only their own), the allocations the
 * owners enter or compute from a key file, and each municipality's requisition and report.
 */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function rowView(
  actor: Actor,
  call: repo.FundingCallRow,
  r: repo.AllocationDbRow,
  today: string,
): AllocationRow {
  const figures = {
    allocatedSek: Number(r.allocatedSek),
    requisitionedSek: Number(r.requisitionedSek),
    usedSek: Number(r.usedSek),
    reported: r.reportedAt !== null,
  };
  const own = requisitionsFor(actor, { id: r.municipalityId });
  const inTime = call.status === 'open' && today <= call.requisitionDeadline;
  const assessed = assessAllocation(figures, call, today);
  return {
    municipality: { id: r.municipalityId, code: r.code, name: r.name },
    keyValue: r.keyValue,
    allocatedSek: figures.allocatedSek,
    requisitionedSek: figures.requisitionedSek,
    usedSek: figures.usedSek,
    requisitionedAt: iso(r.requisitionedAt),
    reportedAt: iso(r.reportedAt),
    ...assessed,
    atRisk: assessed.riskReasons.length > 0,
    canRequisition: own && inTime && !figures.reported && figures.allocatedSek > 0,
    canReport: own && call.status !== 'draft' && figures.requisitionedSek > 0,
  };
}

export async function allocationOverview(db: Db, actor: Actor, id: string): Promise<AllocationOverview> {
  const { call, manages } = await loadVisibleCall(db, actor, id);
  const reach = manages
    ? { all: true, regionIds: [], associationIds: [], municipalityIds: [] }
    : reachOf(actor);
  const rows = await repo.allocations(db, id, reach);
  const today = swedishToday();
  const views = rows.map((r) => rowView(actor, call, r, today));
  const oversees = reach.all || reach.regionIds.length > 0 || reach.associationIds.length > 0;
  const sum = (f: (r: AllocationRow) => number) => views.reduce((a, r) => a + f(r), 0);
  return {
    callId: id,
    view: manages ? 'owner' : oversees ? 'region' : 'own',
    today,
    rows: views,
    totals: {
      municipalities: views.length,
      allocatedSek: sum((r) => r.allocatedSek),
      requisitionedSek: sum((r) => r.requisitionedSek),
      usedSek: sum((r) => r.usedSek),
      reported: views.filter((r) => r.status === 'reported').length,
      atRisk: views.filter((r) => r.atRisk).length,
      repaymentRiskSek: sum((r) => r.repaymentRiskSek),
    },
  };
}

/** One municipality's allocation with its report and the initiative funding rows it is used on. */
export async function allocationDetail(
  db: Db,
  actor: Actor,
  id: string,
  code: string,
): Promise<AllocationDetail> {
  const { call, manages } = await loadVisibleCall(db, actor, id);
  const municipality = await repo.municipalityByCode(db, code);
  if (!municipality) throw notFound();
  const reach = manages
    ? { all: true, regionIds: [], associationIds: [], municipalityIds: [] }
    : reachOf(actor);
  const [row] = await repo.allocations(db, id, reach, municipality.id);
  if (!row) throw notFound();
  const linked = await repo.linkedFunding(db, id, municipality.id);
  return {
    ...rowView(actor, call, row, swedishToday()),
    reportText: row.reportText,
    linkedFunding: linked.map((f) => ({
      id: f.id,
      initiative: { id: f.initiativeId, name: f.initiativeTitle },
      year: f.year,
      grantedSek: Number(f.grantedSek),
      usedSek: Number(f.usedSek),
      note: f.note,
    })),
  };
}

async function loadManagedCall(db: Db, actor: Actor, id: string) {
  const { call, manages } = await loadVisibleCall(db, actor, id);
  if (!manages) throw forbidden();
  return call;
}

/**
 * Writes a call's allocations in one transaction. An allocation may not fall below what the
 * municipality has already requisitioned, nor be removed then, and the sum may not pass the total.
 */
async function writeAllocations(
  db: Db,
  actor: Actor,
  call: repo.FundingCallRow,
  rows: { municipalityId: string; allocatedSek: number; keyValue: number | null }[],
  pathOf: (i: number) => string,
  source: 'entered' | 'key_file',
) {
  await db.transaction(async (tx) => {
    const before = await repo.currentAllocations(tx, call.id);
    const requisitioned = new Map(before.map((b) => [b.municipalityId, Number(b.requisitionedSek)]));
    const errors: FieldError[] = [];
    rows.forEach((r, i) => {
      if (r.allocatedSek < (requisitioned.get(r.municipalityId) ?? 0))
        errors.push({ path: pathOf(i), code: 'below_requisitioned' });
    });
    const kept = new Set(rows.map((r) => r.municipalityId));
    if (before.some((b) => !kept.has(b.municipalityId) && Number(b.requisitionedSek) > 0))
      errors.push({ path: 'body.allocations', code: 'requisitioned_allocation_removed' });
    if (rows.reduce((a, r) => a + r.allocatedSek, 0) > Number(call.totalSek))
      errors.push({ path: 'body.allocations', code: 'allocations_exceed_total' });
    if (errors.length) throw new AppError(400, 'validation_failed', errors);
    await repo.replaceAllocations(tx, call.id, rows);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'funding_call.allocations_set',
      entityType: 'funding_call',
      entityId: call.id,
      organisationId: call.ownerOrganisationId,
      before: {
        municipalities: before.length,
        allocatedSek: before.reduce((a, b) => a + Number(b.allocatedSek), 0),
      },
      after: {
        source,
        municipalities: rows.length,
        allocatedSek: rows.reduce((a, r) => a + r.allocatedSek, 0),
      },
    });
  });
}

export async function setAllocations(
  db: Db,
  actor: Actor,
  id: string,
  input: SetAllocations,
): Promise<AllocationOverview> {
  const call = await loadManagedCall(db, actor, id);
  const inScope = await repo.municipalitiesOf(db, { id: call.scopeOrganisationId, kind: call.scopeKind });
  const byCode = new Map(inScope.map((m) => [m.code, m]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const rows = input.allocations.flatMap((a, i) => {
    const m = byCode.get(a.municipalityCode);
    const path = `body.allocations.${i}.municipalityCode`;
    if (!m) {
      errors.push({ path, code: 'municipality_outside_call' });
      return [];
    }
    if (seen.has(m.id)) {
      errors.push({ path, code: 'duplicate_municipality' });
      return [];
    }
    seen.add(m.id);
    return [{ municipalityId: m.id, allocatedSek: a.allocatedSek, keyValue: a.keyValue ?? null }];
  });
  if (errors.length) throw new AppError(400, 'validation_failed', errors);
  await writeAllocations(db, actor, call, rows, (i) => `body.allocations.${i}.allocatedSek`, 'entered');
  return allocationOverview(db, actor, id);
}

/** Reads a key file and shares the call's total by it; writes it unless a dry run or anything is wrong. */
export async function uploadKey(
  db: Db,
  actor: Actor,
  id: string,
  buffer: Buffer,
  dryRun: boolean,
): Promise<KeyPreview> {
  const call = await loadManagedCall(db, actor, id);
  const [all, inScope] = await Promise.all([
    repo.municipalitiesOf(db, null),
    repo.municipalitiesOf(db, { id: call.scopeOrganisationId, kind: call.scopeKind }),
  ]);
  const preview = readAllocationKey(buffer, all, new Set(inScope.map((m) => m.id)), Number(call.totalSek));
  if (dryRun) return { ...preview, saved: false };
  if (preview.errors.length)
    throw new AppError(
      400,
      'funding_key_invalid',
      preview.errors.map((e) => ({ path: `file.line.${e.line}.${e.column}`, code: e.code })),
    );
  const rows = preview.rows.map((r) => ({
    municipalityId: r.municipality.id,
    allocatedSek: r.allocatedSek,
    keyValue: r.keyValue,
  }));
  await writeAllocations(
    db,
    actor,
    call,
    rows,
    (i) => `file.line.${preview.rows[i]!.line}.keyValue`,
    'key_file',
  );
  return { ...preview, saved: true };
}

/** The municipality's own coordinators act on its allocation; others learn nothing of it (404) or are refused. */
async function loadOwnAllocation(db: Db, actor: Actor, id: string, code: string) {
  const { call } = await loadVisibleCall(db, actor, id);
  const municipality = await repo.municipalityByCode(db, code);
  if (!municipality) throw notFound();
  if (!requisitionsFor(actor, municipality)) throw forbidden();
  return { call, municipality };
}

export async function requisition(
  db: Db,
  actor: Actor,
  id: string,
  code: string,
  input: Requisition,
): Promise<AllocationDetail> {
  const { call, municipality } = await loadOwnAllocation(db, actor, id, code);
  if (call.status !== 'open') throw new AppError(409, 'funding_call_not_open');
  if (swedishToday() > call.requisitionDeadline) throw new AppError(409, 'funding_requisition_closed');
  await db.transaction(async (tx) => {
    const current = await repo.lockAllocation(tx, id, municipality.id);
    if (!current) throw new AppError(409, 'funding_no_allocation');
    if (current.reportedAt) throw new AppError(409, 'funding_already_reported');
    if (input.amountSek > Number(current.allocatedSek))
      throw new AppError(400, 'validation_failed', [{ path: 'body.amountSek', code: 'above_allocation' }]);
    await repo.setRequisition(tx, id, municipality.id, {
      requisitionedSek: input.amountSek,
      requisitionedBy: actor.userId,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'funding_allocation.requisitioned',
      entityType: 'funding_call',
      entityId: id,
      organisationId: municipality.id,
      before: { requisitionedSek: Number(current.requisitionedSek) },
      after: { requisitionedSek: input.amountSek, allocatedSek: Number(current.allocatedSek) },
    });
  });
  return allocationDetail(db, actor, id, code);
}

export async function report(
  db: Db,
  actor: Actor,
  id: string,
  code: string,
  input: FundingReport,
): Promise<AllocationDetail> {
  const { call, municipality } = await loadOwnAllocation(db, actor, id, code);
  if (call.status === 'draft') throw new AppError(409, 'funding_call_not_open');
  await db.transaction(async (tx) => {
    const current = await repo.lockAllocation(tx, id, municipality.id);
    if (!current) throw new AppError(409, 'funding_no_allocation');
    if (Number(current.requisitionedSek) === 0) throw new AppError(409, 'funding_not_requisitioned');
    const linked = await repo.linkedFunding(tx, id, municipality.id);
    await repo.setReport(tx, id, municipality.id, { reportText: input.text, reportedBy: actor.userId });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'funding_allocation.reported',
      entityType: 'funding_call',
      entityId: id,
      organisationId: municipality.id,
      after: {
        requisitionedSek: Number(current.requisitionedSek),
        usedSek: linked.reduce((a, f) => a + Number(f.usedSek), 0),
        fundingRows: linked.map((f) => f.id),
      },
    });
  });
  return allocationDetail(db, actor, id, code);
}
