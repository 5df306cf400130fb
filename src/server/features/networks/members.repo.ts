import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { networkMembers, networks, organisations, users } from '../../db/schema/index.ts';

export type MemberRow = typeof networkMembers.$inferSelect;

const memberColumns = {
  member: networkMembers,
  userName: users.name,
  userEmail: users.email,
  representsOrganisationName: organisations.name,
};

function memberQuery(db: Db) {
  return db
    .select(memberColumns)
    .from(networkMembers)
    .leftJoin(users, eq(users.id, networkMembers.userId))
    .leftJoin(organisations, eq(organisations.id, networkMembers.representsOrganisationId));
}

export type MemberWithNames = Awaited<ReturnType<typeof listMembers>>[number];

export function listMembers(db: Db, networkId: string) {
  return memberQuery(db).where(eq(networkMembers.networkId, networkId));
}

export async function findMember(db: Db, networkId: string, memberId: string) {
  const [row] = await memberQuery(db).where(
    and(eq(networkMembers.networkId, networkId), eq(networkMembers.id, memberId)),
  );
  return row ?? null;
}

export async function userMemberExists(db: Db, networkId: string, userId: string) {
  const rows = await db
    .select({ id: networkMembers.id })
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId)));
  return rows.length > 0;
}

/** An external person counts as the same member when the e-mail address matches and they have not left. */
export async function externalMemberExists(db: Db, networkId: string, email: string) {
  const rows = await db
    .select({ id: networkMembers.id })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        sql`lower(${networkMembers.email}) = lower(${email})`,
        ne(networkMembers.status, 'left'),
      ),
    );
  return rows.length > 0;
}

export async function insertMember(db: Db, values: typeof networkMembers.$inferInsert) {
  const [row] = await db.insert(networkMembers).values(values).returning({ id: networkMembers.id });
  return row!.id;
}

export async function updateMember(
  db: Db,
  memberId: string,
  values: Partial<typeof networkMembers.$inferInsert>,
) {
  await db.update(networkMembers).set(values).where(eq(networkMembers.id, memberId));
}

export async function deleteMember(db: Db, memberId: string) {
  await db.delete(networkMembers).where(eq(networkMembers.id, memberId));
}

/** An invitation that can still be accepted: status invited, sent within `days` days. */
export async function findOpenInvitation(db: Db, tokenHash: string, days: number) {
  const [row] = await db
    .select({
      member: networkMembers,
      userName: users.name,
      userEmail: users.email,
      networkName: networks.name,
      ownerId: networks.ownerOrganisationId,
      ownerName: organisations.name,
    })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .innerJoin(organisations, eq(organisations.id, networks.ownerOrganisationId))
    .leftJoin(users, eq(users.id, networkMembers.userId))
    .where(
      and(
        eq(networkMembers.invitationTokenHash, tokenHash),
        eq(networkMembers.status, 'invited'),
        sql`${networkMembers.invitedAt} > now() - make_interval(days => ${days})`,
      ),
    )
    .for('update', { of: networkMembers });
  return row ?? null;
}
