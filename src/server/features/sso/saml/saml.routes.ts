import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ParamText } from '../../../../shared/contracts/common.ts';
import { notFound } from '../../../lib/errors.ts';
import { problems } from '../../../lib/route-schema.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../../plugins/session.ts';
import { findIdentityProvider } from '../../identity-providers/identity-providers.repo.ts';
import { signInWithIdentity } from '../provisioning.ts';
import { enabledIdp, refuse, type SsoRouteDeps, toErrorPage } from '../sso.routes.ts';
import { safeReturnTo } from '../sso-requests.repo.ts';
import { verifySamlResponse } from './saml-acs.ts';
import { spMetadataXml } from './sp-metadata.ts';

const tags = ['auth'];
const IdpParams = z.object({ idpId: ParamText.max(100) });
const MetadataParams = z.object({ id: z.uuid() });
// Optional as a whole: a post without a form is refused as the IdP's failure (error page), not as a 400.
const AcsBody = z
  .object({
    SAMLResponse: z
      .string()
      .max(512 * 1024)
      .optional(),
    RelayState: z.string().max(1000).optional(),
  })
  .optional();
/** Browser routes answer with a redirect; a control character in a parameter is a 400 problem. */
const redirectOnly = { 303: z.null().describe('Redirect (Location)'), ...problems(400) };
const FORM = 'application/x-www-form-urlencoded';

/**
 * SAML 2.0 service provider: the ACS the IdP posts its Response to, our SP metadata per IdP and the
 * return from single logout. At the root (not /api/), since the IdP's browser form posts here from
 * another site: the API's CSRF check does not apply and no cookie is relied on — the Response must
 * answer our request (RelayState / InResponseTo), which is what ties it to this login.
 */
export function samlRoutes(deps: SsoRouteDeps) {
  return async (app: FastifyInstance) => {
    const api = app.withTypeProvider<ZodTypeProvider>();
    // The HTTP-POST binding sends an HTML form; only these routes (this plugin's scope) accept one.
    api.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    api.post(
      '/auth/sso/:idpId/acs',
      {
        schema: {
          tags,
          summary: 'SAML Assertion Consumer Service (HTTP-POST binding, browser form from the IdP)',
          description:
            'Takes SAMLResponse and RelayState. The assertion must be signed by a certificate in the IdP metadata (or the ' +
            'whole Response signed), name our entityID as audience and our ACS as recipient, be within its validity (60 s ' +
            'clock skew), answer an AuthnRequest we sent (InResponseTo, one-time) and not have been used before. ' +
            'Success sets the session cookie and redirects (303) to the path the login started from; any refusal is ' +
            'audited (sso.login_refused) and redirects to /logga-in/sso-fel?code=….',
          params: IdpParams,
          body: AcsBody,
          consumes: [FORM],
          response: redirectOnly,
          security: [],
        },
      },
      async (req, reply) => {
        const idp = await enabledIdp(deps.db, req.params.idpId);
        if (idp?.kind !== 'saml') return toErrorPage(reply.code(303), 'sso_idp_unknown');
        try {
          const identity = await verifySamlResponse(deps, idp, req.body ?? {});
          const session = await signInWithIdentity(
            deps,
            idp,
            { subject: identity.subject, attributes: identity.attributes, emailVerified: true },
            { userAgent: req.headers['user-agent'] ?? null, logoutHint: identity.logoutHint },
          );
          reply.setCookie(SESSION_COOKIE, session.token, {
            ...sessionCookieOptions(deps.config, req),
            expires: session.expiresAt,
          });
          // 303: the browser follows the POST with a GET.
          return reply.redirect(safeReturnTo(identity.returnTo), 303);
        } catch (err) {
          return refuse(deps, req, reply.code(303), idp, err);
        }
      },
    );

    api.route({
      method: ['GET', 'POST'],
      url: '/auth/sso/:idpId/slo',
      schema: {
        tags,
        summary: 'Return from single logout at the SAML IdP (browser redirect)',
        description:
          'Our session already ended before the person was sent to the IdP; this only brings them back to the login page.',
        params: IdpParams,
        response: redirectOnly,
        security: [],
      },
      handler: async (_req, reply) => reply.redirect('/logga-in', 303),
    });

    api.get(
      '/api/v1/identity-providers/:id/saml/metadata',
      {
        schema: {
          tags: ['identity-providers'],
          summary:
            "Our SAML SP metadata for one identity provider (for the IdP's administrator or federation)",
          description:
            'Public and stable: entityID (this URL), the ACS (HTTP-POST), the single-logout return, our signing ' +
            'certificate (RSA 2048, SHA-256), AuthnRequestsSigned and WantAssertionsSigned. 404 for an unknown or OIDC IdP.',
          params: MetadataParams,
          produces: ['application/samlmetadata+xml'],
          response: { 200: z.any().describe('application/samlmetadata+xml'), ...problems(400, 404) },
          security: [],
        },
      },
      async (req, reply) => {
        // Also for a switched-off IdP: its administrator may load our metadata before it is switched on.
        const idp = await findIdentityProvider(deps.db, req.params.id);
        if (idp?.kind !== 'saml') throw notFound();
        const xml = await spMetadataXml(deps, idp);
        return reply
          .type('application/samlmetadata+xml')
          .header('cache-control', 'public, max-age=3600')
          .header('content-disposition', `inline; filename="valfardsnavet-sp-${idp.id}.xml"`)
          .send(xml);
      },
    );
  };
}
