import type { QueueDefinition } from '../../lib/jobs/job-queue.ts';
import {
  actorOfJob,
  failOrphanedImports,
  IMPORT_EXPIRE_SECONDS,
  IMPORT_QUEUE,
  IMPORT_SWEEP_QUEUE,
  type ImportJobData,
} from './import-jobs.ts';
import type { ImportDeps } from './import-kind.ts';
import { runImport } from './import-pipeline.ts';
import * as repo from './imports.repo.ts';

/** The import queues a process works: confirmed imports, and the minute's check for lost ones. */
export function importQueues(
  deps: ImportDeps,
  log: { error(obj: unknown, msg: string): void },
): [QueueDefinition<ImportJobData>, QueueDefinition<object>] {
  return [
    {
      name: IMPORT_QUEUE,
      options: { retryLimit: 0, expireInSeconds: IMPORT_EXPIRE_SECONDS },
      async handler(job) {
        const row = await repo.findJob(deps.db, job.data.importId);
        // Confirmed once and already finished (or failed as lost): nothing to do.
        if (row?.status !== 'running') return;
        try {
          await runImport(deps, actorOfJob(job.data), row);
        } catch (err) {
          log.error({ err }, `${row.kind} import failed`);
          await repo.updateJob(deps.db, row.id, { status: 'failed', finishedAt: new Date() });
          throw err;
        }
      },
    },
    {
      name: IMPORT_SWEEP_QUEUE,
      options: { retryLimit: 0 },
      cron: '* * * * *',
      async handler() {
        await failOrphanedImports(deps.db);
      },
    },
  ];
}
