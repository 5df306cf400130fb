import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { ImportJob } from '../../../shared/contracts/imports.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { findOrganisation } from '../organisations/organisations.repo.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import type { PeopleDeps } from '../people/members.service.ts';
import { savePreview } from './import-pipeline.ts';
import * as repo from './imports.repo.ts';
import { parseStaffCsv } from './staff-csv.ts';
import { type StoredRow, staffImportKind } from './staff-import.kind.ts';

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

  return savePreview(
    deps.db,
    staffImportKind,
    { organisationId, actor, encoding: csv.encoding, delimiter: csv.delimiter, rows },
    lang,
  );
}
