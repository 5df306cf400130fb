import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { importQueues } from '../../features/imports/import-worker.ts';
import { mailQueue } from '../../features/mail/mail-jobs.ts';
import { type Mailer, mailTransport } from '../../features/mail/mailer.ts';
import { hourlyQueues } from '../hourly-jobs.ts';
import type { JobQueue } from './job-queue.ts';

export interface AppJobsContext {
  db: Db;
  config: Config;
  mailer: Mailer;
  log: { error(obj: unknown, msg: string): void };
}

/**
 * Every queue the application works: imports, e-mail over SMTP and, when `scheduled`, the hourly
 * reminders and alerts (main turns them on; tests run them directly so that no reminder surprises them).
 */
export function defineAppJobs(jobs: JobQueue, ctx: AppJobsContext, opts: { scheduled: boolean }) {
  const { db, config, mailer, log } = ctx;
  for (const queue of importQueues({ db, config, mailer }, jobs, log)) jobs.define(queue);
  if (config.smtpUrl) {
    jobs.define(
      mailQueue(db, { transport: mailTransport({ smtpUrl: config.smtpUrl }), from: config.mailFrom }),
    );
  }
  if (opts.scheduled) {
    for (const queue of hourlyQueues({ db, mailer, publicUrl: config.publicUrl })) jobs.define(queue);
  }
}
