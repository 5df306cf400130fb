import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { signInPolicies } from '../../db/schema/index.ts';

export async function findPolicy(db: Db, organisationId: string) {
  const [row] = await db
    .select()
    .from(signInPolicies)
    .where(eq(signInPolicies.organisationId, organisationId));
  return row ?? null;
}

/** Whether an organisation above (any of `ancestorIds`) already requires a second factor. */
export async function anyRequiresMfa(db: Db, ancestorIds: readonly string[]) {
  if (ancestorIds.length === 0) return false;
  const rows = await db
    .select({ id: signInPolicies.organisationId })
    .from(signInPolicies)
    .where(and(inArray(signInPolicies.organisationId, [...ancestorIds]), eq(signInPolicies.requireMfa, true)))
    .limit(1);
  return rows.length > 0;
}

export async function upsertPolicy(db: Db, organisationId: string, requireMfa: boolean) {
  await db
    .insert(signInPolicies)
    .values({ organisationId, requireMfa })
    .onConflictDoUpdate({
      target: signInPolicies.organisationId,
      set: { requireMfa, updatedAt: sql`now()` },
    });
}
