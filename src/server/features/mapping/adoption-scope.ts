import { type Actor, authorize } from '../../../shared/access/index.ts';
import type { AdoptionScope } from '../../../shared/contracts/mapping.ts';
import type { Municipality } from '../../../shared/contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { listAssociationMembers } from '../organisations/organisations.repo.ts';
import { listMunicipalities, requireOrgContext } from '../organisations/organisations.service.ts';
import * as repo from './technologies.repo.ts';

export interface ResolvedScope {
  scope: AdoptionScope;
  /** The municipalities the view covers, in Swedish alphabetical order. */
  municipalities: Municipality[];
}

/**
 * The area a regional view covers — a region, an association or the country — once the actor may read
 * adoption there: regional coordinators their region or association, national administrators all.
 */
export async function resolveAdoptionScope(
  db: Db,
  actor: Actor,
  query: { region?: string | undefined; association?: string | undefined },
): Promise<ResolvedScope> {
  if (query.region && query.association) {
    throw new AppError(400, 'validation_failed', [
      { path: 'querystring.association', code: 'one_scope_only' },
    ]);
  }
  const all = await listMunicipalities(db);
  let scope: AdoptionScope;
  let members: Municipality[];
  if (query.association) {
    const association = await repo.findAssociation(db, query.association);
    if (!association) throw notFound();
    scope = { kind: 'association', id: association.id, name: association.name, code: association.id };
    const ids = new Set((await listAssociationMembers(db, association.id)).map((m) => m.id));
    members = all.filter((m) => ids.has(m.id));
  } else if (query.region) {
    const region = await repo.findRegionByCounty(db, query.region);
    if (!region) throw notFound();
    scope = { kind: 'region', id: region.id, name: region.name, code: query.region };
    members = all.filter((m) => m.countyCode === query.region);
  } else {
    const nation = await repo.findNation(db);
    scope = { kind: 'nation', id: nation.id, name: nation.name, code: 'SE' };
    members = all;
  }
  if (!authorize(actor, 'adoption.read', await requireOrgContext(db, scope.id))) throw forbidden();
  return { scope, municipalities: [...members].sort((a, b) => swedishCollator.compare(a.name, b.name)) };
}
