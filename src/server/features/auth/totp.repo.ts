import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { totpSecrets } from '../../db/schema/index.ts';

export async function findSecret(db: Db, userId: string) {
  const [row] = await db.select().from(totpSecrets).where(eq(totpSecrets.userId, userId));
  return row ?? null;
}

/** A new, unconfirmed secret replaces an earlier unconfirmed one (set-up started again). */
export async function putUnconfirmed(db: Db, userId: string, secretEnc: string) {
  await db
    .insert(totpSecrets)
    .values({ userId, secretEnc })
    .onConflictDoUpdate({
      target: totpSecrets.userId,
      set: { secretEnc, lastStep: null, createdAt: sql`now()` },
      setWhere: isNull(totpSecrets.confirmedAt),
    });
}

/**
 * Records `step` as used and confirms the secret, only if no code of that step or a later one was
 * accepted before: the same code can never be used twice, even by two requests at once.
 */
export async function acceptStep(db: Db, userId: string, step: number) {
  const rows = await db
    .update(totpSecrets)
    .set({ lastStep: step, confirmedAt: sql`coalesce(${totpSecrets.confirmedAt}, now())` })
    .where(
      and(eq(totpSecrets.userId, userId), or(isNull(totpSecrets.lastStep), lt(totpSecrets.lastStep, step))),
    )
    .returning({ userId: totpSecrets.userId });
  return rows.length > 0;
}

export async function deleteSecret(db: Db, userId: string) {
  const rows = await db
    .delete(totpSecrets)
    .where(eq(totpSecrets.userId, userId))
    .returning({ confirmedAt: totpSecrets.confirmedAt });
  return rows.length > 0 && rows[0]!.confirmedAt !== null;
}
