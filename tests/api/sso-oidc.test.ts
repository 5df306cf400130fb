import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { identityProviders, users } from '../../src/server/db/schema/index.ts';
import { ensureDemoIdentityProvider } from '../../src/server/features/sso/demo-idp/demo-idp-setup.ts';
import { parseSecretsKey, secretBox } from '../../src/server/lib/secrets.ts';
import { type OidcPeer, startOidcPeer } from '../support/oidc-peer.ts';
import { freePort } from '../support/server-process.ts';
import { ssoRefusals, ssoWriteCounts } from '../support/sso-writes.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The same fixed key createTestApp gives the server: the IdP's client secret is sealed with it.
const TEST_SECRETS_KEY = 'dGVzdC1rZXktZm9yLXNlYWxlZC1zZWNyZXRzLW9ubHk=';
const box = secretBox(parseSecretsKey(TEST_SECRETS_KEY)!);
const PUBLIC_URL = 'http://localhost:3000';
const DOMAIN = 'borlange-sso.test';
// Long enough for a loaded CI machine; the slow-IdP test waits longer than this.
const IDP_TIMEOUT_MS = 5000;

let t: TestApp;
let peer: OidcPeer;
let idpId: string;
let borlangeId: string;

const orgId = async (where: ReturnType<typeof sql>) =>
  (await queryRows<{ id: string }>(t.db, sql`select id from organisations where ${where}`))[0]!.id;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL }, { idpTimeoutMs: IDP_TIMEOUT_MS });
  idpId = randomUUID();
  peer = await startOidcPeer({
    redirectUris: [`${PUBLIC_URL}/auth/sso/${idpId}/callback`],
    postLogoutRedirectUris: [`${PUBLIC_URL}/logga-in`],
  });
  borlangeId = await orgId(sql`kind = 'municipality' and code = '2081'`);
  await t.db.insert(identityProviders).values({
    id: idpId,
    organisationId: borlangeId,
    kind: 'oidc',
    name: 'Borlänge Entra (test)',
    issuer: peer.issuer,
    clientId: peer.clientId,
    clientSecretEnc: box.seal(peer.clientSecret),
    scopes: 'openid email profile groups',
    mapping: {
      unit: 'department',
      unitMatch: 'name',
      roleRules: [
        { value: 'Enhetschefer', role: 'manager' },
        { value: 'Superadmins', role: 'national_admin' },
      ],
    },
  });
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});
afterEach(() => {
  peer.tamper = null;
  peer.tokenDelayMs = 0;
  peer.deny = false;
});

function account(sub: string, claims: Record<string, unknown>) {
  peer.accounts.set(sub, { email_verified: true, ...claims });
  peer.nextAccount = sub;
}

/** GET /auth/sso/:id/login as a browser would: the redirect to the IdP and the state cookie. */
async function startLogin(returnTo?: string, id = idpId) {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const res = await t.app.inject({ method: 'GET', url: `/auth/sso/${id}/login${query}` });
  const stateCookie = res.cookies.find((c) => c.name === 'vn_sso_state');
  return { res, location: String(res.headers.location ?? ''), stateCookie };
}

/** The whole round trip: start, through the IdP, back to our callback with this browser's cookie. */
async function signIn(returnTo?: string) {
  const start = await startLogin(returnTo);
  expect(start.res.statusCode).toBe(302);
  const callback = new URL(await peer.authorize(start.location, `${PUBLIC_URL}/auth/sso/`));
  const path = `${callback.pathname}${callback.search}`;
  const cookie = `vn_sso_state=${start.stateCookie!.value}`;
  const res = await t.app.inject({ method: 'GET', url: path, headers: { cookie, 'user-agent': 'vitest' } });
  return { res, path, cookie, session: res.cookies.find((c) => c.name === 'vn_session')?.value };
}

async function me(session: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { cookie: `vn_session=${session}` },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    name: string;
    email: string;
    memberships: { organisationName: string; role: string; organisationId: string }[];
  };
}

const counts = () => ssoWriteCounts(t.db);
const refusals = () => ssoRefusals(t.db);

/** A refused login: the error page with this code, audited, and nothing written. */
async function expectRefused(
  attempt: () => Promise<{ res: { statusCode: number; headers: Record<string, unknown> } }>,
  code: string,
) {
  const before = await counts();
  const audited = (await refusals()).length;
  const { res } = await attempt();
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe(`/logga-in/sso-fel?code=${code}`);
  expect(await counts()).toEqual(before);
  const after = await refusals();
  expect(after.length).toBe(audited + 1);
  expect(after[0]!.after.code).toBe(code);
  // Never a token in the audit log.
  expect(JSON.stringify(after[0])).not.toMatch(/eyJ[\w-]+\.eyJ/);
}

describe('OIDC sign-in against a real oidc-provider', () => {
  it('redirects to the authorization endpoint with PKCE S256, state and nonce, and binds the state to the browser', async () => {
    const { res, location, stateCookie } = await startLogin('/kurser');
    expect(res.statusCode).toBe(302);
    const url = new URL(location);
    expect(`${url.origin}`).toBe(peer.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/auth/sso/${idpId}/callback`);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('state')).toBe(stateCookie?.value);
    expect(stateCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/auth/sso/' });
    // Only the state's hash is stored.
    const rows = await queryRows<{ state_hash: string }>(t.db, sql`select state_hash from sso_requests`);
    expect(rows.map((r) => r.state_hash)).not.toContain(stateCookie?.value);
  });

  it('provisions a first-time person into the mapped unit and role, then refreshes on the next login', async () => {
    account('entra-oid-1', {
      email: `amira@${DOMAIN}`,
      name: 'Amira Testsson',
      department: 'Hemtjänsten Tjärna Ängar',
      groups: ['Hemtjänst'],
    });
    const before = await counts();
    const first = await signIn('/kurser');
    expect(first.res.statusCode).toBe(302);
    expect(first.res.headers.location).toBe('/kurser');
    expect(first.session).toBeTruthy();
    const who = await me(first.session!);
    expect(who.email).toBe(`amira@${DOMAIN}`);
    expect(who.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Hemtjänsten Tjärna Ängar', role: 'staff' }),
    ]);
    expect((await counts()).users).toBe(before.users + 1);
    const [session] = await queryRows<{
      auth_method: string;
      identity_provider_id: string;
      hint: string | null;
    }>(
      t.db,
      sql`select auth_method, identity_provider_id, sso_logout_hint_enc as hint from sessions order by created_at desc limit 1`,
    );
    expect(session).toMatchObject({ auth_method: 'sso', identity_provider_id: idpId });
    expect(session!.hint).not.toMatch(/^eyJ/); // the ID token is sealed, not stored in the clear

    account('entra-oid-1', {
      email: `amira@${DOMAIN}`,
      name: 'Amira Testsson-Ek',
      department: 'Kvarnsvedens vård- och omsorgsboende',
      groups: ['Enhetschefer'],
    });
    const second = await signIn();
    expect(second.res.headers.location).toBe('/');
    const again = await me(second.session!);
    expect(again.name).toBe('Amira Testsson-Ek');
    expect(again.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Kvarnsvedens vård- och omsorgsboende', role: 'manager' }),
    ]);
    expect((await counts()).users).toBe(before.users + 1);
  });

  it('links an invited account with the same verified e-mail instead of creating another', async () => {
    const [invited] = await t.db
      .insert(users)
      .values({ email: `invited@${DOMAIN}`, name: 'Inbjuden Person', status: 'invited' })
      .returning({ id: users.id });
    account('entra-oid-2', {
      email: `Invited@${DOMAIN}`,
      name: 'Inbjuden Person',
      department: 'Hemtjänsten Tjärna Ängar',
    });
    const before = await counts();
    const { session } = await signIn();
    expect(session).toBeTruthy();
    expect((await counts()).users).toBe(before.users);
    const [link] = await queryRows<{ user_id: string }>(
      t.db,
      sql`select user_id from user_identities where subject = 'entra-oid-2'`,
    );
    expect(link?.user_id).toBe(invited!.id);
    const linked = await queryRows(
      t.db,
      sql`select 1 from audit_log where action = 'sso.account_linked' and entity_id = ${invited!.id}`,
    );
    expect(linked).toHaveLength(1);
  });

  it("links on Entra ID's xms_edov, and refuses to link on an unverified e-mail", async () => {
    await t.db.insert(users).values([
      { email: `entra@${DOMAIN}`, name: 'Entra Person', status: 'invited' },
      { email: `unverified@${DOMAIN}`, name: 'Overifierad Person', status: 'invited' },
    ]);
    // Entra sends no email_verified; its optional claim xms_edov says the tenant owns the domain.
    peer.accounts.set('entra-oid-5', { email: `entra@${DOMAIN}`, name: 'Entra Person', xms_edov: true });
    peer.nextAccount = 'entra-oid-5';
    const before = await counts();
    expect((await signIn()).session).toBeTruthy();
    expect((await counts()).users).toBe(before.users);

    peer.accounts.set('entra-oid-6', { email: `unverified@${DOMAIN}`, name: 'Overifierad Person' });
    peer.nextAccount = 'entra-oid-6';
    await expectRefused(() => signIn(), 'sso_email_unverified');
  });

  it("never lets a role claim reach outside the IdP's organisation", async () => {
    account('entra-oid-3', {
      email: `outside@${DOMAIN}`,
      name: 'Utanför Försök',
      department: 'Hemtjänsten Norr', // a unit in Falun, not Borlänge
      groups: ['Enhetschefer', 'Superadmins'],
    });
    const { session } = await signIn();
    const who = await me(session!);
    expect(who.memberships.map((m) => m.role)).not.toContain('national_admin');
    const outside = await queryRows(
      t.db,
      sql`with recursive tree as (select id from organisations where id = ${borlangeId}
            union all select o.id from organisations o join tree on o.parent_id = tree.id)
          select m.id from memberships m join users u on u.id = m.user_id
          where u.email = ${`outside@${DOMAIN}`} and m.organisation_id not in (select id from tree)`,
    );
    expect(outside).toEqual([]);
    expect(who.memberships).toEqual([expect.objectContaining({ organisationId: borlangeId })]);
  });

  it('keeps returnTo to a path on this site', async () => {
    for (const evil of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      account('entra-oid-4', { email: `ret@${DOMAIN}`, name: 'Retur Test' });
      const { res } = await signIn(evil);
      expect(res.headers.location).toBe('/');
    }
  });
});

describe('refused OIDC sign-ins: audited, an error page, nothing written', () => {
  const fresh = (sub: string) => account(sub, { email: `${sub}@${DOMAIN}`, name: 'Ny Person' });

  it.each([
    ['signature', 'sso_token_invalid'],
    ['audience', 'sso_token_invalid'],
    ['expired', 'sso_token_invalid'],
    ['issuer', 'sso_token_invalid'],
    ['nonce', 'sso_nonce_mismatch'],
  ] as const)('refuses an ID token with a wrong %s', async (how, code) => {
    fresh(`tampered-${how}`);
    peer.tamper = how;
    await expectRefused(() => signIn(), code);
  });

  it('refuses a callback whose state this browser never got (login CSRF)', async () => {
    fresh('csrf-victim');
    await expectRefused(async () => {
      const start = await startLogin();
      const callback = new URL(await peer.authorize(start.location, `${PUBLIC_URL}/auth/sso/`));
      const other = await startLogin(); // the attacker's own, valid state cookie
      const res = await t.app.inject({
        method: 'GET',
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: `vn_sso_state=${other.stateCookie!.value}` },
      });
      return { res };
    }, 'sso_state_invalid');
  });

  it('refuses a callback without state', async () => {
    await expectRefused(
      async () => ({
        res: await t.app.inject({ method: 'GET', url: `/auth/sso/${idpId}/callback?code=abc` }),
      }),
      'sso_state_invalid',
    );
  });

  it('refuses a replayed state', async () => {
    fresh('replayer');
    const first = await signIn();
    expect(first.session).toBeTruthy();
    await expectRefused(
      async () => ({
        res: await t.app.inject({ method: 'GET', url: first.path, headers: { cookie: first.cookie } }),
      }),
      'sso_state_invalid',
    );
  });

  it('refuses an expired login request', async () => {
    fresh('too-late');
    await expectRefused(async () => {
      const start = await startLogin();
      const callback = new URL(await peer.authorize(start.location, `${PUBLIC_URL}/auth/sso/`));
      await t.db.execute(sql`update sso_requests set expires_at = now() - interval '1 second'`);
      const res = await t.app.inject({
        method: 'GET',
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: `vn_sso_state=${start.stateCookie!.value}` },
      });
      return { res };
    }, 'sso_state_invalid');
  });

  it('refuses when the IdP answers with an error (the person cancelled)', async () => {
    fresh('canceller');
    peer.deny = true;
    await expectRefused(() => signIn(), 'sso_idp_refused');
  });

  it('refuses when the IdP is slow, after the timeout', async () => {
    fresh('slowpoke');
    peer.tokenDelayMs = IDP_TIMEOUT_MS + 3000;
    await expectRefused(() => signIn(), 'sso_idp_unavailable');
  });

  it('refuses when the IdP is down, before anything is stored', async () => {
    const port = await freePort();
    const [down] = await t.db
      .insert(identityProviders)
      .values({
        organisationId: borlangeId,
        kind: 'oidc',
        name: 'Nere',
        issuer: `http://127.0.0.1:${port}`,
        clientId: 'x',
        clientSecretEnc: box.seal('y'),
      })
      .returning({ id: identityProviders.id });
    const pending = async () => (await queryRows(t.db, sql`select 1 from sso_requests`)).length;
    const before = await pending();
    await expectRefused(async () => startLogin(undefined, down!.id), 'sso_idp_unavailable');
    expect(await pending()).toBe(before);
  });

  it('refuses, with the reason audited, when the client secret was sealed under another SECRETS_KEY', async () => {
    const other = secretBox(parseSecretsKey(Buffer.alloc(32, 7).toString('base64'))!);
    const [stale] = await t.db
      .insert(identityProviders)
      .values({
        organisationId: borlangeId,
        kind: 'oidc',
        name: 'Gammal nyckel',
        issuer: peer.issuer,
        clientId: peer.clientId,
        clientSecretEnc: other.seal(peer.clientSecret),
      })
      .returning({ id: identityProviders.id });
    await expectRefused(async () => startLogin(undefined, stale!.id), 'sso_idp_unavailable');
    expect((await refusals())[0]!.after.reason).toContain('SECRETS_KEY');
  });

  it('sends an unknown, malformed or disabled IdP to the error page', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const res = await t.app.inject({ method: 'GET', url: `/auth/sso/${id}/login` });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/logga-in/sso-fel?code=sso_idp_unknown');
    }
    const [off] = await t.db
      .insert(identityProviders)
      .values({
        organisationId: borlangeId,
        kind: 'oidc',
        name: 'Av',
        enabled: false,
        issuer: peer.issuer,
        clientId: 'x',
        clientSecretEnc: box.seal('y'),
      })
      .returning({ id: identityProviders.id });
    const res = await t.app.inject({ method: 'GET', url: `/auth/sso/${off!.id}/login` });
    expect(res.headers.location).toBe('/logga-in/sso-fel?code=sso_idp_unknown');
  });
});

describe('RP-initiated logout', () => {
  it("sends an SSO session to the IdP's end-session endpoint with the ID token as hint", async () => {
    account('leaver', { email: `leaver@${DOMAIN}`, name: 'Går Hem' });
    const { session } = await signIn();
    const a = t.agent();
    a.cookies.set('vn_session', session!);
    const res = await a.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(200);
    const url = new URL(res.json().logoutUrl);
    expect(url.href.startsWith(`${peer.issuer}/`)).toBe(true);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/logga-in`);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    // Our session is over whatever the IdP does.
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
    // The IdP accepts the hint and asks the person to confirm.
    const atIdp = await fetch(url, { redirect: 'manual' });
    expect(atIdp.status).toBe(200);
  });

  it('gives a password session no logout URL', async () => {
    const a = await t.as('samordnare.falun');
    const res = await a.post('/api/v1/auth/logout');
    expect(res.json()).toEqual({ ok: true });
  });
});

describe('the demo OIDC provider for Borlänge (demo mode only)', () => {
  let demo: TestApp;
  let base: string;

  beforeAll(async () => {
    // The provider is fetched over HTTP at PUBLIC_URL/demo-idp, so this app really listens.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    demo = await createTestApp({ PUBLIC_URL: base }, { demoIdp: {} });
    await demo.app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(() => demo?.close());

  it('is not mounted unless asked for', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/demo-idp/.well-known/openid-configuration' });
    expect(res.statusCode).toBe(404);
  });

  it('signs in the unit manager with one click on its own page, into the mapped unit and role', async () => {
    const [row] = await queryRows<{ id: string }>(
      demo.db,
      sql`select id from identity_providers where client_id = 'valfardsnavet-demo'`,
    );
    const cookies = new Map<string, string>();
    const go = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(new URL(url, base), {
        ...init,
        redirect: 'manual',
        headers: {
          ...(init.headers as Record<string, string>),
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
      return res;
    };
    let res = await go(`/auth/sso/${row!.id}/login?returnTo=/kurser`);
    expect(res.headers.get('location')).toContain('/demo-idp/auth?');
    res = await go(res.headers.get('location')!);
    const interaction = res.headers.get('location')!;
    expect(interaction).toMatch(/^\/demo-idp\/interaction\//);
    res = await go(interaction);
    const page = await res.text();
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain('Logga in som Johan Ekström');
    const action = /action="([^"]+\/login)"/.exec(page)![1]!;
    res = await go(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'account=johan.ekstrom',
    });
    expect(res.status).toBe(303);
    for (let hop = 0; hop < 5 && !res.headers.get('location')?.startsWith('/kurser'); hop++) {
      res = await go(res.headers.get('location')!);
    }
    expect(res.headers.get('location')).toBe('/kurser');
    const me = (await (await go('/api/v1/me')).json()) as {
      email: string;
      memberships: { organisationName: string; role: string }[];
    };
    expect(me.email).toBe('johan.ekstrom@borlange.demo.valfardsnavet.se');
    expect(me.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Kvarnsvedens vård- och omsorgsboende', role: 'manager' }),
    ]);
  });

  it('refuses a wrong password on its page with an error summary, and nobody is signed in', async () => {
    const [row] = await queryRows<{ id: string }>(
      demo.db,
      sql`select id from identity_providers where client_id = 'valfardsnavet-demo'`,
    );
    const start = await fetch(`${base}/auth/sso/${row!.id}/login`, { redirect: 'manual' });
    const auth = await fetch(new URL(start.headers.get('location')!, base), { redirect: 'manual' });
    const cookie = auth.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const url = new URL(`${auth.headers.get('location')!}/login`, base);
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=amira.haddad&password=fel',
    });
    expect(res.status).toBe(401);
    const page = await res.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain('value="amira.haddad"');
  });
  // Last: it re-seals another client secret, so no login through the provider works after it.
  it('registers Borlänge’s IdP once, however often the server starts, following PUBLIC_URL', async () => {
    const testConfig = loadConfig({ SECRETS_KEY: TEST_SECRETS_KEY } as NodeJS.ProcessEnv);
    const rows = await queryRows<{ id: string; issuer: string; enabled: boolean }>(
      demo.db,
      sql`select id, issuer, enabled from identity_providers where client_id = 'valfardsnavet-demo'`,
    );
    expect(rows).toEqual([{ id: expect.any(String), issuer: `${base}/demo-idp`, enabled: true }]);
    const again = await ensureDemoIdentityProvider(
      demo.db,
      { ...testConfig, publicUrl: 'http://other:4000' },
      's',
    );
    expect(again).toBe(rows[0]!.id);
    const moved = await queryRows<{ issuer: string }>(
      demo.db,
      sql`select issuer from identity_providers where client_id = 'valfardsnavet-demo'`,
    );
    expect(moved).toEqual([{ issuer: 'http://other:4000/demo-idp' }]);
    await ensureDemoIdentityProvider(demo.db, { ...testConfig, publicUrl: base }, 's');
    const domain = await queryRows(
      demo.db,
      sql`select 1 from identity_provider_domains where domain = 'borlange.demo.valfardsnavet.se'`,
    );
    expect(domain).toHaveLength(1);
  });
});
