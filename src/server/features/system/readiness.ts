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
}

/**
 * Ready means the database answers, is migrated and can write: the probe rewrites one row of
 * `health_probe`, so a full disk, a read-only database or a lost connection fail it, and the next
 * probe after the condition passes recovers on its own. Concurrent checks share one probe.
 */
export function createReadiness(database: Database, opts: ReadinessOptions = {}) {
  const intervalMs = opts.intervalMs ?? 2_000;
  const timeoutMs = opts.timeoutMs ?? 3_000;
  let last: { at: number; result: Readiness } | null = null;
  let running: Promise<Readiness> | null = null;

  async function probe(): Promise<Readiness> {
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
      if (last && Date.now() - last.at < intervalMs) return last.result;
      running ??= run().then((result) => {
        last = { at: Date.now(), result };
        running = null;
        return result;
      });
      return running;
    },
  };
}
