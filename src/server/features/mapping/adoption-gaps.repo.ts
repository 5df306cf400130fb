import { and, count, countDistinct, eq, gte, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { governingDocuments, networkMembers, networks } from '../../db/schema/index.ts';

/** Governing documents that make a municipality's direction clear: a policy, strategy or action plan. */
const steeringKinds = ['policy', 'strategy', 'action_plan'];
const notInForce = ['draft', 'expired', 'replaced'];

/** Local steering documents in force, per owning municipality. */
export async function strategiesPerMunicipality(db: Db, municipalityIds: string[]) {
  if (municipalityIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: governingDocuments.ownerOrganisationId, n: count() })
    .from(governingDocuments)
    .where(
      and(
        inArray(governingDocuments.ownerOrganisationId, municipalityIds),
        inArray(governingDocuments.kind, steeringKinds),
        notInArray(governingDocuments.status, notInForce),
        or(isNull(governingDocuments.validUntil), gte(governingDocuments.validUntil, sql`current_date`)),
      ),
    )
    .groupBy(governingDocuments.ownerOrganisationId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Active reference-group members who represent each municipality. */
export async function representativesPerMunicipality(db: Db, municipalityIds: string[]) {
  if (municipalityIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: networkMembers.representsOrganisationId, n: countDistinct(networkMembers.id) })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(
      and(
        inArray(networkMembers.representsOrganisationId, municipalityIds),
        eq(networkMembers.status, 'active'),
        eq(networks.kind, 'reference_group'),
      ),
    )
    .groupBy(networkMembers.representsOrganisationId);
  return new Map(rows.map((r) => [r.id as string, r.n]));
}
