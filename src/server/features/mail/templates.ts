import type { UiLanguage } from '../../../shared/contracts/common.ts';
import type { Role } from '../../../shared/contracts/people.ts';
import type { MailMessage } from './mailer.ts';

const roleNames: Record<Role, Record<UiLanguage, string>> = {
  staff: { sv: 'medarbetare', en: 'staff member' },
  manager: { sv: 'enhetschef', en: 'unit manager' },
  municipal_coordinator: { sv: 'kommunsamordnare', en: 'municipal coordinator' },
  regional_coordinator: { sv: 'regional samordnare', en: 'regional coordinator' },
  national_admin: { sv: 'nationell administratör', en: 'national administrator' },
};

export function invitationMail(p: {
  to: string;
  name: string;
  organisationName: string;
  role: Role;
  link: string;
  lang: UiLanguage;
  days: number;
}): MailMessage {
  const role = roleNames[p.role][p.lang];
  if (p.lang === 'en') {
    return {
      to: p.to,
      subject: `Invitation to Välfärdsnavet – ${p.organisationName}`,
      text: `Hello ${p.name},\n\nYou have been invited to Välfärdsnavet as ${role} in ${p.organisationName}.\n\nChoose a password and activate your account here (the link is valid for ${p.days} days):\n${p.link}\n\nIf you did not expect this e-mail, you can ignore it.\n\nVälfärdsnavet`,
    };
  }
  return {
    to: p.to,
    subject: `Inbjudan till Välfärdsnavet – ${p.organisationName}`,
    text: `Hej ${p.name}!\n\nDu har bjudits in till Välfärdsnavet som ${role} i ${p.organisationName}.\n\nVälj ett lösenord och aktivera ditt konto här (länken gäller i ${p.days} dagar):\n${p.link}\n\nOm du inte väntade dig det här mejlet kan du bortse från det.\n\nVälfärdsnavet`,
  };
}

export function membershipAddedMail(p: {
  to: string;
  name: string;
  organisationName: string;
  role: Role;
  link: string;
  lang: UiLanguage;
}): MailMessage {
  const role = roleNames[p.role][p.lang];
  if (p.lang === 'en') {
    return {
      to: p.to,
      subject: `New role in Välfärdsnavet – ${p.organisationName}`,
      text: `Hello ${p.name},\n\nYou now have the role ${role} in ${p.organisationName} in Välfärdsnavet.\nLog in: ${p.link}\n\nVälfärdsnavet`,
    };
  }
  return {
    to: p.to,
    subject: `Ny roll i Välfärdsnavet – ${p.organisationName}`,
    text: `Hej ${p.name}!\n\nDu har nu rollen ${role} i ${p.organisationName} i Välfärdsnavet.\nLogga in: ${p.link}\n\nVälfärdsnavet`,
  };
}

export function passwordResetMail(p: {
  to: string;
  name: string;
  link: string;
  lang: UiLanguage;
  minutes: number;
}): MailMessage {
  if (p.lang === 'en') {
    return {
      to: p.to,
      subject: 'Reset your Välfärdsnavet password',
      text: `Hello ${p.name},\n\nSomeone (hopefully you) asked to reset the password of your Välfärdsnavet account.\nChoose a new password here (the link works once and for ${p.minutes} minutes):\n${p.link}\n\nIf you did not ask for this, ignore this e-mail: your password stays the same.\n\nVälfärdsnavet`,
    };
  }
  return {
    to: p.to,
    subject: 'Återställ ditt lösenord i Välfärdsnavet',
    text: `Hej ${p.name}!\n\nNågon (förhoppningsvis du) har bett om att återställa lösenordet till ditt konto i Välfärdsnavet.\nVälj ett nytt lösenord här (länken fungerar en gång och i ${p.minutes} minuter):\n${p.link}\n\nOm du inte bad om det kan du bortse från mejlet: ditt lösenord är oförändrat.\n\nVälfärdsnavet`,
  };
}

export function accountUnlockMail(p: {
  to: string;
  name: string;
  link: string;
  lang: UiLanguage;
  minutes: number;
}): MailMessage {
  if (p.lang === 'en') {
    return {
      to: p.to,
      subject: 'Unlock your Välfärdsnavet account',
      text: `Hello ${p.name},\n\nLogging in to your Välfärdsnavet account has been blocked for a while after too many wrong passwords.\nIf it was you, unlock the account at once here (the link works once and for ${p.minutes} minutes):\n${p.link}\n\nIf it was not you, someone may be guessing your password. Your account is safe while it is locked; you can also choose a new password through "Forgot your password?" on the login page.\n\nVälfärdsnavet`,
    };
  }
  return {
    to: p.to,
    subject: 'Lås upp ditt konto i Välfärdsnavet',
    text: `Hej ${p.name}!\n\nInloggningen till ditt konto i Välfärdsnavet är spärrad en stund efter för många felaktiga lösenord.\nOm det var du kan du låsa upp kontot direkt här (länken fungerar en gång och i ${p.minutes} minuter):\n${p.link}\n\nOm det inte var du kan någon försöka gissa ditt lösenord. Kontot är skyddat medan det är låst; du kan också välja ett nytt lösenord via "Glömt lösenordet?" på inloggningssidan.\n\nVälfärdsnavet`,
  };
}
