import { and, desc, eq, lt } from 'drizzle-orm';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type { Db } from '../../db/client.ts';
import { outbox } from '../../db/schema/index.ts';
import type { JobQueue } from '../../lib/jobs/job-queue.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  replyTo?: string | undefined;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Many messages at once (bulk import): one insert into the outbox, then SMTP one by one if configured. */
  sendMany(messages: MailMessage[]): Promise<void>;
}

/** One job per outbox message sent over SMTP (`mail-jobs.ts`); the job's id is the message's. */
export const MAIL_QUEUE = 'mail';

/** What sends a message: nodemailer's SMTP transport in production, a stand-in in tests. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
}

export interface MailerOptions {
  smtpUrl?: string | undefined;
  from: string;
  /** The durable queue that sends with retries (`mail-jobs.ts`); without it a message is tried once, inline. */
  jobs?: JobQueue;
  /** Replaces the SMTP transport of SMTP_URL (tests). */
  transport?: MailTransport;
}

/**
 * Every message is recorded in the outbox table. Without SMTP_URL that is where it stays, readable by
 * administrators in the UI; with SMTP_URL a job sends it, retried with backoff, and marks it sent (or
 * keeps the last error, and says so once it gives up).
 */
export function createMailer(db: Db, opts: MailerOptions): Mailer {
  const sendMany = async (messages: MailMessage[]) => {
    if (messages.length === 0) return;
    const rows = await db
      .insert(outbox)
      .values(
        messages.map((m) => ({ ...m, transport: opts.smtpUrl ? ('smtp' as const) : ('outbox' as const) })),
      )
      .returning({ id: outbox.id });
    if (!opts.smtpUrl) return;
    if (opts.jobs) {
      await opts.jobs.insert(rows.map((r) => ({ name: MAIL_QUEUE, id: r.id, data: { outboxId: r.id } })));
      return;
    }
    const transport = mailTransport(opts);
    for (const row of rows)
      await deliverOutboxMessage(db, transport, opts.from, row.id).catch(() => undefined);
  };
  return { send: (message) => sendMany([message]), sendMany };
}

/** The transport of the options, nodemailer loaded with the first message sent, not at start-up. */
export function mailTransport(opts: Pick<MailerOptions, 'smtpUrl' | 'transport'>): MailTransport {
  if (opts.transport) return opts.transport;
  const url = opts.smtpUrl;
  if (!url) throw new Error('No SMTP_URL to send mail through');
  let transport: Promise<Transporter> | null = null;
  return {
    async sendMail(message) {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url));
      return (await transport).sendMail(message);
    },
  };
}

/**
 * Sends one outbox message unless it was sent already, and marks it sent; a failure is written on the
 * message (`describeFailure`) and thrown, so that the job is retried.
 */
export async function deliverOutboxMessage(
  db: Db,
  transport: MailTransport,
  from: string,
  id: string,
  describeFailure: (err: unknown) => string = String,
) {
  const [message] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!message || message.sentAt) return;
  try {
    await transport.sendMail({
      from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    });
  } catch (err) {
    await db
      .update(outbox)
      .set({ error: describeFailure(err) })
      .where(eq(outbox.id, id));
    throw err;
  }
  await db.update(outbox).set({ sentAt: new Date(), error: null }).where(eq(outbox.id, id));
}

/** How a message written by the worker's `describeFailure` reads once the worker has given up on it. */
export const GAVE_UP = 'Not sent: gave up';

/** Where an outbox message is on its way, as administrators see it. */
export function outboxDelivery(row: typeof outbox.$inferSelect) {
  const delivery =
    row.transport === 'outbox'
      ? ('outbox' as const)
      : row.sentAt
        ? ('sent' as const)
        : row.error?.startsWith(GAVE_UP)
          ? ('failed' as const)
          : ('retrying' as const);
  return { delivery, sentAt: row.sentAt?.toISOString() ?? null, error: row.error };
}

export async function listOutbox(
  db: Db,
  opts: { to?: string | undefined; limit: number; before: Date | null },
) {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        opts.to ? eq(outbox.to, opts.to.toLowerCase()) : undefined,
        opts.before ? lt(outbox.createdAt, opts.before) : undefined,
      ),
    )
    .orderBy(desc(outbox.createdAt))
    .limit(opts.limit + 1);
}
