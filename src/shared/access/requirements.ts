import type { ActorScope } from './authorize.ts';
import { authorizeOwn } from './authorize.ts';
import { type ScopedMembership, scopeFor, scopeIdsAt } from './scope.ts';

/**
 * The requirements library (issue 17) is shared by every coordinator — municipal, regional, an
 * association's and national — so that a small municipality without procurement specialists reuses what
 * others wrote. Each requirement and specification belongs to one organisation, and only that
 * organisation's own coordinators change it (a region reads a municipality's requirement, it does not
 * rewrite it): an edited copy becomes the editor's own.
 */

/** The kinds of organisation that own requirements and specifications. */
export const requirementOwnerKinds = ['nation', 'region', 'association', 'municipality'] as const;

type Person = { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>;

/** Reads and writes the library and the specifications at all (the menu entry, every endpoint). */
export function usesRequirementLibrary(actor: Person): boolean {
  return scopeFor(actor, 'requirement.write').memberships.length > 0;
}

/** The organisations the actor writes requirements, specifications and lessons for. */
export function requirementOwnerIds(actor: Person): string[] {
  return scopeIdsAt(scopeFor(actor, 'requirement.write'), requirementOwnerKinds);
}

/** Whether the actor changes what this organisation owns in the library (or records its lessons). */
export function writesRequirementsFor(actor: ActorScope, organisationId: string): boolean {
  return authorizeOwn(actor, 'requirement.write', { id: organisationId });
}
