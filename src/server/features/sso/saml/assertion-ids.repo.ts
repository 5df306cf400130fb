import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { samlAssertionIds } from '../../../db/schema/index.ts';

/**
 * Remembers an assertion id until the assertion would have expired anyway. False when the id was
 * already seen: the same assertion posted twice (a replay, or a double submit) is refused.
 */
export async function rememberAssertionId(
  db: Db,
  identityProviderId: string,
  assertionId: string,
  expiresAt: Date,
): Promise<boolean> {
  // Expired ids can never be replayed (the time check refuses them first), so they are cleared here.
  await db.delete(samlAssertionIds).where(lt(samlAssertionIds.expiresAt, sql`now()`));
  const inserted = await db
    .insert(samlAssertionIds)
    .values({ identityProviderId, assertionId, expiresAt })
    .onConflictDoNothing()
    .returning({ id: samlAssertionIds.assertionId });
  return inserted.length === 1;
}
