import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirLockedError,
  LOCK_FILE,
  processStartTicks,
} from '../../src/server/db/data-dir-lock.ts';
import { type Spawned, spawnNode } from '../support/server-process.ts';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-lock-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const newDir = () => fs.mkdtempSync(path.join(root, 'data-'));

async function holdLock(dir: string): Promise<Spawned> {
  const holder = spawnNode('tests/support/hold-data-dir-lock.ts', [dir], {});
  const started = Date.now();
  while (!holder.output().stdout.includes('locked')) {
    if (Date.now() - started > 30_000) throw new Error(`holder did not lock: ${holder.output().stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return holder;
}

const writeLock = (dir: string, owner: Record<string, unknown>) =>
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ token: 'other', since: 'then', ...owner }));

describe('the data-directory lock', () => {
  it('refuses a second process while the first lives, and takes over at once after SIGKILL', async () => {
    const dir = newDir();
    const holder = await holdLock(dir);
    const refused = await acquireDataDirLock(dir).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain(`pid ${holder.proc.pid}`);

    holder.proc.kill('SIGKILL');
    await holder.exited;
    const started = Date.now();
    const release = await acquireDataDirLock(dir);
    expect(Date.now() - started).toBeLessThan(2_000);
    await release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second taker in the same process and frees the directory on release', async () => {
    const dir = newDir();
    const release = await acquireDataDirLock(dir);
    await expect(acquireDataDirLock(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await release();
    await (await acquireDataDirLock(dir))();
  });

  it('takes over a lock whose pid now belongs to another process (started at another time)', async () => {
    const dir = newDir();
    const ticks = processStartTicks(process.pid);
    expect(ticks).not.toBeNull();
    writeLock(dir, { pid: process.pid, hostname: os.hostname(), bootId: null, startTicks: ticks! - 1 });
    await (await acquireDataDirLock(dir))();
  });

  it('takes over a lock from before a reboot and a lock that is not a lock file', async () => {
    const dir = newDir();
    writeLock(dir, { pid: process.pid, hostname: os.hostname(), bootId: 'another-boot', startTicks: null });
    await (await acquireDataDirLock(dir))();
    fs.writeFileSync(path.join(dir, LOCK_FILE), 'not json');
    await (await acquireDataDirLock(dir))();
  });

  it("judges another host's holder by its heartbeat", async () => {
    const dir = newDir();
    writeLock(dir, { pid: 1, hostname: 'other-host.example', bootId: null, startTicks: null });
    await expect(acquireDataDirLock(dir)).rejects.toThrow(/pid 1 on other-host\.example/);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, LOCK_FILE), old, old);
    await (await acquireDataDirLock(dir))();
  });

  it('lets one of many simultaneous takers of a dead lock win', async () => {
    const dir = newDir();
    writeLock(dir, { pid: 2 ** 22 + 17, hostname: os.hostname(), bootId: null, startTicks: null });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => acquireDataDirLock(dir)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DataDirLockedError);
    await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value();
  });
});
