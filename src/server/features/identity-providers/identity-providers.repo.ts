import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AttributeMapping } from '../../../shared/contracts/identity-providers.ts';
import type { Db } from '../../db/client.ts';
import { identityProviderDomains, identityProviders, organisations } from '../../db/schema/index.ts';

/** The stored row, secrets still sealed: for the sign-in flows (OIDC, SAML), never for an API answer. */
export type IdentityProviderRow = typeof identityProviders.$inferSelect;
export type IdentityProviderMapping = AttributeMapping;

export async function findIdentityProvider(db: Db, id: string): Promise<IdentityProviderRow | null> {
  const [row] = await db.select().from(identityProviders).where(eq(identityProviders.id, id));
  return row ?? null;
}

export async function listIdentityProviders(db: Db, organisationId: string) {
  return db
    .select()
    .from(identityProviders)
    .where(eq(identityProviders.organisationId, organisationId))
    .orderBy(identityProviders.createdAt);
}

/** Domains per IdP, sorted, for the given IdPs. */
export async function domainsOf(db: Db, idpIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(idpIds.map((id) => [id, []]));
  if (idpIds.length === 0) return out;
  const rows = await db
    .select()
    .from(identityProviderDomains)
    .where(inArray(identityProviderDomains.identityProviderId, idpIds))
    .orderBy(identityProviderDomains.domain);
  for (const r of rows) out.get(r.identityProviderId)?.push(r.domain);
  return out;
}

/** Which of these domains are already registered, and on which IdP of which organisation. */
export async function domainOwners(db: Db, domains: string[]) {
  if (domains.length === 0) return [];
  return db
    .select({
      domain: identityProviderDomains.domain,
      identityProviderId: identityProviderDomains.identityProviderId,
      organisationId: identityProviders.organisationId,
    })
    .from(identityProviderDomains)
    .innerJoin(identityProviders, eq(identityProviders.id, identityProviderDomains.identityProviderId))
    .where(inArray(identityProviderDomains.domain, domains));
}

export async function insertIdentityProvider(db: Db, values: typeof identityProviders.$inferInsert) {
  const [row] = await db.insert(identityProviders).values(values).returning();
  return row!;
}

export async function updateIdentityProvider(
  db: Db,
  id: string,
  values: Partial<typeof identityProviders.$inferInsert>,
) {
  const [row] = await db
    .update(identityProviders)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(identityProviders.id, id))
    .returning();
  return row!;
}

/** Domains and user links go with the IdP (foreign keys cascade); the people stay. */
export async function deleteIdentityProvider(db: Db, id: string) {
  await db.delete(identityProviders).where(eq(identityProviders.id, id));
}

export async function replaceDomains(db: Db, idpId: string, domains: string[]) {
  await db.delete(identityProviderDomains).where(eq(identityProviderDomains.identityProviderId, idpId));
  if (domains.length) {
    await db
      .insert(identityProviderDomains)
      .values(domains.map((domain) => ({ domain, identityProviderId: idpId })));
  }
}

/** A national administrator moves domains off another IdP before giving them to this one. */
export async function removeDomains(db: Db, domains: string[]) {
  if (domains.length)
    await db.delete(identityProviderDomains).where(inArray(identityProviderDomains.domain, domains));
}

/** Home-realm discovery: the enabled IdP a domain belongs to. */
export async function findEnabledByDomain(db: Db, domain: string) {
  const [row] = await db
    .select({ id: identityProviders.id, name: identityProviders.name })
    .from(identityProviderDomains)
    .innerJoin(identityProviders, eq(identityProviders.id, identityProviderDomains.identityProviderId))
    .where(and(eq(identityProviderDomains.domain, domain), eq(identityProviders.enabled, true)));
  return row ?? null;
}

/** Every enabled IdP with its organisation, for the public "sign in with your organisation" list. */
export async function listEnabledWithOrganisations(db: Db) {
  return db
    .select({
      id: identityProviders.id,
      name: identityProviders.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      kind: organisations.kind,
    })
    .from(identityProviders)
    .innerJoin(organisations, eq(organisations.id, identityProviders.organisationId))
    .where(eq(identityProviders.enabled, true));
}

/** The organisations whose people must sign in through an IdP (passwords refused for them). */
export async function findRequireSsoOrganisationIds(db: Db, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      organisationId: identityProviders.organisationId,
      id: identityProviders.id,
      name: identityProviders.name,
    })
    .from(identityProviders)
    .where(
      and(
        inArray(identityProviders.organisationId, organisationIds),
        eq(identityProviders.requireSso, true),
        eq(identityProviders.enabled, true),
      ),
    );
}
