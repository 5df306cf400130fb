import type pg from 'pg';
import { unavailability } from './unavailable.ts';

/** A lone SELECT that calls nothing with side effects: running it twice gives the same answer. */
const PLAIN_READ = /^\s*select\b/i;
const SIDE_EFFECTS = /\b(insert|update|delete|merge|nextval|setval|pg_advisory\w*|pg_notify|for\s+share)\b/i;

export function isPlainRead(text: unknown): boolean {
  return typeof text === 'string' && PLAIN_READ.test(text) && !SIDE_EFFECTS.test(text);
}

/**
 * When PostgreSQL drops a connection (restart, failover, pg_terminate_backend), the pool hands out a
 * connection that is already dead once before noticing. A read outside a transaction that failed that
 * way is run once more on another connection, so GETs ride over the drop; anything else fails and is
 * answered 503 by the error handler. Transactions are not retried: their callers decide.
 */
export function retryReadsOnce(pool: pg.Pool): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  pool.query = ((...args: unknown[]) => {
    if (args.some((a) => typeof a === 'function')) return query(...args);
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    if (!isPlainRead(text)) return query(...args);
    return query(...args).catch((err: unknown) => {
      if (unavailability(err) !== 'connection') throw err;
      return query(...args);
    });
  }) as typeof pool.query;
}
