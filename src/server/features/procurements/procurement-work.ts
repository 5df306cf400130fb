import { sql } from 'drizzle-orm';
import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { AuditAction } from '../../../shared/contracts/audit.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type {
  AddChecklistItem,
  LinkSpecification,
  ProcurementLinks,
} from '../../../shared/contracts/procurements.ts';
import { type Db, queryRows } from '../../db/client.ts';
import {
  procurementChecklistItems,
  procurementInitiatives,
  procurementNeeds,
} from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { uuidList } from '../../lib/sql-lists.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadOrgContext } from '../organisations/organisations.repo.ts';
import { listRequirements } from '../requirements/requirements.repo.ts';
import { createSpecification } from '../requirements/specifications.service.ts';
import * as repo from './procurements.repo.ts';
import { getProcurement, ledProcurement } from './procurements.service.ts';

/**
 * The lead's work on a procurement: the checklist of each phase, the requirement specification (an
 * existing one of the lead organisation, or one built from the library through the requirements
 * feature's own `createSpecification`), and what it answers — initiatives and needs in the backlog.
 */

const audit = (
  tx: Db,
  actor: Actor,
  lead: string,
  id: string,
  action: AuditAction,
  after: Record<string, unknown>,
) =>
  recordAudit(tx, {
    actorId: actor.userId,
    action,
    entityType: 'procurement',
    entityId: id,
    organisationId: lead,
    after,
  });

export async function addChecklistItem(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  input: AddChecklistItem,
) {
  const row = await ledProcurement(db, actor, id);
  await db.transaction(async (tx) => {
    await repo.lockProcurement(tx, id);
    const [last] = await queryRows<{ n: number }>(
      tx,
      sql`select coalesce(max(position) + 1, 0)::int as n from procurement_checklist_items
          where procurement_id = ${id} and phase = ${input.phase}`,
    );
    await tx
      .insert(procurementChecklistItems)
      .values({ procurementId: id, phase: input.phase, label: input.label, position: last!.n });
    await repo.touch(tx, id);
    await audit(tx, actor, row.lead_id, id, 'procurement.checklist_changed', { added: input });
  });
  return getProcurement(db, actor, lang, id);
}

export async function tickChecklistItem(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  itemId: string,
  done: boolean,
) {
  const row = await ledProcurement(db, actor, id);
  await db.transaction(async (tx) => {
    const [item] = await queryRows<{ label: string }>(
      tx,
      sql`update procurement_checklist_items
          set done_at = ${done ? sql`coalesce(done_at, now())` : sql`null`}, done_by = ${done ? actor.userId : null}
          where id = ${itemId} and procurement_id = ${id} returning label`,
    );
    if (!item) throw notFound();
    await repo.touch(tx, id);
    await audit(tx, actor, row.lead_id, id, 'procurement.checklist_changed', { item: item.label, done });
  });
  return getProcurement(db, actor, lang, id);
}

/** One specification per procurement: linking another unlinks the one before. */
async function linkSpecificationTx(tx: Db, procurementId: string, specificationId: string) {
  await tx.execute(
    sql`update requirement_specifications set procurement_id = null
        where procurement_id = ${procurementId} and id <> ${specificationId}`,
  );
  await tx.execute(
    sql`update requirement_specifications set procurement_id = ${procurementId} where id = ${specificationId}`,
  );
}

export async function linkSpecification(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  input: LinkSpecification,
) {
  const row = await ledProcurement(db, actor, id);
  const [spec] = await queryRows<{ owner_organisation_id: string }>(
    db,
    sql`select owner_organisation_id from requirement_specifications where id = ${input.specificationId}`,
  );
  if (!spec || spec.owner_organisation_id !== row.lead_id)
    throw badRequest('validation_failed', [
      { path: 'body.specificationId', code: 'procurement_specification_not_lead' },
    ]);
  await db.transaction(async (tx) => {
    await repo.lockProcurement(tx, id);
    await linkSpecificationTx(tx, id, input.specificationId);
    await repo.touch(tx, id);
    await audit(tx, actor, row.lead_id, id, 'procurement.specification_linked', {
      specificationId: input.specificationId,
    });
  });
  return getProcurement(db, actor, lang, id);
}

/**
 * A specification for the procurement from the library: every requirement for its technology at its
 * current version, must-requirements first. The lead then edits it on the specification's own page.
 */
export async function buildSpecification(db: Db, actor: Actor, lang: UiLanguage, id: string) {
  const row = await ledProcurement(db, actor, id);
  const library = await listRequirements(db, lang, { technology: row.technology_key, limit: 399 }, null);
  const items = [...library]
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'must' ? -1 : 1))
    .map((r) => ({ requirementId: r.id, version: r.version, level: r.level }));
  await db.transaction(async (tx) => {
    await repo.lockProcurement(tx, id);
    const spec = await createSpecification(tx, actor, lang, {
      ownerId: row.lead_id,
      title: `Kravspecifikation: ${row.title}`.slice(0, 200),
      technologyKey: row.technology_key,
      introduction: row.description ?? '',
      items,
    });
    await linkSpecificationTx(tx, id, spec.id);
    await repo.touch(tx, id);
    await audit(tx, actor, row.lead_id, id, 'procurement.specification_linked', {
      specificationId: spec.id,
      built: true,
      items: items.length,
    });
  });
  return getProcurement(db, actor, lang, id);
}

/** Initiatives and needs the lead may name: ones that exist and that she may read. */
async function checkLinks(db: Db, actor: Actor, input: ProcurementLinks) {
  const [initiatives, needs] = await Promise.all([
    input.initiativeIds.length
      ? queryRows<{ id: string; org: string }>(
          db,
          sql`select id, owner_organisation_id as org from initiatives where id in (${uuidList(input.initiativeIds)})`,
        )
      : [],
    input.needIds.length
      ? queryRows<{ id: string }>(db, sql`select id from needs where id in (${uuidList(input.needIds)})`)
      : [],
  ]);
  const readable = new Set<string>();
  for (const i of initiatives) {
    const ctx = await loadOrgContext(db, i.org);
    if (ctx && authorize(actor, 'initiative.read', ctx)) readable.add(i.id);
  }
  const needIds = new Set(needs.map((n) => n.id));
  const errors = [
    ...input.initiativeIds.flatMap((x, n) =>
      readable.has(x) ? [] : [{ path: `body.initiativeIds.${n}`, code: 'procurement_unknown_initiative' }],
    ),
    ...input.needIds.flatMap((x, n) =>
      needIds.has(x) ? [] : [{ path: `body.needIds.${n}`, code: 'procurement_unknown_need' }],
    ),
  ];
  if (errors.length) throw badRequest('validation_failed', errors);
}

export async function replaceLinks(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  input: ProcurementLinks,
) {
  const row = await ledProcurement(db, actor, id);
  await checkLinks(db, actor, input);
  const initiativeIds = [...new Set(input.initiativeIds)];
  const needIds = [...new Set(input.needIds)];
  await db.transaction(async (tx) => {
    await repo.lockProcurement(tx, id);
    await tx.execute(sql`delete from procurement_initiatives where procurement_id = ${id}`);
    await tx.execute(sql`delete from procurement_needs where procurement_id = ${id}`);
    if (initiativeIds.length)
      await tx
        .insert(procurementInitiatives)
        .values(initiativeIds.map((initiativeId) => ({ procurementId: id, initiativeId })));
    if (needIds.length)
      await tx.insert(procurementNeeds).values(needIds.map((needId) => ({ procurementId: id, needId })));
    await repo.touch(tx, id);
    await audit(tx, actor, row.lead_id, id, 'procurement.links_changed', { initiativeIds, needIds });
  });
  return getProcurement(db, actor, lang, id);
}
