import {
  type Actor,
  type OrgContext,
  radarMunicipalitiesOf,
  readsRadarOf,
  seesContractValuesOf,
} from '../../../shared/access/index.ts';
import type { RadarArea, RadarQuery } from '../../../shared/contracts/contract-radar.ts';
import type { Municipality } from '../../../shared/contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { cachedValue } from '../../lib/view-cache.ts';
import { findAssociation, findNation, findRegionByCounty } from '../mapping/technologies.repo.ts';
import { listByKind } from '../organisations/organisations.repo.ts';
import { listMunicipalities, requireOrgContext } from '../organisations/organisations.service.ts';
import { associationsWithMembers } from './contract-radar.repo.ts';

/** A region or an association whose municipalities may coordinate a procurement. */
export interface RadarGroup {
  kind: 'region' | 'association';
  id: string;
  name: string;
  municipalityIds: ReadonlySet<string>;
}

export interface ResolvedArea {
  area: RadarArea;
  areaContext: OrgContext;
  nationId: string;
  /** The area's municipalities in Swedish alphabetical order. */
  municipalities: Municipality[];
  /** The groups opportunities are found in: the area itself, or every region and association. */
  groups: RadarGroup[];
  /** The associations of each municipality (for whom a contract's value is visible). */
  associationsOf: Map<string, string[]>;
}

const badQuery = (path: string, code: string) =>
  new AppError(400, 'validation_failed', [{ path: `querystring.${path}`, code }]);

/** Associations and regions change seldom: a minute's snapshot per process, like the municipality list. */
function groupsData(db: Db) {
  return cachedValue(db, 'contract-radar|groups', async () => {
    const [associations, regions] = await Promise.all([
      associationsWithMembers(db),
      listByKind(db, 'region'),
    ]);
    return { associations, regions };
  });
}

/**
 * The area a radar covers — a region by county code, an association by id, or the country — once the
 * actor may read it (see `readsRadarOf`). An unknown code is bad input (400 naming the parameter);
 * an area the actor may not read is 403. The area and the places in the tree are reference data, kept
 * a minute per process: on a cached view a request then costs no query beyond its session's.
 */
export async function resolveRadarArea(db: Db, actor: Actor, query: RadarQuery): Promise<ResolvedArea> {
  if (query.region && query.association) throw badQuery('association', 'one_scope_only');
  const resolved = await cachedValue(
    db,
    `contract-radar|area|${query.region ?? ''}|${query.association ?? ''}`,
    () => loadArea(db, query),
  );
  const own = await Promise.all(
    radarMunicipalitiesOf(actor).map((id) =>
      cachedValue(db, `contract-radar|place|${id}`, () => requireOrgContext(db, id)),
    ),
  );
  if (!readsRadarOf(actor, resolved.areaContext, own)) throw forbidden();
  return resolved;
}

async function loadArea(db: Db, query: RadarQuery): Promise<ResolvedArea> {
  const [all, nation, { associations, regions }] = await Promise.all([
    listMunicipalities(db),
    findNation(db),
    groupsData(db),
  ]);
  const associationsOf = new Map<string, string[]>();
  for (const a of associations)
    for (const m of a.municipality_ids) associationsOf.set(m, [...(associationsOf.get(m) ?? []), a.id]);

  let area: RadarArea;
  let municipalities: Municipality[];
  let groups: RadarGroup[];
  if (query.association) {
    const found = await findAssociation(db, query.association);
    if (!found) throw badQuery('association', 'unknown_association');
    const members = new Set(associations.find((a) => a.id === found.id)?.municipality_ids ?? []);
    area = { kind: 'association', id: found.id, name: found.name, code: found.id };
    municipalities = all.filter((m) => members.has(m.id));
    groups = [{ kind: 'association', id: found.id, name: found.name, municipalityIds: members }];
  } else if (query.region) {
    const found = await findRegionByCounty(db, query.region);
    if (!found) throw badQuery('region', 'unknown_region');
    area = { kind: 'region', id: found.id, name: found.name, code: query.region };
    municipalities = all.filter((m) => m.countyCode === query.region);
    groups = [{ kind: 'region', id: found.id, name: found.name, municipalityIds: idsOf(municipalities) }];
  } else {
    area = { kind: 'nation', id: nation.id, name: nation.name, code: 'SE' };
    municipalities = all;
    groups = [
      ...regions.map((r) => ({
        kind: 'region' as const,
        id: r.id,
        name: r.name,
        municipalityIds: idsOf(all.filter((m) => m.regionId === r.id)),
      })),
      ...associations.map((a) => ({
        kind: 'association' as const,
        id: a.id,
        name: a.name,
        municipalityIds: new Set(a.municipality_ids),
      })),
    ];
  }
  const areaContext = await requireOrgContext(db, area.id);
  return { area, areaContext, nationId: nation.id, municipalities, groups, associationsOf };
}

const idsOf = (ms: readonly { id: string }[]) => new Set(ms.map((m) => m.id));

/** The municipality's place in the tree, built from the lists already loaded (no query per municipality). */
export function municipalityContext(resolved: ResolvedArea, m: Municipality): OrgContext {
  return {
    id: m.id,
    kind: 'municipality',
    lineage: [m.id, m.regionId, resolved.nationId],
    associationIds: resolved.associationsOf.get(m.id) ?? [],
  };
}

/**
 * The municipalities of the area whose values the actor sees, as a short key for the view cache: none,
 * all, or the ids themselves (a municipality's coordinator sees her own only).
 */
export function valueVisibility(actor: Actor, resolved: ResolvedArea): { key: string; ids: Set<string> } {
  const ids = new Set(
    resolved.municipalities
      .filter((m) => seesContractValuesOf(actor, municipalityContext(resolved, m)))
      .map((m) => m.id),
  );
  const key =
    ids.size === 0 ? 'none' : ids.size === resolved.municipalities.length ? 'all' : [...ids].sort().join(',');
  return { key, ids };
}
