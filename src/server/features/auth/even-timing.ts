import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `work` and answers no sooner than `ms` after the start, so what is done only for an existing
 * account (a token, an audit entry, a mail in the outbox) does not show in the response time.
 */
export async function takingAtLeast<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = ms - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

/** Longer than the mail work takes on a busy server, short enough to go unnoticed by a person. */
export const MAIL_REQUEST_MS = 250;
