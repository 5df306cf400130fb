import type { Db } from '../../db/client.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { listAssociationMembers } from '../organisations/organisations.repo.ts';
import { listMunicipalities } from '../organisations/organisations.service.ts';

/** The organisation that reports and the municipalities its steering group works for. */
export interface ReportArea {
  owner: { id: string; name: string; kind: 'region' | 'association'; code: string | null };
  /** In Swedish alphabetical order. */
  municipalities: { id: string; code: string; name: string }[];
}

/** The kinds of organisation whose steering group reports: a region or an association. */
export const REPORT_OWNER_KINDS = new Set(['region', 'association']);

/** A region's municipalities, or an association's members. */
export async function areaOf(db: Db, owner: ReportArea['owner']): Promise<ReportArea> {
  const all =
    owner.kind === 'association'
      ? (await listAssociationMembers(db, owner.id)).map((m) => ({
          id: m.id,
          code: m.code ?? '',
          name: m.name,
        }))
      : (await listMunicipalities(db))
          .filter((m) => m.regionId === owner.id)
          .map((m) => ({ id: m.id, code: m.code, name: m.name }));
  return { owner, municipalities: all.sort((a, b) => swedishCollator.compare(a.name, b.name)) };
}
