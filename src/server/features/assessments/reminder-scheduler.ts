import type { Db } from '../../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';
import { sendDueReminders } from './reminders.ts';

const HOUR = 60 * 60 * 1000;

/**
 * Runs the automatic assessment reminders at start and then hourly, in this process. Sending is
 * idempotent per three days (reminded_at), so several instances or restarts do not flood anyone.
 * Returns a stop function. Not started in tests: they call `sendDueReminders` directly.
 */
export function startReminderScheduler(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  log: { error(obj: unknown, msg: string): void },
): () => void {
  const run = () =>
    sendDueReminders(db, mailer, publicUrl).catch((err) => log.error({ err }, 'assessment reminders failed'));
  void run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
