import type { Db } from '../../db/client.ts';
import type { QueueDefinition } from '../../lib/jobs/job-queue.ts';
import { deliverOutboxMessage, GAVE_UP, MAIL_QUEUE, type MailTransport } from './mailer.ts';

export interface MailJobData {
  outboxId: string;
}

/** Retries with doubling delays from 30 s: eight more attempts span about two hours of an SMTP outage. */
export const MAIL_RETRIES = { retryLimit: 8, retryDelay: 30, retryBackoff: true } as const;

/**
 * The worker that sends outbox messages. A failed attempt is written on the message and retried by
 * pg-boss with backoff; after the last one the message says it was given up. A message is sent at least
 * once: an instance dying between the SMTP answer and marking it sent sends it again on the retry.
 */
export function mailQueue(
  db: Db,
  mail: { transport: MailTransport; from: string },
  retries: { retryLimit: number; retryDelay: number; retryBackoff: boolean } = MAIL_RETRIES,
): QueueDefinition<MailJobData> {
  return {
    name: MAIL_QUEUE,
    options: { ...retries, expireInSeconds: 5 * 60 },
    async handler(job) {
      const attempt = job.retryCount + 1;
      const attempts = job.retryLimit + 1;
      await deliverOutboxMessage(db, mail.transport, mail.from, job.data.outboxId, (err) =>
        attempt >= attempts
          ? `${GAVE_UP} after ${attempts} attempts. Last error: ${String(err)}`
          : `Attempt ${attempt} of ${attempts} failed, retrying: ${String(err)}`,
      );
    },
  };
}
