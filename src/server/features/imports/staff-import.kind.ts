import { authorize } from '../../../shared/access/index.ts';
import { staffImportColumns, staffImportValues } from '../../../shared/contracts/imports.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { invitationMail } from '../mail/templates.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import { insertInvitationsBulk } from '../people/invitations.repo.ts';
import { INVITATION_DAYS } from '../people/invitations.service.ts';
import type { ImportKind } from './import-kind.ts';
import * as repo from './imports.repo.ts';
import type { StaffCsvRow } from './staff-csv.ts';

/** A row as kept in the job between preview and commit: parsed values plus where it goes and what happens. */
export interface StoredRow extends StaffCsvRow {
  organisationId: string | null;
  outcome: 'create' | 'update' | 'unchanged' | 'error';
}

export const IMPORT_BATCH_SIZE = 500;

/** People and their roles in a municipality or unit, from the staff list (issue 3). */
export const staffImportKind: ImportKind<StoredRow> = {
  kind: 'staff',
  allows: (actor, organisation) => authorize(actor, 'staff.import', organisation),
  columns: staffImportColumns,
  values: staffImportValues,
  batchSize: IMPORT_BATCH_SIZE,
  cells: (r) => ({ email: r.email, name: r.name, unit: r.unit, role: r.roleText ?? r.role }),
  extra: (r) => ({ email: r.email, name: r.name, unit: r.unit, role: r.roleText ?? r.role }),
  applyBatch,
};

/**
 * One batch in one transaction: upsert people by e-mail, add missing memberships, create invitations
 * for people without an account, and one audit entry per batch listing the people and memberships it
 * created (a per-row entry would make a 5,000-row import 10,000 audit rows). Re-running the same rows
 * changes nothing: e-mail is unique and memberships are insert-if-missing.
 */
async function applyBatch(
  ...[deps, actor, job, batch, record]: Parameters<ImportKind<StoredRow>['applyBatch']>
) {
  const org = await findOrganisation(deps.db, job.organisationId);
  const emails = batch.map((r) => r.email!);
  const mails = await deps.db.transaction(async (tx) => {
    const before = new Map((await repo.usersByEmail(tx, emails)).map((u) => [u.email, u]));
    await repo.upsertUsers(tx, batch);
    const after = new Map((await repo.usersByEmail(tx, emails)).map((u) => [u.email, u]));
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
    await record(tx, []);
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
  // After the commit: an instance dying between the two loses this batch's invitation mails (the
  // invitations stay and can be sent again from the member list); ADR 22.
  await deps.mailer.sendMany(mails);
}
