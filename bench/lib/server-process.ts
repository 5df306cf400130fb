import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromServer, SqlStatement, ToServer } from '../server.ts';
import type { Target } from './target.ts';

type Pending = (msg: Extract<FromServer, { type: 'result' }>) => void;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The server child process: its base URL and SQL run directly on the same database. */
export interface BenchServer {
  baseUrl: string;
  serverVersion: string;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Median and p95 (ms) of `runs` sequential executions of the statements, after a warm-up. */
  floor(
    statements: SqlStatement[],
    opts?: { runs?: number; rollback?: boolean },
  ): Promise<{ medianMs: number; p95Ms: number }>;
  close(): Promise<void>;
}

const serverScript = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'server.ts');

/** `profileDir`: write a V8 CPU profile of the server process there (open in Chrome DevTools). */
export async function startServer(target: Target, profileDir?: string): Promise<BenchServer> {
  const child: ChildProcess = fork(serverScript, [], {
    execArgv: ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: { ...process.env, BENCH_TARGET: JSON.stringify(target) },
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const ready = new Promise<Extract<FromServer, { type: 'ready' }>>((resolve, reject) => {
    child.on('message', (raw) => {
      const msg = raw as FromServer;
      if (msg.type === 'ready') resolve(msg);
      else pending.get(msg.id)?.(msg);
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with code ${code}`)));
  });
  const call = (msg: DistributiveOmit<ToServer, 'id'>) =>
    new Promise<Extract<FromServer, { type: 'result' }>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (res) => {
        pending.delete(id);
        if (res.error) reject(new Error(res.error));
        else resolve(res);
      });
      child.send({ ...msg, id } as ToServer);
    });
  const { port, serverVersion } = await ready;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    serverVersion,
    query: async <T>(text: string, params?: unknown[]) =>
      ((await call({ type: 'query', text, params })).rows ?? []) as T[],
    floor: async (statements, opts = {}) => {
      const res = await call({
        type: 'floor',
        statements,
        runs: opts.runs ?? 50,
        rollback: opts.rollback ?? false,
      });
      return { medianMs: res.medianMs!, p95Ms: res.p95Ms! };
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await call({ type: 'close' }).catch(() => undefined);
      await exited;
    },
  };
}
