import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { findDemoIdpAccount } from './demo-idp-accounts.ts';
import type { DemoIdpKeys } from './demo-idp-keys.ts';
import { escapeHtml } from './demo-idp-page.ts';

const page = (title: string, body: string) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} – Borlänge kommun (demo)</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
button{font:inherit;font-weight:600;padding:.6rem 1rem;margin:.25rem .5rem .25rem 0;border-radius:6px;border:2px solid #0b4f6c;background:#0b4f6c;color:#fff}
button.secondary{background:#fff;color:#0b4f6c}button:focus-visible{outline:3px solid #c75000;outline-offset:2px}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

/**
 * The demo OpenID Provider for Borlänge: a real `oidc-provider`, one confidential client (Välfärdsnavet
 * itself), the two invented employees, our own Swedish pages for login (routes in the plugin), logout
 * and errors. Never started outside demo mode (app.ts: `demoIdp`).
 */
export function createDemoIdpProvider(opts: {
  issuer: string;
  keys: DemoIdpKeys;
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUri: string;
  trustProxy: boolean;
}) {
  const provider = new Provider(opts.issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.keys.clientSecret,
        client_name: 'Välfärdsnavet',
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: [opts.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [opts.keys.jwk] },
    cookies: { keys: [opts.keys.cookieKey] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'department', 'employee_number'],
      groups: ['groups'],
    },
    // Claims in the ID token too, as Entra ID does: the demo works the same with or without userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // Seconds. Short-lived artefacts: it is a demo, and a login left open should not linger.
    ttl: {
      AuthorizationCode: 60,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      AccessToken: 600,
      IdToken: 3600,
    },
    interactions: { url: (_ctx, interaction) => `/demo-idp/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            'Logga ut från Borlänge kommun?',
            `${form}<p>Du har loggat ut från Välfärdsnavet. Vill du också logga ut från Borlänge kommuns inloggningstjänst?</p>
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, logga ut</button>
<button class="secondary" type="submit" form="op.logoutForm">Nej, förbli inloggad</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page('Du är utloggad', '<p><a href="/logga-in">Till Välfärdsnavets inloggning</a></p>');
        },
      },
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page(
        'Något gick fel vid inloggningen',
        `<p>Inloggningstjänsten kunde inte slutföra begäran (${escapeHtml(String(out.error))}).</p>
<p><a href="/logga-in">Till Välfärdsnavets inloggning</a></p>`,
      );
    },
    findAccount: async (_ctx, id) => {
      const account = findDemoIdpAccount(id);
      return account
        ? { accountId: account.sub, claims: async () => ({ sub: account.sub, ...account.claims }) }
        : undefined;
    },
    // Välfärdsnavet is the provider's own first-party client: no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!ctx.oidc.client || !accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });
  provider.proxy = opts.trustProxy;
  return provider;
}
