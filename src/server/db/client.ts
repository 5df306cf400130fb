import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { prepareDataDir } from './data-dir.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { releaseClientOnFailedBegin } from './failed-begin.ts';
import { OperatorError } from './operator-error.ts';
import { retryReadsOnce } from './read-retry.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** Both drivers share this type; a transaction is one too, so repos accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL connection string (postgres only): migrations take their own connection. */
  url?: string;
  /** The embedded database itself (pglite only): backups dump its data directory. */
  pglite?: PGlite;
  /** DATA_DIR of an embedded database on disk: readiness proves the disk takes a write. */
  dataDir?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** An already-open PGlite (tests load one from a template). */
  pglite?: PGlite;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.pglite) {
    const client = opts.pglite;
    return {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: 'pglite',
      pglite: client,
      close: () => client.close(),
    };
  }
  if (opts.databaseUrl) {
    // JIT compilation pays off for long analytical queries, not for ours: on the national programme
    // report it added ~0.8 s of compile time to each aggregate query that took ~1 s to run.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 20,
      options: '-c jit=off',
      // A database that does not answer (or a pool busy this long) fails the request with 503 instead of
      // holding it for ever; generous, so that a burst of slow report queries still queues.
      connectionTimeoutMillis: 10_000,
    });
    // An idle connection that the server ends (a restart, a failover, a dropped test database) is
    // removed by the pool, and the next query opens a new one; without a listener the pool's 'error'
    // event would end the whole process.
    pool.on('error', () => undefined);
    // A connection checked out for a transaction has no listener of the pool's: one the server ends
    // between two of its queries would raise an 'error' event that ends the process. The transaction's
    // next query fails instead (503), and the pool drops the dead connection on release.
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      releaseClientOnFailedBegin(client as pg.PoolClient);
    });
    retryReadsOnce(pool);
    // Fail fast with a clear message instead of on the first request.
    try {
      await pool.query('select 1');
    } catch (err) {
      await pool.end();
      const where = new URL(opts.databaseUrl);
      throw new OperatorError(
        `The database at ${where.hostname}:${where.port || 5432}${where.pathname} cannot be reached: ${(err as Error).message}.`,
      );
    }
    return {
      db: drizzleNodePg(pool, { schema }) as unknown as Db,
      kind: 'postgres',
      url: opts.databaseUrl,
      close: () => pool.end(),
    };
  }
  if (!opts.dataDir) throw new Error('Either DATABASE_URL or a data directory is required');
  prepareDataDir(opts.dataDir);
  const release = await acquireDataDirLock(opts.dataDir);
  try {
    const client = await PGlite.create(path.join(opts.dataDir, 'pgdata'));
    return {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: 'pglite',
      pglite: client,
      dataDir: opts.dataDir,
      close: async () => {
        await client.close();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}

/** Runs raw SQL and returns its rows, the same on both drivers. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
