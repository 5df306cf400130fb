import { sql } from 'drizzle-orm';
import type { PlacementRole } from '../../../shared/access/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { placementRoleList, uuidArray } from './programmes.repo.ts';

export interface CandidateRow {
  user_id: string;
  name: string;
  organisation_name: string;
  municipality_name: string;
  roles: PlacementRole[];
  enrolled: boolean;
}

/** People placed in the programme's municipalities, in whole municipalities or in the given units. */
export async function candidateRows(
  db: Db,
  f: {
    programmeId: string;
    participating: string[];
    wholeMunicipalities: string[];
    units: string[];
    q?: string | undefined;
    limit: number;
  },
) {
  const pattern = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return queryRows<CandidateRow>(
    db,
    sql`select u.id as user_id, u.name, min(o.name) as organisation_name, min(mun.name) as municipality_name,
               array_agg(distinct m.role) as roles,
               exists (select 1 from enrolments e where e.user_id = u.id and e.programme_id = ${f.programmeId}) as enrolled
        from memberships m
        join users u on u.id = m.user_id
        join organisations o on o.id = m.organisation_id
        join organisations mun on mun.id = m.municipality_id
        where m.role in (${placementRoleList()}) and u.status <> 'disabled'
          and m.municipality_id = any(${uuidArray(f.participating)})
          and (m.municipality_id = any(${uuidArray(f.wholeMunicipalities)})
               or m.organisation_id = any(${uuidArray(f.units)}))
          ${pattern ? sql`and (u.name ilike ${pattern} or u.email ilike ${pattern})` : sql``}
        group by u.id, u.name, u.sort_name
        order by u.sort_name, u.id
        limit ${f.limit + 1}`,
  );
}
