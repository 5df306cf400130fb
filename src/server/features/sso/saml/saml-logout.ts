import type { Profile } from '@node-saml/node-saml';
import type { IdentityProviderRow } from '../../identity-providers/identity-providers.repo.ts';
import type { SamlLogoutHint } from './saml-acs.ts';
import { type SamlDeps, samlFor } from './saml-client.ts';

/**
 * SP-initiated single logout: a LogoutRequest signed with our key, by the HTTP-Redirect binding, naming
 * the NameID and SessionIndex of the assertion the session came from. Null when the IdP offers no
 * single logout or the session kept no hint. The IdP sends the person back to /auth/sso/:id/slo.
 */
export async function samlLogoutUrl(
  deps: SamlDeps,
  idp: IdentityProviderRow,
  hintJson: string | null,
): Promise<string | null> {
  if (!hintJson) return null;
  const hint = JSON.parse(hintJson) as SamlLogoutHint;
  const { saml, metadata } = await samlFor(deps, idp, null);
  if (!metadata.sloUrl) return null;
  const profile: Profile = {
    issuer: metadata.entityId,
    nameID: hint.nameID,
    nameIDFormat: hint.nameIDFormat,
    ...(hint.nameQualifier ? { nameQualifier: hint.nameQualifier } : {}),
    ...(hint.spNameQualifier ? { spNameQualifier: hint.spNameQualifier } : {}),
    ...(hint.sessionIndex ? { sessionIndex: hint.sessionIndex } : {}),
  };
  return saml.getLogoutUrlAsync(profile, '', {});
}
