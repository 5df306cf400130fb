import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../../shared/access/index.ts';
import type { AuditAction } from '../../../shared/contracts/audit.ts';
import {
  type ChecklistEntry,
  type CreateFunding,
  type CreateMilestone,
  type CreateRisk,
  type InitiativeLink,
  type InitiativePhase,
  phaseChecklists,
  type UpdateMilestone,
  type UpdateRisk,
} from '../../../shared/contracts/initiatives.ts';
import type { Db } from '../../db/client.ts';
import {
  initiativeChecklistItems,
  initiativeFunding,
  initiativeLinks,
  initiativeMilestones,
  initiativeRisks,
} from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { checkFundingLink } from '../funding-calls/funding-links.ts';
import { type InitiativeAccess, loadEditableInitiative } from './initiative-access.ts';
import { checklistEntries, fundingView, milestoneView, riskView } from './initiative-mappers.ts';
import * as repo from './initiatives.repo.ts';

/**
 * The parts of an initiative that its owner's people keep up to date: phase checklist ticks, milestones,
 * risks, documents and links, funding. Each write is authorised, audited and moves the initiative's
 * change time on, in one transaction.
 */

export async function putChecklistItem(
  db: Db,
  actor: Actor,
  params: { id: string; phase: InitiativePhase; itemKey: string },
  input: { done: boolean; note?: string | null | undefined },
): Promise<ChecklistEntry> {
  const access = await loadEditableInitiative(db, actor, params.id);
  if (!phaseChecklists[params.phase].some((i) => i.key === params.itemKey))
    throw new AppError(400, 'unknown_checklist_item', [
      { path: 'params.itemKey', code: 'unknown_checklist_item' },
    ]);
  const note = input.note || null;
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .insert(initiativeChecklistItems)
      .values({
        initiativeId: params.id,
        phase: params.phase,
        itemKey: params.itemKey,
        done: input.done,
        note,
        updatedBy: actor.userId,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [
          initiativeChecklistItems.initiativeId,
          initiativeChecklistItems.phase,
          initiativeChecklistItems.itemKey,
        ],
        set: { done: input.done, note, updatedBy: actor.userId, updatedAt: now },
      });
    await repo.touchInitiative(tx, params.id);
    await audit(tx, actor, access, 'initiative.checklist_updated', {
      phase: params.phase,
      itemKey: params.itemKey,
      done: input.done,
      note,
    });
  });
  const entries = checklistEntries(await repo.checklistOf(db, params.id));
  return entries.find((e) => e.phase === params.phase && e.itemKey === params.itemKey)!;
}

function audit(
  tx: Db,
  actor: Actor,
  access: InitiativeAccess,
  action: AuditAction,
  after: unknown,
  before?: unknown,
) {
  return recordAudit(tx, {
    actorId: actor.userId,
    action,
    entityType: 'initiative',
    entityId: access.id,
    organisationId: access.ownerOrganisationId,
    before: before ?? null,
    after,
  });
}

// --- Milestones, risks, links, funding ----------------------------------------------------------------

type ChildTable =
  | typeof initiativeMilestones
  | typeof initiativeRisks
  | typeof initiativeLinks
  | typeof initiativeFunding;

/** A child row of the initiative, or 404 (a child of another initiative is not found here). */
async function findChild<T extends ChildTable>(tx: Db, table: T, initiativeId: string, childId: string) {
  const [row] = await tx
    .select()
    .from(table as ChildTable)
    .where(and(eq(table.id, childId), eq(table.initiativeId, initiativeId)));
  if (!row) throw notFound();
  return row as T['$inferSelect'];
}

/** One write of a child: authorised, in a transaction, audited, the initiative's change time moved on. */
async function childWrite<R>(
  db: Db,
  actor: Actor,
  initiativeId: string,
  action: AuditAction,
  work: (tx: Db) => Promise<{ result: R; before?: unknown; after: unknown }>,
): Promise<R> {
  const access = await loadEditableInitiative(db, actor, initiativeId);
  return db.transaction(async (tx) => {
    const { result, before, after } = await work(tx);
    await repo.touchInitiative(tx, initiativeId);
    await audit(tx, actor, access, action, after, before);
    return result;
  });
}

export function addMilestone(db: Db, actor: Actor, id: string, input: z.output<typeof CreateMilestone>) {
  return childWrite(db, actor, id, 'initiative.milestone_added', async (tx) => {
    const [row] = await tx
      .insert(initiativeMilestones)
      .values({ initiativeId: id, title: input.title, dueOn: input.dueOn, doneOn: input.doneOn ?? null })
      .returning();
    const view = milestoneView(row!);
    return { result: view, after: view };
  });
}

export function updateMilestone(
  db: Db,
  actor: Actor,
  id: string,
  childId: string,
  input: z.output<typeof UpdateMilestone>,
) {
  return childWrite(db, actor, id, 'initiative.milestone_updated', async (tx) => {
    const before = milestoneView(await findChild(tx, initiativeMilestones, id, childId));
    const [row] = await tx
      .update(initiativeMilestones)
      .set({ title: input.title, dueOn: input.dueOn, doneOn: input.doneOn })
      .where(eq(initiativeMilestones.id, childId))
      .returning();
    const view = milestoneView(row!);
    return { result: view, before, after: view };
  });
}

export function deleteMilestone(db: Db, actor: Actor, id: string, childId: string) {
  return childWrite(db, actor, id, 'initiative.milestone_deleted', async (tx) => {
    const before = milestoneView(await findChild(tx, initiativeMilestones, id, childId));
    await tx.delete(initiativeMilestones).where(eq(initiativeMilestones.id, childId));
    return { result: undefined, before, after: null };
  });
}

export function addRisk(db: Db, actor: Actor, id: string, input: z.output<typeof CreateRisk>) {
  return childWrite(db, actor, id, 'initiative.risk_added', async (tx) => {
    const [row] = await tx
      .insert(initiativeRisks)
      .values({
        initiativeId: id,
        description: input.description,
        likelihood: input.likelihood,
        impact: input.impact,
        mitigation: input.mitigation || null,
        status: input.status,
      })
      .returning();
    const view = riskView(row!);
    return { result: view, after: view };
  });
}

export function updateRisk(
  db: Db,
  actor: Actor,
  id: string,
  childId: string,
  input: z.output<typeof UpdateRisk>,
) {
  return childWrite(db, actor, id, 'initiative.risk_updated', async (tx) => {
    const before = riskView(await findChild(tx, initiativeRisks, id, childId));
    const [row] = await tx
      .update(initiativeRisks)
      .set({
        description: input.description,
        likelihood: input.likelihood,
        impact: input.impact,
        mitigation: input.mitigation === undefined ? undefined : input.mitigation || null,
        status: input.status,
      })
      .where(eq(initiativeRisks.id, childId))
      .returning();
    const view = riskView(row!);
    return { result: view, before, after: view };
  });
}

export function deleteRisk(db: Db, actor: Actor, id: string, childId: string) {
  return childWrite(db, actor, id, 'initiative.risk_deleted', async (tx) => {
    const before = riskView(await findChild(tx, initiativeRisks, id, childId));
    await tx.delete(initiativeRisks).where(eq(initiativeRisks.id, childId));
    return { result: undefined, before, after: null };
  });
}

/** A web link, or a governing document on the platform (which every signed-in user may read). */
export async function addLink(
  db: Db,
  actor: Actor,
  id: string,
  input: { title: string; url?: string | undefined; documentId?: string | undefined },
): Promise<InitiativeLink> {
  await loadEditableInitiative(db, actor, id);
  if (input.documentId && !(await repo.documentExists(db, input.documentId)))
    throw new AppError(400, 'unknown_document', [{ path: 'body.documentId', code: 'unknown_document' }]);
  return childWrite(db, actor, id, 'initiative.link_added', async (tx) => {
    const [row] = await tx
      .insert(initiativeLinks)
      .values({
        initiativeId: id,
        title: input.title,
        url: input.url ?? null,
        documentId: input.documentId ?? null,
      })
      .returning();
    const [link] = (await repo.documentLinksOf(tx, id)).filter((l) => l.id === row!.id);
    const view: InitiativeLink = {
      id: row!.id,
      title: row!.title,
      url: row!.url,
      document: link?.document_id ? { id: link.document_id, title: link.document_title ?? link.title } : null,
    };
    return {
      result: view,
      after: { id: row!.id, title: row!.title, url: row!.url, documentId: row!.documentId },
    };
  });
}

export function deleteLink(db: Db, actor: Actor, id: string, childId: string) {
  return childWrite(db, actor, id, 'initiative.link_deleted', async (tx) => {
    const row = await findChild(tx, initiativeLinks, id, childId);
    await tx.delete(initiativeLinks).where(eq(initiativeLinks.id, childId));
    return {
      result: undefined,
      before: { id: row.id, title: row.title, url: row.url, documentId: row.documentId },
      after: null,
    };
  });
}

export function addFunding(db: Db, actor: Actor, id: string, input: CreateFunding) {
  return childWrite(db, actor, id, 'initiative.funding_added', async (tx) => {
    const link = await checkFundingLink(tx, id, input);
    const [row] = await tx
      .insert(initiativeFunding)
      .values({
        initiativeId: id,
        source: input.source,
        year: input.year,
        appliedSek: input.appliedSek ?? 0,
        grantedSek: input.grantedSek ?? 0,
        usedSek: input.usedSek ?? 0,
        note: input.note || null,
        ...link,
      })
      .returning();
    const view = fundingView(row!);
    return { result: view, after: view };
  });
}

export function updateFunding(
  db: Db,
  actor: Actor,
  id: string,
  childId: string,
  input: Partial<CreateFunding>,
) {
  return childWrite(db, actor, id, 'initiative.funding_updated', async (tx) => {
    const before = fundingView(await findChild(tx, initiativeFunding, id, childId));
    const link = await checkFundingLink(tx, id, { ...before, ...input });
    const [row] = await tx
      .update(initiativeFunding)
      .set({
        source: input.source,
        year: input.year,
        appliedSek: input.appliedSek,
        grantedSek: input.grantedSek,
        usedSek: input.usedSek,
        note: input.note === undefined ? undefined : input.note || null,
        ...link,
      })
      .where(eq(initiativeFunding.id, childId))
      .returning();
    const view = fundingView(row!);
    return { result: view, before, after: view };
  });
}

export function deleteFunding(db: Db, actor: Actor, id: string, childId: string) {
  return childWrite(db, actor, id, 'initiative.funding_deleted', async (tx) => {
    const before = fundingView(await findChild(tx, initiativeFunding, id, childId));
    await tx.delete(initiativeFunding).where(eq(initiativeFunding.id, childId));
    return { result: undefined, before, after: null };
  });
}
