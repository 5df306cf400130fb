import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/server/db/client.ts';
import { DEMO_DOMAIN } from '../../src/server/db/demo/demo-people.ts';
import { type HttpAgent, httpLogin } from './http-agent.ts';
import { type ExitResult, type ServerProcess, startServer } from './server-process.ts';
import { openTestDatabase, testDatabaseUrl } from './template-db.ts';

/**
 * Several instances of the real server on one PostgreSQL, as an operator runs them behind a load
 * balancer (README "Several instances"): a fresh database copied from the test template (demo data),
 * then `node --import tsx src/server/main.ts` per instance on a free port, all with the same
 * DATABASE_URL, PUBLIC_URL, SECRETS_KEY and TRUST_PROXY=1, started at once and waited for until
 * /readyz answers. `db` is the same database for assertions; `start()` adds an instance (e.g. after
 * one was killed); `stop()` ends every instance still running and drops the database.
 *
 *   const cluster = await startInstances(3);
 *   const a = await cluster.login(cluster.instances[0], 'samordnare.falun');
 *   await a.at(cluster.instances[1].url).request('GET', '/api/v1/me');
 *   await cluster.instances[2].kill(); // SIGKILL, like a crashed machine
 *
 * The instances share one login limit (20 a minute per client address): a test that logs in often
 * sends its own `X-Forwarded-For` (TRUST_PROXY is on) or raises AUTH_RATE_LIMIT_PER_MINUTE in `env`.
 */

/** The same key as the API tests: the template's sealed secrets open with it (never used outside tests). */
const TEST_SECRETS_KEY = 'dGVzdC1rZXktZm9yLXNlYWxlZC1zZWNyZXRzLW9ubHk=';

const STOP_TIMEOUT_MS = 15_000;

export interface Instance {
  /** 'A', 'B', 'C', … in the order started. */
  name: string;
  url: string;
  process: ServerProcess;
  /** SIGKILL and wait until it is gone: no shutdown of any kind, as when a machine dies. */
  kill(): Promise<ExitResult>;
  /** SIGTERM: the orderly shutdown of a rolling deployment. */
  stop(): Promise<ExitResult>;
  readonly alive: boolean;
}

export interface Cluster {
  instances: Instance[];
  /** The database all instances use, for setting up and checking rows directly. */
  db: Database['db'];
  database: Database;
  /** The environment every instance was started with (DATABASE_URL, PUBLIC_URL, …). */
  env: Record<string, string>;
  /** Starts one more instance on the same database. */
  start(): Promise<Instance>;
  /** Logs a demo account in through one instance, e.g. `login(instances[0], 'samordnare.falun')`. */
  login(instance: Instance, localPart: string): Promise<HttpAgent>;
  stop(): Promise<void>;
}

export async function startInstances(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  if (!testDatabaseUrl()) {
    throw new Error('Several instances need PostgreSQL: set TEST_DATABASE_URL (PGlite is one process only)');
  }
  const database = await openTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-instances-'));
  const common: Record<string, string> = {
    DATABASE_URL: database.url!,
    // The load balancer's address: the same for every instance, as in production.
    PUBLIC_URL: 'http://localhost:8080',
    SECRETS_KEY: TEST_SECRETS_KEY,
    TRUST_PROXY: '1',
    // The demo data is copied in, but on PostgreSQL the server does not know it is a demo: the
    // coordinators log in with their password only (the second factor is tested on its own).
    ADMIN_MFA: 'off',
    DATA_DIR: dataDir,
    ...env,
  };
  const instances: Instance[] = [];
  let started = 0;

  const start = async (): Promise<Instance> => {
    const name = String.fromCharCode(65 + started++);
    const server = await startServer(common);
    let alive = true;
    void server.exited.then(() => {
      alive = false;
    });
    const instance: Instance = {
      name,
      url: server.url,
      process: server,
      kill: () => server.stop('SIGKILL'),
      stop: async () => {
        // An instance that does not finish its shutdown in time is killed: the test must still end.
        const timer = setTimeout(() => server.proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
        try {
          return await server.stop('SIGTERM');
        } finally {
          clearTimeout(timer);
        }
      },
      get alive() {
        return alive;
      },
    };
    instances.push(instance);
    return instance;
  };

  try {
    // Started at once, as a deployment does: the migrations' advisory lock keeps them from racing.
    for (const s of await Promise.allSettled(Array.from({ length: count }, start))) {
      if (s.status === 'rejected') throw s.reason;
    }
  } catch (err) {
    await Promise.all(instances.map((i) => i.kill()));
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  // In the order they were asked for, whichever got ready first.
  instances.sort((a, b) => a.name.localeCompare(b.name));

  return {
    instances,
    db: database.db,
    database,
    env: common,
    start,
    login: (instance, localPart) => httpLogin(instance.url, `${localPart}@${DEMO_DOMAIN}`),
    async stop() {
      await Promise.all(instances.filter((i) => i.alive).map((i) => i.stop()));
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
