import { sql } from 'drizzle-orm';
import type { Action, Actor, ActorMembership } from '../../../shared/access/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { JOBS_SCHEMA, type JobQueue } from '../../lib/jobs/job-queue.ts';

/** The queue of confirmed imports; a job's id is its import's id, so the two are found from each other. */
export const IMPORT_QUEUE = 'import';
/** The minute's check for imports whose worker died (ADR 22). */
export const IMPORT_SWEEP_QUEUE = 'import-sweep';
/**
 * How long a worker may hold an import before it counts as lost (its instance died). Generous: the
 * largest staff or contract files take seconds to a few minutes.
 */
export const IMPORT_EXPIRE_SECONDS = 30 * 60;
/** Retried when its worker died: the retry resumes it (each batch commits with its progress). */
export const IMPORT_JOB_OPTIONS = { retryLimit: 3, retryDelay: 1, expireInSeconds: IMPORT_EXPIRE_SECONDS };

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
  await jobs.send(IMPORT_QUEUE, data, { id: importId, ...IMPORT_JOB_OPTIONS });
}

export function actorOfJob(data: ImportJobData): Actor {
  return {
    userId: data.actor.userId,
    memberships: data.actor.memberships,
    ...(data.actor.allowedActions ? { allowedActions: new Set(data.actor.allowedActions) } : {}),
  };
}

/** A claim younger than this is left alone: its worker may not have taken the liveness key yet. */
const CLAIM_GRACE_SECONDS = 10;

/**
 * Recovers imports whose worker died (ADR 22). A job claimed by a worker that no longer holds the
 * import's liveness key (its process is gone) is failed, so pg-boss retries it and another worker
 * resumes the import at its first batch not written. An import still `running` whose job is over —
 * failed with no retries left, cancelled, completed or gone — is marked failed, so none stays running.
 * Returns the imports resumed and failed.
 */
export async function recoverLostImports(db: Db, jobs: JobQueue) {
  const job = sql.raw(`${JOBS_SCHEMA}.job`);
  const claimed = await queryRows<{ id: string }>(
    db,
    sql`select i.id from import_jobs i join ${job} j on j.id = i.id and j.name = ${IMPORT_QUEUE}
        where i.status = 'running' and j.state = 'active'
          and j.started_on < now() - make_interval(secs => ${CLAIM_GRACE_SECONDS})`,
  );
  const alive = await jobs.liveness.held(claimed.map((c) => c.id));
  const resumed = claimed.map((c) => c.id).filter((id) => !alive.has(id));
  if (resumed.length > 0) await jobs.boss.fail(IMPORT_QUEUE, resumed);
  const failed = await queryRows<{ id: string }>(
    db,
    sql`update import_jobs i set status = 'failed', finished_at = now()
        where i.status = 'running' and not exists (
          select 1 from ${job} j
          where j.name = ${IMPORT_QUEUE} and j.id = i.id and j.state in ('created', 'retry', 'active'))
        returning i.id`,
  );
  return { resumed, failed: failed.map((r) => r.id) };
}
