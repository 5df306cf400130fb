import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accountUnlocks } from '../../db/schema/index.ts';

export async function createUnlock(
  db: Db,
  values: { tokenHash: string; addressHash: string; userId: string; expiresAt: Date },
) {
  await db.insert(accountUnlocks).values(values);
}

/** Unlock links made for this address within the last hour (sent or not yet used), for the send limit. */
export async function countRecentUnlocks(db: Db, addressHash: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accountUnlocks)
    .where(
      and(
        eq(accountUnlocks.addressHash, addressHash),
        gt(accountUnlocks.createdAt, sql`now() - interval '1 hour'`),
      ),
    );
  return row?.n ?? 0;
}

/** Marks the link used and returns what it unlocks, only if it is unused and unexpired (one-time link). */
export async function consumeUnlock(db: Db, tokenHash: string) {
  const [row] = await db
    .update(accountUnlocks)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(accountUnlocks.tokenHash, tokenHash),
        isNull(accountUnlocks.usedAt),
        gt(accountUnlocks.expiresAt, sql`now()`),
      ),
    )
    .returning({ addressHash: accountUnlocks.addressHash, userId: accountUnlocks.userId });
  return row ?? null;
}

/** Once the address is unlocked, its other open links have nothing left to do. */
export async function closeOpenUnlocks(db: Db, addressHash: string) {
  await db
    .update(accountUnlocks)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountUnlocks.addressHash, addressHash), isNull(accountUnlocks.usedAt)));
}
