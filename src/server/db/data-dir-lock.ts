import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OperatorError } from './operator-error.ts';

/** The lock file inside DATA_DIR: it moves with the directory and works on a mounted volume. */
export const LOCK_FILE = 'valfardsnavet.lock';
/** A holder on another host cannot be asked whether it lives: its heartbeat must be this fresh. */
const FOREIGN_STALE_MS = 15_000;
const HEARTBEAT_MS = 5_000;

interface LockOwner {
  pid: number;
  hostname: string;
  bootId: string | null;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat): tells a reused pid apart. */
  startTicks: number | null;
  token: string;
  since: string;
}

export class DataDirLockedError extends OperatorError {
  constructor(dir: string, owner: LockOwner) {
    super(
      `The data directory ${dir} is in use by another Välfärdsnavet process (pid ${owner.pid} on ` +
        `${owner.hostname}, since ${owner.since}). The embedded database (PGlite) serves one process ` +
        'only: stop the other process, start this one with another DATA_DIR, or use DATABASE_URL for PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

const bootId = () => readText('/proc/sys/kernel/random/boot_id')?.trim() || null;

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may contain spaces, so count after ')'. */
export function processStartTicks(pid: number): number | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string | null): LockOwner | null {
  if (text === null) return null;
  try {
    const owner = JSON.parse(text) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.token === 'string' ? owner : null;
  } catch {
    return null;
  }
}

/**
 * Whether the recorded owner still runs. On this machine that is a fact (the pid exists and started at
 * the recorded time), so a lock left by a killed process is taken over at once; another host's process
 * is judged by its heartbeat.
 */
function ownerAlive(file: string, owner: LockOwner): boolean {
  if (owner.hostname !== os.hostname()) {
    const mtime = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    return Date.now() - mtime < FOREIGN_STALE_MS;
  }
  if (owner.bootId && owner.bootId !== bootId()) return false;
  if (!pidAlive(owner.pid)) return false;
  const ticks = processStartTicks(owner.pid);
  return ticks === null || owner.startTicks === null || ticks === owner.startTicks;
}

/** Publishes the file complete or not at all: link() fails with EEXIST if someone holds the lock. */
function tryCreate(file: string, owner: LockOwner): boolean {
  const tmp = `${file}.${owner.token}`;
  fs.writeFileSync(tmp, JSON.stringify(owner));
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Two processes may find the same dead owner at once; only one of them may remove its file, or the
 * second would remove the first one's fresh lock. A directory made with mkdir is that mutex.
 */
function removeIfStill(file: string, staleText: string) {
  const mutex = `${file}.takeover`;
  try {
    fs.mkdirSync(mutex);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // A takeover lasts milliseconds; a mutex this old was left by a process killed in between.
    const age = Date.now() - (fs.statSync(mutex, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age > 5_000) fs.rmSync(mutex, { recursive: true, force: true });
    return;
  }
  try {
    if (readText(file) === staleText) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(mutex, { recursive: true, force: true });
  }
}

export interface LockOptions {
  /** Called when the lock file is gone or someone else's: continuing would risk the data. */
  onCompromised?: (message: string) => void;
}

/**
 * Takes the exclusive lock on a PGlite data directory: one process per directory. Refuses with
 * DataDirLockedError only while the holder lives; a dead holder's lock is taken over at once.
 */
export async function acquireDataDirLock(dir: string, opts: LockOptions = {}): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: bootId(),
    startTicks: processStartTicks(process.pid),
    token: randomUUID(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(file, me)) break;
    const text = readText(file);
    const owner = parseOwner(text);
    if (owner && ownerAlive(file, owner)) throw new DataDirLockedError(dir, owner);
    if (attempt >= 40) throw new Error(`Could not take the lock ${file}: it keeps changing`);
    // A lock is published whole (link), so one that does not parse is no one's.
    if (text !== null) removeIfStill(file, text);
    await new Promise((resolve) => setTimeout(resolve, attempt === 0 ? 0 : 50));
  }

  const onCompromised =
    opts.onCompromised ??
    ((message: string) => {
      console.error(`${message} Stopping to protect the data.`);
      process.exit(1);
    });
  // The heartbeat lets a process on another host see that this one lives, and notices a lost lock.
  const heartbeat = setInterval(() => {
    if (parseOwner(readText(file))?.token !== me.token) {
      clearInterval(heartbeat);
      onCompromised(`Lost the lock on ${dir}: ${file} was removed or replaced.`);
      return;
    }
    const now = new Date();
    fs.utimes(file, now, now, () => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return async () => {
    clearInterval(heartbeat);
    if (parseOwner(readText(file))?.token === me.token) fs.rmSync(file, { force: true });
  };
}
