import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/** The real server and CLI, as an operator starts them: `node --import tsx …` in their own process. */
const NODE_ARGS = ['--import', 'tsx'];

/** The environment of a spawned server or CLI: ours without the test database, plus what is given. */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', CLIENT_DIR: '/nonexistent' };
  delete base.DATABASE_URL;
  delete base.TEST_DATABASE_URL;
  return { ...base, ...env };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Spawned {
  proc: ChildProcess;
  output(): { stdout: string; stderr: string };
  exited: Promise<ExitResult>;
}

export function spawnNode(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  opts: { uid?: number; gid?: number } = {},
): Spawned {
  const proc = spawn(process.execPath, [...NODE_ARGS, script, ...args], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...opts,
  });
  let stdout = '';
  let stderr = '';
  proc.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  proc.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<ExitResult>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { proc, exited, output: () => ({ stdout, stderr }) };
}

/** Runs a CLI command to its end. */
export function runCli(args: string[], env: Record<string, string | undefined>): Promise<ExitResult> {
  return spawnNode('src/server/cli/main.ts', args, env).exited;
}

export interface ServerProcess extends Spawned {
  url: string;
  /** Milliseconds from spawn until /readyz answered 200. */
  startMs: number;
  stop(signal?: NodeJS.Signals): Promise<ExitResult>;
}

/** Starts src/server/main.ts on a free port and waits until /readyz says ready. */
export async function startServer(
  env: Record<string, string | undefined>,
  timeoutMs = 90_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const spawned = spawnNode('src/server/main.ts', [], { PORT: String(port), HOST: '127.0.0.1', ...env });
  let exit: ExitResult | null = null;
  void spawned.exited.then((r) => {
    exit = r;
  });
  while (!exit) {
    if (Date.now() - started > timeoutMs) {
      spawned.proc.kill('SIGKILL');
      throw new Error(`server did not get ready in ${timeoutMs} ms: ${spawned.output().stderr}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (exit) {
    const r = exit as ExitResult;
    throw new Error(`server exited (${r.code ?? r.signal}) before it was ready: ${r.stderr}`);
  }
  return {
    ...spawned,
    url,
    startMs: Date.now() - started,
    stop(signal = 'SIGTERM') {
      spawned.proc.kill(signal);
      return spawned.exited;
    },
  };
}
