import type { Actor } from '../../../shared/access/index.ts';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { ImportJob, ImportKindName } from '../../../shared/contracts/imports.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { JobQueue } from '../../lib/jobs/job-queue.ts';
import { requireOrgContext } from '../organisations/organisations.service.ts';
import type { CsvDelimiter, CsvEncoding } from './csv-file.ts';
import { enqueueImport } from './import-jobs.ts';
import type { FailedRow, ImportDeps, ImportKind, StoredRowBase } from './import-kind.ts';
import { importKinds } from './import-kinds.ts';
import * as repo from './imports.repo.ts';
import { rowError } from './row-messages.ts';

/**
 * The one import pipeline (staff, contracts): a previewed file becomes a job with its rows and their
 * outcomes; confirming it writes the valid rows in a durable job, batch by batch, with progress; the
 * job then keeps the rows that were not imported. A kind decides only what its rows are and how a batch
 * is written (`ImportKind`).
 */

/** Stores a checked file as a preview job (nothing else is written) and returns it as the API shows it. */
export async function savePreview<Row extends StoredRowBase>(
  db: Db,
  kind: ImportKind<Row>,
  preview: {
    organisationId: string;
    actor: Actor;
    encoding: CsvEncoding;
    delimiter: CsvDelimiter;
    rows: Row[];
  },
  lang: UiLanguage,
): Promise<ImportJob> {
  const { rows } = preview;
  const count = (outcome: Row['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  const job = await repo.insertJob(db, {
    kind: kind.kind,
    organisationId: preview.organisationId,
    createdBy: preview.actor.userId,
    status: 'preview',
    encoding: preview.encoding,
    delimiter: preview.delimiter,
    total: rows.length,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    failed: count('error'),
    rows,
  });
  return toImportJob(job, lang);
}

/**
 * Starts writing the valid rows of a previewed job as a durable job (`import-jobs.ts`): whichever
 * instance's worker claims it writes the rows; poll `getImport` for progress. Rows whose outcome is
 * "unchanged" are not written again, so confirming the same file twice changes nothing; a job can be
 * confirmed once (a double click gets a 409).
 */
export async function commitImport(
  deps: ImportDeps & { jobs: JobQueue },
  actor: Actor,
  jobId: string,
  lang: UiLanguage,
) {
  const { job } = await loadAuthorised(deps.db, actor, jobId);
  if (job.status !== 'preview') throw new AppError(409, 'import_not_preview');
  const rows = job.rows as StoredRowBase[];
  const valid = rows.filter((r) => r.outcome !== 'error');
  if (valid.length === 0) throw new AppError(400, 'import_has_no_valid_rows');
  if (!(await repo.startJob(deps.db, jobId))) throw new AppError(409, 'import_not_preview');
  try {
    await enqueueImport(deps.jobs, jobId, actor);
  } catch (err) {
    await repo.updateJob(deps.db, jobId, { status: 'failed', finishedAt: new Date() });
    throw err;
  }
  return toImportJob({ ...job, status: 'running' as const }, lang);
}

export async function getImport(db: Db, actor: Actor, jobId: string, lang: UiLanguage) {
  return toImportJob((await loadAuthorised(db, actor, jobId)).job, lang);
}

/** A job exists for a person only if they may do its kind's action where it was made (else 404). */
async function loadAuthorised(db: Db, actor: Actor, jobId: string) {
  const job = await repo.findJob(db, jobId);
  if (!job) throw new AppError(404, 'import_not_found');
  const kind = kindOf(job.kind);
  const ctx = await requireOrgContext(db, job.organisationId);
  if (!kind.allows(actor, ctx)) throw new AppError(404, 'import_not_found');
  return { job, kind };
}

function kindOf(name: ImportKindName): ImportKind {
  const kind = (importKinds as Partial<Record<ImportKindName, ImportKind<never>>>)[name];
  if (!kind) throw new Error(`no import kind ${name}`);
  return kind as ImportKind;
}

/**
 * Writes the valid rows in the kind's batches, each batch and the job's progress in one transaction.
 * Runs in a job worker (`import-worker.ts`), possibly on another instance than the one that confirmed
 * it, and resumes where a worker that died stopped: rows refused when written are kept as errors as
 * they happen, so the rows still to write are the valid ones past the count of those written.
 */
export async function runImport(deps: ImportDeps, actor: Actor, job: repo.ImportJobRow) {
  const kind = kindOf(job.kind);
  let rows = job.rows as StoredRowBase[];
  // Rows with errors are skipped and unchanged rows need nothing: both count as handled from the start.
  const toWrite = rows.filter((r) => r.outcome === 'create' || r.outcome === 'update');
  const handled = job.total - toWrite.length;
  let processed = Math.max(job.processed, handled);
  if (processed !== job.processed) await repo.updateJob(deps.db, job.id, { processed });
  for (let i = processed - handled; i < toWrite.length; i += kind.batchSize) {
    const batch = toWrite.slice(i, i + kind.batchSize);
    await kind.applyBatch(deps, actor, job, batch, async (tx, failed) => {
      const after = failed.length ? withFailures(rows, failed) : null;
      await repo.updateJob(tx, job.id, { processed: processed + batch.length, ...after });
      processed += batch.length;
      if (after) rows = after.rows;
    });
  }
  await repo.updateJob(deps.db, job.id, { status: 'done', processed, finishedAt: new Date() });
}

/** The job's rows and counts once rows that passed the preview were refused when written. */
function withFailures(rows: StoredRowBase[], failed: FailedRow[]) {
  const byLine = new Map(failed.map((f) => [f.line, f.errors]));
  const after = rows.map((r) => {
    const errors = byLine.get(r.line);
    return errors ? { ...r, outcome: 'error' as const, errors: [...r.errors, ...errors] } : r;
  });
  const count = (outcome: StoredRowBase['outcome']) => after.filter((r) => r.outcome === outcome).length;
  return {
    rows: after,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    failed: count('error'),
  };
}

/** The job as the API shows it: in a preview every row, once confirmed only the rows not imported. */
export function toImportJob(job: repo.ImportJobRow, lang: UiLanguage): ImportJob {
  const kind = kindOf(job.kind);
  const rows = job.rows as StoredRowBase[];
  const shown = job.status === 'preview' ? rows : rows.filter((r) => r.outcome === 'error');
  return {
    id: job.id,
    kind: job.kind,
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
      outcome: r.outcome,
      cells: kind.cells(r),
      ...kind.extra?.(r),
      errors: r.errors.map((e) => rowError(kind, e, lang)),
    })),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
