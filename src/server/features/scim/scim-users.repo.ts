import { and, eq, type SQL, sql } from 'drizzle-orm';
import { PROVISIONED_ROLE } from '../../../shared/access/index.ts';
import type { Db } from '../../db/client.ts';
import { memberships, scimUsers, users } from '../../db/schema/index.ts';
import type { FilterTarget } from './scim-sql-filter.ts';

/** One SCIM user as this repository reads it: the link row and the account it points at. */
export interface ScimUserRow {
  userId: string;
  userName: string;
  externalId: string | null;
  active: boolean;
  givenName: string | null;
  familyName: string | null;
  department: string | null;
  staffOrganisationId: string | null;
  name: string;
  email: string | null;
  employeeNumber: string | null;
  status: 'active' | 'invited' | 'disabled';
  createdAt: Date;
  updatedAt: Date;
}

const rowColumns = {
  userId: scimUsers.userId,
  userName: scimUsers.userName,
  externalId: scimUsers.externalId,
  active: scimUsers.active,
  givenName: scimUsers.givenName,
  familyName: scimUsers.familyName,
  department: scimUsers.department,
  staffOrganisationId: scimUsers.staffOrganisationId,
  name: users.name,
  email: users.email,
  employeeNumber: users.employeeNumber,
  status: users.status,
  createdAt: scimUsers.createdAt,
  updatedAt: sql<Date>`greatest(${scimUsers.updatedAt}, ${users.updatedAt})`.mapWith(
    (v: string | Date) => new Date(v),
  ),
};

/** What a `/Users?filter=` may name: SCIM attribute (lower-cased) → column. */
export const userFilterTarget: FilterTarget = {
  columns: {
    id: { column: sql`${scimUsers.userId}::text` },
    username: { column: sql`${scimUsers.userName}`, caseInsensitive: true },
    externalid: { column: sql`${scimUsers.externalId}` },
    displayname: { column: sql`${users.name}`, caseInsensitive: true },
    'name.formatted': { column: sql`${users.name}`, caseInsensitive: true },
    'name.givenname': { column: sql`${scimUsers.givenName}`, caseInsensitive: true },
    'name.familyname': { column: sql`${scimUsers.familyName}`, caseInsensitive: true },
    emails: { column: sql`${users.email}`, caseInsensitive: true },
    'emails.value': { column: sql`${users.email}`, caseInsensitive: true },
    active: { column: sql`${scimUsers.active}`, kind: 'boolean' },
    employeenumber: { column: sql`${users.employeeNumber}` },
    department: { column: sql`${scimUsers.department}`, caseInsensitive: true },
  },
  // We hold one address, the work one: `emails[type eq "work"]` and `emails[primary eq true]` select it.
  valuePath: (path) => {
    if (path.attr !== 'emails' || !path.valueFilter) return null;
    const f = path.valueFilter;
    if (f.kind !== 'compare' || f.op !== 'eq' || f.path.valueFilter) return null;
    const sel = f.path.sub ? null : f.path.attr;
    if (sel === 'type' && typeof f.value === 'string' && f.value.toLowerCase() === 'work')
      return sql`${users.email} is not null`;
    if (sel === 'primary' && f.value === true) return sql`${users.email} is not null`;
    return null;
  },
};

export async function findScimUser(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select(rowColumns)
    .from(scimUsers)
    .innerJoin(users, eq(users.id, scimUsers.userId))
    .where(and(eq(scimUsers.organisationId, organisationId), eq(scimUsers.userId, userId)));
  return (row as ScimUserRow | undefined) ?? null;
}

export async function listScimUsers(
  db: Db,
  organisationId: string,
  where: SQL | undefined,
  offset: number,
  limit: number,
) {
  const cond = and(eq(scimUsers.organisationId, organisationId), where);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(scimUsers)
    .innerJoin(users, eq(users.id, scimUsers.userId))
    .where(cond);
  const rows =
    limit === 0
      ? []
      : await db
          .select(rowColumns)
          .from(scimUsers)
          .innerJoin(users, eq(users.id, scimUsers.userId))
          .where(cond)
          .orderBy(scimUsers.createdAt, scimUsers.userId)
          .offset(offset)
          .limit(limit);
  return { total: count?.n ?? 0, rows: rows as ScimUserRow[] };
}

export async function findLinkByUserName(db: Db, organisationId: string, userName: string) {
  const [row] = await db
    .select({ userId: scimUsers.userId })
    .from(scimUsers)
    .where(
      and(
        eq(scimUsers.organisationId, organisationId),
        sql`lower(${scimUsers.userName}) = ${userName.toLowerCase()}`,
      ),
    );
  return row ?? null;
}

export async function findLink(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({ userId: scimUsers.userId })
    .from(scimUsers)
    .where(and(eq(scimUsers.organisationId, organisationId), eq(scimUsers.userId, userId)));
  return row ?? null;
}

export async function findAccountByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function findAccountByUsername(db: Db, username: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username.toLowerCase()));
  return row ?? null;
}

export async function insertAccount(
  db: Db,
  values: { name: string; email: string | null; username: string | null; employeeNumber: string | null },
) {
  const [row] = await db
    .insert(users)
    .values({ ...values, status: 'active' })
    .returning({ id: users.id });
  return row!.id;
}

export async function updateAccount(
  db: Db,
  userId: string,
  values: Partial<{
    name: string;
    email: string | null;
    employeeNumber: string | null;
    status: 'active' | 'disabled';
  }>,
) {
  if (Object.keys(values).length === 0) return;
  await db
    .update(users)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

export type LinkValues = {
  userName: string;
  externalId: string | null;
  active: boolean;
  givenName: string | null;
  familyName: string | null;
  department: string | null;
  staffOrganisationId: string | null;
};

export async function insertLink(db: Db, organisationId: string, userId: string, values: LinkValues) {
  await db.insert(scimUsers).values({ organisationId, userId, ...values });
}

export async function updateLink(
  db: Db,
  organisationId: string,
  userId: string,
  values: Partial<LinkValues>,
): Promise<Date | null> {
  const [row] = await db
    .update(scimUsers)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(scimUsers.organisationId, organisationId), eq(scimUsers.userId, userId)))
    .returning({ updatedAt: scimUsers.updatedAt });
  return row?.updatedAt ?? null;
}

export async function deleteLink(db: Db, organisationId: string, userId: string) {
  await db
    .delete(scimUsers)
    .where(and(eq(scimUsers.organisationId, organisationId), eq(scimUsers.userId, userId)));
}

/** Adds a staff membership; true when this call created it (so SCIM knows it gave it). */
export async function grantStaff(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const rows = await db
    .insert(memberships)
    .values({ userId, organisationId, role: PROVISIONED_ROLE })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  return rows.length > 0;
}

export async function removeStaff(db: Db, userId: string, organisationId: string) {
  await db
    .delete(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, PROVISIONED_ROLE),
      ),
    );
}

/** The organisation and every unit below it (units may nest). */
export function subtreeIds(organisationId: string): SQL {
  return sql`(with recursive t(id) as (
      select ${organisationId}::uuid
      union all select o.id from organisations o join t on o.parent_id = t.id
    ) select id from t)`;
}

/** Does the person hold a role anywhere outside the organisation's subtree, or a SCIM link elsewhere? */
export async function hasTiesElsewhere(db: Db, organisationId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .execute<{ elsewhere: boolean }>(sql`select
      exists (select 1 from memberships m where m.user_id = ${userId}
              and m.organisation_id not in ${subtreeIds(organisationId)})
      or exists (select 1 from scim_users s where s.user_id = ${userId} and s.organisation_id <> ${organisationId})
      as elsewhere`)
    .then((r) => (r as unknown as { rows: { elsewhere: boolean }[] }).rows);
  return row?.elsewhere ?? false;
}

/** Ends the person's roles in the organisation's subtree (their learning history stays). */
export async function removeMembershipsInSubtree(db: Db, organisationId: string, userId: string) {
  await db.execute(
    sql`delete from memberships where user_id = ${userId} and organisation_id in ${subtreeIds(organisationId)}`,
  );
}

/** The organisation's units (and itself) with name and code, for matching `department`. */
export async function listSubtreeUnits(db: Db, organisationId: string) {
  const result = (await db.execute(
    sql`select o.id, o.kind, o.name, o.code from organisations o where o.id in ${subtreeIds(organisationId)}`,
  )) as unknown as { rows: { id: string; kind: string; name: string; code: string | null }[] };
  return result.rows;
}
