import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { DEMO_IDP_CLIENT_ID, DEMO_IDP_PASSWORD, findDemoIdpAccount } from './demo-idp-accounts.ts';
import { demoIdpKeys } from './demo-idp-keys.ts';
import { demoIdpLoginPage, demoIdpMessagePage } from './demo-idp-page.ts';
import { createDemoIdpProvider } from './demo-idp-provider.ts';
import { demoIdpIssuer, ensureDemoIdentityProvider } from './demo-idp-setup.ts';

const MOUNT = '/demo-idp';

export interface DemoIdpDeps {
  db: Db;
  config: Config;
  /** Where the provider's keys are kept across restarts; without it they live in memory (tests). */
  keyDir?: string | undefined;
}

/**
 * Mounts the demo OIDC provider in this server under /demo-idp and points Borlänge's IdP row at it.
 * oidc-provider is a Koa app: its requests are handed over raw, bodies unread, with the mount path
 * stripped (as Express's `app.use` would) so it builds its URLs from the issuer.
 */
export function mountDemoIdp(deps: DemoIdpDeps) {
  return async (app: FastifyInstance) => {
    const { config } = deps;
    const keys = await demoIdpKeys(deps.keyDir);
    const idpId = await ensureDemoIdentityProvider(deps.db, config, keys.clientSecret);
    if (!idpId) {
      app.log.warn('demo IdP not mounted: the demo municipality Borlänge is not in the database');
      return;
    }
    const provider = createDemoIdpProvider({
      issuer: demoIdpIssuer(config),
      keys,
      clientId: DEMO_IDP_CLIENT_ID,
      redirectUris: [`${config.publicUrl}/auth/sso/${idpId}/callback`],
      postLogoutRedirectUri: `${config.publicUrl}/logga-in`,
      trustProxy: config.trustProxy,
    });
    const handle = provider.callback();

    // Our own login page and its form (urlencoded, parsed here; the provider reads its own bodies).
    await app.register(async (pages) => {
      pages.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 10_000 },
        (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
      );

      pages.get<{ Params: { uid: string } }>(
        `${MOUNT}/interaction/:uid`,
        { schema: { hide: true } },
        async (req, reply) => {
          const details = await interaction(req, reply);
          if (!details) return;
          return html(reply, demoIdpLoginPage({ uid: details.uid, clientName: 'Välfärdsnavet' }));
        },
      );

      pages.post<{ Params: { uid: string }; Body: Record<string, string> }>(
        `${MOUNT}/interaction/:uid/login`,
        { schema: { hide: true } },
        async (req, reply) => {
          const details = await interaction(req, reply);
          if (!details) return;
          const body = req.body ?? {};
          const account = body.account
            ? findDemoIdpAccount(body.account)
            : body.password === DEMO_IDP_PASSWORD
              ? findDemoIdpAccount(body.username ?? '')
              : undefined;
          if (!account) {
            reply.code(401);
            const username = (body.username ?? '').slice(0, 200);
            return html(
              reply,
              demoIdpLoginPage({ uid: details.uid, clientName: 'Välfärdsnavet', error: true, username }),
            );
          }
          const to = await provider.interactionResult(req.raw, reply.raw, {
            login: { accountId: account.sub },
          });
          return reply.redirect(to, 303);
        },
      );

      pages.get<{ Params: { uid: string } }>(
        `${MOUNT}/interaction/:uid/abort`,
        { schema: { hide: true } },
        async (req, reply) => {
          const details = await interaction(req, reply);
          if (!details) return;
          const to = await provider.interactionResult(req.raw, reply.raw, {
            error: 'access_denied',
            error_description: 'Inloggningen avbröts.',
          });
          return reply.redirect(to, 303);
        },
      );
    });

    // Everything else is the provider's: discovery, authorize, token, JWKS, userinfo, end session.
    await app.register(async (raw) => {
      raw.removeAllContentTypeParsers();
      raw.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
      const forward = async (req: FastifyRequest, reply: FastifyReply) => {
        reply.hijack();
        const incoming = req.raw as typeof req.raw & { originalUrl?: string };
        incoming.originalUrl = req.raw.url;
        incoming.url = req.raw.url!.slice(MOUNT.length) || '/';
        handle(incoming, reply.raw);
      };
      raw.all(`${MOUNT}/*`, { schema: { hide: true } }, forward);
    });

    async function interaction(req: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply) {
      try {
        const details = await provider.interactionDetails(req.raw, reply.raw);
        if (details.uid !== req.params.uid) throw new Error('interaction mismatch');
        return details;
      } catch {
        reply.code(400);
        html(
          reply,
          demoIdpMessagePage(
            'Inloggningen har gått ut',
            'Den här inloggningen finns inte längre (den tog för lång tid eller är redan klar). Börja om från Välfärdsnavet.',
          ),
        );
        return null;
      }
    }
  };
}

function html(reply: FastifyReply, body: string) {
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}
