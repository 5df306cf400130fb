import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { ActivationCodeStatus } from '../../../shared/contracts/activation.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { activationCodes, invitations, users } from '../../db/schema/index.ts';

export async function usernameTaken(db: Db, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row !== undefined;
}

/** An account without e-mail; it stays `invited` until the person activates it. */
export async function insertUsernameUser(
  db: Db,
  values: { username: string; employeeNumber: string | null; name: string; preferredLanguage: 'sv' | 'en' },
) {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: null, status: 'invited' })
    .returning({ id: users.id, name: users.name, username: users.username });
  return row!;
}

/** The person and whether they already have a way to sign in (a password or a passkey). */
export async function findPersonForCode(db: Db, userId: string, organisationId: string) {
  const [row] = await queryRows<{
    id: string;
    name: string;
    username: string | null;
    status: 'active' | 'invited' | 'disabled';
    can_sign_in: boolean;
  }>(
    db,
    sql`select u.id, u.name, u.username, u.status,
          (u.password_hash is not null or exists (select 1 from passkeys p where p.user_id = u.id)) as can_sign_in
        from users u
        where u.id = ${userId}
          and exists (select 1 from memberships m where m.user_id = u.id and m.organisation_id = ${organisationId})`,
  );
  return row ?? null;
}

/** Older codes of the person that could still be used stop working when a new one is issued. */
export async function revokeOpenCodes(db: Db, userId: string) {
  return db
    .update(activationCodes)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(activationCodes.userId, userId),
        isNull(activationCodes.usedAt),
        isNull(activationCodes.revokedAt),
        gt(activationCodes.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: activationCodes.id });
}

export async function insertCode(
  db: Db,
  values: { userId: string; organisationId: string; codeHash: string; createdBy: string; expiresAt: Date },
) {
  const [row] = await db.insert(activationCodes).values(values).returning({ id: activationCodes.id });
  return row!;
}

export interface CodeRow {
  id: string;
  user_id: string;
  name: string;
  username: string | null;
  organisation_id: string;
  organisation_name: string;
  status: ActivationCodeStatus;
  created_at: Date | string;
  expires_at: Date | string;
  used_at: Date | string | null;
  revoked_at: Date | string | null;
  can_sign_in: boolean;
}

/** The codes issued at the organisation and, when asked, at the units directly below it; newest first. */
export async function listCodes(db: Db, organisationId: string, includeUnits: boolean, limit: number) {
  const orgs = includeUnits
    ? sql`(select ${organisationId}::uuid union all select id from organisations where parent_id = ${organisationId} and kind = 'unit')`
    : sql`(select ${organisationId}::uuid)`;
  return queryRows<CodeRow>(
    db,
    sql`select c.id, c.user_id, u.name, u.username, c.organisation_id, o.name as organisation_name,
          case when c.used_at is not null then 'used'
               when c.revoked_at is not null then 'revoked'
               when c.expires_at <= now() then 'expired'
               else 'open' end as status,
          c.created_at, c.expires_at, c.used_at, c.revoked_at,
          (u.password_hash is not null or exists (select 1 from passkeys p where p.user_id = u.id)) as can_sign_in
        from activation_codes c
        join users u on u.id = c.user_id
        join organisations o on o.id = c.organisation_id
        where c.organisation_id in ${orgs}
        order by c.created_at desc, c.id
        limit ${limit}`,
  );
}

export async function findCode(db: Db, id: string) {
  const [row] = await db.select().from(activationCodes).where(eq(activationCodes.id, id));
  return row ?? null;
}

/** Closes a code that is still open, as used or as revoked; false if it was closed already (a code works once). */
async function closeOpenCode(db: Db, id: string, how: 'usedAt' | 'revokedAt') {
  const rows = await db
    .update(activationCodes)
    .set({ [how]: sql`now()` })
    .where(
      and(
        eq(activationCodes.id, id),
        isNull(activationCodes.usedAt),
        isNull(activationCodes.revokedAt),
        gt(activationCodes.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: activationCodes.id });
  return rows.length > 0;
}

export const revokeCode = (db: Db, id: string) => closeOpenCode(db, id, 'revokedAt');

/**
 * The person an open code belongs to. One query for every kind of unusable code (unknown, used,
 * expired, revoked, or a disabled account), so none of them answers differently or takes longer.
 */
export async function findOpenCode(db: Db, codeHash: string) {
  const [row] = await queryRows<{
    id: string;
    user_id: string;
    organisation_id: string;
    name: string;
    username: string | null;
    email: string | null;
  }>(
    db,
    sql`select c.id, c.user_id, c.organisation_id, u.name, u.username, u.email
        from activation_codes c join users u on u.id = c.user_id
        where c.code_hash = ${codeHash} and c.used_at is null and c.revoked_at is null
          and c.expires_at > now() and u.status <> 'disabled'`,
  );
  return row ?? null;
}

/** Marks the code used; false if another request used it first. */
export const useCode = (db: Db, id: string) => closeOpenCode(db, id, 'usedAt');

/** Sets the chosen password and activates the account; any pending e-mail invitation is fulfilled. */
export async function activateUser(db: Db, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, status: 'active', failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
  await db
    .update(invitations)
    .set({ acceptedAt: sql`now()` })
    .where(and(eq(invitations.userId, userId), isNull(invitations.acceptedAt)));
}
