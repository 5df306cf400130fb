import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  type Actor,
  isNationalAdmin,
  type OrgContext,
  type PlacementRole,
  placementRoles,
  scopeFor,
} from '../../../shared/access/index.ts';
import type { OrganisationKind } from '../../../shared/contracts/organisations.ts';
import type { ProgrammeFunding } from '../../../shared/contracts/programmes.ts';
import { type Db, queryRows } from '../../db/client.ts';
import {
  associationMembers,
  courses,
  enrolments,
  organisations,
  programmeCourses,
  programmeMunicipalities,
  programmes,
  users,
} from '../../db/schema/index.ts';

type Track = 'staff' | 'managers' | 'coordinators';

/** `array[…]::uuid[]` for raw SQL, the same on both drivers (no array parameters). */
/** The placement roles as an SQL list, for `m.role in (…)`. */
export const placementRoleList = () =>
  sql.join(
    placementRoles.map((r) => sql`${r}`),
    sql`, `,
  );

export function uuidArray(ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`array[]::uuid[]`;
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
}

export interface ProgrammeRow {
  id: string;
  name: string;
  ownerOrganisationId: string;
  ownerName: string;
  ownerKind: OrganisationKind;
  startsOn: string;
  endsOn: string;
  targetParticipants: number;
  selfEnrolment: boolean;
  funding: ProgrammeFunding;
  createdAt: Date;
}

const programmeColumns = {
  id: programmes.id,
  name: programmes.name,
  ownerOrganisationId: programmes.ownerOrganisationId,
  ownerName: organisations.name,
  ownerKind: organisations.kind,
  startsOn: programmes.startsOn,
  endsOn: programmes.endsOn,
  targetParticipants: programmes.targetParticipants,
  selfEnrolment: programmes.selfEnrolment,
  funding: programmes.funding,
  createdAt: programmes.createdAt,
};

export async function findProgrammes(db: Db, ids: string[]): Promise<ProgrammeRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(programmeColumns)
    .from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.ownerOrganisationId))
    .where(inArray(programmes.id, ids));
  return rows as ProgrammeRow[];
}

export async function findProgramme(db: Db, id: string): Promise<ProgrammeRow | null> {
  return (await findProgrammes(db, [id]))[0] ?? null;
}

export async function programmeMunicipalityRows(db: Db, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  return db
    .select({
      programmeId: programmeMunicipalities.programmeId,
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
    })
    .from(programmeMunicipalities)
    .innerJoin(organisations, eq(organisations.id, programmeMunicipalities.municipalityId))
    .where(inArray(programmeMunicipalities.programmeId, programmeIds));
}

export async function programmeCourseRows(db: Db, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  return db
    .select({
      programmeId: programmeCourses.programmeId,
      courseId: programmeCourses.courseId,
      track: programmeCourses.track,
      courseKey: courses.key,
    })
    .from(programmeCourses)
    .innerJoin(courses, eq(courses.id, programmeCourses.courseId))
    .where(inArray(programmeCourses.programmeId, programmeIds));
}

export async function enrolledCounts(db: Db, programmeIds: string[]) {
  if (programmeIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({
      programmeId: enrolments.programmeId,
      n: sql<number>`count(distinct ${enrolments.userId})::int`,
    })
    .from(enrolments)
    .where(inArray(enrolments.programmeId, programmeIds))
    .groupBy(enrolments.programmeId);
  return new Map(rows.map((r) => [r.programmeId!, r.n]));
}

/**
 * Programmes a person may see: all for a national administrator; otherwise those owned by an
 * organisation they hold a role at, those with a participating municipality they work in or cover
 * (a unit's municipality, a region's or an association's municipalities), and those they are enrolled in.
 */
export async function visibleProgrammeIds(db: Db, actor: Actor): Promise<string[]> {
  if (isNationalAdmin(actor)) {
    const rows = await db.select({ id: programmes.id }).from(programmes);
    return rows.map((r) => r.id);
  }
  const mine = uuidArray(scopeFor(actor, 'organisation.read').organisationIds);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with mine as (select id, kind, parent_id from organisations where id = any(${mine})),
        my_municipalities as (
          select id from mine where kind = 'municipality'
          union select parent_id from mine where kind = 'unit'
          union select o.id from organisations o join mine on o.parent_id = mine.id
                 where mine.kind = 'region' and o.kind = 'municipality'
          union select am.municipality_id from association_members am join mine on am.association_id = mine.id
        )
        select p.id from programmes p
        where p.owner_organisation_id = any(${mine})
           or exists (select 1 from programme_municipalities pm
                      where pm.programme_id = p.id and pm.municipality_id in (select id from my_municipalities))
           or exists (select 1 from enrolments e where e.programme_id = p.id and e.user_id = ${actor.userId})`,
  );
  return rows.map((r) => r.id);
}

/** The municipalities an owner organisation spans: a region's, an association's members, or itself. */
export async function municipalitiesUnder(db: Db, owner: { id: string; kind: OrganisationKind }) {
  const cols = { id: organisations.id, code: organisations.code, name: organisations.name };
  if (owner.kind === 'municipality') {
    return db.select(cols).from(organisations).where(eq(organisations.id, owner.id));
  }
  if (owner.kind === 'region') {
    return db
      .select(cols)
      .from(organisations)
      .where(and(eq(organisations.parentId, owner.id), eq(organisations.kind, 'municipality')));
  }
  if (owner.kind === 'association') {
    return db
      .select(cols)
      .from(associationMembers)
      .innerJoin(organisations, eq(organisations.id, associationMembers.municipalityId))
      .where(eq(associationMembers.associationId, owner.id));
  }
  return [];
}

export async function insertProgramme(
  db: Db,
  values: {
    name: string;
    ownerOrganisationId: string;
    startsOn: string;
    endsOn: string;
    targetParticipants: number;
    selfEnrolment: boolean;
    funding: ProgrammeFunding;
    createdBy: string;
  },
) {
  const [row] = await db.insert(programmes).values(values).returning({ id: programmes.id });
  return row!.id;
}

export async function updateProgramme(
  db: Db,
  id: string,
  values: Partial<{
    name: string;
    startsOn: string;
    endsOn: string;
    targetParticipants: number;
    selfEnrolment: boolean;
    funding: ProgrammeFunding;
  }>,
) {
  await db
    .update(programmes)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(programmes.id, id));
}

export async function replaceMunicipalities(db: Db, programmeId: string, municipalityIds: string[]) {
  await db.delete(programmeMunicipalities).where(eq(programmeMunicipalities.programmeId, programmeId));
  if (municipalityIds.length) {
    await db
      .insert(programmeMunicipalities)
      .values(municipalityIds.map((municipalityId) => ({ programmeId, municipalityId })));
  }
}

export async function replaceCourses(
  db: Db,
  programmeId: string,
  list: { courseId: string; track: Track }[],
) {
  await db.delete(programmeCourses).where(eq(programmeCourses.programmeId, programmeId));
  if (list.length) {
    await db.insert(programmeCourses).values(list.map((c) => ({ programmeId, ...c })));
  }
}

/**
 * Where people work as staff or managers (unit or municipality), with the municipality of each place:
 * the input of "may this person be enrolled in this programme, and on which track".
 */
export async function placementsOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return queryRows<{
    user_id: string;
    organisation_id: string;
    kind: OrganisationKind;
    municipality_id: string;
    role: PlacementRole;
  }>(
    db,
    sql`select m.user_id, m.organisation_id, o.kind,
               case when o.kind = 'unit' then o.parent_id else o.id end as municipality_id, m.role
        from memberships m join organisations o on o.id = m.organisation_id
        where m.user_id = any(${uuidArray(userIds)}) and m.role in (${placementRoleList()})
          and o.kind in ('unit', 'municipality')`,
  );
}

/**
 * Access contexts of many organisations at once (lineage and associations), instead of one
 * `loadOrgContext` per person when a coordinator enrols hundreds.
 */
export async function orgContexts(db: Db, orgIds: string[]): Promise<Map<string, OrgContext>> {
  const ids = [...new Set(orgIds)];
  const result = new Map<string, OrgContext>();
  if (ids.length === 0) return result;
  const rows = await queryRows<{
    start_id: string;
    kind: OrganisationKind;
    lineage: string[];
    association_ids: string[] | null;
  }>(
    db,
    sql`with recursive up as (
          select o.id as start_id, o.id, o.parent_id, o.kind, 0 as depth
          from organisations o where o.id = any(${uuidArray(ids)})
          union all
          select up.start_id, p.id, p.parent_id, p.kind, up.depth + 1
          from organisations p join up on p.id = up.parent_id where up.depth < 10
        ),
        chains as (
          select start_id,
                 array_agg(id::text order by depth) as lineage,
                 (array_agg(kind order by depth))[1] as kind,
                 array_agg(id) filter (where kind = 'municipality') as municipality_ids
          from up group by start_id
        )
        select c.start_id, c.kind, c.lineage,
               (select array_agg(am.association_id::text) from association_members am
                where am.municipality_id = any(c.municipality_ids)) as association_ids
        from chains c`,
  );
  for (const r of rows) {
    result.set(r.start_id, {
      id: r.start_id,
      kind: r.kind,
      lineage: r.lineage,
      associationIds: r.association_ids ?? [],
    });
  }
  return result;
}

export async function usersByEmail(db: Db, emails: string[]) {
  if (emails.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.email, emails));
}

/** Inserts programme enrolments; returns the people newly enrolled (existing ones are left alone). */
export async function insertProgrammeEnrolments(
  db: Db,
  values: {
    userId: string;
    courseId: string;
    programmeId: string;
    organisationId: string;
    enrolledBy: string;
  }[],
) {
  if (values.length === 0) return [];
  return db
    .insert(enrolments)
    .values(values)
    .onConflictDoNothing({ target: [enrolments.userId, enrolments.courseId, enrolments.programmeId] })
    .returning({ userId: enrolments.userId, id: enrolments.id });
}

export async function publishedCourseKeys(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: courses.id, key: courses.key, track: courses.track })
    .from(courses)
    .where(and(inArray(courses.id, ids), sql`${courses.publishedVersion} is not null`));
}
