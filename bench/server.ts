// The bench's server process: the real app (buildApp) on the bench database, listening on 127.0.0.1 on a
// free port. It runs apart from the load generator so that autocannon does not share the server's event
// loop. Over IPC it also runs SQL directly on the same database (fixtures and the SQL floor).
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { bootstrapDatabase } from '../src/server/db/bootstrap.ts';
import { BENCH_SECRETS_KEY } from './lib/accounts.ts';
import { percentile } from './lib/load.ts';
import { type RawQuery, rawQuery } from './lib/raw.ts';
import { openTarget, type Target } from './lib/target.ts';

export interface SqlStatement {
  text: string;
  params?: unknown[];
}

export type ToServer =
  | { id: number; type: 'query'; text: string; params?: unknown[] }
  | { id: number; type: 'floor'; statements: SqlStatement[]; runs: number; rollback: boolean }
  | { id: number; type: 'close' };

export type FromServer =
  | { type: 'ready'; port: number; serverVersion: string }
  | { id: number; type: 'result'; rows?: unknown[]; medianMs?: number; p95Ms?: number; error?: string };

async function main() {
  const target = JSON.parse(process.env.BENCH_TARGET ?? '') as Target;
  const database = await openTarget(target);
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    OPEN_DATA_RATE_LIMIT_PER_MINUTE: '1000000',
    DEMO_DATA: '0',
    // The bench signs coordinators in with their password; the second factor is not what it measures.
    ADMIN_MFA: 'off',
    // Sealed secrets (an IdP's client secret in the SSO scenario): a fixed key, used only by the bench.
    SECRETS_KEY: process.env.SECRETS_KEY ?? BENCH_SECRETS_KEY,
    ...(target.kind === 'postgres' ? { DATABASE_URL: target.url! } : { DATA_DIR: target.dataDir! }),
  };
  const config = { ...loadConfig(env as NodeJS.ProcessEnv), clientDir: '/nonexistent' };
  await bootstrapDatabase(database, { demoData: false });
  const app = await buildApp({ database, config });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  // The floor runs on one connection of its own, like one request's path through the pool.
  let floorClient: pg.Client | null = null;
  let query: RawQuery;
  if (target.kind === 'postgres') {
    floorClient = new pg.Client({ connectionString: target.url! });
    await floorClient.connect();
    const c = floorClient;
    query = async <T>(text: string, params?: unknown[]) => (await c.query(text, params)).rows as T[];
  } else {
    query = rawQuery(database);
  }
  const [version] = await query<{ server_version: string }>('show server_version');

  const send = (msg: FromServer) => process.send?.(msg);
  const close = async () => {
    await app.close();
    await floorClient?.end();
    await database.close();
    process.exit(0);
  };

  process.on('disconnect', () => void close());
  process.on('message', async (raw) => {
    const msg = raw as ToServer;
    try {
      if (msg.type === 'close') {
        send({ id: msg.id, type: 'result' });
        await close();
      } else if (msg.type === 'query') {
        send({ id: msg.id, type: 'result', rows: await query(msg.text, msg.params) });
      } else {
        const times: number[] = [];
        const warmup = Math.min(10, Math.ceil(msg.runs / 5));
        for (let i = 0; i < warmup + msg.runs; i++) {
          const t = performance.now();
          if (msg.rollback) await query('begin');
          for (const s of msg.statements) await query(s.text, s.params);
          if (msg.rollback) await query('rollback');
          if (i >= warmup) times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        send({ id: msg.id, type: 'result', medianMs: percentile(times, 50), p95Ms: percentile(times, 95) });
      }
    } catch (err) {
      if (msg.type === 'floor' && msg.rollback) await query('rollback').catch(() => undefined);
      send({ id: msg.id, type: 'result', error: err instanceof Error ? err.message : String(err) });
    }
  });
  send({ type: 'ready', port, serverVersion: version?.server_version ?? '?' });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
