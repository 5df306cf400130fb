// Contacts with external actors (issue 17): one chunk, loaded on demand.
import './external-contacts.css';

export { EditExternalContactPage, NewExternalContactPage } from './ExternalContactForm.tsx';
export { ExternalContactPage } from './ExternalContactPage.tsx';
export { ExternalContactsPage } from './ExternalContactsPage.tsx';
