import type { ActorScope } from './authorize.ts';
import { authorizeOwn } from './authorize.ts';
import { isNationalAdmin, type ScopedMembership, scopeFor, scopeIdsAt } from './scope.ts';

/**
 * Contacts with external actors (issue 17): a region's or an association's log of what suppliers, Inera,
 * the region's health care and universities said, "so that the next municipality with the same question
 * finds it". The region's and the association's own coordinators write their organisation's log (a role
 * elsewhere does not make anyone its writer); every coordinator reads the logs around her organisation:
 * a municipality's those of its region and its associations, a region's its own and those of the
 * associations its municipalities belong to, an association's its own and those of its members' regions.
 * National administrators read and write all. Staff and managers have no part in it.
 */

type Person = { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>;

/** The kinds of organisation that keep a log. */
export const EXTERNAL_CONTACT_OWNER_KINDS = ['region', 'association'] as const;

/** Where the actor's reading starts from, by kind; `national` reads every log. */
export interface ExternalContactReadScope {
  national: boolean;
  municipalityIds: string[];
  regionIds: string[];
  associationIds: string[];
}

export function externalContactReadScope(actor: Person): ExternalContactReadScope {
  const scope = scopeFor(actor, 'external_contact.read');
  return {
    national: isNationalAdmin(actor) || scope.national,
    municipalityIds: scopeIdsAt(scope, ['municipality']),
    regionIds: scopeIdsAt(scope, ['region']),
    associationIds: scopeIdsAt(scope, ['association']),
  };
}

/** Whether the actor reads any log at all (the menu entry and every endpoint). */
export function readsExternalContacts(actor: Person): boolean {
  return scopeFor(actor, 'external_contact.read').memberships.length > 0;
}

/** The regions and associations whose log the actor writes. */
export function externalContactWriterAt(actor: Person): string[] {
  return scopeIdsAt(scopeFor(actor, 'external_contact.write'), EXTERNAL_CONTACT_OWNER_KINDS);
}

/** Whether the actor writes anywhere (the "Log a contact" button). */
export function writesExternalContacts(actor: Person): boolean {
  return scopeFor(actor, 'external_contact.write').memberships.length > 0;
}

/** May the actor add to, change or delete from this organisation's log? */
export function writesExternalContactsFor(actor: ActorScope, owner: { id: string }): boolean {
  return authorizeOwn(actor, 'external_contact.write', owner);
}
