import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { memberships, organisations, sessions } from '../../db/schema/index.ts';
import { swedishCollator } from '../../lib/swedish-sort.ts';
import type { RequestActor } from '../../plugins/session.ts';

interface SessionActorRow {
  session_id: string;
  last_seen_at: Date | string;
  user_id: string;
  name: string;
  email: string | null;
  username: string | null;
  preferred_language: 'sv' | 'en';
  course_language: string | null;
  gender: RequestActor['gender'];
  memberships: RequestActor['memberships'] | null;
}

/**
 * Every authenticated request starts here, so the session, the user and the memberships come back in
 * one round trip (the memberships aggregated as JSON).
 */
export async function findSessionActor(
  db: Db,
  tokenHash: string,
): Promise<{ actor: RequestActor; lastSeenAt: Date } | null> {
  const [row] = await queryRows<SessionActorRow>(
    db,
    sql`select s.id as session_id, s.last_seen_at, u.id as user_id, u.name, u.email, u.username, u.preferred_language, u.course_language, u.gender,
          (select json_agg(json_build_object(
              'id', m.id, 'organisationId', o.id, 'organisationKind', o.kind,
              'organisationName', o.name, 'organisationCode', o.code, 'role', m.role))
           from memberships m join organisations o on o.id = m.organisation_id
           where m.user_id = u.id) as memberships
        from sessions s join users u on u.id = s.user_id
        where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > now() and u.status = 'active'`,
  );
  if (!row) return null;
  const memberships = (row.memberships ?? []).sort((a, b) =>
    swedishCollator.compare(a.organisationName, b.organisationName),
  );
  return {
    lastSeenAt: new Date(row.last_seen_at),
    actor: {
      userId: row.user_id,
      sessionId: row.session_id,
      name: row.name,
      email: row.email,
      username: row.username,
      preferredLanguage: row.preferred_language,
      courseLanguage: row.course_language,
      gender: row.gender,
      memberships,
    },
  };
}

/** The user's memberships with their organisations, in Swedish order of organisation name. */
export async function loadActorMemberships(db: Db, userId: string) {
  const rows = await db
    .select({
      id: memberships.id,
      organisationId: memberships.organisationId,
      organisationKind: organisations.kind,
      organisationName: organisations.name,
      organisationCode: organisations.code,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId));
  return rows.sort((a, b) => swedishCollator.compare(a.organisationName, b.organisationName));
}

export async function touchSession(db: Db, sessionId: string) {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

export async function createSession(
  db: Db,
  values: {
    userId: string;
    tokenHash: string;
    userAgent: string | null;
    expiresAt: Date;
    authMethod?: (typeof sessions.$inferInsert)['authMethod'];
    identityProviderId?: string | null;
    ssoLogoutHintEnc?: string | null;
  },
) {
  const [row] = await db.insert(sessions).values(values).returning({ id: sessions.id });
  return row!;
}

export async function revokeSession(db: Db, where: { id: string; userId: string }) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, where.id), eq(sessions.userId, where.userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function revokeAllSessions(db: Db, userId: string, exceptId?: string) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined,
      ),
    );
}

export async function listActiveSessions(db: Db, userId: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(sessions.createdAt);
}
