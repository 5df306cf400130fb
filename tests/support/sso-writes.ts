import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../src/server/db/client.ts';

/** What a sign-in writes: a refused one must leave every count as it was. */
export async function ssoWriteCounts(db: Db) {
  const [row] = await queryRows<{ users: number; memberships: number; sessions: number; identities: number }>(
    db,
    sql`select (select count(*)::int from users) as users, (select count(*)::int from memberships) as memberships,
          (select count(*)::int from sessions) as sessions, (select count(*)::int from user_identities) as identities`,
  );
  return row!;
}

/** The audited refusals of sign-ins, newest first. */
export function ssoRefusals(db: Db) {
  return queryRows<{ after: { code: string; reason: string } }>(
    db,
    sql`select after from audit_log where action = 'sso.login_refused' order by id desc`,
  );
}
