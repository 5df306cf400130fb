import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { ImportJob, ImportRowResult } from '../../../shared/contracts/imports.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { invitationMail } from '../mail/templates.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import { insertInvitationsBulk } from '../people/invitations.repo.ts';
import { INVITATION_DAYS } from '../people/invitations.service.ts';
import type { PeopleDeps } from '../people/members.service.ts';
import * as repo from './imports.repo.ts';
import { rowError } from './row-messages.ts';
import { parseStaffCsv, type StaffCsvRow } from './staff-csv.ts';

/** A row as kept in the job between preview and commit: parsed values plus where it goes and what happens. */
export interface StoredRow extends StaffCsvRow {
  organisationId: string | null;
  outcome: ImportRowResult['outcome'];
}

export const IMPORT_BATCH_SIZE = 500;

/** Parses and checks the file against the database without changing any person: the preview. */
export async function previewStaffImport(
  deps: PeopleDeps,
  actor: Actor,
  organisationId: string,
  file: Buffer,
  lang: UiLanguage,
): Promise<ImportJob> {
  const ctx = await requireOrgContext(deps.db, organisationId);
  if (!authorize(actor, 'staff.import', ctx)) throw forbidden();
  const target = (await findOrganisation(deps.db, organisationId))!;
  if (target.kind !== 'municipality' && target.kind !== 'unit') {
    throw new AppError(400, 'invalid_parent', [
      { path: 'querystring.organisationId', code: 'invalid_parent' },
    ]);
  }
  const csv = parseStaffCsv(file);
  const municipalityId = target.kind === 'unit' ? target.parentId! : target.id;
  const units = new Map(
    (await repo.unitsOf(deps.db, municipalityId)).map((u) => [u.name.toLocaleLowerCase('sv'), u.id]),
  );

  const validEmails = csv.rows.filter((r) => r.errors.length === 0).map((r) => r.email!);
  const existing = new Map((await repo.usersByEmail(deps.db, validEmails)).map((u) => [u.email, u]));
  const held = new Set(
    (
      await repo.membershipsOf(
        deps.db,
        [...existing.values()].map((u) => u.id),
      )
    ).map((m) => `${m.userId}/${m.organisationId}/${m.role}`),
  );

  const rows: StoredRow[] = csv.rows.map((row) => {
    const errors = [...row.errors];
    let orgId: string | null = target.id;
    if (target.kind === 'municipality' && row.unit) {
      orgId = units.get(row.unit.toLocaleLowerCase('sv')) ?? null;
      if (!orgId) errors.push({ column: 'unit', code: 'unknown_unit', header: csv.headers.unit! });
    }
    const user = row.email ? existing.get(row.email) : undefined;
    if (user?.status === 'disabled')
      errors.push({ column: 'email', code: 'conflict', header: csv.headers.email! });
    let outcome: StoredRow['outcome'] = 'create';
    if (errors.length) outcome = 'error';
    else if (user) {
      const hasRole = held.has(`${user.id}/${orgId}/${row.role}`);
      const profileChanges =
        user.status === 'invited' &&
        (user.name !== row.name ||
          user.preferredLanguage !== row.language ||
          (row.gender !== null && user.gender !== row.gender));
      outcome = hasRole && !profileChanges ? 'unchanged' : 'update';
    }
    return { ...row, errors, organisationId: orgId, outcome };
  });

  const job = await repo.insertJob(deps.db, {
    organisationId,
    createdBy: actor.userId,
    status: 'preview',
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    total: rows.length,
    created: rows.filter((r) => r.outcome === 'create').length,
    updated: rows.filter((r) => r.outcome === 'update').length,
    unchanged: rows.filter((r) => r.outcome === 'unchanged').length,
    failed: rows.filter((r) => r.outcome === 'error').length,
    rows,
  });
  return toContract(job, lang);
}

/** Starts importing the valid rows of a previewed job in the background; poll `getImport` for progress. */
export async function commitStaffImport(deps: PeopleDeps, actor: Actor, jobId: string, lang: UiLanguage) {
  const job = await loadAuthorised(deps.db, actor, jobId);
  if (job.status !== 'preview') throw new AppError(409, 'import_not_preview');
  const valid = (job.rows as StoredRow[]).filter((r) => r.outcome !== 'error');
  if (valid.length === 0) throw new AppError(400, 'import_has_no_valid_rows');
  if (!(await repo.startJob(deps.db, jobId))) throw new AppError(409, 'import_not_preview');
  const running = { ...job, status: 'running' as const, processed: job.total - valid.length };
  void runImport(deps, actor, running).catch(async (err) => {
    console.error('staff import failed', err);
    await repo.updateJob(deps.db, jobId, { status: 'failed', finishedAt: new Date() }).catch(() => undefined);
  });
  return toContract(running, lang);
}

export async function getImport(db: Db, actor: Actor, jobId: string, lang: UiLanguage) {
  return toContract(await loadAuthorised(db, actor, jobId), lang);
}

async function loadAuthorised(db: Db, actor: Actor, jobId: string) {
  const job = await repo.findJob(db, jobId);
  if (!job) throw new AppError(404, 'import_not_found');
  const ctx = await requireOrgContext(db, job.organisationId);
  if (!authorize(actor, 'staff.import', ctx)) throw new AppError(404, 'import_not_found');
  return job;
}

/**
 * Imports in batches of IMPORT_BATCH_SIZE, one transaction each: upsert people by e-mail, add missing
 * memberships, create invitations for people without an account, and one audit entry per batch listing
 * the people and memberships it created (a per-row entry would make a 5,000-row import 10,000 audit rows).
 * Re-running the same rows changes nothing: e-mail is unique and memberships are insert-if-missing.
 */
async function runImport(deps: PeopleDeps, actor: Actor, job: repo.ImportJobRow) {
  const valid = (job.rows as StoredRow[]).filter((r) => r.outcome !== 'error');
  const org = await findOrganisation(deps.db, job.organisationId);
  // Rows with errors are skipped, so they count as handled from the start: a finished job reads total/total.
  let processed = job.total - valid.length;
  await repo.updateJob(deps.db, job.id, { processed });
  for (let i = 0; i < valid.length; i += IMPORT_BATCH_SIZE) {
    const batch = valid.slice(i, i + IMPORT_BATCH_SIZE);
    const mails = await deps.db.transaction(async (tx) => {
      const before = new Map(
        (
          await repo.usersByEmail(
            tx,
            batch.map((r) => r.email!),
          )
        ).map((u) => [u.email, u]),
      );
      await repo.upsertUsers(tx, batch);
      const after = new Map(
        (
          await repo.usersByEmail(
            tx,
            batch.map((r) => r.email!),
          )
        ).map((u) => [u.email, u]),
      );
      const added = await repo.insertMemberships(
        tx,
        batch.map((r) => ({
          userId: after.get(r.email!)!.id,
          organisationId: r.organisationId!,
          role: r.role,
        })),
      );
      const newPeople = batch.filter((r) => !before.has(r.email!));
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      const invites = newPeople.map((r) => ({ row: r, token: newToken(), userId: after.get(r.email!)!.id }));
      await insertInvitationsBulk(
        tx,
        invites.map((inv) => ({
          tokenHash: hashToken(inv.token),
          userId: inv.userId,
          organisationId: inv.row.organisationId!,
          role: inv.row.role,
          invitedBy: actor.userId,
          expiresAt,
        })),
      );
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'import.batch',
        entityType: 'import',
        entityId: job.id,
        organisationId: job.organisationId,
        after: {
          rows: batch.length,
          createdUserIds: invites.map((inv) => inv.userId),
          membershipsAdded: added.length,
        },
      });
      return invites.map((inv) =>
        invitationMail({
          to: inv.row.email!,
          name: inv.row.name!,
          organisationName: org?.name ?? '',
          role: inv.row.role,
          link: `${deps.config.publicUrl}/inbjudan/${inv.token}`,
          lang: inv.row.language,
          days: INVITATION_DAYS,
        }),
      );
    });
    await deps.mailer.sendMany(mails);
    processed += batch.length;
    await repo.updateJob(deps.db, job.id, { processed });
  }
  await repo.updateJob(deps.db, job.id, { status: 'done', processed, finishedAt: new Date() });
}

function toContract(job: repo.ImportJobRow, lang: UiLanguage): ImportJob {
  const rows = job.rows as StoredRow[];
  const shown = job.status === 'preview' ? rows : rows.filter((r) => r.outcome === 'error');
  return {
    id: job.id,
    organisationId: job.organisationId,
    status: job.status,
    encoding: job.encoding,
    delimiter: job.delimiter,
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
    rows: shown.map((r) => ({
      line: r.line,
      email: r.email,
      name: r.name,
      unit: r.unit,
      role: r.roleText ?? r.role,
      outcome: r.outcome,
      errors: r.errors.map((e) => rowError(e, lang)),
    })),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
