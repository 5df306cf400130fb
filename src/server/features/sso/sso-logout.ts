import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { sessions } from '../../db/schema/index.ts';
import { secretBox } from '../../lib/secrets.ts';
import { findIdentityProvider } from '../identity-providers/identity-providers.repo.ts';
import { oidcEndSessionUrl } from './oidc/oidc-client.ts';
import { samlLogoutUrl } from './saml/saml-logout.ts';

export interface SsoLogoutDeps {
  db: Db;
  config: Config;
  idpTimeoutMs?: number | undefined;
  log?: FastifyBaseLogger | undefined;
}

/**
 * Where the browser goes after our logout to end the person's session at their IdP too
 * (RP-initiated logout), or null: a password session, an IdP without an end-session endpoint, or an
 * IdP that cannot be reached — logging out of Välfärdsnavet never waits on, or fails with, the IdP.
 * Read before the session is revoked. Dispatches on the IdP's kind (SAML single logout goes here too).
 */
export async function ssoLogoutUrl(deps: SsoLogoutDeps, sessionId: string): Promise<string | null> {
  const [session] = await deps.db
    .select({
      authMethod: sessions.authMethod,
      identityProviderId: sessions.identityProviderId,
      logoutHintEnc: sessions.ssoLogoutHintEnc,
    })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  if (session?.authMethod !== 'sso' || !session.identityProviderId) return null;
  const idp = await findIdentityProvider(deps.db, session.identityProviderId);
  if (!idp?.enabled) return null;
  try {
    const hint = session.logoutHintEnc ? secretBox(deps.config.secretsKey).open(session.logoutHintEnc) : null;
    if (idp.kind === 'saml') return await samlLogoutUrl(deps, idp, hint);
    if (idp.kind === 'oidc') {
      // A short wait: the discovery is normally cached from the login; if not, logout must not hang.
      return await oidcEndSessionUrl({ ...deps, idpTimeoutMs: deps.idpTimeoutMs ?? 3000 }, idp, hint);
    }
    return null;
  } catch (err) {
    deps.log?.warn({ err, idp: idp.id }, 'no single logout at the IdP: it could not be reached');
    return null;
  }
}
