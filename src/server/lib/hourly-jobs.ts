import type { Db } from '../db/client.ts';
import { sendDueReminders } from '../features/assessments/reminders.ts';
import { sendContractAlerts } from '../features/contract-radar/contract-alerts.ts';
import { sendFundingReminders } from '../features/funding-calls/funding-reminders.ts';
import type { Mailer } from '../features/mail/mailer.ts';
import type { QueueDefinition } from './jobs/job-queue.ts';

export interface HourlyJobContext {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  now: Date;
}

/**
 * The reminders and alerts that are sent by date, each a scheduled job: one instance runs it each hour
 * (ADR 22). Each is also idempotent (it records what it sent), so a job retried after a crash never
 * sends one twice. Tests call the functions directly.
 */
const HOURLY_JOBS: { name: string; run(ctx: HourlyJobContext): Promise<unknown> }[] = [
  // Assessment rounds closing soon: municipalities that have not submitted.
  { name: 'assessment-reminders', run: (c) => sendDueReminders(c.db, c.mailer, c.publicUrl, c.now) },
  // Stimulus funds: 30 and 7 days before the requisition and reporting deadlines.
  { name: 'funding-reminders', run: (c) => sendFundingReminders(c.db, c.mailer, c.publicUrl, c.now) },
  // Contracts: 12, 6 and 3 months before the next decision (an extension option or the notice).
  { name: 'contract-alerts', run: (c) => sendContractAlerts(c.db, c.mailer, c.publicUrl, c.now) },
  // @features-hourly-jobs (one entry per job above this line)
];

/** Every hour at five past (UTC); a failed run is retried twice within the hour. */
export const HOURLY_CRON = '5 * * * *';

/** The hourly jobs as scheduled queues; `cron` replaces the schedule (tests run them every minute). */
export function hourlyQueues(
  ctx: Omit<HourlyJobContext, 'now'>,
  cron = HOURLY_CRON,
): QueueDefinition<object>[] {
  return HOURLY_JOBS.map((job) => ({
    name: job.name,
    options: { retryLimit: 2, retryDelay: 60, expireInSeconds: 30 * 60 },
    cron,
    handler: async () => {
      await job.run({ ...ctx, now: new Date() });
    },
  }));
}
