import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Provider (`oidc-provider`) on 127.0.0.1 for the SSO tests: one confidential client,
 * accounts given by the test, and a login "page" that signs in whoever `nextAccount` names (the tests
 * drive the flow over HTTP, no browser). `tamper` rewrites the ID token the token endpoint returns
 * (re-signed with the provider's own key, or with a foreign one), `tokenDelayMs` makes it slow.
 */
/** A port nobody listens on right now (for a server that must know its own URL before it starts). */
export interface OidcPeer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, Record<string, unknown>>;
  nextAccount: string;
  tamper: 'signature' | 'audience' | 'expired' | 'nonce' | 'issuer' | null;
  tokenDelayMs: number;
  /** Answers the authorization request with `error=access_denied` instead of a code. */
  deny: boolean;
  /** Follows the IdP's redirects from an authorization URL up to our redirect URI; returns that URL. */
  authorize(authorizationUrl: string, redirectPrefix: string): Promise<string>;
  close(): Promise<void>;
}

export interface OidcPeerOptions {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  clientId?: string;
  clientSecret?: string;
}

export async function startOidcPeer(opts: OidcPeerOptions): Promise<OidcPeer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = opts.clientId ?? 'valfardsnavet-test';
  const clientSecret = opts.clientSecret ?? 'test-secret-that-is-long-enough-0123456789';

  const signingKey = await signingPair('peer-key');
  const foreignKey = await signingPair('peer-key'); // same kid, other key: a forgery

  const peer: OidcPeer = {
    issuer,
    clientId,
    clientSecret,
    accounts: new Map(),
    nextAccount: '',
    tamper: null,
    tokenDelayMs: 0,
    deny: false,
    authorize: (url, prefix) => followRedirects(url, prefix),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey.privateJwk] },
    cookies: { keys: ['oidc-peer-cookie-key-for-tests-only'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified', 'xms_edov'],
      profile: ['name', 'given_name', 'family_name', 'department', 'employee_number'],
      groups: ['groups'],
    },
    // Every claim in the ID token as Entra ID puts them, so the test sees what the mapping reads.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    findAccount: async (_ctx, id) => {
      const claims = peer.accounts.get(id);
      return claims ? { accountId: id, claims: async () => ({ sub: id, ...claims }) } : undefined;
    },
    // A first-party client: no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });

  provider.use(async (ctx, next) => {
    if (ctx.path === '/token' && peer.tokenDelayMs)
      await new Promise((r) => setTimeout(r, peer.tokenDelayMs));
    await next();
    if (ctx.path === '/token' && peer.tamper && ctx.body && typeof ctx.body === 'object') {
      const body = ctx.body as { id_token?: string };
      if (body.id_token) body.id_token = await tamper(body.id_token, peer.tamper, signingKey, foreignKey);
    }
  });

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        const result = peer.deny
          ? { error: 'access_denied', error_description: 'The user cancelled' }
          : { login: { accountId: peer.nextAccount } };
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      })().catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
      return;
    }
    callback(req, res);
  });

  async function followRedirects(start: string, prefix: string): Promise<string> {
    const cookies = new Map<string, string>();
    let url = start;
    for (let hop = 0; hop < 10; hop++) {
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`the IdP stopped at ${url}: ${res.status} ${await res.text()}`);
      url = new URL(location, url).href;
      if (url.startsWith(prefix)) return url;
    }
    throw new Error('too many redirects at the IdP');
  }

  return peer;
}

interface SigningPair {
  privateJwk: jose.JWK;
  privateKey: CryptoKey;
}

async function signingPair(kid: string): Promise<SigningPair> {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const privateJwk = { ...(await jose.exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateJwk, privateKey: privateKey as CryptoKey };
}

async function tamper(
  idToken: string,
  how: NonNullable<OidcPeer['tamper']>,
  own: SigningPair,
  foreign: SigningPair,
): Promise<string> {
  const claims = jose.decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  if (how === 'audience') claims.aud = 'someone-else';
  if (how === 'issuer') claims.iss = 'https://evil.example';
  if (how === 'nonce') claims.nonce = 'not-the-nonce-we-sent';
  if (how === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  const key = how === 'signature' ? foreign : own;
  return new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'peer-key' }).sign(key.privateKey);
}
