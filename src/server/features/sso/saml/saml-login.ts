import { randomBytes } from 'node:crypto';
import type { IdentityProviderRow } from '../../identity-providers/identity-providers.repo.ts';
import { createSsoRequest, safeReturnTo } from '../sso-requests.repo.ts';
import { type SamlDeps, samlFor } from './saml-client.ts';

/** An xs:ID must not start with a digit; 20 random bytes cannot be guessed. */
function newRequestId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

/**
 * SP-initiated login: an AuthnRequest signed with our key, sent by the HTTP-Redirect binding. The
 * request id is kept in `sso_requests` (the Response must name it in InResponseTo) and the RelayState
 * is that row's `state`, so the ACS needs no cookie from this browser.
 */
export async function startSamlLogin(
  deps: SamlDeps,
  idp: IdentityProviderRow,
  returnTo: string | null,
): Promise<string> {
  const requestId = newRequestId();
  const { saml } = await samlFor(deps, idp, null);
  saml.options.generateUniqueId = () => requestId;
  const state = await createSsoRequest(deps.db, {
    identityProviderId: idp.id,
    requestId,
    returnTo: safeReturnTo(returnTo),
  });
  return saml.getAuthorizeUrlAsync(state, undefined, {});
}
