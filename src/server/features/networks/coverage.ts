import type { Coverage } from '../../../shared/contracts/networks.ts';
import type { Db } from '../../db/client.ts';
import { sortBySwedishName } from '../../lib/swedish-sort.ts';
import { findOrganisation, listAssociationMembers } from '../organisations/organisations.repo.ts';
import { listMunicipalities } from '../organisations/organisations.service.ts';
import { representativeCounts } from './networks.repo.ts';

export interface CoverageTarget {
  id: string;
  coverageOrganisationId: string | null;
  representativesMin: number | null;
  representativesMax: number | null;
}

/** The kinds of organisation a group can be expected to cover, municipality by municipality. */
export const COVERAGE_KINDS = new Set(['nation', 'region', 'association']);

async function municipalitiesOf(db: Db, organisationId: string) {
  const org = await findOrganisation(db, organisationId);
  if (!org || !COVERAGE_KINDS.has(org.kind)) return null;
  if (org.kind === 'association') {
    const members = await listAssociationMembers(db, org.id);
    return {
      org,
      municipalities: sortBySwedishName(members.map((m) => ({ id: m.id, code: m.code ?? '', name: m.name }))),
    };
  }
  const all = await listMunicipalities(db);
  return { org, municipalities: org.kind === 'nation' ? all : all.filter((m) => m.regionId === org.id) };
}

/**
 * For each group with a coverage area: every municipality in it with its number of active
 * representatives: `uncovered` when it has none, `below` under the minimum, `over` above the maximum.
 */
export async function coverageOf(db: Db, targets: CoverageTarget[]): Promise<Map<string, Coverage>> {
  const withArea = targets.filter((t) => t.coverageOrganisationId && t.representativesMin != null);
  const out = new Map<string, Coverage>();
  if (withArea.length === 0) return out;
  const counts = await representativeCounts(
    db,
    withArea.map((t) => t.id),
  );
  const areas = new Map<string, Awaited<ReturnType<typeof municipalitiesOf>>>();
  for (const t of withArea) {
    const areaId = t.coverageOrganisationId!;
    if (!areas.has(areaId)) areas.set(areaId, await municipalitiesOf(db, areaId));
    const area = areas.get(areaId);
    if (!area) continue;
    const mine = new Map(counts.filter((c) => c.networkId === t.id).map((c) => [c.organisationId, c.n]));
    const max = t.representativesMax;
    const municipalities = area.municipalities.map((m) => {
      const representatives = mine.get(m.id) ?? 0;
      const status: Coverage['municipalities'][number]['status'] =
        representatives === 0
          ? 'uncovered'
          : representatives < t.representativesMin!
            ? 'below'
            : max !== null && representatives > max
              ? 'over'
              : 'covered';
      return { id: m.id, code: m.code, name: m.name, representatives, status };
    });
    out.set(t.id, {
      organisation: { id: area.org.id, name: area.org.name },
      min: t.representativesMin!,
      max,
      municipalities,
      uncovered: municipalities.filter((m) => m.status === 'uncovered').length,
    });
  }
  return out;
}
