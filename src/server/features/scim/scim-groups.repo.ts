import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { scimGroupMembers, scimGroups, scimUsers } from '../../db/schema/index.ts';
import type { Filter } from './scim-filter.ts';
import type { FilterTarget } from './scim-sql-filter.ts';

export type ScimGroupRow = typeof scimGroups.$inferSelect;

/** `members[value eq "…"]`: the group has that member. */
function memberCondition(f: Filter): SQL | null {
  if (f.kind !== 'compare' || f.op !== 'eq' || f.path.attr !== 'value' || typeof f.value !== 'string')
    return null;
  return sql`exists (select 1 from ${scimGroupMembers} gm where gm.group_id = ${scimGroups.id}
    and gm.user_id::text = ${f.value.toLowerCase()})`;
}

export const groupFilterTarget: FilterTarget = {
  columns: {
    id: { column: sql`${scimGroups.id}::text` },
    displayname: { column: sql`${scimGroups.displayName}`, caseInsensitive: true },
    externalid: { column: sql`${scimGroups.externalId}` },
  },
  valuePath: (path) =>
    path.attr === 'members' && path.valueFilter ? memberCondition(path.valueFilter) : null,
};

export async function findGroup(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(scimGroups)
    .where(and(eq(scimGroups.organisationId, organisationId), eq(scimGroups.id, id)));
  return row ?? null;
}

export async function findGroupByName(db: Db, organisationId: string, displayName: string) {
  const [row] = await db
    .select({ id: scimGroups.id })
    .from(scimGroups)
    .where(
      and(
        eq(scimGroups.organisationId, organisationId),
        sql`lower(${scimGroups.displayName}) = ${displayName.toLowerCase()}`,
      ),
    );
  return row ?? null;
}

export async function listGroups(
  db: Db,
  organisationId: string,
  where: SQL | undefined,
  offset: number,
  limit: number,
) {
  const cond = and(eq(scimGroups.organisationId, organisationId), where);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(scimGroups).where(cond);
  const rows =
    limit === 0
      ? []
      : await db
          .select()
          .from(scimGroups)
          .where(cond)
          .orderBy(scimGroups.createdAt, scimGroups.id)
          .offset(offset)
          .limit(limit);
  return { total: count?.n ?? 0, rows };
}

/** Members with the name to show (`display`), in the order they were added. */
export async function listMembers(db: Db, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select({
      groupId: scimGroupMembers.groupId,
      userId: scimGroupMembers.userId,
      given: scimGroupMembers.membershipGiven,
    })
    .from(scimGroupMembers)
    .where(inArray(scimGroupMembers.groupId, groupIds));
}

export async function insertGroup(
  db: Db,
  values: { organisationId: string; displayName: string; externalId: string | null; unitId: string | null },
) {
  const [row] = await db.insert(scimGroups).values(values).returning();
  return row!;
}

export async function updateGroup(
  db: Db,
  id: string,
  values: Partial<{ displayName: string; externalId: string | null; unitId: string | null }>,
) {
  await db
    .update(scimGroups)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(scimGroups.id, id));
}

export async function deleteGroup(db: Db, id: string) {
  await db.delete(scimGroups).where(eq(scimGroups.id, id));
}

export async function insertMember(db: Db, groupId: string, userId: string) {
  const rows = await db
    .insert(scimGroupMembers)
    .values({ groupId, userId })
    .onConflictDoNothing()
    .returning({ userId: scimGroupMembers.userId });
  return rows.length > 0;
}

export async function setMembershipGiven(db: Db, groupId: string, userId: string, given: boolean) {
  await db
    .update(scimGroupMembers)
    .set({ membershipGiven: given })
    .where(and(eq(scimGroupMembers.groupId, groupId), eq(scimGroupMembers.userId, userId)));
}

/** Removes the member; returns whether the group had given the unit membership (null: not a member). */
export async function deleteMember(db: Db, groupId: string, userId: string) {
  const rows = await db
    .delete(scimGroupMembers)
    .where(and(eq(scimGroupMembers.groupId, groupId), eq(scimGroupMembers.userId, userId)))
    .returning({ given: scimGroupMembers.membershipGiven });
  return rows[0]?.given ?? null;
}

/** Another group of the organisation on the same unit that has the person (it takes over the membership). */
export async function otherGroupOnUnit(
  db: Db,
  organisationId: string,
  unitId: string,
  userId: string,
  exceptGroupId: string,
) {
  const [row] = await db
    .select({ groupId: scimGroups.id })
    .from(scimGroups)
    .innerJoin(scimGroupMembers, eq(scimGroupMembers.groupId, scimGroups.id))
    .where(
      and(
        eq(scimGroups.organisationId, organisationId),
        eq(scimGroups.unitId, unitId),
        eq(scimGroupMembers.userId, userId),
        ne(scimGroups.id, exceptGroupId),
      ),
    );
  return row?.groupId ?? null;
}

/** Which of these ids are people linked to the organisation (a token sees only its own people). */
export async function linkedUserIds(db: Db, organisationId: string, userIds: string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ userId: scimUsers.userId })
    .from(scimUsers)
    .where(and(eq(scimUsers.organisationId, organisationId), inArray(scimUsers.userId, userIds)));
  return new Set(rows.map((r) => r.userId));
}

export async function removeGroupMembershipsOf(db: Db, organisationId: string, userId: string) {
  await db.execute(sql`delete from scim_group_members gm using scim_groups g
    where gm.group_id = g.id and g.organisation_id = ${organisationId} and gm.user_id = ${userId}`);
}
