import { type CacheProvider, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import type { IdentityProviderRow } from '../../identity-providers/identity-providers.repo.ts';
import { SsoRefusal } from '../oidc/oidc-client.ts';
import { type IdpMetadata, loadIdpMetadata, MetadataError } from './idp-metadata.ts';
import { certificateBody, ensureSpKeyPair, type SpKeyPair } from './sp-keys.ts';

export interface SamlDeps {
  db: Db;
  config: Config;
}

/**
 * Our entityID for one IdP is the URL of our metadata for it: stable, unique per IdP, and an IdP
 * administrator who pastes it into a browser finds everything else there.
 */
export function spEntityId(config: Config, idpId: string): string {
  return `${config.publicUrl}/api/v1/identity-providers/${idpId}/saml/metadata`;
}

export function acsUrl(config: Config, idpId: string): string {
  return `${config.publicUrl}/auth/sso/${idpId}/acs`;
}

/** Where the IdP sends the person back after single logout. */
export function sloReturnUrl(config: Config, idpId: string): string {
  return `${config.publicUrl}/auth/sso/${idpId}/slo`;
}

/** The time two clocks may differ: small, so an expired assertion stays expired. */
export const CLOCK_SKEW_MS = 60_000;

/**
 * node-saml keeps the ids of AuthnRequests it sent in a cache; ours live in `sso_requests` instead
 * (any instance may receive the answer). This one-entry cache holds the id the database handed back
 * for this very response, so node-saml's InResponseTo check compares against exactly that.
 */
export function expectedRequestCache(requestId: string | null): CacheProvider {
  let held = requestId;
  const createdAt = Date.now();
  return {
    saveAsync: async (key, value) => {
      held = key;
      return { value, createdAt };
    },
    getAsync: async (key) => (held !== null && key === held ? new Date(createdAt).toISOString() : null),
    removeAsync: async (key) => {
      if (key !== held) return null;
      held = null;
      return key;
    },
  };
}

/** The IdP's metadata cannot be had (host down, slow, broken document): a refusal, not a crash. */
function metadataRefusal(err: unknown): unknown {
  if (!(err instanceof MetadataError)) return err;
  const code = err.reason === 'metadata_unreachable' ? 'sso_idp_unavailable' : 'sso_token_invalid';
  return new SsoRefusal(code, `metadata: ${err.message.slice(0, 250)}`);
}

export interface SamlContext {
  saml: SAML;
  metadata: IdpMetadata;
  keys: SpKeyPair;
}

/**
 * node-saml configured for one IdP: the assertion must be signed, or the whole Response around it, by a certificate from the IdP's metadata, for our audience, within its time, in
 * answer to our request. We sign our AuthnRequests and LogoutRequests with SHA-256.
 */
export async function samlFor(
  deps: SamlDeps,
  idp: IdentityProviderRow,
  requestId: string | null,
): Promise<SamlContext> {
  // Metadata first: an IdP that cannot be reached is refused before a key pair is written.
  const metadata = await loadIdpMetadata(idp).catch((err: unknown) => {
    throw metadataRefusal(err);
  });
  const keys = await ensureSpKeyPair(deps.db, deps.config, idp);
  const saml = new SAML({
    issuer: spEntityId(deps.config, idp.id),
    callbackUrl: acsUrl(deps.config, idp.id),
    entryPoint: metadata.ssoUrl,
    logoutUrl: metadata.sloUrl ?? metadata.ssoUrl,
    logoutCallbackUrl: sloReturnUrl(deps.config, idp.id),
    idpCert: metadata.signingCerts,
    idpIssuer: metadata.entityId,
    audience: spEntityId(deps.config, idp.id),
    privateKey: keys.privateKey,
    publicCert: certificateBody(keys.certificate),
    signatureAlgorithm: 'sha256',
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    // Either signature will do, but one must cover the assertion: node-saml then reads the assertion
    // only from the signed XML. (Our metadata still asks IdPs to sign assertions.)
    wantAssertionsSigned: false,
    wantAuthnResponseSigned: false,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    maxAssertionAgeMs: 0,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: 10 * 60_000,
    cacheProvider: expectedRequestCache(requestId),
  });
  return { saml, metadata, keys };
}
