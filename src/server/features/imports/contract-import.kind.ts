import type { Actor } from '../../../shared/access/index.ts';
import { writesContractsOf } from '../../../shared/access/supplier-contracts.ts';
import { contractImportColumns, contractImportValues } from '../../../shared/contracts/contract-import.ts';
import type { ContractInput } from '../../../shared/contracts/supplier-contracts.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { createContract, updateContract } from '../supplier-contracts/contract-write.ts';
import type { ContractColumn } from './contract-csv.ts';
import type { ImportKind, RowError, StoredRowBase } from './import-kind.ts';

/** A contract row as kept in the job between preview and confirmation. */
export interface ContractStoredRow extends StoredRowBase {
  /** The cells as written in the file, by column. */
  cells: Record<ContractColumn, string>;
  /** The file's own headers, so that an error found when writing names the column as the file does. */
  headers: Partial<Record<ContractColumn, string>>;
  /** The contract with this contract number in the register, to update; null for a new one. */
  contractId: string | null;
  /** The checked contract; null when the row has errors. */
  input: ContractInput | null;
}

/** Field paths of the register's write (`body.supplierId`, `body.technologies.2`) → the file's columns. */
const columnOfBodyPath: Record<string, ContractColumn> = {
  supplierId: 'supplier',
  technologies: 'technologies',
  responsibleUserId: 'responsible',
  externalRef: 'externalRef',
  extensions: 'decideBy',
  endsOn: 'endsOn',
  startsOn: 'startsOn',
};

/**
 * Writes one row through the register's own create/update (`contract-write.ts`) inside a savepoint, so
 * that a row the register refuses leaves the rest of the batch alone and comes back as row errors.
 */
export async function writeContractRow(
  tx: Db,
  actor: Actor,
  municipalityId: string,
  row: ContractStoredRow,
): Promise<{ changed: boolean } | { errors: RowError[] }> {
  try {
    return await tx.transaction(async (sp) =>
      row.contractId
        ? updateContract(sp, actor, row.contractId, row.input!, null, 'import')
        : createContract(sp, actor, municipalityId, row.input!, 'import'),
    );
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const fieldErrors = err.fieldErrors.length ? err.fieldErrors : [{ path: 'body.title', code: err.code }];
    return {
      errors: fieldErrors.map((e) => {
        const column = columnOfBodyPath[e.path.split('.')[1] ?? ''] ?? 'title';
        return { column, code: e.code, header: row.headers[column] ?? '' };
      }),
    };
  }
}

/** A municipality's contract list from Excel (issue 17), written through the contract register. */
export const contractImportKind: ImportKind<ContractStoredRow> = {
  kind: 'contracts',
  allows: (actor, organisation) => writesContractsOf(actor, organisation),
  columns: contractImportColumns,
  values: contractImportValues,
  // A municipality's list is tens to hundreds of contracts, each several statements (parts, history, audit).
  batchSize: 100,
  cells: (r) => r.cells,
  async applyBatch(deps, actor, job, batch, record) {
    await deps.db.transaction(async (tx) => {
      const failed: { line: number; errors: RowError[] }[] = [];
      let written = 0;
      for (const row of batch) {
        const result = await writeContractRow(tx, actor, job.organisationId, row);
        if ('errors' in result) failed.push({ line: row.line, errors: result.errors });
        else if (result.changed) written++;
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'import.batch',
        entityType: 'import',
        entityId: job.id,
        organisationId: job.organisationId,
        after: { kind: 'contracts', rows: batch.length, contractsWritten: written, failed: failed.length },
      });
      await record(tx, failed);
    });
  },
};
