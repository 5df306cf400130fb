import type { ActorScope, OrgContext } from './authorize.ts';
import { authorize, authorizeOwn } from './authorize.ts';
import { type ScopedMembership, scopeFor, scopeIdsAt } from './scope.ts';

/**
 * The expiry radar of contracts (issue 17), read with the contract register's `contract.read`. Who reads
 * a radar: a region's coordinators their region's, an association's coordinators their association's,
 * national administrators every one (the country's only they). A municipality's coordinators read the
 * radar of their municipality's region and of its associations — so that Falun sees that Borlänge's
 * alarm contract ends in the same window — but a contract's value only as the register shows it
 * (`seesContractValuesOf`): where their role covers its municipality.
 */

type RadarActor = { memberships: readonly ScopedMembership[] } & Omit<ActorScope, 'memberships'>;

/** Whether the actor reads any radar at all: the menu entry and the page. */
export function readsContractRadar(actor: RadarActor): boolean {
  return scopeFor(actor, 'contract.read').memberships.length > 0;
}

/** The municipalities at which the actor holds a reading role herself (a municipality's coordinators). */
export function radarMunicipalitiesOf(actor: RadarActor): string[] {
  return scopeIdsAt(scopeFor(actor, 'contract.read'), ['municipality']);
}

/**
 * May the actor read the radar of this area (a region, an association or the nation)? `ownMunicipalities`
 * are the places of `radarMunicipalitiesOf`, whose region and associations she reads too.
 */
export function readsRadarOf(
  actor: ActorScope,
  area: OrgContext,
  ownMunicipalities: readonly OrgContext[],
): boolean {
  if (authorize(actor, 'contract.read', area)) return true;
  if (area.kind === 'nation') return false;
  return ownMunicipalities.some(
    (m) =>
      authorizeOwn(actor, 'contract.read', m) &&
      (m.lineage.includes(area.id) || m.associationIds.includes(area.id)),
  );
}
