import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { MailMessage } from '../mail/mailer.ts';

const when = (d: Date, lang: UiLanguage) =>
  d.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  });

/** A member's notice that a reflection meeting moved or was cancelled (no one else's details). */
export function meetingChangedMail(p: {
  to: string;
  name: string;
  group: string;
  startsAt: Date;
  place: string;
  cancelled: boolean;
  link: string;
  lang: UiLanguage;
}): MailMessage {
  const at = when(p.startsAt, p.lang);
  if (p.lang === 'en') {
    return {
      to: p.to,
      subject: p.cancelled ? `Meeting cancelled – ${p.group}` : `Meeting changed – ${p.group}`,
      text: p.cancelled
        ? `Hello ${p.name},\n\nThe meeting of ${p.group} on ${at} is cancelled.\n\n${p.link}\n\nVälfärdsnavet`
        : `Hello ${p.name},\n\nThe meeting of ${p.group} is now on ${at} in ${p.place}.\n\n${p.link}\n\nVälfärdsnavet`,
    };
  }
  return {
    to: p.to,
    subject: p.cancelled ? `Träffen är inställd – ${p.group}` : `Träffen är ändrad – ${p.group}`,
    text: p.cancelled
      ? `Hej ${p.name}!\n\nTräffen i ${p.group} den ${at} är inställd.\n\n${p.link}\n\nVälfärdsnavet`
      : `Hej ${p.name}!\n\nTräffen i ${p.group} är nu den ${at}, ${p.place}.\n\n${p.link}\n\nVälfärdsnavet`,
  };
}
