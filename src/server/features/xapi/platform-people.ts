import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { textArray } from '../../lib/sql-lists.ts';
import { uuidArray } from '../programmes/programmes.repo.ts';
import { subtreeIds } from '../scim/scim-users.repo.ts';
import { isUuid } from './activity-definition-schema.ts';
import { agentKey } from './agent-keys.ts';
import type { XapiAgent, XapiGroup } from './statement-validation.ts';

/**
 * Which agents are our own people (ADR 20): an Agent whose `mbox` is a person's work e-mail address, or
 * whose `account` is ours (`homePage` the platform's public URL, `name` the person's id). The answer maps
 * agent keys to user ids, looked up in one query for a whole batch.
 */
export async function platformUsersOf(
  db: Db,
  agents: readonly (XapiAgent | XapiGroup)[],
  publicUrl: string,
): Promise<Map<string, string>> {
  const emails = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const a of agents) {
    if (a.objectType === 'Group') continue;
    if (a.mbox?.toLowerCase().startsWith('mailto:')) emails.set(a.mbox.slice(7).toLowerCase(), agentKey(a));
    else if (a.account && a.account.homePage.replace(/\/$/, '') === publicUrl && isUuid(a.account.name))
      ids.set(a.account.name.toLowerCase(), agentKey(a));
  }
  const found = new Map<string, string>();
  if (emails.size === 0 && ids.size === 0) return found;
  const rows = await queryRows<{ id: string; email: string | null }>(
    db,
    sql`select id, email from users
        where email = any(${textArray([...emails.keys()])}) or id = any(${uuidArray([...ids.keys()])})`,
  );
  for (const r of rows) {
    const byEmail = r.email ? emails.get(r.email.toLowerCase()) : undefined;
    if (byEmail) found.set(byEmail, r.id);
    const byId = ids.get(r.id);
    if (byId) found.set(byId, r.id);
  }
  return found;
}

/** The people among `userIds` who belong to the organisation or an organisation below it. */
export async function usersWithin(db: Db, userIds: readonly string[], organisationId: string) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`select distinct user_id from memberships
        where user_id = any(${uuidArray([...userIds])}) and organisation_id in ${subtreeIds(organisationId)}`,
  );
  return new Set(rows.map((r) => r.user_id));
}
