import { sql } from 'drizzle-orm';
import type { Action, Actor, ActorMembership } from '../../../shared/access/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { JOBS_SCHEMA, type JobQueue } from '../../lib/jobs/job-queue.ts';

/** The queue of confirmed imports; a job's id is its import's id, so the two are found from each other. */
export const IMPORT_QUEUE = 'import';
/** The minute's check that no import is left `running` without a live job (ADR 22). */
export const IMPORT_SWEEP_QUEUE = 'import-sweep';
/**
 * How long a worker may hold an import before it counts as lost (its instance died). Generous: the
 * largest staff or contract files take seconds to a few minutes.
 */
export const IMPORT_EXPIRE_SECONDS = 30 * 60;

/** What the worker needs of the person who confirmed the import: a job's data is JSON. */
export interface ImportJobData {
  importId: string;
  actor: { userId: string; memberships: ActorMembership[]; allowedActions?: Action[] };
}

export async function enqueueImport(jobs: JobQueue, importId: string, actor: Actor) {
  const data: ImportJobData = {
    importId,
    actor: {
      userId: actor.userId,
      memberships: [...actor.memberships],
      ...(actor.allowedActions ? { allowedActions: [...actor.allowedActions] } : {}),
    },
  };
  // Not retried: a batch of contracts written twice would be two contracts. A lost import is failed
  // visibly instead (failOrphanedImports), and confirming the same file again writes only what is missing.
  await jobs.send(IMPORT_QUEUE, data, {
    id: importId,
    retryLimit: 0,
    expireInSeconds: IMPORT_EXPIRE_SECONDS,
  });
}

export function actorOfJob(data: ImportJobData): Actor {
  return {
    userId: data.actor.userId,
    memberships: data.actor.memberships,
    ...(data.actor.allowedActions ? { allowedActions: new Set(data.actor.allowedActions) } : {}),
  };
}

/**
 * Marks failed every import still `running` whose job is not alive: failed or cancelled, gone, or held
 * by a worker past its expiry (the instance died mid-import). Rows written before stay written.
 */
export async function failOrphanedImports(db: Db): Promise<string[]> {
  const job = sql.raw(`${JOBS_SCHEMA}.job`);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update import_jobs i set status = 'failed', finished_at = now()
        where i.status = 'running' and not exists (
          select 1 from ${job} j
          where j.name = ${IMPORT_QUEUE} and j.id = i.id
            and (j.state in ('created', 'retry') or (j.state = 'active' and j.started_on + j.expire_in > now())))
        returning i.id`,
  );
  return rows.map((r) => r.id);
}
