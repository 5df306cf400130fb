import type { CaseContact } from '../../../shared/contracts/cases.ts';

/** A consenting contact person: name, title, and e-mail and phone as links. */
export function ContactCard({ contact }: { contact: CaseContact }) {
  return (
    <address className="contact-card">
      <strong>{contact.name}</strong>
      {contact.title ? <span>{contact.title}</span> : null}
      <a className="ds-link" href={`mailto:${contact.email}`}>
        {contact.email}
      </a>
      {contact.phone ? (
        <a className="ds-link" href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>
          {contact.phone}
        </a>
      ) : null}
    </address>
  );
}
