import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { MemberRole } from '../../../shared/contracts/networks.ts';
import type { MailMessage } from '../mail/mailer.ts';

const roleNames: Record<MemberRole, Record<UiLanguage, string>> = {
  chair: { sv: 'ordförande', en: 'chair' },
  vice_chair: { sv: 'vice ordförande', en: 'vice chair' },
  secretary: { sv: 'sekreterare', en: 'secretary' },
  member: { sv: 'ledamot', en: 'member' },
  adjunct: { sv: 'adjungerad', en: 'co-opted member' },
};

export function networkInvitationMail(p: {
  to: string;
  name: string;
  networkName: string;
  ownerName: string;
  role: MemberRole;
  link: string;
  days: number;
  lang: UiLanguage;
}): MailMessage {
  const role = roleNames[p.role][p.lang];
  if (p.lang === 'en') {
    return {
      to: p.to,
      subject: `Invitation to join ${p.networkName}`,
      text: `Hello ${p.name},\n\n${p.ownerName} invites you to join "${p.networkName}" as ${role}.\n\nAccept the invitation here (the link is valid for ${p.days} days):\n${p.link}\n\nIf you did not expect this e-mail, you can ignore it.\n\nVälfärdsnavet`,
    };
  }
  return {
    to: p.to,
    subject: `Inbjudan till ${p.networkName}`,
    text: `Hej ${p.name}!\n\n${p.ownerName} bjuder in dig till "${p.networkName}" som ${role}.\n\nTacka ja här (länken gäller i ${p.days} dagar):\n${p.link}\n\nOm du inte väntade dig det här mejlet kan du bortse från det.\n\nVälfärdsnavet`,
  };
}

export function registrationMail(p: {
  to: string;
  name: string;
  title: string;
  when: string;
  location: string | null;
  onlineUrl: string | null;
  lang: UiLanguage;
}): MailMessage {
  if (p.lang === 'en') {
    const where = [p.location ? `Place: ${p.location}` : null, p.onlineUrl ? `Online: ${p.onlineUrl}` : null];
    return {
      to: p.to,
      subject: `Registration confirmed: ${p.title}`,
      text: `Hello ${p.name},\n\nYou are registered for "${p.title}", ${p.when}.\n${where.filter(Boolean).join('\n')}\n\nVälfärdsnavet`,
    };
  }
  const where = [p.location ? `Plats: ${p.location}` : null, p.onlineUrl ? `Digitalt: ${p.onlineUrl}` : null];
  return {
    to: p.to,
    subject: `Anmälan bekräftad: ${p.title}`,
    text: `Hej ${p.name}!\n\nDu är anmäld till "${p.title}", ${p.when}.\n${where.filter(Boolean).join('\n')}\n\nVälfärdsnavet`,
  };
}
