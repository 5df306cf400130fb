import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { secretBox } from '../../src/server/lib/secrets.ts';
import { type SamlPeer, startSamlPeer } from '../support/saml-peer.ts';
import { type Agent, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let saml: SamlPeer;
const ids = {} as Record<'falun' | 'borlange' | 'norr' | 'dalarna', string>;
const orgId = async (name: string, kind: string) =>
  (
    await queryRows<{ id: string }>(
      t.db,
      sql`select id from organisations where name = ${name} and kind = ${kind}`,
    )
  )[0]!.id;
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
const audits = (action: string) =>
  queryRows<{ entity_id: string; before: unknown; after: unknown }>(
    t.db,
    sql`select entity_id, before, after from audit_log where action = ${action} order by id`,
  );

const oidcBody = (over: Record<string, unknown> = {}) => ({
  kind: 'oidc',
  name: 'Falu kommun Entra ID',
  issuer: 'https://login.microsoftonline.com/falun-test/v2.0',
  clientId: 'valfardsnavet',
  clientSecret: 'super-secret-value',
  emailDomains: ['Falun-Test.se', 'vard.falun-test.se'],
  mapping: { unit: 'department', unitMatch: 'name', roleRules: [{ value: 'Chefer', role: 'manager' }] },
  ...over,
});
const put = (a: Awaited<ReturnType<TestApp['as']>>, url: string, payload: unknown) =>
  a.request({ method: 'PUT', url, payload: payload as object });

// Signed in once up front: requiring SSO for Falun (below) refuses its people's passwords from then on.
const agents = new Map<string, Agent>();
const as = async (who: string) => agents.get(who)!;

beforeAll(async () => {
  [t, saml] = await Promise.all([createTestApp(), startSamlPeer()]);
  ids.falun = await orgId('Falun', 'municipality');
  ids.borlange = await orgId('Borlänge', 'municipality');
  ids.norr = await orgId('Hemtjänsten Norr', 'unit');
  ids.dalarna = await orgId('Region Dalarna', 'region');
  for (const who of [
    'admin',
    'samordnare.falun',
    'samordnare.borlange',
    'chef.falun',
    'region.dalarna',
    'personal.falun',
  ]) {
    agents.set(who, await t.as(who));
  }
});
afterAll(async () => {
  await saml?.close();
  await t?.close();
});

describe('identity providers: create, read, change, delete', () => {
  let idpId: string;

  it('lets the coordinator add an OIDC provider; the secret is sealed, never returned, and not audited', async () => {
    const a = await as('samordnare.falun');
    const res = await a.post(`/api/v1/organisations/${ids.falun}/identity-providers`, oidcBody());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    idpId = body.id;
    expect(body).toMatchObject({
      kind: 'oidc',
      organisationId: ids.falun,
      hasClientSecret: true,
      emailDomains: ['falun-test.se', 'vard.falun-test.se'],
      requireSso: false,
      enabled: true,
      scopes: 'openid email profile',
      loginUrl: `/auth/sso/${idpId}/login`,
    });
    expect(body.redirectUri).toMatch(new RegExp(`/auth/sso/${idpId}/callback$`));
    expect(res.body).not.toContain('super-secret-value');
    const [row] = await queryRows<{ client_secret_enc: string }>(
      t.db,
      sql`select client_secret_enc from identity_providers where id = ${idpId}`,
    );
    expect(row!.client_secret_enc).not.toContain('super-secret-value');
    const key = Buffer.from('dGVzdC1rZXktZm9yLXNlYWxlZC1zZWNyZXRzLW9ubHk=', 'base64');
    expect(secretBox(key).open(row!.client_secret_enc)).toBe('super-secret-value');
    const [audit] = await audits('identity_provider.created');
    expect(audit!.entity_id).toBe(idpId);
    expect(JSON.stringify(audit)).not.toContain('super-secret-value');
  });

  it('lists and reads it for the coordinator', async () => {
    const a = await as('samordnare.falun');
    const list = await a.get(`/api/v1/organisations/${ids.falun}/identity-providers`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([idpId]);
    const one = await a.get(`/api/v1/identity-providers/${idpId}`);
    expect(one.json()).toMatchObject({ id: idpId, mapping: { unit: 'department' } });
  });

  it('keeps the stored secret when PUT leaves it out, and replaces it when given', async () => {
    const a = await as('samordnare.falun');
    const sealed = async () =>
      (
        await queryRows<{ s: string }>(
          t.db,
          sql`select client_secret_enc as s from identity_providers where id = ${idpId}`,
        )
      )[0]!.s;
    const before = await sealed();
    const { clientSecret: _, ...withoutSecret } = oidcBody({ name: 'Falun Entra', requireSso: true });
    const res = await put(a, `/api/v1/identity-providers/${idpId}`, withoutSecret);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Falun Entra', requireSso: true, hasClientSecret: true });
    expect(await sealed()).toBe(before);
    await put(a, `/api/v1/identity-providers/${idpId}`, oidcBody({ clientSecret: 'another-secret' }));
    expect(await sealed()).not.toBe(before);
    const updates = await audits('identity_provider.updated');
    expect(updates).toHaveLength(2);
    expect(JSON.stringify(updates)).not.toContain('another-secret');
  });

  it('refuses other municipalities, managers and a regional coordinator above (authorizeOwn); nothing written', async () => {
    const before = await count('identity_providers');
    const domainsBefore = await count('identity_provider_domains');
    for (const who of ['samordnare.borlange', 'chef.falun', 'region.dalarna', 'personal.falun']) {
      const a = await as(who);
      expect((await a.get(`/api/v1/organisations/${ids.falun}/identity-providers`)).statusCode).toBe(403);
      expect((await a.get(`/api/v1/identity-providers/${idpId}`)).statusCode).toBe(403);
      expect(
        (
          await a.post(
            `/api/v1/organisations/${ids.falun}/identity-providers`,
            oidcBody({ emailDomains: [] }),
          )
        ).statusCode,
      ).toBe(403);
      expect(
        (await put(a, `/api/v1/identity-providers/${idpId}`, oidcBody({ name: 'Hijacked' }))).statusCode,
      ).toBe(403);
      expect((await a.delete(`/api/v1/identity-providers/${idpId}`)).statusCode).toBe(403);
    }
    expect(await count('identity_providers')).toBe(before);
    expect(await count('identity_provider_domains')).toBe(domainsBefore);
    const anon = t.agent();
    expect((await anon.get(`/api/v1/identity-providers/${idpId}`)).statusCode).toBe(401);
  });

  it('answers 404 for an unknown provider or organisation', async () => {
    const a = await as('admin');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await a.get(`/api/v1/identity-providers/${unknown}`)).statusCode).toBe(404);
    expect((await a.get(`/api/v1/organisations/${unknown}/identity-providers`)).statusCode).toBe(404);
  });

  it('lets a national administrator manage any organisation’s provider', async () => {
    const a = await as('admin');
    const res = await a.get(`/api/v1/identity-providers/${idpId}`);
    expect(res.statusCode).toBe(200);
  });
});

describe('identity providers: bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['OIDC without issuer', { issuer: undefined }, 'idp_oidc_incomplete'],
    ['OIDC without client id', { clientId: undefined }, 'idp_oidc_incomplete'],
    ['a javascript: issuer', { issuer: 'javascript:alert(1)' }, 'validation_failed'],
    ['a malformed domain', { emailDomains: ['not a domain'] }, 'validation_failed'],
    [
      'an unknown role in a rule',
      { mapping: { roleRules: [{ value: 'x', role: 'king' }] } },
      'validation_failed',
    ],
    [
      'SAML without metadata',
      { kind: 'saml', issuer: undefined, clientId: undefined },
      'idp_saml_metadata_missing',
    ],
    ['SAML metadata that is not XML', { kind: 'saml', metadataXml: 'hello' }, 'idp_saml_metadata_invalid'],
    [
      'SAML metadata without an IdP descriptor',
      {
        kind: 'saml',
        metadataXml:
          '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><SPSSODescriptor/></EntityDescriptor>',
      },
      'idp_saml_metadata_invalid',
    ],
  ];
  for (const [label, over, code] of cases) {
    it(`refuses ${label} with 400 ${code}, nothing written`, async () => {
      const a = await as('samordnare.borlange');
      const before = await count('identity_providers');
      const res = await a.post(
        `/api/v1/organisations/${ids.borlange}/identity-providers`,
        oidcBody({ emailDomains: ['borlange-bad.se'], ...over }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(code);
      expect(await count('identity_providers')).toBe(before);
    });
  }

  it('refuses a provider on a unit', async () => {
    const a = await as('admin');
    const res = await a.post(
      `/api/v1/organisations/${ids.norr}/identity-providers`,
      oidcBody({ emailDomains: [] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('idp_kind_not_allowed');
  });

  it('refuses to change the kind of a provider', async () => {
    const a = await as('samordnare.borlange');
    const created = await a.post(
      `/api/v1/organisations/${ids.borlange}/identity-providers`,
      oidcBody({ name: 'Borlänge test', emailDomains: [] }),
    );
    const res = await put(a, `/api/v1/identity-providers/${created.json().id}`, {
      kind: 'saml',
      name: 'x',
      metadataXml: saml.metadataXml,
      emailDomains: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('idp_kind_change');
    await a.delete(`/api/v1/identity-providers/${created.json().id}`);
  });
});

describe('identity providers: SAML', () => {
  it('accepts real IdP metadata and shows the SP addresses to register', async () => {
    const admin = await as('admin');
    const res = await admin.post(`/api/v1/organisations/${ids.dalarna}/identity-providers`, {
      kind: 'saml',
      name: 'Region Dalarna ADFS',
      metadataXml: saml.metadataXml,
      emailDomains: ['regiondalarna-test.se'],
      mapping: {},
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'saml', hasMetadataXml: true, hasClientSecret: false, issuer: null });
    expect(body.acsUrl).toMatch(new RegExp(`/auth/sso/${body.id}/acs$`));
    expect(body.spMetadataUrl).toMatch(new RegExp(`/api/v1/identity-providers/${body.id}/saml/metadata$`));
    expect(res.body).not.toContain('EntityDescriptor');
    // An update without the document keeps it.
    const upd = await put(admin, `/api/v1/identity-providers/${body.id}`, {
      kind: 'saml',
      name: 'Region Dalarna',
      emailDomains: ['regiondalarna-test.se'],
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().hasMetadataXml).toBe(true);
  });
});

describe('e-mail domains belong to one provider', () => {
  it('refuses a coordinator a domain already on another organisation’s provider (409), nothing written', async () => {
    const a = await as('samordnare.borlange');
    const before = await count('identity_providers');
    const res = await a.post(
      `/api/v1/organisations/${ids.borlange}/identity-providers`,
      oidcBody({ name: 'Borlänge', emailDomains: ['borlange-test.se', 'FALUN-TEST.SE'] }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('domain_taken');
    expect(await count('identity_providers')).toBe(before);
    const owner = await queryRows<{ organisation_id: string }>(
      t.db,
      sql`select p.organisation_id from identity_provider_domains d join identity_providers p on p.id = d.identity_provider_id
          where d.domain = 'falun-test.se'`,
    );
    expect(owner[0]!.organisation_id).toBe(ids.falun);
  });

  it('lets a national administrator move a domain to another organisation’s provider (audited)', async () => {
    const a = await as('admin');
    const res = await a.post(
      `/api/v1/organisations/${ids.borlange}/identity-providers`,
      oidcBody({ name: 'Borlänge Entra', emailDomains: ['vard.falun-test.se', 'borlange-test.se'] }),
    );
    expect(res.statusCode).toBe(201);
    const falun = await (await as('samordnare.falun')).get(
      `/api/v1/organisations/${ids.falun}/identity-providers`,
    );
    expect(falun.json().items[0].emailDomains).toEqual(['falun-test.se']);
    const created = (await audits('identity_provider.created')).at(-1)!;
    expect(JSON.stringify(created.after)).toContain('vard.falun-test.se');
  });
});

describe('home-realm discovery and the organisation list (public)', () => {
  it('sends a registered domain to its provider, whatever the local part', async () => {
    const anon = t.agent();
    const known = await anon.get('/api/v1/auth/discover?email=samordnare@Falun-Test.se');
    expect(known.statusCode).toBe(200);
    expect(known.json()).toMatchObject({ method: 'sso', identityProviderName: expect.any(String) });
    expect(known.json().loginUrl).toMatch(/^\/auth\/sso\/[0-9a-f-]+\/login$/);
    const nobody = await anon.get('/api/v1/auth/discover?email=no-such-person@falun-test.se');
    expect(nobody.json()).toEqual(known.json());
    expect((await anon.get('/api/v1/auth/discover?email=someone@example.org')).json()).toEqual({
      method: 'password',
    });
    expect((await anon.get('/api/v1/auth/discover?email=nonsense')).json()).toEqual({ method: 'password' });
    expect((await anon.get('/api/v1/auth/discover?email=%00x@falun-test.se')).statusCode).toBe(400);
  });

  it('lists organisations with an enabled provider, searchable, in Swedish order', async () => {
    const anon = t.agent();
    const all = await anon.get('/api/v1/auth/sso-organisations');
    expect(all.statusCode).toBe(200);
    const names = (all.json() as { organisationName: string }[]).map((o) => o.organisationName);
    expect(names).toEqual(expect.arrayContaining(['Falun', 'Borlänge', 'Region Dalarna']));
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    const search = await anon.get(`/api/v1/auth/sso-organisations?q=${encodeURIComponent('BORLÄ')}`);
    const found = search.json() as { organisationId: string; providers: { loginUrl: string }[] }[];
    expect(found.map((o) => o.organisationId)).toEqual([ids.borlange]);
    expect(found[0]!.providers.length).toBeGreaterThan(0);
  });

  it('leaves disabled providers out of discovery and the list', async () => {
    const a = await as('samordnare.falun');
    const [idp] = (await a.get(`/api/v1/organisations/${ids.falun}/identity-providers`)).json().items;
    const { id: _, ...rest } = idp;
    const res = await put(a, `/api/v1/identity-providers/${idp.id}`, {
      kind: rest.kind,
      name: rest.name,
      issuer: rest.issuer,
      clientId: rest.clientId,
      emailDomains: rest.emailDomains,
      mapping: rest.mapping,
      enabled: false,
    });
    expect(res.statusCode).toBe(200);
    const anon = t.agent();
    expect((await anon.get('/api/v1/auth/discover?email=x@falun-test.se')).json()).toEqual({
      method: 'password',
    });
    const list = (await anon.get('/api/v1/auth/sso-organisations?q=falun')).json() as unknown[];
    expect(list).toEqual([]);
  });
});

describe('deleting a provider', () => {
  it('removes its domains and account links but never the people', async () => {
    const a = await as('samordnare.falun');
    const [idp] = (await a.get(`/api/v1/organisations/${ids.falun}/identity-providers`)).json().items;
    const [user] = await queryRows<{ id: string }>(
      t.db,
      sql`select id from users where email = 'personal.falun@demo.valfardsnavet.se'`,
    );
    await t.db.execute(
      sql`insert into user_identities (user_id, identity_provider_id, subject) values (${user!.id}, ${idp.id}, 'sub-1')`,
    );
    const res = await a.delete(`/api/v1/identity-providers/${idp.id}`);
    expect(res.statusCode).toBe(200);
    expect(
      await queryRows(
        t.db,
        sql`select 1 from identity_provider_domains where identity_provider_id = ${idp.id}`,
      ),
    ).toEqual([]);
    expect(
      await queryRows(t.db, sql`select 1 from user_identities where identity_provider_id = ${idp.id}`),
    ).toEqual([]);
    expect(await queryRows(t.db, sql`select 1 from users where id = ${user!.id}`)).toHaveLength(1);
    expect((await audits('identity_provider.deleted')).map((a) => a.entity_id)).toContain(idp.id);
  });
});
