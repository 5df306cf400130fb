import type { Db } from '../db/client.ts';
import { sendDueReminders } from '../features/assessments/reminders.ts';
import { sendContractAlerts } from '../features/contract-radar/contract-alerts.ts';
import { sendFundingReminders } from '../features/funding-calls/funding-reminders.ts';
import type { Mailer } from '../features/mail/mailer.ts';

const HOUR = 60 * 60 * 1000;

export interface HourlyJobContext {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  now: Date;
}

/**
 * The reminders and alerts that are sent by date. Each is idempotent (it records what it sent), so
 * several instances or restarts never send one twice. Tests call the functions directly.
 */
const HOURLY_JOBS: { name: string; run(ctx: HourlyJobContext): Promise<unknown> }[] = [
  // Assessment rounds closing soon: municipalities that have not submitted.
  { name: 'assessment reminders', run: (c) => sendDueReminders(c.db, c.mailer, c.publicUrl, c.now) },
  // Stimulus funds: 30 and 7 days before the requisition and reporting deadlines.
  { name: 'funding reminders', run: (c) => sendFundingReminders(c.db, c.mailer, c.publicUrl, c.now) },
  // Contracts: 12, 6 and 3 months before the next decision (an extension option or the notice).
  { name: 'contract alerts', run: (c) => sendContractAlerts(c.db, c.mailer, c.publicUrl, c.now) },
  // @features-hourly-jobs (one entry per job above this line)
];

/** Runs every hourly job at start and then hourly, in this process. Returns a stop function. */
export function startHourlyJobs(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  log: { error(obj: unknown, msg: string): void },
): () => void {
  const run = async () => {
    for (const job of HOURLY_JOBS) {
      await job
        .run({ db, mailer, publicUrl, now: new Date() })
        .catch((err) => log.error({ err }, `${job.name} failed`));
    }
  };
  void run();
  const timer = setInterval(() => void run(), HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
