import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/client.ts';
import { migrationsApplied } from '../../db/migrate.ts';
import { healthProbe } from '../../db/schema/index.ts';
import { unavailability } from '../../db/unavailable.ts';

export type Readiness = { ready: true } | { ready: false; reason: string };

export interface ReadinessOptions {
  /** A probe result is reused this long, so a load balancer polling often costs one write per interval. */
  intervalMs?: number;
  /** A database that does not answer within this is as good as down. */
  timeoutMs?: number;
  /** After a request failed for want of disk or write access, not ready at least this long. */
  holdAfterWriteFailureMs?: number;
}

/** Bigger than a page, so the file system must find free blocks for it. */
const DISK_PROBE = Buffer.alloc(64 * 1024, 0x2e);

export type ReadinessCheck = ReturnType<typeof createReadiness>;

/**
 * Ready means the database answers, is migrated and can write. The probe rewrites one row of
 * `health_probe` (fails when the database is read-only or unreachable) and, for the embedded database,
 * rewrites a 64 KiB file in DATA_DIR (fails when its disk is full: a row rewritten in place would
 * not notice). A request that failed for want of disk (reportWriteFailure) also makes the instance
 * not ready for a while: on PostgreSQL only a write that must grow a file sees a full disk. Checks
 * recover on their own once the condition passes; concurrent checks share one probe.
 */
export function createReadiness(database: Database, opts: ReadinessOptions = {}) {
  const intervalMs = opts.intervalMs ?? 2_000;
  const timeoutMs = opts.timeoutMs ?? 3_000;
  const holdMs = opts.holdAfterWriteFailureMs ?? 10_000;
  let last: { at: number; result: Readiness } | null = null;
  let running: Promise<Readiness> | null = null;
  let writeFailedUntil = 0;

  async function probe(): Promise<Readiness> {
    if (database.dataDir) {
      try {
        await fs.writeFile(path.join(database.dataDir, '.ready-probe'), DISK_PROBE);
      } catch (err) {
        return { ready: false, reason: `data disk cannot write (${(err as NodeJS.ErrnoException).code})` };
      }
    }
    const now = new Date();
    await database.db
      .insert(healthProbe)
      .values({ id: 1, checkedAt: now })
      .onConflictDoUpdate({ target: healthProbe.id, set: { checkedAt: now } });
    if (!(await migrationsApplied(database))) return { ready: false, reason: 'migrations pending' };
    return { ready: true };
  }

  async function run(): Promise<Readiness> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Readiness>((resolve) => {
      timer = setTimeout(() => resolve({ ready: false, reason: 'database timeout' }), timeoutMs);
    });
    try {
      return await Promise.race([probe(), timeout]);
    } catch (err) {
      const kind = unavailability(err);
      const reason =
        kind === 'write' ? 'database cannot write' : kind ? 'database unreachable' : 'probe failed';
      return { ready: false, reason };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async check(): Promise<Readiness> {
      if (Date.now() < writeFailedUntil) return { ready: false, reason: 'database cannot write' };
      if (last && Date.now() - last.at < intervalMs) return last.result;
      running ??= run().then((result) => {
        last = { at: Date.now(), result };
        running = null;
        return result;
      });
      return running;
    },
    /** A request just failed because the database could not write (full disk, read-only). */
    reportWriteFailure() {
      writeFailedUntil = Date.now() + holdMs;
    },
  };
}
