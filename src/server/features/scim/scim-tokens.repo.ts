import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { scimTokens, users } from '../../db/schema/index.ts';

const tokenColumns = {
  id: scimTokens.id,
  organisationId: scimTokens.organisationId,
  name: scimTokens.name,
  createdAt: scimTokens.createdAt,
  createdByName: users.name,
  lastUsedAt: scimTokens.lastUsedAt,
  revokedAt: scimTokens.revokedAt,
};

export type ScimTokenRow = Awaited<ReturnType<typeof listScimTokens>>[number];

/** Newest first; revoked tokens stay listed so that the organisation sees what was used and when. */
export async function listScimTokens(db: Db, organisationId: string) {
  return db
    .select(tokenColumns)
    .from(scimTokens)
    .leftJoin(users, eq(users.id, scimTokens.createdBy))
    .where(eq(scimTokens.organisationId, organisationId))
    .orderBy(desc(scimTokens.createdAt), desc(scimTokens.id));
}

export async function findScimToken(db: Db, id: string) {
  const [row] = await db
    .select(tokenColumns)
    .from(scimTokens)
    .leftJoin(users, eq(users.id, scimTokens.createdBy))
    .where(eq(scimTokens.id, id));
  return row ?? null;
}

export async function insertScimToken(
  db: Db,
  values: { organisationId: string; name: string; tokenHash: string; createdBy: string },
) {
  const [row] = await db.insert(scimTokens).values(values).returning({ id: scimTokens.id });
  return row!.id;
}

export async function revokeScimToken(db: Db, id: string) {
  await db
    .update(scimTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(scimTokens.id, id), isNull(scimTokens.revokedAt)));
}

/** The live token with this hash: its id and organisation, and when it was last used. */
export async function findActiveTokenByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: scimTokens.id,
      organisationId: scimTokens.organisationId,
      lastUsedAt: scimTokens.lastUsedAt,
    })
    .from(scimTokens)
    .where(and(eq(scimTokens.tokenHash, tokenHash), isNull(scimTokens.revokedAt)));
  return row ?? null;
}

/** Bookkeeping at most once a minute per token (the condition makes racing requests write once). */
export async function touchScimToken(db: Db, id: string) {
  await db
    .update(scimTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(scimTokens.id, id),
        or(isNull(scimTokens.lastUsedAt), lt(scimTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}
