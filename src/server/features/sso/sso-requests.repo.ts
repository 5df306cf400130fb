import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ssoRequests } from '../../db/schema/index.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';

/** A login at an IdP must come back within this time; after it the `state` is refused. */
export const SSO_REQUEST_TTL_MS = 10 * 60_000;

export interface SsoRequestInput {
  identityProviderId: string;
  nonce?: string | null;
  codeVerifier?: string | null;
  /** SAML: the AuthnRequest's id, which the Response must name in InResponseTo. */
  requestId?: string | null;
  returnTo?: string | null;
}

export interface SsoRequest {
  identityProviderId: string;
  nonce: string | null;
  codeVerifier: string | null;
  requestId: string | null;
  returnTo: string | null;
}

/**
 * Remembers a login under way and returns its `state` (OIDC `state`, SAML `RelayState`). Only the
 * state's SHA-256 is stored, so a read of the table cannot finish someone else's login.
 */
export async function createSsoRequest(db: Db, input: SsoRequestInput): Promise<string> {
  const state = newToken();
  // Old, never-finished logins are cleared here instead of by a scheduler: the table stays small.
  await db.delete(ssoRequests).where(lt(ssoRequests.expiresAt, sql`now()`));
  await db.insert(ssoRequests).values({
    stateHash: hashToken(state),
    identityProviderId: input.identityProviderId,
    nonce: input.nonce ?? null,
    codeVerifier: input.codeVerifier ?? null,
    requestId: input.requestId ?? null,
    returnTo: input.returnTo ?? null,
    expiresAt: new Date(Date.now() + SSO_REQUEST_TTL_MS),
  });
  return state;
}

/**
 * Consumes the login for `state`: deleted in the same statement that reads it, so a replayed state
 * (or two callbacks racing) finds nothing. Null when unknown, used, expired or for another IdP.
 */
export async function takeSsoRequest(
  db: Db,
  state: string,
  identityProviderId: string,
): Promise<SsoRequest | null> {
  const [row] = await db
    .delete(ssoRequests)
    .where(
      and(
        eq(ssoRequests.stateHash, hashToken(state)),
        eq(ssoRequests.identityProviderId, identityProviderId),
        gt(ssoRequests.expiresAt, sql`now()`),
      ),
    )
    .returning({
      identityProviderId: ssoRequests.identityProviderId,
      nonce: ssoRequests.nonce,
      codeVerifier: ssoRequests.codeVerifier,
      requestId: ssoRequests.requestId,
      returnTo: ssoRequests.returnTo,
    });
  return row ?? null;
}

/** SAML: the login whose AuthnRequest had this id (for an IdP that does not echo RelayState). */
export async function takeSsoRequestByRequestId(
  db: Db,
  requestId: string,
  identityProviderId: string,
): Promise<SsoRequest | null> {
  const [row] = await db
    .delete(ssoRequests)
    .where(
      and(
        eq(ssoRequests.requestId, requestId),
        eq(ssoRequests.identityProviderId, identityProviderId),
        gt(ssoRequests.expiresAt, sql`now()`),
      ),
    )
    .returning({
      identityProviderId: ssoRequests.identityProviderId,
      nonce: ssoRequests.nonce,
      codeVerifier: ssoRequests.codeVerifier,
      requestId: ssoRequests.requestId,
      returnTo: ssoRequests.returnTo,
    });
  return row ?? null;
}

/** A same-site path only (starts with one '/', not '//' or '/\\', no control characters): else '/'. */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  for (const ch of value) if (ch.charCodeAt(0) < 0x20) return '/';
  return value;
}
