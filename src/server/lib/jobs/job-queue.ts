import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.ts';

/**
 * Durable jobs (ADR 22): work that must outlive the request or the process — an import, an e-mail, a
 * reminder by date — is a row in pg-boss's tables in the app's own database. Workers claim jobs with
 * `FOR UPDATE SKIP LOCKED`, so however many instances run, each job runs in one; a schedule is turned
 * into a job by one instance per slot. On PGlite the same pg-boss runs over the embedded connection.
 */

export type JobHandler<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<void>;

export interface QueueDefinition<T> {
  name: string;
  /** Retries, backoff and expiry of the queue's jobs (pg-boss queue options). */
  options?: Omit<PgBoss.Queue, 'name'>;
  /** Without a handler the queue only takes jobs (a process that sends but does not work). */
  handler?: JobHandler<T>;
  /** A cron expression (UTC): one job per slot, whichever instance's clock sees it first. */
  cron?: string;
}

export interface JobQueue {
  define<T extends object>(queue: QueueDefinition<T>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  send<T extends object>(name: string, data: T, options?: PgBoss.SendOptions): Promise<string | null>;
  insert(jobs: PgBoss.JobInsert[]): Promise<void>;
  /** pg-boss itself, for what the wrapper does not name (tests read job states through it). */
  readonly boss: PgBoss;
  /** The schema pg-boss keeps its tables in. */
  readonly schema: string;
}

export interface JobQueueOptions {
  /** Seconds between a worker's polls when it was not woken (tests shorten it). */
  pollingIntervalSeconds?: number;
  /** Run workers and schedules in this process (off: the process only sends jobs). */
  work?: boolean;
  /** Seconds between pg-boss's cron checks (tests shorten it; default 30). */
  cronMonitorIntervalSeconds?: number;
}

export const JOBS_SCHEMA = 'pgboss';

/**
 * pg-boss's "bring your own database" adapter over PGlite: parameterised statements go through
 * `query`; its schema creation and migrations are several statements in one string (the simple
 * protocol, `exec`). PGlite runs one statement at a time, so a job's fetch or completion is a short
 * statement between the app's own and never holds the connection while a handler runs.
 */
function pgliteAdapter(pglite: NonNullable<Database['pglite']>): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

function connectionOf(database: Database): PgBoss.DatabaseOptions {
  if (database.kind === 'pglite' && database.pglite) return { db: pgliteAdapter(database.pglite) };
  if (!database.url) throw new Error('A PostgreSQL database without its URL cannot run jobs');
  // Its own small pool: a long import holds no pool connection, and jobs never wait for the app's requests.
  return { connectionString: database.url, max: 4, application_name: 'valfardsnavet-jobs' };
}

export function createJobQueue(
  database: Database,
  log: { error(obj: unknown, msg: string): void },
  opts: JobQueueOptions = {},
): JobQueue {
  const work = opts.work ?? true;
  const boss = new PgBoss({
    ...connectionOf(database),
    schema: JOBS_SCHEMA,
    supervise: work,
    schedule: work,
    ...(opts.cronMonitorIntervalSeconds
      ? { cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds }
      : {}),
  });
  boss.on('error', (err) => log.error({ err }, 'job queue'));
  const queues: QueueDefinition<never>[] = [];
  // Workers of this process by queue: a job sent here wakes its worker at once instead of at the next poll.
  const workers = new Map<string, string>();
  let started = false;

  return {
    boss,
    schema: JOBS_SCHEMA,
    define(queue) {
      if (started) throw new Error(`queue ${queue.name} defined after start`);
      queues.push(queue as QueueDefinition<never>);
    },
    async start() {
      await boss.start();
      started = true;
      for (const q of queues) {
        // createQueue keeps an existing queue as it is; updateQueue brings its options up to date.
        await boss.createQueue(q.name, { name: q.name, ...q.options });
        await boss.updateQueue(q.name, { name: q.name, ...q.options });
        if (!work) continue;
        if (q.handler) {
          const handler = q.handler;
          const id = await boss.work<never>(
            q.name,
            { includeMetadata: true, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
            async ([job]) => {
              if (job) await handler(job);
            },
          );
          workers.set(q.name, id);
        }
        if (q.cron) await boss.schedule(q.name, q.cron, {}, { tz: 'UTC' });
      }
    },
    async stop() {
      if (!started) return;
      started = false;
      // Waits for jobs being worked here to finish (up to pg-boss's timeout) before the database closes.
      await boss.stop({ graceful: true, wait: true, close: true });
    },
    async send(name, data, options = {}) {
      const id = await boss.send(name, data, options);
      const worker = workers.get(name);
      if (worker) boss.notifyWorker(worker);
      return id;
    },
    async insert(jobs) {
      if (jobs.length === 0) return;
      await boss.insert(jobs);
      for (const name of new Set(jobs.map((j) => j.name))) {
        const worker = workers.get(name);
        if (worker) boss.notifyWorker(worker);
      }
    },
  };
}
