import { sql } from 'drizzle-orm';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { RequestActor } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { loadVisible } from './cases.service.ts';

/**
 * "Kontakta": a signed-in user writes to the consenting contact person of a published case. The mail
 * names the sender, their organisation and their e-mail address, so the contact answers them directly;
 * the platform never shows the sender the contact's inbox or the contact the sender's account. The
 * audit entry records that it happened, never what was written.
 */
export async function contactCase(
  deps: { db: Db; mailer: Mailer },
  actor: RequestActor,
  lang: UiLanguage,
  id: string,
  message: string,
) {
  const { db } = deps;
  const visible = await loadVisible(db, actor, lang, id);
  if (visible.status !== 'published') throw new AppError(409, 'case_not_published');
  const [c] = await queryRows<{
    title: string;
    contact_name: string | null;
    contact_email: string | null;
    contact_consent: boolean;
    municipality_name: string;
  }>(
    db,
    sql`select c.title, c.contact_name, c.contact_email, c.contact_consent, m.name as municipality_name
        from cases c join organisations m on m.id = c.municipality_id where c.id = ${id}`,
  );
  if (!c?.contact_consent || !c.contact_name || !c.contact_email) throw new AppError(409, 'case_no_contact');
  // The contact answers by e-mail: someone without an address of their own cannot be answered.
  if (!actor.email) throw new AppError(409, 'sender_no_email');
  const senderEmail = actor.email;
  const organisation = await senderOrganisation(db, actor);
  const mail = caseContactMail({
    to: c.contact_email,
    contactName: c.contact_name,
    caseTitle: c.title,
    senderName: actor.name,
    senderEmail,
    senderOrganisation: organisation,
    message,
  });
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'case.contacted',
      entityType: 'case',
      entityId: id,
      organisationId: visible.municipality_id,
      after: { senderOrganisation: organisation },
    });
  });
  await deps.mailer.send(mail);
  return { ok: true as const };
}

/** Where the sender works, as the contact would recognise it: a unit with its municipality. */
async function senderOrganisation(db: Db, actor: RequestActor): Promise<string | null> {
  const m = actor.memberships[0];
  if (!m) return null;
  if (m.organisationKind !== 'unit') return m.organisationName;
  const [parent] = await queryRows<{ name: string }>(
    db,
    sql`select p.name from organisations u join organisations p on p.id = u.parent_id where u.id = ${m.organisationId}`,
  );
  return parent ? `${m.organisationName}, ${parent.name}` : m.organisationName;
}

/**
 * The message in Swedish (the contact works in a Swedish municipality) with a short English note. A reply
 * goes to the sender (Reply-To); the address is also written first, for mail clients that hide headers.
 */
export function caseContactMail(p: {
  to: string;
  contactName: string;
  caseTitle: string;
  senderName: string;
  senderEmail: string;
  senderOrganisation: string | null;
  message: string;
}): MailMessage {
  const from = p.senderOrganisation ? `${p.senderName}, ${p.senderOrganisation}` : p.senderName;
  return {
    to: p.to,
    replyTo: p.senderEmail,
    subject: `Fråga om ert exempel i kunskapsbanken: ${p.caseTitle}`,
    text:
      `Hej ${p.contactName}!\n\n${from} har läst ert exempel "${p.caseTitle}" i Välfärdsnavets kunskapsbank och vill ställa en fråga.\n` +
      `Svara direkt till: ${p.senderEmail}\n\n` +
      `--- Meddelande ---\n${p.message}\n------------------\n\n` +
      `Du får det här mejlet för att du har gått med på att vara kontaktperson för exemplet. ` +
      `Vill du inte längre vara det, be kommunens samordnare ändra exemplet.\n\n` +
      `(English: ${from} has read your case in the Välfärdsnavet knowledge bank and asks the question above. ` +
      `Reply to ${p.senderEmail}.)\n\nVälfärdsnavet`,
  };
}
