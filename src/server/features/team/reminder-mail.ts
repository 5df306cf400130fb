import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { MailMessage } from '../mail/mailer.ts';

/** A manager's nudge: the courses the person has not finished and where to continue. */
export function learningReminderMail(p: {
  to: string;
  name: string;
  courses: string[];
  link: string;
  lang: UiLanguage;
}): MailMessage {
  const list = p.courses.map((c) => `– ${c}`).join('\n');
  if (p.lang === 'en') {
    return {
      to: p.to,
      subject: 'A reminder about your courses in Välfärdsnavet',
      text: `Hello ${p.name},\n\nYour manager reminds you of the courses you have not finished yet:\n${list}\n\nContinue where you left off:\n${p.link}\n\nVälfärdsnavet`,
    };
  }
  return {
    to: p.to,
    subject: 'En påminnelse om dina kurser i Välfärdsnavet',
    text: `Hej ${p.name}!\n\nDin enhetschef påminner dig om kurserna du inte har slutfört än:\n${list}\n\nFortsätt där du slutade:\n${p.link}\n\nVälfärdsnavet`,
  };
}
