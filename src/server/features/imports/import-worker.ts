import type { JobQueue, QueueDefinition } from '../../lib/jobs/job-queue.ts';
import {
  actorOfJob,
  IMPORT_JOB_OPTIONS,
  IMPORT_QUEUE,
  IMPORT_SWEEP_QUEUE,
  type ImportJobData,
  recoverLostImports,
} from './import-jobs.ts';
import type { ImportDeps } from './import-kind.ts';
import { runImport } from './import-pipeline.ts';
import * as repo from './imports.repo.ts';

/** The import queues a process works: confirmed imports, and the minute's check for lost ones. */
export function importQueues(
  deps: ImportDeps,
  jobs: JobQueue,
  log: { error(obj: unknown, msg: string): void },
): [QueueDefinition<ImportJobData>, QueueDefinition<object>] {
  return [
    {
      name: IMPORT_QUEUE,
      options: IMPORT_JOB_OPTIONS,
      async handler(job) {
        // The import's liveness key is held while it is written; when a live worker holds it already
        // (a retry raced a slow worker), that worker finishes it and this job has nothing to do.
        await jobs.liveness.whileHeld(job.data.importId, async () => {
          const row = await repo.findJob(deps.db, job.data.importId);
          // Finished already (or failed as lost): nothing to do.
          if (row?.status !== 'running') return;
          try {
            await runImport(deps, actorOfJob(job.data), row);
          } catch (err) {
            log.error({ err }, `${row.kind} import failed`);
            // The last attempt: failed visibly. Before it, pg-boss retries and the retry resumes.
            if (job.retryCount >= job.retryLimit) {
              await repo.updateJob(deps.db, row.id, { status: 'failed', finishedAt: new Date() });
            }
            throw err;
          }
        });
      },
    },
    {
      name: IMPORT_SWEEP_QUEUE,
      options: { retryLimit: 0 },
      cron: '* * * * *',
      async handler() {
        await recoverLostImports(deps.db, jobs);
      },
    },
  ];
}
