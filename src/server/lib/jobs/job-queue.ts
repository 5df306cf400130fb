import pg from 'pg';
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
  readonly liveness: Liveness;
}

/**
 * Whether the process working a job is still alive, faster than a job's expiry: a worker holds its
 * job's key while it runs. On PostgreSQL the key is a session advisory lock on a connection of this
 * process, released by the server the moment the process dies (even by SIGKILL); on PGlite only this
 * process can run anything, so the keys are kept in memory.
 */
export interface Liveness {
  /** Holds `key` while `work` runs; false without running it when a live worker holds it already. */
  whileHeld(key: string, work: () => Promise<void>): Promise<boolean>;
  /** The keys of `keys` that a live worker holds, on any instance. */
  held(keys: string[]): Promise<Set<string>>;
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

/** Advisory lock keys of job liveness: this namespace and 32 bits of the job's uuid. */
const LIVENESS_CLASS = 0x6a6f6273;
const lockId = (key: string) => Number.parseInt(key.replaceAll('-', '').slice(0, 8), 16);

/** Keys held by workers of this process (every queue of it: tests run several in one process). */
const here = new Set<string>();

/** The advisory lock key under which instances starting at once set up the queues one after another. */
const SETUP_LOCK = 0;

function createLiveness(
  database: Database,
): Liveness & { close(): Promise<void>; exclusive(work: () => Promise<void>): Promise<void> } {
  let client: Promise<pg.Client> | null = null;
  const connection = () => {
    client ??= (async () => {
      const c = new pg.Client({ connectionString: database.url, application_name: 'valfardsnavet-liveness' });
      c.on('error', () => undefined);
      await c.connect();
      return c;
    })();
    return client;
  };
  const onPostgres = database.kind === 'postgres';
  return {
    async whileHeld(key, work) {
      if (here.has(key)) return false;
      here.add(key);
      try {
        if (onPostgres) {
          const c = await connection();
          const { rows } = await c.query('select pg_try_advisory_lock($1, $2) as ok', [
            LIVENESS_CLASS,
            lockId(key) | 0,
          ]);
          if (!rows[0].ok) return false;
          try {
            await work();
          } finally {
            await c.query('select pg_advisory_unlock($1, $2)', [LIVENESS_CLASS, lockId(key) | 0]);
          }
          return true;
        }
        await work();
        return true;
      } finally {
        here.delete(key);
      }
    },
    async held(keys) {
      if (!onPostgres) return new Set(keys.filter((k) => here.has(k)));
      if (keys.length === 0) return new Set();
      const c = await connection();
      const { rows } = await c.query<{ objid: string }>(
        `select objid::text from pg_locks where locktype = 'advisory' and classid = $1::bigint::oid and objsubid = 2
          and objid = any($2::bigint[]::oid[])`,
        [LIVENESS_CLASS, keys.map(lockId)],
      );
      const ids = new Set(rows.map((r) => Number(r.objid)));
      return new Set(keys.filter((k) => ids.has(lockId(k))));
    },
    async exclusive(work) {
      if (!onPostgres) return work();
      const c = await connection();
      await c.query('select pg_advisory_lock($1, $2)', [LIVENESS_CLASS, SETUP_LOCK]);
      try {
        await work();
      } finally {
        await c.query('select pg_advisory_unlock($1, $2)', [LIVENESS_CLASS, SETUP_LOCK]);
      }
    },
    async close() {
      if (client) await (await client).end().catch(() => undefined);
      client = null;
    },
  };
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
  const liveness = createLiveness(database);

  return {
    boss,
    schema: JOBS_SCHEMA,
    liveness,
    define(queue) {
      if (started) throw new Error(`queue ${queue.name} defined after start`);
      queues.push(queue as QueueDefinition<never>);
    },
    async start() {
      // A queue is a partition of pg-boss's job table: instances creating them at once deadlock (measured:
      // three instances started together), so they start pg-boss and set up the queues in turn.
      await liveness.exclusive(async () => {
        await boss.start();
        started = true;
        for (const q of queues) {
          if (await boss.getQueue(q.name)) await boss.updateQueue(q.name, { name: q.name, ...q.options });
          else await boss.createQueue(q.name, { name: q.name, ...q.options });
        }
      });
      for (const q of queues) {
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
      if (started) {
        started = false;
        // Waits for jobs being worked here to finish (up to pg-boss's timeout) before the database closes.
        await boss.stop({ graceful: true, wait: true, close: true });
      }
      await liveness.close();
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
