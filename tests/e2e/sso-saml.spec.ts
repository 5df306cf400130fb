import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { identityProviders } from '../../src/server/db/schema/index.ts';
import { type E2E, expectAccessible, startE2E } from '../support/browser.ts';
import { type SamlPeer, startSamlPeer } from '../support/saml-peer.ts';

/**
 * Borlänge signs in with a SAML IdP (a real samlify IdP on loopback, with a one-button login page):
 * login page → "Logga in med din organisation" → Borlänge → the IdP's button → its form posts the
 * signed assertion to our ACS → signed in, provisioned into the mapped unit. A tampered assertion ends
 * on the readable SSO error page.
 */

let e: E2E;
let peer: SamlPeer;

beforeAll(async () => {
  [e, peer] = await Promise.all([startE2E({ ownAddress: true }), startSamlPeer()]);
  const [borlange] = await queryRows<{ id: string }>(
    e.t.db,
    sql`select id from organisations where kind = 'municipality' and code = '2081'`,
  );
  const idpId = randomUUID();
  await e.t.db.insert(identityProviders).values({
    id: idpId,
    organisationId: borlange!.id,
    kind: 'saml',
    name: 'Borlänge ADFS',
    metadataXml: peer.metadataXml,
    mapping: { unitMatch: 'name', roleRules: [{ value: 'Enhetschefer', role: 'manager' }] },
  });
  const metadata = await fetch(`${e.baseUrl}/api/v1/identity-providers/${idpId}/saml/metadata`);
  peer.trustSp(await metadata.text());
  peer.user = {
    nameId: 'adfs-sofia',
    attributes: {
      'urn:oid:0.9.2342.19200300.100.1.3': 'sofia.saml@borlange-saml.test',
      'urn:oid:2.16.840.1.113730.3.1.241': 'Sofia Samlberg',
      'urn:oid:2.5.4.11': 'Hemtjänsten Tjärna Ängar',
      'urn:oid:1.3.6.1.4.1.5923.1.5.1.1': ['Alla anställda', 'Hemtjänst'],
    },
  };
});
afterAll(async () => {
  await peer?.close();
  await e?.close();
});

async function toSamlIdp(page: Awaited<ReturnType<E2E['newPage']>>['page']) {
  await page.goto('/logga-in');
  await page.getByRole('link', { name: 'Logga in med din organisation' }).click();
  await page.getByRole('link', { name: 'Borlänge', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Test-IdP' }).waitFor();
}

describe('sign-in through a SAML identity provider', () => {
  it('signs a first-time person in and provisions them into the mapped unit', async () => {
    peer.tamper = 'none';
    const { page } = await e.newPage();
    await toSamlIdp(page);
    await page.getByRole('button', { name: 'Logga in som adfs-sofia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Sofia Samlberg!' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Hemtjänsten Tjärna Ängar', role: 'staff' }),
    ]);
    await expectAccessible(page, 'start page after SAML sign-in');
  });

  it('shows the SSO error page for a tampered assertion', async () => {
    peer.tamper = 'altered-attribute';
    const { page } = await e.newPage();
    await toSamlIdp(page);
    await page.getByRole('button', { name: 'Logga in som adfs-sofia' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Inloggningen via din organisation misslyckades' })
      .waitFor();
    expect(new URL(page.url()).search).toBe('?code=sso_token_invalid');
    await page.getByText('Svaret från inloggningstjänsten kunde inte godkännas', { exact: false }).waitFor();
    await expectAccessible(page, 'SSO error page after a tampered assertion');
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me).toBe(401);
  });
});
