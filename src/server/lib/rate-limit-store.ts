import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { serverKey } from './server-keys.ts';

/** What @fastify/rate-limit reads back from a store: hits in the window and milliseconds left of it. */
export interface RateLimitCount {
  current: number;
  ttl: number;
}
type Callback = (err: Error | null, result?: RateLimitCount) => void;

/**
 * The part of the options the store uses: @fastify/rate-limit passes its merged settings with the
 * route as `routeInfo` (its type declarations name the route options instead, hence `object` below).
 */
interface StoreOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  routeInfo?: { method?: string | string[]; url?: string };
}

/** Expired windows are deleted by whichever counted request comes first after this long, per process. */
const SWEEP_EVERY_MS = 60_000;

const msLeft = sql`greatest(0, round(extract(epoch from (window_ends_at - now())) * 1000))::int`;

/**
 * Counts one request of `keyHash` in a fixed window of `windowMs`, in one statement: a window that has
 * ended starts again at 1. The row lock of `on conflict do update` makes concurrent counts exact on
 * PostgreSQL, whichever instance they arrive at.
 */
export async function countHit(db: Db, keyHash: string, windowMs: number): Promise<RateLimitCount> {
  const windowEnd = sql`now() + make_interval(secs => ${windowMs / 1000})`;
  const [row] = await queryRows<RateLimitCount>(
    db,
    sql`insert into rate_limit_counters as c (key_hash, hits, window_ends_at)
        values (${keyHash}, 1, ${windowEnd})
        on conflict (key_hash) do update set
          hits = case when c.window_ends_at <= now() then 1 else c.hits + 1 end,
          window_ends_at = case when c.window_ends_at <= now() then ${windowEnd} else c.window_ends_at end
        returning hits as current, ${msLeft} as ttl`,
  );
  return row!;
}

/** The count without counting (the plugin's `{ increment: false }`). */
export async function readHits(db: Db, keyHash: string): Promise<RateLimitCount> {
  const [row] = await queryRows<RateLimitCount>(
    db,
    sql`select hits as current, ${msLeft} as ttl from rate_limit_counters
        where key_hash = ${keyHash} and window_ends_at > now()`,
  );
  return row ?? { current: 0, ttl: 0 };
}

export async function deleteEndedWindows(db: Db) {
  await db.execute(sql`delete from rate_limit_counters where window_ends_at <= now()`);
}

/**
 * A store for @fastify/rate-limit that keeps its counts in the database (`rate_limit_counters`), so a
 * limit holds in total over every instance on one PostgreSQL instead of once per instance (issue 19);
 * on PGlite it is the same table. The plugin constructs the store itself (`new Store(options)`), hence
 * a class made per database. Each limited route gets its own counts (`child`), like the plugin's own
 * in-memory store; a request costs one statement, plus a sweep of ended windows once a minute.
 */
export function sharedRateLimitStore(db: Db) {
  let lastSweep = 0;
  // Keyed, so the table holds no readable IP address or user id.
  const hash = async (value: string) =>
    createHmac('sha256', await serverKey(db, 'rate_limit'))
      .update(value)
      .digest('hex');

  return class SharedRateLimitStore {
    private readonly route: string;

    constructor(settings: object) {
      const options = settings as StoreOptions;
      // This store counts fixed windows, which is what every limit here asks for; an option for windows
      // that restart or grow while exceeded is refused at start instead of being counted wrongly.
      if (options.continueExceeding || options.exponentialBackoff) {
        throw new Error('The shared rate-limit store counts fixed windows only');
      }
      const method = options.routeInfo?.method;
      this.route = `${Array.isArray(method) ? method.join(',') : (method ?? '')} ${options.routeInfo?.url ?? ''}`;
    }

    private keyHash(key: string) {
      return hash(`${this.route}\n${key}`);
    }

    private async count(key: string, windowMs: number) {
      if (Date.now() - lastSweep >= SWEEP_EVERY_MS) {
        lastSweep = Date.now();
        await deleteEndedWindows(db);
      }
      return countHit(db, await this.keyHash(key), windowMs);
    }

    incr(key: string, cb: Callback, timeWindow: number) {
      this.count(key, timeWindow).then((r) => cb(null, r), cb);
    }

    read(key: string, cb: Callback) {
      this.keyHash(key)
        .then((hash) => readHits(db, hash))
        .then((r) => cb(null, r), cb);
    }

    child(routeOptions: object) {
      return new SharedRateLimitStore(routeOptions);
    }
  };
}
