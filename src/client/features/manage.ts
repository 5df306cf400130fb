// Pages for managing people and organisations and for administrators: one chunk, loaded on demand.
export { AuditLogPage } from './admin/AuditPage.tsx';
export { OutboxPage } from './admin/OutboxPage.tsx';
export { AddUnitPage } from './organisations/AddUnitPage.tsx';
export { ImportPage } from './people/ImportPage.tsx';
export { InvitePage } from './people/InvitePage.tsx';
export { MembersPage } from './people/MembersPage.tsx';
