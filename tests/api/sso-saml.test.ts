import { randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { identityProviders, users } from '../../src/server/db/schema/index.ts';
import { rememberAssertionId } from '../../src/server/features/sso/saml/assertion-ids.repo.ts';
import { forgetIdpMetadata } from '../../src/server/features/sso/saml/idp-metadata.ts';
import { type SamlPeer, type SamlPostForm, type SamlTamper, startSamlPeer } from '../support/saml-peer.ts';
import { ssoRefusals, ssoWriteCounts } from '../support/sso-writes.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const PUBLIC_URL = 'http://localhost:3000';
const DOMAIN = 'borlange-saml.test';
const MAIL = 'urn:oid:0.9.2342.19200300.100.1.3';
const DISPLAY_NAME = 'urn:oid:2.16.840.1.113730.3.1.241';
const OU = 'urn:oid:2.5.4.11';
const IS_MEMBER_OF = 'urn:oid:1.3.6.1.4.1.5923.1.5.1.1';

let t: TestApp;
let peer: SamlPeer;
let idpId: string;
let borlangeId: string;

const acs = () => `/auth/sso/${idpId}/acs`;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  peer = await startSamlPeer();
  [{ id: borlangeId }] = (await queryRows<{ id: string }>(
    t.db,
    sql`select id from organisations where kind = 'municipality' and code = '2081'`,
  )) as [{ id: string }];
  idpId = randomUUID();
  await t.db.insert(identityProviders).values({
    id: idpId,
    organisationId: borlangeId,
    kind: 'saml',
    name: 'Borlänge ADFS (test)',
    metadataXml: peer.metadataXml,
    mapping: { unitMatch: 'name', roleRules: [{ value: 'Enhetschefer', role: 'manager' }] },
  });
  // The IdP's administrator loads our SP metadata: the peer checks our AuthnRequests against it.
  const metadata = await t.app.inject({
    method: 'GET',
    url: `/api/v1/identity-providers/${idpId}/saml/metadata`,
  });
  peer.trustSp(metadata.body);
});
afterAll(async () => {
  await peer?.close();
  await t?.close();
});
afterEach(() => {
  peer.tamper = 'none';
});

function person(nameId: string, attributes: Record<string, string | string[]>) {
  peer.user = { nameId, attributes };
}

/** GET /auth/sso/:id/login as a browser: the redirect to the IdP. */
async function startLogin(returnTo?: string, id = idpId) {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  return t.app.inject({ method: 'GET', url: `/auth/sso/${id}/login${query}` });
}

/** The IdP's auto-submitted form, posted to our ACS the way a browser does: no cookie of ours. */
function postToAcs(form: Partial<SamlPostForm>, url = acs()) {
  const payload = new URLSearchParams();
  if (form.SAMLResponse !== undefined) payload.set('SAMLResponse', form.SAMLResponse);
  if (form.RelayState !== undefined) payload.set('RelayState', form.RelayState);
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: peer.url,
      'user-agent': 'vitest',
    },
    payload: payload.toString(),
  });
}

/** The whole round trip: our redirect, the IdP's login page and button, its form back to our ACS. */
async function signIn(returnTo?: string, tamper: SamlTamper = 'none') {
  const start = await startLogin(returnTo);
  expect(start.statusCode).toBe(302);
  peer.tamper = tamper;
  const form = await peer.loginThrough(String(start.headers.location));
  expect(form.action).toBe(`${PUBLIC_URL}${acs()}`);
  const res = await postToAcs(form);
  return { res, form, session: res.cookies.find((c) => c.name === 'vn_session')?.value };
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

/** A refused login: 303 to the error page with this code, audited with the reason, nothing written. */
async function expectRefused(
  attempt: () => Promise<{ res: { statusCode: number; headers: Record<string, unknown> } }>,
  code: string,
  reason: RegExp,
) {
  const before = await counts();
  const audited = (await refusals()).length;
  const { res } = await attempt();
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(`/logga-in/sso-fel?code=${code}`);
  expect(res.headers['set-cookie'] ?? '').not.toContain('vn_session');
  expect(await counts()).toEqual(before);
  const after = await refusals();
  expect(after.length).toBe(audited + 1);
  expect(after[0]!.after.code).toBe(code);
  expect(after[0]!.after.reason).toMatch(reason);
  // Never the assertion itself in the audit log.
  expect(JSON.stringify(after[0])).not.toContain('SAMLResponse');
}

const amira = () =>
  person('adfs-amira', {
    [MAIL]: `amira@${DOMAIN}`,
    [DISPLAY_NAME]: 'Amira Samlsson',
    [OU]: 'Hemtjänsten Tjärna Ängar',
    [IS_MEMBER_OF]: ['Alla anställda', 'Hemtjänst'],
  });

describe('our SAML SP metadata', () => {
  it('publishes entityID, ACS, signing certificate and signed-assertion demand at a stable URL', async () => {
    const url = `/api/v1/identity-providers/${idpId}/saml/metadata`;
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/samlmetadata+xml');
    expect(res.body).toContain(`entityID="${PUBLIC_URL}${url}"`);
    expect(res.body).toContain(`Location="${PUBLIC_URL}/auth/sso/${idpId}/acs"`);
    expect(res.body).toContain('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
    expect(res.body).toMatch(/WantAssertionsSigned="true"/);
    expect(res.body).toMatch(/AuthnRequestsSigned="true"/);
    expect(res.body).toMatch(/<ds:X509Certificate>[A-Za-z0-9+/=]{500,}<\/ds:X509Certificate>/);
    expect(res.body).not.toContain('PRIVATE KEY');
    // Stable: the same document on every fetch (the key pair is generated once).
    expect((await t.app.inject({ method: 'GET', url })).body).toBe(res.body);
    const [row] = await queryRows<{ enc: string; cert: string }>(
      t.db,
      sql`select sp_private_key_enc as enc, sp_certificate as cert from identity_providers where id = ${idpId}`,
    );
    expect(row!.enc).toMatch(/^v1\./);
    expect(row!.enc).not.toContain('PRIVATE KEY');
    expect(row!.cert).toContain('BEGIN CERTIFICATE');
  });

  it('documents the ACS and the metadata in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.paths['/auth/sso/{idpId}/acs']?.post?.security).toEqual([]);
    expect(doc.paths['/api/v1/identity-providers/{id}/saml/metadata']?.get?.security).toEqual([]);
  });

  it('answers 404 for an unknown or OIDC provider and 400 for a malformed id', async () => {
    const oidc = randomUUID();
    await t.db.insert(identityProviders).values({
      id: oidc,
      organisationId: borlangeId,
      kind: 'oidc',
      name: 'OIDC',
      issuer: 'https://login.example/',
      clientId: 'x',
    });
    for (const id of [randomUUID(), oidc]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/identity-providers/${id}/saml/metadata`,
      });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/identity-providers/nope/saml/metadata' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('SAML sign-in against a real samlify IdP', () => {
  it('sends a signed AuthnRequest by redirect and remembers its id', async () => {
    const res = await startLogin('/kurser');
    expect(res.statusCode).toBe(302);
    const url = new URL(String(res.headers.location));
    expect(`${url.origin}${url.pathname}`).toBe(`${peer.url}/sso`);
    expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(url.searchParams.get('Signature')).toBeTruthy();
    const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest')!, 'base64')).toString('utf8');
    const requestId = xml.match(/ID="([^"]+)"/)?.[1];
    expect(xml).toContain(`AssertionConsumerServiceURL="${PUBLIC_URL}/auth/sso/${idpId}/acs"`);
    const rows = await queryRows<{ request_id: string; state_hash: string }>(
      t.db,
      sql`select request_id, state_hash from sso_requests where request_id = ${requestId}`,
    );
    expect(rows).toHaveLength(1);
    // RelayState is the state; only its hash is stored.
    expect(rows[0]!.state_hash).not.toBe(url.searchParams.get('RelayState'));
  });

  it('provisions a first-time person into the mapped unit and role, then refreshes on the next login', async () => {
    amira();
    const before = await counts();
    const first = await signIn('/kurser');
    expect(first.res.statusCode).toBe(303);
    expect(first.res.headers.location).toBe('/kurser');
    expect(first.session).toBeTruthy();
    const who = await me(first.session!);
    expect(who).toMatchObject({ email: `amira@${DOMAIN}`, name: 'Amira Samlsson' });
    expect(who.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Hemtjänsten Tjärna Ängar', role: 'staff' }),
    ]);
    expect((await counts()).users).toBe(before.users! + 1);
    const [session] = await queryRows<{ auth_method: string; identity_provider_id: string; hint: string }>(
      t.db,
      sql`select auth_method, identity_provider_id, sso_logout_hint_enc as hint from sessions order by created_at desc limit 1`,
    );
    expect(session).toMatchObject({ auth_method: 'sso', identity_provider_id: idpId });
    expect(session!.hint).not.toContain('adfs-amira'); // NameID and SessionIndex are sealed

    // A later login: another unit and a group (one of several values) that makes a manager.
    person('adfs-amira', {
      [MAIL]: `amira@${DOMAIN}`,
      [DISPLAY_NAME]: 'Amira Samlsson-Ek',
      [OU]: 'Kvarnsvedens vård- och omsorgsboende',
      [IS_MEMBER_OF]: ['Alla anställda', 'Enhetschefer'],
    });
    const second = await signIn();
    expect(second.res.headers.location).toBe('/');
    const again = await me(second.session!);
    expect(again.name).toBe('Amira Samlsson-Ek');
    expect(again.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Kvarnsvedens vård- och omsorgsboende', role: 'manager' }),
    ]);
    expect((await counts()).users).toBe(before.users! + 1);
  });

  it('links an invited account with the same e-mail instead of creating another', async () => {
    const [invited] = await t.db
      .insert(users)
      .values({ email: `invited@${DOMAIN}`, name: 'Inbjuden Person', status: 'invited' })
      .returning({ id: users.id });
    person('adfs-invited', { [MAIL]: `Invited@${DOMAIN}`, [DISPLAY_NAME]: 'Inbjuden Person' });
    const before = await counts();
    const { session } = await signIn();
    expect(session).toBeTruthy();
    expect((await counts()).users).toBe(before.users);
    const [link] = await queryRows<{ user_id: string }>(
      t.db,
      sql`select user_id from user_identities where subject = 'adfs-invited' and identity_provider_id = ${idpId}`,
    );
    expect(link?.user_id).toBe(invited!.id);
  });

  it('accepts a Response signed as a whole instead of its assertion', async () => {
    amira();
    peer.signResponseOnly = true;
    try {
      const { res, form, session } = await signIn();
      const xml = Buffer.from(form.SAMLResponse, 'base64').toString('utf8');
      // One signature, directly in the Response (after its Issuer), none inside the Assertion.
      expect(xml.match(/<ds:Signature[\s>]/g)).toHaveLength(1);
      expect(xml.indexOf('<ds:Signature')).toBeLessThan(xml.indexOf('<saml:Assertion'));
      expect(res.statusCode).toBe(303);
      expect(session).toBeTruthy();
    } finally {
      peer.signResponseOnly = false;
    }
  });

  it('keeps returnTo to a path on this site', async () => {
    amira();
    const { res } = await signIn('//evil.example/x');
    expect(res.headers.location).toBe('/');
  });
});

describe('SAML single logout', () => {
  it('ends the session here and sends a signed LogoutRequest for the same NameID and session to the IdP', async () => {
    amira();
    const { session, form } = await signIn();
    const a = t.agent();
    a.cookies.set('vn_session', session!);
    const res = await a.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(200);
    const logoutUrl = String(res.json().logoutUrl);
    expect(logoutUrl).toMatch(new RegExp(`^${peer.url}/slo\\?SAMLRequest=`));
    expect(new URL(logoutUrl).searchParams.get('Signature')).toBeTruthy();
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
    const page = await fetch(logoutUrl);
    expect(page.status).toBe(200);
    const request = peer.logoutRequests.at(-1)!;
    expect(request).toContain('>adfs-amira</saml:NameID>');
    const sessionIndex = Buffer.from(form.SAMLResponse, 'base64')
      .toString('utf8')
      .match(/SessionIndex="([^"]+)"/)?.[1];
    expect(request).toMatch(new RegExp(`:SessionIndex[^>]*>${sessionIndex}</`));
    // The IdP sends the person back here: to the login page.
    const back = await t.app.inject({ method: 'GET', url: `/auth/sso/${idpId}/slo` });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe('/logga-in');
  });
});

describe('refused SAML responses: audited, nothing written', () => {
  const cases: [SamlTamper, string, RegExp][] = [
    ['wrong-key', 'sso_token_invalid', /^signature/],
    ['altered-attribute', 'sso_token_invalid', /^signature/],
    ['unsigned', 'sso_token_invalid', /^signature/],
    ['wrong-audience', 'sso_token_invalid', /^audience/],
    ['wrong-recipient', 'sso_token_invalid', /^recipient/],
    ['expired', 'sso_assertion_expired', /^expired/],
  ];
  for (const [tamper, code, reason] of cases) {
    it(`refuses a response with ${tamper}`, async () => {
      person(`adfs-${tamper}`, { [MAIL]: `${tamper}@${DOMAIN}`, [DISPLAY_NAME]: 'Förfalskad Person' });
      await expectRefused(() => signIn('/', tamper), code, reason);
      const rows = await queryRows(t.db, sql`select 1 from users where email = ${`${tamper}@${DOMAIN}`}`);
      expect(rows).toEqual([]);
    });
  }

  it('refuses a replayed response, and an assertion id seen before', async () => {
    amira();
    const first = await signIn();
    expect(first.session).toBeTruthy();
    // The same form posted again: its request is used up.
    await expectRefused(
      async () => ({ res: await postToAcs(first.form) }),
      'sso_state_invalid',
      /^in-response-to/,
    );
    // The same form under a fresh login's RelayState: the Response answers another request.
    const fresh = new URL(String((await startLogin()).headers.location)).searchParams.get('RelayState')!;
    await expectRefused(
      async () => ({ res: await postToAcs({ ...first.form, RelayState: fresh }) }),
      'sso_state_invalid',
      /^in-response-to/,
    );
    // And the assertion id itself is remembered until the assertion expires.
    const [seen] = await queryRows<{ assertion_id: string; expires_at: string }>(
      t.db,
      sql`select assertion_id, expires_at from saml_assertion_ids where identity_provider_id = ${idpId}
          order by expires_at desc limit 1`,
    );
    expect(new Date(seen!.expires_at).getTime()).toBeGreaterThan(Date.now());
    expect(await rememberAssertionId(t.db, idpId, seen!.assertion_id, new Date(Date.now() + 60_000))).toBe(
      false,
    );
  });

  it('refuses a response with no request of ours behind it, or none at all', async () => {
    amira();
    const { form } = await signIn();
    await expectRefused(
      async () => ({ res: await postToAcs({ ...form, RelayState: 'made-up' }) }),
      'sso_state_invalid',
      /^in-response-to/,
    );
    await expectRefused(
      async () => ({ res: await postToAcs({ SAMLResponse: form.SAMLResponse }) }),
      'sso_state_invalid',
      /^in-response-to/,
    );
    await expectRefused(
      async () => ({ res: await postToAcs({ RelayState: 'x' }) }),
      'sso_token_invalid',
      /^invalid/,
    );
    const garbage = Buffer.from('<not-saml/>').toString('base64');
    await expectRefused(
      async () => ({ res: await postToAcs({ SAMLResponse: garbage, RelayState: 'x' }) }),
      'sso_state_invalid',
      /^in-response-to/,
    );
  });

  it('refuses a response posted to another IdP’s ACS', async () => {
    const other = randomUUID();
    await t.db.insert(identityProviders).values({
      id: other,
      organisationId: borlangeId,
      kind: 'saml',
      name: 'Another SAML IdP',
      metadataXml: peer.metadataXml,
    });
    amira();
    const start = await startLogin();
    const form = await peer.loginThrough(String(start.headers.location));
    // The request belongs to the first IdP: the other one's ACS does not know it.
    await expectRefused(
      async () => ({ res: await postToAcs(form, `/auth/sso/${other}/acs`) }),
      'sso_state_invalid',
      /^in-response-to/,
    );
  });

  it('sends an unknown or OIDC provider to the error page', async () => {
    for (const url of [`/auth/sso/${randomUUID()}/acs`, '/auth/sso/nope/acs']) {
      const res = await postToAcs({ SAMLResponse: 'x', RelayState: 'y' }, url);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/logga-in/sso-fel?code=sso_idp_unknown');
    }
  });

  it('refuses a login when the IdP metadata host does not answer', async () => {
    const down = randomUUID();
    await t.db.insert(identityProviders).values({
      id: down,
      organisationId: borlangeId,
      kind: 'saml',
      name: 'Unreachable SAML IdP',
      metadataUrl: 'http://127.0.0.1:9/metadata',
    });
    forgetIdpMetadata(down);
    const before = await counts();
    const res = await startLogin('/', down);
    expect(res.headers.location).toBe('/logga-in/sso-fel?code=sso_idp_unavailable');
    expect(await counts()).toEqual(before);
    expect((await refusals())[0]!.after).toMatchObject({
      code: 'sso_idp_unavailable',
      reason: expect.stringMatching(/^metadata/),
    });
  });

  it('reads the IdP metadata from its URL', async () => {
    const fetched = randomUUID();
    await t.db.insert(identityProviders).values({
      id: fetched,
      organisationId: borlangeId,
      kind: 'saml',
      name: 'SAML IdP by URL',
      metadataUrl: peer.metadataUrl,
    });
    const res = await startLogin('/', fetched);
    expect(res.statusCode).toBe(302);
    expect(String(res.headers.location)).toMatch(new RegExp(`^${peer.url}/sso\\?SAMLRequest=`));
  });
});
