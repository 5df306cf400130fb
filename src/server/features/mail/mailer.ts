import { and, desc, eq, lt } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/client.ts';
import { outbox } from '../../db/schema/index.ts';

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

/**
 * Every message is recorded in the outbox table. Without SMTP_URL that is where it stays, readable by
 * administrators in the UI; with SMTP_URL it is also sent and marked sent (or its error kept).
 */
export function createMailer(db: Db, opts: { smtpUrl?: string | undefined; from: string }): Mailer {
  // nodemailer loads with the first message sent over SMTP, not at start-up.
  let transport: Promise<Transporter> | null = null;
  const smtp = (url: string) => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url));
    return transport;
  };
  const deliver = async (id: string, message: MailMessage) => {
    if (!opts.smtpUrl) return;
    try {
      await (await smtp(opts.smtpUrl)).sendMail({ from: opts.from, ...message });
      await db.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.id, id));
    } catch (err) {
      await db
        .update(outbox)
        .set({ error: String(err) })
        .where(eq(outbox.id, id));
    }
  };
  const sendMany = async (messages: MailMessage[]) => {
    if (messages.length === 0) return;
    const rows = await db
      .insert(outbox)
      .values(
        messages.map((m) => ({ ...m, transport: opts.smtpUrl ? ('smtp' as const) : ('outbox' as const) })),
      )
      .returning({ id: outbox.id });
    for (const [i, row] of rows.entries()) await deliver(row.id, messages[i]!);
  };
  return { send: (message) => sendMany([message]), sendMany };
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
