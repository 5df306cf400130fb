import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { MailMessage } from '../mail/mailer.ts';
import type { Recipient } from './support.repo.ts';

/** What happened to a request, as the e-mail tells it. */
export type SupportNotice = 'new' | 'assigned' | 'answer' | 'reply' | 'closed';

const texts: Record<
  SupportNotice,
  Record<UiLanguage, { subject: (s: string) => string; lead: (p: { municipality: string }) => string }>
> = {
  new: {
    sv: {
      subject: (s) => `Ny stödförfrågan: ${s}`,
      lead: (p) => `${p.municipality} har skickat en stödförfrågan till er.`,
    },
    en: {
      subject: (s) => `New support request: ${s}`,
      lead: (p) => `${p.municipality} has sent you a support request.`,
    },
  },
  assigned: {
    sv: {
      subject: (s) => `Stödförfrågan tilldelad dig: ${s}`,
      lead: (p) => `Du har fått ansvar för en stödförfrågan från ${p.municipality}.`,
    },
    en: {
      subject: (s) => `Support request assigned to you: ${s}`,
      lead: (p) => `You are now responsible for a support request from ${p.municipality}.`,
    },
  },
  answer: {
    sv: {
      subject: (s) => `Svar på er stödförfrågan: ${s}`,
      lead: () => 'Ni har fått ett svar på er stödförfrågan.',
    },
    en: {
      subject: (s) => `Answer to your support request: ${s}`,
      lead: () => 'Your support request has been answered.',
    },
  },
  reply: {
    sv: {
      subject: (s) => `Nytt meddelande i stödförfrågan: ${s}`,
      lead: (p) => `${p.municipality} har skrivit i en stödförfrågan.`,
    },
    en: {
      subject: (s) => `New message in support request: ${s}`,
      lead: (p) => `${p.municipality} has written in a support request.`,
    },
  },
  closed: {
    sv: {
      subject: (s) => `Stödförfrågan avslutad: ${s}`,
      lead: () => 'Er stödförfrågan är avslutad. Historiken finns kvar att läsa.',
    },
    en: {
      subject: (s) => `Support request closed: ${s}`,
      lead: () => 'Your support request is closed. Its history remains readable.',
    },
  },
};

/**
 * One message per recipient in her own language. The message says what happened and links to the
 * request; the thread itself stays behind the login (it may hold details about care recipients).
 */
export function supportMails(
  notice: SupportNotice,
  p: { recipients: Recipient[]; subject: string; municipality: string; link: string },
): MailMessage[] {
  return p.recipients.flatMap((r) => {
    // People without e-mail (signing in with a username) see it in the app only.
    if (!r.email) return [];
    const t = texts[notice][r.lang];
    const greeting = r.lang === 'en' ? `Hello ${r.name},` : `Hej ${r.name}!`;
    const open = r.lang === 'en' ? 'Open the request here:' : 'Öppna förfrågan här:';
    return [
      {
        to: r.email,
        subject: t.subject(p.subject),
        text: `${greeting}\n\n${t.lead(p)}\n\n"${p.subject}"\n\n${open}\n${p.link}\n\nVälfärdsnavet`,
      },
    ];
  });
}
