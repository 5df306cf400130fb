import { type Actor, authorize, scopeFor, scopeIdsAt } from '../../../shared/access/index.ts';
import type { SteeringReportSummary } from '../../../shared/contracts/steering-reports.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { REPORT_OWNER_KINDS } from './report-area.ts';
import * as repo from './steering-reports.repo.ts';

/**
 * Who may do anything with a report: `report.steering` covering its owner (the region's or
 * association's coordinators, national administrators). To everyone else a report does not exist.
 */

/** The owners whose reports the actor reads: null for all (national administrators). */
export function readableOwners(actor: Actor): string[] | null {
  const reporters = scopeFor(actor, 'report.steering');
  return reporters.national ? null : scopeIdsAt(reporters, REPORT_OWNER_KINDS);
}

export async function mayReport(db: Db, actor: Actor, ownerId: string) {
  return authorize(actor, 'report.steering', await requireOrgContext(db, ownerId));
}

/** The report if the actor may read it (404 otherwise); locked for the transaction with `lock`. */
export async function requireReport(
  db: Db,
  actor: Actor,
  id: string,
  opts: { lock?: boolean; snapshot?: boolean } = {},
) {
  const [row] = await repo.selectReports(db, {
    ownerIds: readableOwners(actor),
    id,
    lock: opts.lock ?? false,
    withSnapshot: opts.snapshot ?? false,
  });
  if (!row || !(await mayReport(db, actor, row.owner_id))) throw notFound();
  return row;
}

/** A draft locked for a change; 409 once issued, so an issued report is never written again. */
export async function requireDraft(tx: Db, actor: Actor, id: string) {
  const row = await requireReport(tx, actor, id, { lock: true });
  if (row.status !== 'draft') throw new AppError(409, 'report_issued');
  return row;
}

export function summaryOf(r: repo.ReportRow): SteeringReportSummary {
  return {
    id: r.id,
    status: r.status,
    title: r.title,
    diaryNumber: r.diary_number,
    organisation: { id: r.owner_id, name: r.owner_name, kind: r.owner_kind },
    network: r.network_id ? { id: r.network_id, name: r.network_name ?? '' } : null,
    from: r.period_from,
    to: r.period_to,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    issuedAt: r.issued_at,
  };
}
