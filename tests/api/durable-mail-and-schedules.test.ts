import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/server/db/client.ts';
import { mailQueue } from '../../src/server/features/mail/mail-jobs.ts';
import {
  createMailer,
  listOutbox,
  MAIL_QUEUE,
  type MailTransport,
  outboxDelivery,
} from '../../src/server/features/mail/mailer.ts';
import { hourlyQueues } from '../../src/server/lib/hourly-jobs.ts';
import { createJobQueue, type JobQueue } from '../../src/server/lib/jobs/job-queue.ts';
import { openTestDatabase } from '../support/template-db.ts';

/** E-mail and the hourly reminders as durable jobs (ADR 22). */

const silent = { error: () => undefined };
const FROM = 'test@valfardsnavet.se';
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** A transport that refuses the first `failures` messages, as an SMTP server that is down for a while. */
function flakyTransport(failures: number) {
  const attempts: string[] = [];
  const delivered: string[] = [];
  const transport: MailTransport = {
    async sendMail(message) {
      attempts.push(String(message.to));
      if (attempts.length <= failures) throw new Error('421 service not available');
      delivered.push(String(message.to));
      return {};
    },
  };
  return { transport, attempts, delivered };
}

async function outboxRow(id: string) {
  const [row] = await queryRows<{ sent_at: Date | null; error: string | null }>(
    database.db,
    sql`select sent_at, error from outbox where id = ${id}`,
  );
  return row!;
}

async function mailJob(id: string) {
  for (;;) {
    const [job] = await queryRows<{ state: string; retry_count: number; retry_backoff: boolean }>(
      database.db,
      sql`select state, retry_count, retry_backoff from pgboss.job where id = ${id}`,
    );
    if (job && (job.state === 'completed' || job.state === 'failed')) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The message as administrators see it on the outbox page. */
async function shown(to: string) {
  const [row] = await listOutbox(database.db, { to, limit: 1, before: null });
  return outboxDelivery(row!);
}

async function lastOutboxId(to: string) {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from outbox where "to" = ${to} order by created_at desc limit 1`,
  );
  return row!.id;
}

describe('e-mail over SMTP as jobs', () => {
  async function withMailWorker(
    failures: number,
    retryLimit: number,
    run: (q: JobQueue, f: ReturnType<typeof flakyTransport>) => Promise<void>,
  ) {
    const flaky = flakyTransport(failures);
    const jobs = createJobQueue(database, silent, { pollingIntervalSeconds: 0.5 });
    // Backoff from one second so that the test does not wait half a minute.
    jobs.define(
      mailQueue(
        database.db,
        { transport: flaky.transport, from: FROM },
        { retryLimit, retryDelay: 1, retryBackoff: true },
      ),
    );
    await jobs.start();
    try {
      await run(jobs, flaky);
    } finally {
      await jobs.stop();
    }
  }

  it('retries a message with backoff while the transport fails, then sends it once', async () => {
    await withMailWorker(2, 4, async (jobs, flaky) => {
      const mailer = createMailer(database.db, {
        smtpUrl: 'smtp://unused',
        from: FROM,
        jobs,
        transport: flaky.transport,
      });
      await mailer.send({ to: 'retry@example.org', subject: 'Prov', text: 'Hej' });
      const id = await lastOutboxId('retry@example.org');
      const job = await mailJob(id);
      expect(job).toMatchObject({ state: 'completed', retry_count: 2, retry_backoff: true });
      expect(flaky.attempts).toEqual(['retry@example.org', 'retry@example.org', 'retry@example.org']);
      expect(flaky.delivered).toEqual(['retry@example.org']);
      const row = await outboxRow(id);
      expect(row.sent_at).not.toBeNull();
      expect(row.error).toBeNull();
      expect(await shown('retry@example.org')).toMatchObject({ delivery: 'sent', error: null });
    });
  });

  it('marks a message that never goes through as given up, unsent', async () => {
    await withMailWorker(100, 1, async (jobs, flaky) => {
      const mailer = createMailer(database.db, {
        smtpUrl: 'smtp://unused',
        from: FROM,
        jobs,
        transport: flaky.transport,
      });
      await mailer.send({ to: 'never@example.org', subject: 'Prov', text: 'Hej' });
      const id = await lastOutboxId('never@example.org');
      expect(await mailJob(id)).toMatchObject({ state: 'failed', retry_count: 1 });
      expect(flaky.delivered).toEqual([]);
      const row = await outboxRow(id);
      expect(row.sent_at).toBeNull();
      expect(row.error).toMatch(/^Not sent: gave up after 2 attempts\. Last error: Error: 421/);
      expect(await shown('never@example.org')).toMatchObject({ delivery: 'failed', sentAt: null });
    });
  });

  it('keeps a message in the outbox without SMTP, with no job', async () => {
    const mailer = createMailer(database.db, { from: FROM });
    await mailer.send({ to: 'outbox-only@example.org', subject: 'Prov', text: 'Hej' });
    const id = await lastOutboxId('outbox-only@example.org');
    expect(
      await queryRows(database.db, sql`select 1 from pgboss.job where id = ${id} and name = ${MAIL_QUEUE}`),
    ).toEqual([]);
    expect(await shown('outbox-only@example.org')).toMatchObject({ delivery: 'outbox', sentAt: null });
  });
});

describe('the hourly reminders as scheduled jobs', () => {
  it('run once per slot however many instances run them', async () => {
    // A slot that is now: started well within its minute, so that the first cron check sees it.
    while (new Date().getUTCSeconds() > 45) await new Promise((r) => setTimeout(r, 1000));
    const now = new Date();
    const cron = `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`;
    const runs = new Map<string, number>();
    const mailer = createMailer(database.db, { from: FROM });
    const instance = () => {
      const jobs = createJobQueue(database, silent, {
        pollingIntervalSeconds: 0.5,
        cronMonitorIntervalSeconds: 1,
      });
      for (const queue of hourlyQueues({ db: database.db, mailer, publicUrl: 'http://localhost' }, cron)) {
        jobs.define({
          ...queue,
          handler: async (job) => {
            runs.set(queue.name, (runs.get(queue.name) ?? 0) + 1);
            await queue.handler!(job);
          },
        });
      }
      return jobs;
    };
    const instances = [instance(), instance(), instance()];
    for (const jobs of instances) await jobs.start();
    try {
      const names = hourlyQueues({ db: database.db, mailer, publicUrl: '' }).map((q) => q.name);
      for (;;) {
        const [done] = await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from pgboss.job where name in ${sql.raw(`('${names.join("','")}')`)} and state = 'completed'`,
        );
        if (done!.n >= names.length) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const jobs = await queryRows<{ name: string; n: number }>(
        database.db,
        sql`select name, count(*)::int as n from pgboss.job where name in ${sql.raw(`('${names.join("','")}')`)} group by name order by name`,
      );
      expect(jobs).toEqual(names.sort().map((name) => ({ name, n: 1 })));
      expect(Object.fromEntries(runs)).toEqual(Object.fromEntries(names.map((n) => [n, 1])));
    } finally {
      for (const jobs of instances) await jobs.stop();
    }
  });
});
