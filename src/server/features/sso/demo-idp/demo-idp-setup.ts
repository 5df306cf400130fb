import { and, eq } from 'drizzle-orm';
import type { AttributeMapping } from '../../../../shared/contracts/identity-providers.ts';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { identityProviderDomains, identityProviders, organisations } from '../../../db/schema/index.ts';
import { secretBox } from '../../../lib/secrets.ts';
import { forgetOidcConfiguration } from '../oidc/oidc-client.ts';
import {
  DEMO_IDP_CLIENT_ID,
  DEMO_IDP_DOMAIN,
  DEMO_IDP_MANAGER_GROUP,
  DEMO_IDP_MUNICIPALITY_CODE,
  DEMO_IDP_NAME,
} from './demo-idp-accounts.ts';

export const demoIdpIssuer = (config: Config) => `${config.publicUrl}/demo-idp`;

const mapping: AttributeMapping = {
  unit: 'department',
  unitMatch: 'name',
  employeeNumber: 'employee_number',
  role: 'groups',
  roleRules: [{ value: DEMO_IDP_MANAGER_GROUP, role: 'manager' }],
};

/**
 * Makes sure Borlänge's IdP row points at the demo provider, on every start: the issuer follows
 * PUBLIC_URL, the client secret follows the provider's. Found by its client id, so a restart updates
 * the row instead of adding one. Null when the demo municipality is not in the database.
 */
export async function ensureDemoIdentityProvider(db: Db, config: Config, clientSecret: string) {
  const [borlange] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), eq(organisations.code, DEMO_IDP_MUNICIPALITY_CODE)));
  if (!borlange) return null;
  const values = {
    kind: 'oidc' as const,
    name: DEMO_IDP_NAME,
    enabled: true,
    issuer: demoIdpIssuer(config),
    clientId: DEMO_IDP_CLIENT_ID,
    clientSecretEnc: secretBox(config.secretsKey).seal(clientSecret),
    scopes: 'openid email profile groups',
    mapping,
  };
  const idpId = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: identityProviders.id })
      .from(identityProviders)
      .where(
        and(
          eq(identityProviders.organisationId, borlange.id),
          eq(identityProviders.clientId, DEMO_IDP_CLIENT_ID),
        ),
      );
    let id = existing?.id;
    if (id) {
      await tx
        .update(identityProviders)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(identityProviders.id, id));
    } else {
      const [row] = await tx
        .insert(identityProviders)
        .values({ ...values, organisationId: borlange.id })
        .returning({ id: identityProviders.id });
      id = row!.id;
    }
    // The domain may have been given to another IdP in the UI meanwhile: that choice stands.
    await tx
      .insert(identityProviderDomains)
      .values({ domain: DEMO_IDP_DOMAIN, identityProviderId: id })
      .onConflictDoNothing();
    return id;
  });
  forgetOidcConfiguration(idpId);
  return idpId;
}
