import { scopeFor } from '../../../shared/access/index.ts';
import type { Me } from '../../../shared/contracts/auth.ts';

export interface ScopeParams {
  region?: string | undefined;
  association?: string | undefined;
}

/** The regional views keep their area in the address: `?lan=20` (a region) or `?forbund=<id>`. */
export function scopeFromSearch(params: URLSearchParams): ScopeParams {
  return { region: params.get('lan') ?? undefined, association: params.get('forbund') ?? undefined };
}

export function scopeSearch(scope: ScopeParams): string {
  if (scope.association) return `?forbund=${encodeURIComponent(scope.association)}`;
  if (scope.region) return `?lan=${encodeURIComponent(scope.region)}`;
  return '';
}

/**
 * Where a person's welfare-technology mapping starts: the whole country for national administrators,
 * their region's or association's views for regional coordinators, their municipality's page for
 * municipal coordinators; null for those without access.
 */
export function mappingHomeFor(me: Me): string | null {
  const readers = scopeFor(me, 'adoption.read').memberships;
  const national = readers.find((m) => m.organisationKind === 'nation');
  if (national) return '/valfardsteknik';
  const region = readers.find((m) => m.organisationKind === 'region' && m.organisationCode);
  if (region) return `/valfardsteknik${scopeSearch({ region: region.organisationCode ?? undefined })}`;
  const association = readers.find((m) => m.organisationKind === 'association');
  if (association) return `/valfardsteknik${scopeSearch({ association: association.organisationId })}`;
  const municipality = readers.find((m) => m.organisationKind === 'municipality' && m.organisationCode);
  return municipality ? `/kommuner/${municipality.organisationCode}/valfardsteknik` : null;
}
