import { and, eq, sql } from 'drizzle-orm';
import type { OrganisationKind } from '../../../shared/contracts/organisations.ts';
import type { Role } from '../../../shared/contracts/people.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { identityProviderMemberships, memberships, userIdentities, users } from '../../db/schema/index.ts';

export type SsoUser = Pick<typeof users.$inferSelect, 'id' | 'email' | 'name' | 'status' | 'employeeNumber'>;

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  status: users.status,
  employeeNumber: users.employeeNumber,
};

export async function findLinkedUser(db: Db, idpId: string, subject: string): Promise<SsoUser | null> {
  const [row] = await db
    .select(userColumns)
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.identityProviderId, idpId), eq(userIdentities.subject, subject)));
  return row ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<SsoUser | null> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function insertUser(
  db: Db,
  values: { email: string; name: string; employeeNumber: string | null },
) {
  const [row] = await db
    .insert(users)
    .values({ ...values, status: 'active' })
    .returning(userColumns);
  return row!;
}

export async function updateUser(
  db: Db,
  id: string,
  values: { name?: string; employeeNumber?: string | null; status?: 'active' },
) {
  await db
    .update(users)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

export async function linkIdentity(
  db: Db,
  values: { userId: string; identityProviderId: string; subject: string },
) {
  await db.insert(userIdentities).values({ ...values, lastLoginAt: sql`now()` });
}

export async function touchIdentity(db: Db, idpId: string, subject: string) {
  await db
    .update(userIdentities)
    .set({ lastLoginAt: sql`now()` })
    .where(and(eq(userIdentities.identityProviderId, idpId), eq(userIdentities.subject, subject)));
}

/** The IdP's organisation and every unit (any depth) below it. */
export async function subtreeOf(db: Db, organisationId: string) {
  return queryRows<{ id: string; kind: OrganisationKind; name: string; code: string | null }>(
    db,
    sql`with recursive down as (
          select id, kind, name, code, 0 as depth from organisations where id = ${organisationId}
          union all
          select o.id, o.kind, o.name, o.code, down.depth + 1 from organisations o
          join down on o.parent_id = down.id where o.kind = 'unit' and down.depth < 10
        )
        select id, kind, name, code from down`,
  );
}

/** The memberships this IdP granted the person earlier. */
export async function grantedMemberships(db: Db, userId: string, idpId: string) {
  return db
    .select({ id: memberships.id, organisationId: memberships.organisationId, role: memberships.role })
    .from(identityProviderMemberships)
    .innerJoin(memberships, eq(memberships.id, identityProviderMemberships.membershipId))
    .where(
      and(
        eq(identityProviderMemberships.userId, userId),
        eq(identityProviderMemberships.identityProviderId, idpId),
      ),
    );
}

export async function deleteMembership(db: Db, id: string) {
  await db.delete(memberships).where(eq(memberships.id, id));
}

/**
 * Grants the role unless the person already holds it there (then it was given by people and stays
 * theirs: not recorded as the IdP's, so a later sign-in never removes it).
 */
export async function grantMembership(
  db: Db,
  values: { userId: string; organisationId: string; role: Role; identityProviderId: string },
) {
  const [row] = await db
    .insert(memberships)
    .values({ userId: values.userId, organisationId: values.organisationId, role: values.role })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  if (!row) return false;
  await db.insert(identityProviderMemberships).values({
    membershipId: row.id,
    identityProviderId: values.identityProviderId,
    userId: values.userId,
  });
  return true;
}
