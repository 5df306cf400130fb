import { sql } from 'drizzle-orm';
import type { MappingFigures, ReferenceGroupFigures } from '../../../shared/contracts/steering-reports.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import { strategiesPerMunicipality } from '../mapping/adoption-gaps.repo.ts';
import { representativeCounts } from '../networks/networks.repo.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';
import type { ReportArea } from './report-area.ts';

/**
 * Mapping status of the area: per technology of the catalogue, how many municipalities are at each
 * status and how many users are served where it is in operation (one aggregate over the area's
 * adoption records); the governing documents in force in the area by kind and level; and the
 * municipalities without a local strategy in force (the same rule as the coverage-gaps view).
 */
export async function mappingFigures(db: Db, area: ReportArea): Promise<MappingFigures> {
  const ids = area.municipalities.map((m) => m.id);
  const [adoption, documents, strategies] = await Promise.all([
    queryRows<{ key: string; name: string; status: string | null; n: number; users: number }>(
      db,
      sql`select t.key, t.name_sv as name, a.status, count(a.status)::int as n,
                 coalesce(sum(a.users_served), 0)::int as users
          from technologies t
          left join technology_adoptions a on a.technology_id = t.id and a.municipality_id = any(${uuidArray(ids)})
          group by t.key, t.name_sv, t.sort_order, a.status
          order by t.sort_order, t.key`,
    ),
    queryRows<{ kind: string; level: string; n: number }>(
      db,
      sql`select d.kind, d.level, count(*)::int as n from governing_documents d
          where (d.owner_organisation_id = ${area.owner.id} or d.owner_organisation_id = any(${uuidArray(ids)}))
            and d.status in ('adopted', 'under_revision')
            and (d.valid_until is null or d.valid_until >= current_date)
          group by d.kind, d.level order by d.kind, d.level`,
    ),
    strategiesPerMunicipality(db, ids),
  ]);
  const technologies = new Map<string, MappingFigures['technologies'][number]>();
  for (const r of adoption) {
    const t = technologies.get(r.key) ?? {
      key: r.key,
      name: r.name,
      statuses: {},
      inOperation: 0,
      usersServed: 0,
    };
    technologies.set(r.key, t);
    if (!r.status) continue;
    t.statuses[r.status as keyof typeof t.statuses] = r.n;
    if (r.status === 'in_operation') {
      t.inOperation = r.n;
      t.usersServed = r.users;
    }
  }
  return {
    municipalities: ids.length,
    technologies: [...technologies.values()],
    documents: documents.map((d) => ({ kind: d.kind, level: d.level, count: d.n })),
    withoutStrategy: area.municipalities
      .filter((m) => !strategies.get(m.id))
      .map((m) => ({ code: m.code, name: m.name })),
  };
}

/**
 * The owner's reference group (the one covering the owner's area first, else the first by name):
 * active representatives per municipality of the area, of other organisations, and the
 * municipalities without one. Counts only — a frozen report must not keep people's names.
 */
export async function referenceGroupFigures(db: Db, area: ReportArea): Promise<ReferenceGroupFigures> {
  const [network] = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from networks where owner_organisation_id = ${area.owner.id} and kind = 'reference_group'
        order by (coverage_organisation_id = ${area.owner.id}) is not true, name limit 1`,
  );
  if (!network)
    return {
      network: null,
      municipalities: area.municipalities.map((m) => ({ code: m.code, name: m.name, representatives: 0 })),
      others: [],
      withoutRepresentative: area.municipalities.map((m) => ({ code: m.code, name: m.name })),
    };
  const [counts, others] = await Promise.all([
    representativeCounts(db, [network.id]),
    queryRows<{ name: string; n: number }>(
      db,
      sql`select coalesce(o.name, nm.represents_name) as name, count(*)::int as n
          from network_members nm left join organisations o on o.id = nm.represents_organisation_id
          where nm.network_id = ${network.id} and nm.status = 'active'
            and coalesce(o.name, nm.represents_name) is not null
            and (nm.represents_organisation_id is null
                 or not (nm.represents_organisation_id = any(${uuidArray(area.municipalities.map((m) => m.id))})))
          group by 1`,
    ),
  ]);
  const byOrg = new Map(counts.map((c) => [c.organisationId, c.n]));
  const municipalities = area.municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    representatives: byOrg.get(m.id) ?? 0,
  }));
  return {
    network,
    municipalities,
    others: others
      .map((o) => ({ name: o.name, representatives: o.n }))
      .sort((a, b) => swedishCollator.compare(a.name, b.name)),
    withoutRepresentative: municipalities
      .filter((m) => m.representatives === 0)
      .map((m) => ({ code: m.code, name: m.name })),
  };
}
