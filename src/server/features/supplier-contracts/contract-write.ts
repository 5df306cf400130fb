import type { Actor } from '../../../shared/access/index.ts';
import type { ContractInput, ContractWriteSource } from '../../../shared/contracts/supplier-contracts.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type FieldError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { resolveTechnologies } from '../suppliers/suppliers.service.ts';
import * as repo from './supplier-contracts.repo.ts';

/**
 * The two writes of a contract, shared by the register's form, the Excel import (features/imports) and
 * a joint procurement's award (features/procurements). Each runs inside the caller's transaction
 * (`tx`), checks what the contract refers to, writes the row with its technologies, products and
 * extension options, one `contract_history` row with the fields changed (from → to) and the audit
 * entry. Callers authorise first (`writesContractsOf`); the input has passed `ContractInput` (the
 * cross-field rules). Refusals are 400s whose field paths start with `body.` (`body.supplierId`,
 * `body.technologies.2`, `body.productIds.0`, `body.responsibleUserId`, `body.externalRef`).
 */

export interface ContractWriteOptions {
  /** The joint procurement the contract resulted from (source `procurement`). */
  procurementId?: string | null;
}

export interface ContractWriteResult {
  id: string;
  version: number;
  /** False when an update changed nothing (an idempotent re-import): no history, no audit. */
  changed: boolean;
}

const invalid = (errors: FieldError[]) => new AppError(400, 'validation_failed', errors);

/** The comparable state of a contract, for history (from → to) and audit. */
type Snapshot = Record<string, unknown>;

function snapshotOf(input: ContractInput, procurementId: string | null): Snapshot {
  return {
    supplierId: input.supplierId,
    title: input.title,
    externalRef: input.externalRef ?? null,
    procurementForm: input.procurementForm,
    frameworkName: input.frameworkName ?? null,
    procurementId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    noticeMonths: input.noticeMonths ?? null,
    annualValueSek: input.annualValueSek ?? null,
    technologies: [...new Set(input.technologies)].sort(),
    productIds: [...new Set(input.productIds)].sort(),
    extensions: input.extensions.map((e) => ({ months: e.months, decideBy: e.decideBy, status: e.status })),
    responsibleUserId: input.responsibleUserId ?? null,
    notes: input.notes ?? null,
  };
}

function diff(before: Snapshot | null, after: Snapshot): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(after)) {
    const from = before ? (before[k] ?? null) : null;
    if (JSON.stringify(from) !== JSON.stringify(to) && !(before === null && to === null))
      changes[k] = { from, to };
  }
  return changes;
}

/**
 * The audit keeps which fields changed, not the annual value itself: the value is the municipality's,
 * its region's and associations' to see, and the audit log has other readers.
 */
const auditView = (changes: Record<string, unknown>) => ({
  fields: Object.keys(changes).sort(),
  ...Object.fromEntries(Object.entries(changes).filter(([k]) => k !== 'annualValueSek')),
});

/** Checks what the input refers to; returns the technology ids. Throws a 400 naming each bad field. */
async function checkReferences(tx: Db, municipalityId: string, input: ContractInput, contractId?: string) {
  const errors: FieldError[] = [];
  const supplier = await repo.findSupplierState(tx, input.supplierId);
  if (!supplier) errors.push({ path: 'body.supplierId', code: 'unknown_supplier' });
  else if (supplier.mergedInto) errors.push({ path: 'body.supplierId', code: 'supplier_merged' });
  if (supplier && !supplier.mergedInto && input.productIds.length) {
    const own = await repo.productsOfSupplier(tx, supplier.id, input.productIds);
    input.productIds.forEach((id, i) => {
      if (!own.has(id)) errors.push({ path: `body.productIds.${i}`, code: 'product_not_of_supplier' });
    });
  }
  if (input.responsibleUserId && !(await repo.userExists(tx, input.responsibleUserId)))
    errors.push({ path: 'body.responsibleUserId', code: 'unknown_user' });
  if (input.externalRef && (await repo.externalRefHolder(tx, municipalityId, input.externalRef, contractId)))
    throw new AppError(409, 'external_ref_taken', [{ path: 'body.externalRef', code: 'external_ref_taken' }]);
  let technologyIds: string[] = [];
  try {
    technologyIds = await resolveTechnologies(tx, input.technologies, 'body.technologies');
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    errors.push(...err.fieldErrors);
  }
  if (errors.length) throw invalid(errors);
  return technologyIds;
}

const columnsOf = (input: ContractInput) => ({
  supplierId: input.supplierId,
  title: input.title,
  externalRef: input.externalRef ?? null,
  procurementForm: input.procurementForm,
  frameworkName: input.frameworkName ?? null,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  noticeMonths: input.noticeMonths ?? null,
  annualValueSek: input.annualValueSek ?? null,
  responsibleUserId: input.responsibleUserId ?? null,
  notes: input.notes ?? null,
});

const extensionsOf = (input: ContractInput) =>
  input.extensions.map((e) => ({ months: e.months, decideBy: e.decideBy, status: e.status }));

export async function createContract(
  tx: Db,
  actor: Actor,
  municipalityId: string,
  input: ContractInput,
  source: ContractWriteSource,
  options: ContractWriteOptions = {},
): Promise<ContractWriteResult> {
  const technologyIds = await checkReferences(tx, municipalityId, input);
  const procurementId = options.procurementId ?? null;
  const row = await repo.insertContract(tx, {
    municipalityId,
    ...columnsOf(input),
    procurementId,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  });
  await repo.replaceParts(tx, row.id, {
    technologyIds,
    productIds: input.productIds,
    extensions: extensionsOf(input),
  });
  const changes = diff(null, snapshotOf(input, procurementId));
  await repo.insertHistory(tx, {
    contractId: row.id,
    action: source === 'import' ? 'imported' : 'created',
    changes,
    changedBy: actor.userId,
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'contract.created',
    entityType: 'contract',
    entityId: row.id,
    organisationId: municipalityId,
    after: { source, ...auditView(changes) },
  });
  return { id: row.id, version: row.version, changed: true };
}

/**
 * Replaces a contract's fields and lists with the input. `expectedVersion` is the version the change was
 * made from (the form's): another is a 409. The import passes null (its row key is the contract
 * number). An update that changes nothing writes nothing.
 */
export async function updateContract(
  tx: Db,
  actor: Actor,
  contractId: string,
  input: ContractInput,
  expectedVersion: number | null,
  source: ContractWriteSource,
  options: ContractWriteOptions = {},
): Promise<ContractWriteResult> {
  const current = await repo.findContract(tx, contractId, true);
  if (!current) throw notFound();
  if (expectedVersion !== null && expectedVersion !== current.version)
    throw new AppError(409, 'contract_version_conflict', [
      { path: 'body.version', code: 'contract_version_conflict' },
    ]);
  const technologyIds = await checkReferences(tx, current.municipalityId, input, contractId);
  const parts = await repo.contractParts(tx, contractId);
  const procurementId =
    options.procurementId === undefined ? current.procurementId : (options.procurementId ?? null);
  const before: Snapshot = {
    supplierId: current.supplierId,
    title: current.title,
    externalRef: current.externalRef,
    procurementForm: current.procurementForm,
    frameworkName: current.frameworkName,
    procurementId: current.procurementId,
    startsOn: current.startsOn,
    endsOn: current.endsOn,
    noticeMonths: current.noticeMonths,
    annualValueSek: current.annualValueSek,
    technologies: parts.technologyKeys,
    productIds: parts.productIds,
    extensions: parts.extensions.map((e) => ({ months: e.months, decideBy: e.decideBy, status: e.status })),
    responsibleUserId: current.responsibleUserId,
    notes: current.notes,
  };
  const changes = diff(before, snapshotOf(input, procurementId));
  if (Object.keys(changes).length === 0) return { id: contractId, version: current.version, changed: false };
  const version = current.version + 1;
  await repo.updateContractRow(tx, contractId, {
    ...columnsOf(input),
    procurementId,
    version,
    updatedBy: actor.userId,
    updatedAt: new Date(),
  });
  await repo.replaceParts(tx, contractId, {
    technologyIds,
    productIds: input.productIds,
    extensions: extensionsOf(input),
  });
  const exercised = input.extensions.some(
    (e, i) => e.status === 'exercised' && parts.extensions[i]?.status === 'open',
  );
  await repo.insertHistory(tx, {
    contractId,
    action: source === 'import' ? 'imported' : exercised ? 'extension_exercised' : 'updated',
    changes,
    changedBy: actor.userId,
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: 'contract.updated',
    entityType: 'contract',
    entityId: contractId,
    organisationId: current.municipalityId,
    before: { version: current.version },
    after: { source, version, ...auditView(changes) },
  });
  return { id: contractId, version, changed: true };
}
