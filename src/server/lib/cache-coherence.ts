import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Db } from '../db/client.ts';
import type { CacheDrop, CacheRegistry } from './caches.ts';

/**
 * Cache drops travel between instances on one PostgreSQL database through LISTEN/NOTIFY (ADR 23): each
 * instance sends its drops with pg_notify through its pool and listens on a connection of its own. A
 * notification reaches the listeners in milliseconds, so a change made through one instance is seen on
 * every other within a second instead of after the cache's minute. Notifications sent while a listener
 * was away are lost to it, so after every (re)connection it empties its caches.
 */
export const CACHE_CHANNEL = 'vn_cache_drops';
/** Names the listening connection in pg_stat_activity (operators, and the test that ends it). */
export const LISTENER_NAME = 'valfardsnavet-cache-listener';
/** pg_notify takes at most 8000 bytes; a longer drop is sent as the whole namespace's. */
const MAX_PAYLOAD = 7_900;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 10_000;

interface Message {
  /** The sending registry: it has applied its own drop already. */
  o: string;
  n: string;
  p: string;
}

export interface CacheCoherence {
  close(): Promise<void>;
}

export interface CoherenceOptions {
  /** The database's connection string: the listener takes a connection of its own. */
  url: string;
  /** The app's Db: notifications go through its pool. */
  db: Db;
  registry: CacheRegistry;
  log: FastifyBaseLogger;
}

function encode(origin: string, drop: CacheDrop): string {
  const payload = JSON.stringify({ o: origin, n: drop.namespace, p: drop.prefix } satisfies Message);
  return Buffer.byteLength(payload) <= MAX_PAYLOAD
    ? payload
    : JSON.stringify({ o: origin, n: drop.namespace, p: '' } satisfies Message);
}

function decode(payload: string | undefined): Message | null {
  try {
    const m = JSON.parse(payload ?? '') as Partial<Message>;
    return typeof m.o === 'string' && typeof m.n === 'string' && typeof m.p === 'string'
      ? (m as Message)
      : null;
  } catch {
    return null;
  }
}

/** Publishes this registry's drops and applies the other instances'; resolves once the first attempt to listen ends. */
export async function startCacheCoherence(opts: CoherenceOptions): Promise<CacheCoherence> {
  const { registry, log } = opts;
  let closed = false;
  let client: pg.Client | null = null;
  let retryMs = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | undefined;

  const removePublisher = registry.addPublisher((drop) => {
    const payload = encode(registry.origin, drop);
    Promise.resolve(opts.db.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${payload})`)).catch(
      (err: unknown) => {
        // The other instances keep the view until its minute is up; nothing here is lost.
        log.warn({ err, namespace: drop.namespace }, 'cache drop not broadcast');
      },
    );
  });

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  };

  async function connect() {
    const c = new pg.Client({ connectionString: opts.url, application_name: LISTENER_NAME });
    // A connection the server ends (restart, failover, pg_terminate_backend) emits 'error' and 'end';
    // either starts the next attempt. Without a listener, 'error' would end the process.
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      if (!closed) log.warn({ err }, 'cache listener lost its connection; reconnecting');
      retry();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (n) => {
      const m = decode(n.payload);
      if (m && m.o !== registry.origin) registry.apply({ namespace: m.n, prefix: m.p });
    });
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${CACHE_CHANNEL}`);
      if (closed) {
        await c.end();
        return;
      }
      // Drops sent while this instance was not listening were missed: start from empty caches.
      registry.dropAllHere();
      retryMs = FIRST_RETRY_MS;
    } catch (err) {
      if (client === c) client = null;
      c.end().catch(() => undefined);
      if (!closed) log.warn({ err }, 'cache listener could not connect; retrying');
      retry();
    }
  }

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      removePublisher();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
