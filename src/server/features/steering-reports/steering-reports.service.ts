import type { Actor } from '../../../shared/access/index.ts';
import {
  type CreateSteeringReport,
  daysBetween,
  MAX_PERIOD_DAYS,
  type ReportFigures,
  type SaveNarrative,
  type SteeringReport,
  type UpdateSteeringReport,
} from '../../../shared/contracts/steering-reports.ts';
import type { Db } from '../../db/client.ts';
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { mayReport, readableOwners, requireDraft, requireReport, summaryOf } from './report-access.ts';
import { areaOf, REPORT_OWNER_KINDS } from './report-area.ts';
import { buildSections, computeFigures } from './report-sections.ts';
import * as repo from './steering-reports.repo.ts';

/**
 * Steering-group reports (who may: `report-access.ts`). A report one may not read does not exist
 * (404); creating one for an organisation one does not cover is 403. A draft's figures
 * are computed on every read; issuing freezes figures and narrative into `snapshot`, after which
 * every write is 409 `report_issued`.
 */

interface Snapshot {
  figures: ReportFigures;
  narrative: Record<string, string>;
  figuresAt: string;
}

const areaFor = (db: Db, r: repo.ReportRow) =>
  areaOf(db, { id: r.owner_id, name: r.owner_name, kind: r.owner_kind, code: r.owner_code });

/** Live figures of a draft (as this reader may see them). */
async function liveFigures(db: Db, actor: Actor, r: repo.ReportRow) {
  return computeFigures(
    db,
    actor,
    await areaFor(db, r),
    { from: r.period_from, to: r.period_to },
    r.network_id,
  );
}

async function viewOf(db: Db, actor: Actor, r: repo.ReportRow): Promise<SteeringReport> {
  const frozen = r.status === 'issued' ? (r.snapshot as Snapshot) : null;
  const figures = frozen?.figures ?? (await liveFigures(db, actor, r));
  return {
    ...summaryOf(r),
    issuedBy: r.issued_by_name,
    figuresAt: frozen?.figuresAt ?? new Date().toISOString(),
    canEdit: r.status === 'draft',
    sections: buildSections(frozen?.narrative ?? r.narrative, figures),
  };
}

export async function getReport(db: Db, actor: Actor, id: string): Promise<SteeringReport> {
  return viewOf(db, actor, await requireReport(db, actor, id, { snapshot: true }));
}

export async function listReports(db: Db, actor: Actor, organisation?: string) {
  let owners = readableOwners(actor);
  if (organisation) {
    if (!(await repo.findOrganisation(db, organisation))) throw notFound();
    if (!(await mayReport(db, actor, organisation))) throw forbidden();
    owners = [organisation];
  } else if (owners && owners.length === 0) throw forbidden();
  return (await repo.selectReports(db, { ownerIds: owners })).map(summaryOf);
}

/** The period as a whole: from ≤ to, and at most three years; field errors name `field`'s prefix. */
function checkPeriod(from: string, to: string, prefix: string) {
  if (to < from)
    throw badRequest('validation_failed', [{ path: `${prefix}.to`, code: 'ends_before_starts' }]);
  if (daysBetween(from, to) > MAX_PERIOD_DAYS)
    throw badRequest('validation_failed', [{ path: `${prefix}.to`, code: 'period_too_long' }]);
}

export async function createReport(
  db: Db,
  actor: Actor,
  input: CreateSteeringReport,
): Promise<SteeringReport> {
  checkPeriod(input.from, input.to, 'body');
  const owner = await repo.findOrganisation(db, input.organisationId);
  if (!owner)
    throw badRequest('validation_failed', [{ path: 'body.organisationId', code: 'unknown_organisation' }]);
  if (!(await mayReport(db, actor, owner.id))) throw forbidden();
  if (!REPORT_OWNER_KINDS.has(owner.kind))
    throw badRequest('validation_failed', [{ path: 'body.organisationId', code: 'invalid_report_owner' }]);
  let network: { id: string; name: string } | null = null;
  if (input.networkId) {
    const found = await repo.findNetwork(db, input.networkId);
    if (found?.kind !== 'steering_group' || found.owner_id !== owner.id)
      throw badRequest('validation_failed', [{ path: 'body.networkId', code: 'not_owners_steering_group' }]);
    network = found;
  } else network = await repo.soleSteeringGroup(db, owner.id);
  const values = {
    ownerId: owner.id,
    networkId: network?.id ?? null,
    title: input.title ?? `Rapport från ${network?.name ?? 'styrgruppen'}`,
    diaryNumber: input.diaryNumber ?? null,
    from: input.from,
    to: input.to,
    narrative: {},
    by: actor.userId,
  };
  const id = await db.transaction(async (tx) => {
    const id = await repo.insertReport(tx, values);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'steering_report.created',
      entityType: 'steering_report',
      entityId: id,
      organisationId: owner.id,
      after: {
        title: values.title,
        diaryNumber: values.diaryNumber,
        from: values.from,
        to: values.to,
        networkId: values.networkId,
      },
    });
    return id;
  });
  return getReport(db, actor, id);
}

export async function updateReport(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateSteeringReport,
): Promise<SteeringReport> {
  await db.transaction(async (tx) => {
    const r = await requireDraft(tx, actor, id);
    const before = { title: r.title, diaryNumber: r.diary_number, from: r.period_from, to: r.period_to };
    const after = {
      title: input.title ?? r.title,
      diaryNumber: input.diaryNumber === undefined ? r.diary_number : input.diaryNumber,
      from: input.from ?? r.period_from,
      to: input.to ?? r.period_to,
    };
    checkPeriod(after.from, after.to, 'body');
    await repo.updateDetails(tx, id, { ...after, by: actor.userId });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'steering_report.updated',
      entityType: 'steering_report',
      entityId: id,
      organisationId: r.owner_id,
      before,
      after,
    });
  });
  return getReport(db, actor, id);
}

export async function saveNarrative(
  db: Db,
  actor: Actor,
  id: string,
  input: SaveNarrative,
): Promise<SteeringReport> {
  await db.transaction(async (tx) => {
    const r = await requireDraft(tx, actor, id);
    const changed = Object.entries(input.sections) as [string, string][];
    // Every section saved meanwhile by someone else is named, so the editor can offer each one's choice;
    // the save is all or nothing, so no section is half-written over.
    const stale = changed.filter(([key]) => {
      const base = input.base?.[key as keyof typeof input.base];
      return base !== undefined && base !== (r.narrative[key] ?? '');
    });
    if (stale.length)
      throw new AppError(
        409,
        'narrative_conflict',
        stale.map(([key]) => ({ path: `body.sections.${key}`, code: 'narrative_conflict' })),
      );
    const before = Object.fromEntries(changed.map(([k]) => [k, r.narrative[k] ?? '']));
    const next = { ...r.narrative, ...Object.fromEntries(changed) };
    await repo.updateNarrative(tx, id, next, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'steering_report.narrative_saved',
      entityType: 'steering_report',
      entityId: id,
      organisationId: r.owner_id,
      before,
      after: input.sections,
    });
  });
  return getReport(db, actor, id);
}

/** Freezes the figures as they are now, with the narrative, in the same transaction as the status. */
export async function issueReport(db: Db, actor: Actor, id: string): Promise<SteeringReport> {
  await db.transaction(async (tx) => {
    const r = await requireDraft(tx, actor, id);
    const snapshot: Snapshot = {
      figures: await liveFigures(tx, actor, r),
      narrative: r.narrative,
      figuresAt: new Date().toISOString(),
    };
    await repo.markIssued(tx, id, snapshot, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'steering_report.issued',
      entityType: 'steering_report',
      entityId: id,
      organisationId: r.owner_id,
      before: { status: 'draft' },
      after: { status: 'issued' },
    });
  });
  return getReport(db, actor, id);
}

export async function deleteReport(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await requireDraft(tx, actor, id);
    await repo.deleteReport(tx, id);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'steering_report.deleted',
      entityType: 'steering_report',
      entityId: id,
      organisationId: r.owner_id,
      before: { title: r.title, from: r.period_from, to: r.period_to, narrative: r.narrative },
    });
  });
}
