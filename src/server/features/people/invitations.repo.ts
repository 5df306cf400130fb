import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Gender, Role } from '../../../shared/contracts/people.ts';
import type { Db } from '../../db/client.ts';
import { invitations, organisations, users } from '../../db/schema/index.ts';

export async function insertInvitedUser(
  db: Db,
  values: { email: string; name: string; preferredLanguage: 'sv' | 'en' },
) {
  const [row] = await db
    .insert(users)
    .values({ ...values, status: 'invited' })
    .returning();
  return row!;
}

export async function insertInvitation(
  db: Db,
  values: {
    tokenHash: string;
    userId: string;
    organisationId: string;
    role: Role;
    invitedBy: string;
    expiresAt: Date;
  },
) {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

/** An invitation that can still be accepted, with what the invitee needs to see. */
export async function findOpenInvitation(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      userId: invitations.userId,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      email: users.email,
      name: users.name,
      organisationName: organisations.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, sql`now()`),
        eq(users.status, 'invited'),
      ),
    );
  return row ?? null;
}

export async function activateInvitedUser(
  db: Db,
  userId: string,
  values: { name: string; passwordHash: string; preferredLanguage: 'sv' | 'en'; gender: Gender | null },
) {
  await db
    .update(users)
    .set({ ...values, status: 'active', updatedAt: sql`now()` })
    .where(eq(users.id, userId));
  // Every pending invitation of the person is fulfilled by one account.
  await db
    .update(invitations)
    .set({ acceptedAt: sql`now()` })
    .where(and(eq(invitations.userId, userId), isNull(invitations.acceptedAt)));
}

export async function insertInvitationsBulk(
  db: Db,
  values: {
    tokenHash: string;
    userId: string;
    organisationId: string;
    role: Role;
    invitedBy: string;
    expiresAt: Date;
  }[],
) {
  if (values.length) await db.insert(invitations).values(values);
}
