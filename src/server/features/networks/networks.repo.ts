import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, isNationalAdmin, scopeFor, scopeIdsAt } from '../../../shared/access/index.ts';
import type { NetworkKind } from '../../../shared/contracts/networks.ts';
import type { Db } from '../../db/client.ts';
import { networkMembers, networks, organisations } from '../../db/schema/index.ts';
import { uuidList } from '../../lib/sql-lists.ts';

export type NetworkRow = typeof networks.$inferSelect;

const owner = alias(organisations, 'owner');
const ownerParent = alias(organisations, 'owner_parent');

/**
 * Who may read a network (its details, members and meetings), as one SQL condition so that lists filter
 * in the database. A signed-in person reads a network when
 *  1. they hold any role at its owner organisation or above it — `authorize(actor, 'organisation.read',
 *     owner)`, which every role has: a role covers its organisation and everything below it, and at an
 *     association its member municipalities (the owner is at most two levels below the nation);
 *  2. they are a member of it (invited or active, not left); or
 *  3. the group should have representatives from their municipality and they coordinate that
 *     municipality (`network.manage` there): a municipality sees the regional groups it is expected in.
 * Managing (edit, members, meetings, minutes, invitations) is stricter: `network.manage` on the owner.
 * National administrators read everything.
 */
export function visibleTo(actor: Actor): SQL | undefined {
  if (isNationalAdmin(actor)) return undefined;
  // Every role reads its organisations (`organisation.read`).
  const readers = scopeFor(actor, 'organisation.read');
  const orgIds = readers.organisationIds;
  const associationIds = scopeIdsAt(readers, ['association']);
  const coordinated = scopeIdsAt(scopeFor(actor, 'network.manage'), ['municipality']);
  const conditions: SQL[] = [
    sql`exists (select 1 from ${networkMembers} nm where nm.network_id = ${networks.id}
          and nm.user_id = ${actor.userId} and nm.status <> 'left')`,
  ];
  if (orgIds.length) {
    conditions.push(
      sql`(${owner.id} in (${uuidList(orgIds)}) or ${owner.parentId} in (${uuidList(orgIds)})
           or ${ownerParent.parentId} in (${uuidList(orgIds)}))`,
    );
  }
  if (associationIds.length) {
    conditions.push(
      sql`exists (select 1 from association_members am where am.municipality_id = ${networks.ownerOrganisationId}
            and am.association_id in (${uuidList(associationIds)}))`,
    );
  }
  if (coordinated.length) {
    conditions.push(
      sql`exists (select 1 from organisations cm where cm.id in (${uuidList(coordinated)})
            and (cm.parent_id = ${networks.coverageOrganisationId}
              or exists (select 1 from association_members cam
                where cam.association_id = ${networks.coverageOrganisationId} and cam.municipality_id = cm.id)))`,
    );
  }
  return sql`(${sql.join(conditions, sql` or `)})`;
}

const listColumns = {
  network: networks,
  ownerName: owner.name,
  ownerKind: owner.kind,
  activeMembers: sql<number>`(select count(*)::int from ${networkMembers} am2
    where am2.network_id = ${networks.id} and am2.status = 'active')`,
};

function baseQuery(db: Db) {
  return db
    .select(listColumns)
    .from(networks)
    .innerJoin(owner, eq(owner.id, networks.ownerOrganisationId))
    .leftJoin(ownerParent, eq(ownerParent.id, owner.parentId));
}

export async function listVisibleNetworks(
  db: Db,
  actor: Actor,
  filter: { owner?: string | undefined; county?: string | undefined; kind?: NetworkKind | undefined },
) {
  return baseQuery(db)
    .where(
      and(
        visibleTo(actor),
        filter.owner ? eq(networks.ownerOrganisationId, filter.owner) : undefined,
        filter.county ? eq(owner.countyCode, filter.county) : undefined,
        filter.kind ? eq(networks.kind, filter.kind) : undefined,
      ),
    )
    .orderBy(desc(networks.updatedAt))
    .limit(500);
}

export async function findVisibleNetwork(db: Db, actor: Actor, id: string) {
  const [row] = await baseQuery(db).where(and(eq(networks.id, id), visibleTo(actor)));
  return row ?? null;
}

export async function findNetwork(db: Db, id: string, forUpdate = false) {
  const q = db.select().from(networks).where(eq(networks.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertNetwork(db: Db, values: typeof networks.$inferInsert) {
  const [row] = await db.insert(networks).values(values).returning();
  return row!;
}

export async function updateNetwork(db: Db, id: string, values: Partial<typeof networks.$inferInsert>) {
  await db
    .update(networks)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(networks.id, id));
}

export async function nameTaken(db: Db, ownerId: string, name: string, exceptId?: string) {
  const rows = await db
    .select({ id: networks.id })
    .from(networks)
    .where(and(eq(networks.ownerOrganisationId, ownerId), sql`lower(${networks.name}) = lower(${name})`));
  return rows.some((r) => r.id !== exceptId);
}

/** Active representatives per network and represented organisation, for coverage. */
export async function representativeCounts(db: Db, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  return db
    .select({
      networkId: networkMembers.networkId,
      organisationId: networkMembers.representsOrganisationId,
      n: sql<number>`count(*)::int`,
    })
    .from(networkMembers)
    .where(
      and(
        inArray(networkMembers.networkId, networkIds),
        eq(networkMembers.status, 'active'),
        sql`${networkMembers.representsOrganisationId} is not null`,
      ),
    )
    .groupBy(networkMembers.networkId, networkMembers.representsOrganisationId);
}
