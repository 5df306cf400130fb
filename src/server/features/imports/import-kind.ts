import type { Actor, OrgContext } from '../../../shared/access/index.ts';
import type { ImportKindName, ImportRowResult } from '../../../shared/contracts/imports.ts';
import type { Db } from '../../db/client.ts';
import type { PeopleDeps } from '../people/members.service.ts';
import type { ImportColumn } from './csv-file.ts';
import type { ImportJobRow } from './imports.repo.ts';

/**
 * What one kind of import (staff, contracts) adds to the shared pipeline: its columns and choice words
 * (for messages), how a row is shown, who may see and confirm its jobs, and how a batch of valid rows is
 * written. Reading the file, the preview job, confirmation, progress and results are the pipeline's.
 */

export type ImportDeps = PeopleDeps;

/** A row error: the column's key, the code, and the column's header as written in the file. */
export interface RowError {
  column: string;
  code: string;
  header?: string;
}

/** What every stored row holds, whatever its kind: where it is in the file and what happens to it. */
export interface StoredRowBase {
  line: number;
  outcome: ImportRowResult['outcome'];
  errors: RowError[];
}

/** A row refused when written, with why. */
export interface FailedRow {
  line: number;
  errors: RowError[];
}

export interface ImportKind<Row extends StoredRowBase = StoredRowBase> {
  readonly kind: ImportKindName;
  /** Whether the actor may make, see and confirm a job of this kind at the job's organisation. */
  allows(actor: Actor, organisation: OrgContext): boolean;
  readonly columns: readonly ImportColumn[];
  /** Choice columns: each stored value with the words a file may use, the shown (Swedish) name first. */
  readonly values: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /** Rows written per transaction (and per progress step). */
  readonly batchSize: number;
  /** The row's values as shown in the preview and result tables, by column key. */
  cells(row: Row): Record<string, string | null>;
  /** Fields of the row result that only this kind has (the staff import's original fields). */
  extra?(row: Row): Partial<ImportRowResult>;
  /**
   * Writes a batch of valid rows in one transaction, audited; runs after the preview was confirmed.
   * Calls `record` last in that transaction with the rows that turned out to fail (e.g. a supplier
   * merged since the preview), so that the job's progress commits with the rows: an import resumed
   * after a crash starts at the first batch not written.
   */
  applyBatch(
    deps: ImportDeps,
    actor: Actor,
    job: ImportJobRow,
    batch: Row[],
    record: (tx: Db, failed: FailedRow[]) => Promise<void>,
  ): Promise<void>;
}
