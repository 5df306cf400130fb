import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/people.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { memberships, organisations, users } from '../../db/schema/index.ts';

export interface MemberRow {
  membership_id: string;
  user_id: string;
  name: string;
  email: string | null;
  username: string | null;
  role: Role;
  status: 'active' | 'invited' | 'disabled';
  organisation_id: string;
  organisation_name: string;
  since: Date | string;
  sort_name: string;
}

export interface MemberQuery {
  organisationId: string;
  includeBelow: boolean;
  q?: string | undefined;
  role?: Role | undefined;
  limit: number;
  after: { sortName: string; membershipId: string } | null;
}

/**
 * Keyset pagination on (memberships.sort_name, memberships.id): sort_name's byte order is Swedish order,
 * so pages are stable and cheap at any depth, on PGlite and PostgreSQL alike (no OFFSET, no collation).
 */
export async function listMembers(db: Db, query: MemberQuery & { kind: string }): Promise<MemberRow[]> {
  // The two common cases read one index range in order: an organisation's own members, and a
  // municipality with its units (memberships carry their municipality, kept by a trigger).
  let scope: SQL;
  if (!query.includeBelow) scope = sql`m.organisation_id = ${query.organisationId}`;
  // Everyone lies below the nation ("Personer i Sverige" with sub-units found nobody: regions were
  // left out of the walk below, so it never reached a municipality).
  else if (query.kind === 'nation') scope = sql`true`;
  else if (query.kind === 'municipality') scope = sql`m.municipality_id = ${query.organisationId}`;
  else {
    scope = sql`m.organisation_id in (
      with recursive below as (
        select id from organisations where id = ${query.organisationId}
        union all
        select o.id from organisations o join below b on o.parent_id = b.id where o.kind in ('region', 'municipality', 'unit')
      ) select id from below)`;
  }
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return queryRows<MemberRow>(
    db,
    sql`select m.id as membership_id, u.id as user_id, u.name, u.email, u.username, m.role, u.status,
               o.id as organisation_id, o.name as organisation_name, m.created_at as since, m.sort_name
        from memberships m
        join users u on u.id = m.user_id
        join organisations o on o.id = m.organisation_id
        where ${scope}
          ${query.role ? sql`and m.role = ${query.role}` : sql``}
          ${pattern ? sql`and (u.name ilike ${pattern} or u.email ilike ${pattern} or u.username ilike ${pattern})` : sql``}
          ${query.after ? sql`and (m.sort_name, m.id) > (${query.after.sortName} collate "C", ${query.after.membershipId}::uuid)` : sql``}
        order by m.sort_name, m.id
        limit ${query.limit + 1}`,
  );
}

export async function findMembership(db: Db, id: string) {
  const [row] = await db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      role: memberships.role,
      userName: users.name,
      email: users.email,
      organisationName: organisations.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.id, id));
  return row ?? null;
}

export async function membershipExists(db: Db, userId: string, organisationId: string, role: Role) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, role),
      ),
    );
  return row !== undefined;
}

export async function insertMembership(
  db: Db,
  values: { userId: string; organisationId: string; role: Role },
) {
  const [row] = await db.insert(memberships).values(values).returning();
  return row!;
}

export async function deleteMembership(db: Db, id: string) {
  await db.delete(memberships).where(eq(memberships.id, id));
}
