import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ParamText } from '../../../shared/contracts/common.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { problems } from '../../lib/route-schema.ts';
import { safeEqual } from '../../lib/tokens.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../plugins/session.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import {
  findIdentityProvider,
  type IdentityProviderRow,
} from '../identity-providers/identity-providers.repo.ts';
import { buildOidcLogin, finishOidcLogin, redirectUriFor, SsoRefusal } from './oidc/oidc-client.ts';
import { signInWithIdentity } from './provisioning.ts';
import { startSamlLogin } from './saml/saml-login.ts';
import { createSsoRequest, SSO_REQUEST_TTL_MS, safeReturnTo, takeSsoRequest } from './sso-requests.repo.ts';

export interface SsoRouteDeps {
  db: Db;
  config: Config;
  /** How long an IdP may take to answer (default 10 s); tests shorten it. */
  idpTimeoutMs?: number | undefined;
}

/**
 * Binds a login's `state` to the browser that started it (login CSRF): a callback carrying a state
 * this browser never got is refused. Lax, so the IdP's top-level redirect back still carries it.
 */
export const SSO_STATE_COOKIE = 'vn_sso_state';
const STATE_COOKIE_PATH = '/auth/sso/';

export const SSO_ERROR_PAGE = '/logga-in/sso-fel';

const tags = ['auth'];
const IdpParams = z.object({ idpId: ParamText.max(100) });
const LoginQuery = z.object({ returnTo: ParamText.max(2000).optional() });
const CallbackQuery = z.object({
  code: ParamText.max(4000).optional(),
  state: ParamText.max(500).optional(),
  error: ParamText.max(500).optional(),
  error_description: ParamText.max(2000).optional(),
  iss: ParamText.max(2000).optional(),
  session_state: ParamText.max(2000).optional(),
});
/** Both answer with a redirect (302, no body); a control character in a parameter is a 400 problem. */
const redirectOnly = { 302: z.null().describe('Redirect (Location)'), ...problems(400) };
const UUID = z.uuid();

/** Browser routes of sign-in with the organisation's IdP; at the root, since the IdP redirects here. */
export function ssoRoutes(deps: SsoRouteDeps) {
  return async (app: FastifyInstance) => {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get(
      '/auth/sso/:idpId/login',
      {
        schema: {
          tags,
          summary: "Start signing in at the organisation's identity provider (browser redirect)",
          description:
            'OIDC: redirects to the authorization endpoint (code flow, PKCE S256, state, nonce). SAML: redirects ' +
            'with an AuthnRequest. An unknown or disabled IdP redirects to the SSO error page.',
          params: IdpParams,
          querystring: LoginQuery,
          response: redirectOnly,
          security: [],
        },
      },
      async (req, reply) => {
        const idp = await enabledIdp(deps.db, req.params.idpId);
        if (!idp) return toErrorPage(reply, 'sso_idp_unknown');
        const returnTo = safeReturnTo(req.query.returnTo);
        try {
          if (idp.kind === 'saml') return reply.redirect(await startSamlLogin(deps, idp, returnTo));
          let state = '';
          const start = await buildOidcLogin(deps, idp, async (nonce, codeVerifier) => {
            state = await createSsoRequest(deps.db, {
              identityProviderId: idp.id,
              nonce,
              codeVerifier,
              returnTo,
            });
            return state;
          });
          reply.setCookie(SSO_STATE_COOKIE, state, {
            ...sessionCookieOptions(deps.config, req),
            path: STATE_COOKIE_PATH,
            maxAge: SSO_REQUEST_TTL_MS / 1000,
          });
          return reply.redirect(start.authorizationUrl);
        } catch (err) {
          return refuse(deps, req, reply, idp, err);
        }
      },
    );

    api.get(
      '/auth/sso/:idpId/callback',
      {
        schema: {
          tags,
          summary: 'OIDC redirect URI: finish signing in (browser redirect)',
          description:
            'Checks state (one-time, bound to this browser), exchanges the code with the PKCE verifier and validates ' +
            'the ID token (signature, issuer, audience, expiry, nonce). Success sets the session cookie and redirects ' +
            'to returnTo; any refusal is audited (sso.login_refused) and redirects to /logga-in/sso-fel?code=….',
          params: IdpParams,
          querystring: CallbackQuery,
          response: redirectOnly,
          security: [],
        },
      },
      async (req, reply) => {
        const idp = await enabledIdp(deps.db, req.params.idpId);
        if (idp?.kind !== 'oidc') return toErrorPage(reply, 'sso_idp_unknown');
        const state = req.query.state ?? '';
        const bound = req.cookies[SSO_STATE_COOKIE] ?? '';
        reply.clearCookie(SSO_STATE_COOKIE, { path: STATE_COOKIE_PATH });
        try {
          if (!state || !bound || !safeEqual(state, bound)) {
            throw new SsoRefusal('sso_state_invalid', state ? 'state not bound to this browser' : 'no state');
          }
          const request = await takeSsoRequest(deps.db, state, idp.id);
          if (!request?.nonce || !request.codeVerifier) {
            throw new SsoRefusal('sso_state_invalid', 'state unknown, used or expired');
          }
          // The redirect URI as registered (not as this request reached us through a proxy).
          const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
          const callbackUrl = new URL(`${redirectUriFor(deps.config, idp.id)}${search}`);
          const identity = await finishOidcLogin(deps, idp, callbackUrl, {
            state,
            nonce: request.nonce,
            codeVerifier: request.codeVerifier,
          });
          const session = await signInWithIdentity(
            deps,
            idp,
            {
              subject: identity.subject,
              attributes: identity.attributes,
              emailVerified: identity.emailVerified,
            },
            { userAgent: req.headers['user-agent'] ?? null, logoutHint: identity.idToken },
          );
          reply.setCookie(SESSION_COOKIE, session.token, {
            ...sessionCookieOptions(deps.config, req),
            expires: session.expiresAt,
          });
          return reply.redirect(safeReturnTo(request.returnTo));
        } catch (err) {
          return refuse(deps, req, reply, idp, err);
        }
      },
    );
  };
}

export async function enabledIdp(db: Db, id: string): Promise<IdentityProviderRow | null> {
  if (!UUID.safeParse(id).success) return null;
  const idp = await findIdentityProvider(db, id);
  return idp?.enabled ? idp : null;
}

export function toErrorPage(reply: FastifyReply, code: string) {
  return reply.redirect(`${SSO_ERROR_PAGE}?code=${encodeURIComponent(code)}`);
}

/**
 * Every refused login is audited with its reason (never a token or code) and ends on a readable page.
 * Errors that are not a refusal (a bug, the database gone) go to the normal error handling.
 */
export async function refuse(
  deps: SsoRouteDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  idp: IdentityProviderRow,
  err: unknown,
) {
  if (!(err instanceof AppError)) throw err;
  const reason = err instanceof SsoRefusal ? err.reason : (err.detail ?? err.code);
  req.log.info({ idp: idp.id, code: err.code, reason }, 'SSO login refused');
  await recordAudit(deps.db, {
    actorId: null,
    action: 'sso.login_refused',
    entityType: 'identity_provider',
    entityId: idp.id,
    organisationId: idp.organisationId,
    after: { code: err.code, reason },
  });
  return toErrorPage(reply, err.code);
}
