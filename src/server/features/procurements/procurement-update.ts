import { sql } from 'drizzle-orm';
import type { Actor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { procurementPhases, type UpdateProcurement } from '../../../shared/contracts/procurements.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError, badRequest, notFound } from '../../lib/errors.ts';
import { swedishToday } from '../action-plans/plan-history.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './procurements.repo.ts';
import { getProcurement, ledProcurement } from './procurements.service.ts';

/**
 * The lead changes a procurement: its words, its phase, the planned dates, its status and the supplier
 * it was awarded to. Moving forward records today as the end of every earlier phase not yet ended;
 * moving back (a tender withdrawn, an award overturned) needs a reason, which the log keeps, and reopens
 * the phases from there on. A stale version is refused, so two coordinators never overwrite each other.
 */

function checkDates(input: UpdateProcurement) {
  const errors = (input.phases ?? []).flatMap((p, i) =>
    p.plannedStart && p.plannedEnd && p.plannedEnd < p.plannedStart
      ? [{ path: `body.phases.${i}.plannedEnd`, code: 'ends_before_start' }]
      : [],
  );
  if (errors.length) throw badRequest('validation_failed', errors);
}

async function checkSupplier(db: Db, supplierId: string | null | undefined) {
  if (!supplierId) return;
  const [row] = await queryRows<{ id: string }>(db, sql`select id from suppliers where id = ${supplierId}`);
  if (!row)
    throw badRequest('validation_failed', [{ path: 'body.awardedSupplierId', code: 'unknown_supplier' }]);
}

export async function updateProcurement(
  db: Db,
  actor: Actor,
  lang: UiLanguage,
  id: string,
  input: UpdateProcurement,
) {
  await ledProcurement(db, actor, id);
  checkDates(input);
  await checkSupplier(db, input.awardedSupplierId);
  await db.transaction(async (tx) => {
    const current = await repo.lockProcurement(tx, id);
    if (!current) throw notFound();
    if (current.version !== input.version)
      throw new AppError(409, 'procurement_version_conflict', [
        { path: 'body.version', code: 'procurement_version_conflict' },
      ]);
    const from = procurementPhases.indexOf(current.phase as (typeof procurementPhases)[number]);
    const to = input.phase ? procurementPhases.indexOf(input.phase) : from;
    if (to < from && !input.reason)
      throw badRequest('validation_failed', [{ path: 'body.reason', code: 'required' }]);
    if (to > from) {
      const ended = procurementPhases.slice(0, to);
      await tx.execute(sql`update procurement_phases set completed_on = ${swedishToday()}
        where procurement_id = ${id} and completed_on is null
          and phase in (${sql.join(
            ended.map((p) => sql`${p}`),
            sql`, `,
          )})`);
    } else if (to < from) {
      const reopened = procurementPhases.slice(to);
      await tx.execute(sql`update procurement_phases set completed_on = null
        where procurement_id = ${id} and phase in (${sql.join(
          reopened.map((p) => sql`${p}`),
          sql`, `,
        )})`);
    }
    for (const p of input.phases ?? [])
      await tx.execute(sql`update procurement_phases set planned_start = ${p.plannedStart}, planned_end = ${p.plannedEnd}
        where procurement_id = ${id} and phase = ${p.phase}`);
    const set = [
      input.title !== undefined ? sql`title = ${input.title}` : null,
      input.description !== undefined ? sql`description = ${input.description || null}` : null,
      input.phase !== undefined ? sql`phase = ${input.phase}` : null,
      input.status !== undefined ? sql`status = ${input.status}` : null,
      input.awardedSupplierId !== undefined ? sql`awarded_supplier_id = ${input.awardedSupplierId}` : null,
    ].filter((s) => s !== null);
    if (set.length) await tx.execute(sql`update procurements set ${sql.join(set, sql`, `)} where id = ${id}`);
    await repo.touch(tx, id);
    const { version: _v, ...after } = input;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'procurement.updated',
      entityType: 'procurement',
      entityId: id,
      organisationId: current.lead_organisation_id,
      before: { title: current.title, phase: current.phase, status: current.status },
      after,
    });
  });
  return getProcurement(db, actor, lang, id);
}
