import type pg from 'pg';

const BEGIN = /^\s*begin\b/i;

/**
 * drizzle's `transaction()` checks a client out of the pool and sends BEGIN before entering the
 * try/finally that releases it. When BEGIN fails — on a connection the server has just ended, say — the
 * client never goes back: the pool shrinks by one for good, and `pool.end()` waits for it for ever.
 * A client whose BEGIN fails is therefore released here, destroyed, since nothing else will.
 */
export function releaseClientOnFailedBegin(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.query = ((...args: unknown[]) => {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || !BEGIN.test(text) || args.some((a) => typeof a === 'function')) {
      return query(...args);
    }
    return query(...args).catch((err: unknown) => {
      client.release(err instanceof Error ? err : new Error(String(err)));
      throw err;
    });
  }) as typeof client.query;
}
