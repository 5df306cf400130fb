import * as oidc from 'openid-client';
import type { ProblemCode } from '../../../../shared/i18n/errors.ts';
import type { Config } from '../../../config.ts';
import { AppError } from '../../../lib/errors.ts';
import { secretBox } from '../../../lib/secrets.ts';
import type { IdentityProviderRow } from '../../identity-providers/identity-providers.repo.ts';

/** How long we wait for an IdP (discovery, token endpoint, JWKS, userinfo) before the login is refused. */
export const DEFAULT_IDP_TIMEOUT_MS = 10_000;
/** Discovery is cached briefly: an IdP rotating keys or endpoints is picked up within this time. */
const DISCOVERY_TTL_MS = 5 * 60_000;

export interface OidcDeps {
  config: Config;
  /** Tests shorten it to drive a slow IdP without waiting ten seconds. */
  idpTimeoutMs?: number | undefined;
}

interface CachedConfiguration {
  key: string;
  configuration: oidc.Configuration;
  expiresAt: number;
}
const cache = new Map<string, CachedConfiguration>();

export function redirectUriFor(config: Config, idpId: string): string {
  return `${config.publicUrl}/auth/sso/${idpId}/callback`;
}

/**
 * Plain http is accepted only where it cannot leave the machine (loopback: tests, the demo provider on
 * localhost) or for the demo provider mounted in this very server; real IdPs must use https.
 */
function mayUseHttp(config: Config, issuer: URL): boolean {
  if (['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname)) return true;
  return issuer.href.startsWith(`${config.publicUrl}/demo-idp`);
}

/** The IdP's discovered configuration with our client's credentials, from cache when fresh. */
export async function oidcConfiguration(
  deps: OidcDeps,
  idp: IdentityProviderRow,
): Promise<oidc.Configuration> {
  if (!idp.issuer || !idp.clientId || !idp.clientSecretEnc) throw new AppError(400, 'sso_idp_unknown');
  // The cache key covers everything the configuration is built from: an edited IdP is re-discovered.
  const key = [idp.issuer, idp.clientId, idp.clientSecretEnc, idp.updatedAt?.toISOString?.() ?? ''].join(
    '\n',
  );
  const hit = cache.get(idp.id);
  if (hit && hit.key === key && hit.expiresAt > Date.now()) return hit.configuration;

  const issuer = new URL(idp.issuer);
  const clientSecret = openClientSecret(deps, idp.clientSecretEnc);
  const timeout = (deps.idpTimeoutMs ?? DEFAULT_IDP_TIMEOUT_MS) / 1000;
  const configuration = await oidc
    .discovery(issuer, idp.clientId, { client_secret: clientSecret }, oidc.ClientSecretBasic(clientSecret), {
      timeout,
      // The ID token's signature is checked against the IdP's JWKS even though it came straight from the
      // token endpoint (openid-client skips that by default, trusting TLS): a forged token is refused.
      execute: [
        oidc.enableNonRepudiationChecks,
        ...(mayUseHttp(deps.config, issuer) ? [oidc.allowInsecureRequests] : []),
      ],
    })
    .catch((err: unknown) => {
      throw refusal(err);
    });
  configuration.timeout = timeout;
  cache.set(idp.id, { key, configuration, expiresAt: Date.now() + DISCOVERY_TTL_MS });
  return configuration;
}

/** A secret sealed under another SECRETS_KEY cannot be opened: a refused login the audit log explains. */
function openClientSecret(deps: OidcDeps, sealed: string): string {
  const box = secretBox(deps.config.secretsKey);
  try {
    return box.open(sealed);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new SsoRefusal(
      'sso_idp_unavailable',
      'the client secret cannot be opened: was SECRETS_KEY changed?',
    );
  }
}

/** Drops the cached discovery, e.g. after a failed exchange: the next login reads it again. */
export function forgetOidcConfiguration(idpId: string) {
  cache.delete(idpId);
}

export interface OidcStart {
  authorizationUrl: string;
  nonce: string;
  codeVerifier: string;
}

/** The authorization request: code flow, PKCE S256, a fresh nonce; `state` is made by the caller. */
export async function buildOidcLogin(
  deps: OidcDeps,
  idp: IdentityProviderRow,
  state: (nonce: string, codeVerifier: string) => Promise<string>,
): Promise<OidcStart> {
  const configuration = await oidcConfiguration(deps, idp);
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUriFor(deps.config, idp.id),
    response_type: 'code',
    scope: idp.scopes || 'openid email profile',
    state: await state(nonce, codeVerifier),
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { authorizationUrl: url.href, nonce, codeVerifier };
}

export interface OidcIdentity {
  subject: string;
  attributes: Record<string, unknown>;
  emailVerified: boolean;
  /** The raw ID token: the `id_token_hint` for RP-initiated logout. */
  idToken: string;
}

/**
 * Exchanges the code and validates the ID token (signature against the IdP's JWKS, issuer, audience,
 * expiry, nonce) — all done by openid-client; claims from userinfo are added when the IdP has it.
 */
export async function finishOidcLogin(
  deps: OidcDeps,
  idp: IdentityProviderRow,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<OidcIdentity> {
  const configuration = await oidcConfiguration(deps, idp);
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new AppError(400, 'sso_token_invalid');
    let attributes: Record<string, unknown> = { ...claims };
    if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      // The subject must match the ID token's (openid-client checks it); claims missing from the ID
      // token (Entra keeps some there only) come from userinfo. Userinfo failing is a refused login.
      const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      attributes = { ...userinfo, ...claims };
    }
    return {
      subject: claims.sub,
      attributes,
      emailVerified: isTrue(attributes.email_verified) || isTrue(attributes.xms_edov),
      idToken: tokens.id_token,
    };
  } catch (err) {
    forgetOidcConfiguration(idp.id);
    throw refusal(err);
  }
}

/**
 * A boolean claim as IdPs send it (true, "true", 1). `xms_edov` is Entra ID's optional claim that the
 * e-mail's domain is verified by the tenant: Entra sends no `email_verified`.
 */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === '1';
}

/** The IdP's end-session URL for RP-initiated logout, or null when it has none. */
export async function oidcEndSessionUrl(
  deps: OidcDeps,
  idp: IdentityProviderRow,
  idTokenHint: string | null,
): Promise<string | null> {
  const configuration = await oidcConfiguration(deps, idp);
  if (!configuration.serverMetadata().end_session_endpoint) return null;
  const params: Record<string, string> = {
    post_logout_redirect_uri: `${deps.config.publicUrl}/logga-in`,
    client_id: idp.clientId ?? '',
  };
  if (idTokenHint) params.id_token_hint = idTokenHint;
  return oidc.buildEndSessionUrl(configuration, params).href;
}

/** Why a login failed, as a problem code for the error page and a reason for the audit log. */
export class SsoRefusal extends AppError {
  constructor(
    code: Extract<ProblemCode, `sso_${string}`>,
    readonly reason: string,
  ) {
    super(code === 'sso_idp_unavailable' ? 502 : 400, code);
  }
}

function refusal(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const chain = causes(err);
  const reason =
    chain
      .map((e) => [e.code, e.message].filter(Boolean).join(': '))
      .filter(Boolean)
      .join(' <- ')
      .slice(0, 500) || 'unknown';
  if (chain.some(isUnreachable)) return new SsoRefusal('sso_idp_unavailable', reason);
  if (err instanceof oidc.AuthorizationResponseError) return new SsoRefusal('sso_idp_refused', reason);
  if (chain.some((e) => e.claim === 'nonce' || /"nonce"/.test(e.message ?? ''))) {
    return new SsoRefusal('sso_nonce_mismatch', reason);
  }
  return new SsoRefusal('sso_token_invalid', reason);
}

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  claim?: string;
  status?: number;
  cause?: unknown;
}

/** openid-client wraps the library's errors: the telling one is often a cause or two down. */
function causes(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  for (let e = err; e && typeof e === 'object' && out.length < 6; e = (e as ErrorLike).cause)
    out.push(e as ErrorLike);
  return out;
}

/** Connection refused, reset, DNS failure, a 5xx or our timeout: the IdP is down or slow, not lying. */
function isUnreachable(e: ErrorLike): boolean {
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  if (e.code && ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET'].includes(e.code))
    return true;
  if (e.name === 'TypeError' && e.message === 'fetch failed') return true;
  return typeof e.status === 'number' && e.status >= 500;
}
