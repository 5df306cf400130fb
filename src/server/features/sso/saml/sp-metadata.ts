import { SAML } from '@node-saml/node-saml';
import type { IdentityProviderRow } from '../../identity-providers/identity-providers.repo.ts';
import { acsUrl, type SamlDeps, sloReturnUrl, spEntityId } from './saml-client.ts';
import { certificateBody, ensureSpKeyPair } from './sp-keys.ts';

const NAMEID_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

/**
 * Our SP metadata for one IdP, what the IdP's administrator (or the federation) loads: entityID, the
 * ACS (HTTP-POST), the logout return, our signing certificate, AuthnRequestsSigned and
 * WantAssertionsSigned. The same document every time (the ID is derived from the IdP's id), and it
 * does not need the IdP's own metadata, so it can be handed over before the IdP is set up.
 */
export async function spMetadataXml(deps: SamlDeps, idp: IdentityProviderRow): Promise<string> {
  const keys = await ensureSpKeyPair(deps.db, deps.config, idp);
  const saml = new SAML({
    issuer: spEntityId(deps.config, idp.id),
    callbackUrl: acsUrl(deps.config, idp.id),
    logoutCallbackUrl: sloReturnUrl(deps.config, idp.id),
    // Not used for metadata; node-saml requires one.
    idpCert: certificateBody(keys.certificate),
    privateKey: keys.privateKey,
    publicCert: certificateBody(keys.certificate),
    signatureAlgorithm: 'sha256',
    wantAssertionsSigned: true,
    identifierFormat: NAMEID_PERSISTENT,
    generateUniqueId: () => `_${idp.id}`,
  });
  return saml.generateServiceProviderMetadata(null, certificateBody(keys.certificate));
}
