/**
 * Recognises failures that say "the database cannot serve this now" rather than "this request is
 * wrong": the API answers them 503 with Retry-After (never 500), and /readyz fails until they pass.
 */
export type Unavailability = 'connection' | 'write';

/** SQLSTATEs: class 08 (connection exception), shutdowns, too many connections; out of disk, read-only. */
const CONNECTION_STATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const WRITE_STATES = new Set(['53100', '25006', '58030', '53200']);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const WRITE_CODES = new Set(['ENOSPC', 'EROFS', 'EDQUOT', 'EIO']);
const CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed|timeout exceeded when trying to connect|PGlite is closed/i;

export function unavailability(err: unknown): Unavailability | null {
  // Drizzle wraps the driver's error in `cause`; walk a few levels.
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (CONNECTION_STATES.has(code) || CONNECTION_CODES.has(code)) return 'connection';
      if (WRITE_STATES.has(code) || WRITE_CODES.has(code)) return 'write';
    }
    if (e instanceof Error && CONNECTION_MESSAGES.test(e.message)) return 'connection';
  }
  return null;
}

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
