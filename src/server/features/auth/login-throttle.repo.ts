import { createHmac } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loginThrottles } from '../../db/schema/index.ts';
import { serverKey } from '../../lib/server-keys.ts';

/**
 * How a submitted address is counted: trimmed, NFC, lower-cased, then keyed-hashed. Returned as a
 * function so a transaction can hash without a query of its own once the key is loaded.
 */
export async function addressHasher(db: Db): Promise<(email: string) => string> {
  const key = await serverKey(db, 'login_address');
  return (email) =>
    createHmac('sha256', key).update(email.trim().normalize('NFC').toLowerCase()).digest('hex');
}

export async function addressHash(db: Db, email: string): Promise<string> {
  return (await addressHasher(db))(email);
}

export async function findLock(db: Db, hash: string): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(and(eq(loginThrottles.addressHash, hash), gt(loginThrottles.lockedUntil, sql`now()`)));
  return row?.lockedUntil ?? null;
}

/** Counts one failure; the address is locked from the `maxFailures`th one on. */
export async function recordFailure(db: Db, hash: string, maxFailures: number, lockMs: number) {
  const lockUntil = sql`now() + make_interval(secs => ${lockMs / 1000})`;
  const [row] = await db
    .insert(loginThrottles)
    .values({
      addressHash: hash,
      failures: 1,
      lockedUntil: maxFailures <= 1 ? lockUntil : null,
    })
    .onConflictDoUpdate({
      target: loginThrottles.addressHash,
      set: {
        failures: sql`${loginThrottles.failures} + 1`,
        lockedUntil: sql`case when ${loginThrottles.failures} + 1 >= ${maxFailures}
          then ${lockUntil} else ${loginThrottles.lockedUntil} end`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ failures: loginThrottles.failures, lockedUntil: loginThrottles.lockedUntil });
  return row!;
}

export async function clearFailures(db: Db, hash: string) {
  await db.delete(loginThrottles).where(eq(loginThrottles.addressHash, hash));
}

/** Rows untouched for a day and no longer locked: kept no longer than needed (they are about people). */
export async function deleteStaleThrottles(db: Db) {
  await db
    .delete(loginThrottles)
    .where(
      and(
        lt(loginThrottles.updatedAt, sql`now() - interval '1 day'`),
        sql`(${loginThrottles.lockedUntil} is null or ${loginThrottles.lockedUntil} < now())`,
      ),
    );
}
