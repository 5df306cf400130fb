import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { rolesNeedingSecondFactor } from '../../../shared/access/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { authChallenges, passkeys, recoveryCodes, totpSecrets } from '../../db/schema/index.ts';

type Purpose = (typeof authChallenges.$inferInsert)['purpose'];

/** Challenges and half-finished logins live five minutes. */
export const CHALLENGE_MS = 5 * 60_000;

export async function createChallenge(
  db: Db,
  values: { tokenHash: string; purpose: Purpose; userId: string | null; challenge?: string | null },
) {
  await db.delete(authChallenges).where(lt(authChallenges.expiresAt, sql`now()`));
  await db.insert(authChallenges).values({ ...values, expiresAt: new Date(Date.now() + CHALLENGE_MS) });
}

/** Reads an open challenge without spending it (the MFA step may take several tries). */
export async function findChallenge(db: Db, tokenHash: string, purpose: Purpose) {
  const [row] = await db
    .select()
    .from(authChallenges)
    .where(
      and(
        eq(authChallenges.tokenHash, tokenHash),
        eq(authChallenges.purpose, purpose),
        gt(authChallenges.expiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}

/** Spends a challenge: only the first caller gets the row back, and only before it expires. */
export async function consumeChallenge(db: Db, tokenHash: string, purpose: Purpose) {
  const [row] = await db
    .delete(authChallenges)
    .where(
      and(
        eq(authChallenges.tokenHash, tokenHash),
        eq(authChallenges.purpose, purpose),
        gt(authChallenges.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return row ?? null;
}

export async function deleteChallenge(db: Db, tokenHash: string) {
  await db.delete(authChallenges).where(eq(authChallenges.tokenHash, tokenHash));
}

export interface SignInRules {
  /** An enabled IdP with require_sso at one of the person's organisations or above. */
  sso: { id: string; name: string } | null;
  /** A sign-in policy requiring a second factor at one of the person's organisations or above. */
  policyMfa: boolean;
  /** National administrator or any coordinator role. */
  privileged: boolean;
}

/**
 * What applies to a person at login, from their memberships and every organisation above them, in one
 * query (the tree is shallow: nation → region → municipality → unit).
 */
export async function signInRules(db: Db, userId: string): Promise<SignInRules> {
  const [row] = await queryRows<{
    policy_mfa: boolean;
    privileged: boolean;
    sso_id: string | null;
    sso_name: string | null;
  }>(
    db,
    sql`with recursive up(id, parent_id) as (
          select o.id, o.parent_id from memberships m join organisations o on o.id = m.organisation_id
          where m.user_id = ${userId}
          union
          select o.id, o.parent_id from organisations o join up on o.id = up.parent_id
        ), sso as (
          select i.id, i.name from identity_providers i
          where i.enabled and i.require_sso and i.organisation_id in (select id from up)
          order by i.created_at limit 1
        )
        select
          exists(select 1 from sign_in_policies p where p.require_mfa and p.organisation_id in (select id from up)) as policy_mfa,
          exists(select 1 from memberships m where m.user_id = ${userId}
                 and m.role in (${sql.join(
                   rolesNeedingSecondFactor.map((r) => sql`${r}`),
                   sql`, `,
                 )})) as privileged,
          (select id from sso) as sso_id, (select name from sso) as sso_name`,
  );
  return {
    policyMfa: !!row?.policy_mfa,
    privileged: !!row?.privileged,
    sso: row?.sso_id ? { id: row.sso_id, name: row.sso_name ?? '' } : null,
  };
}

/** Which second factors a person has ready to use. */
export async function factorsOf(db: Db, userId: string) {
  const [row] = await queryRows<{ totp: boolean; passkeys: number; recovery: number }>(
    db,
    sql`select
          exists(select 1 from ${totpSecrets} where user_id = ${userId} and confirmed_at is not null) as totp,
          (select count(*)::int from ${passkeys} where user_id = ${userId}) as passkeys,
          (select count(*)::int from ${recoveryCodes} where user_id = ${userId} and used_at is null) as recovery`,
  );
  return { totp: !!row?.totp, passkeys: row?.passkeys ?? 0, recoveryLeft: row?.recovery ?? 0 };
}
