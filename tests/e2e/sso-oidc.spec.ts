import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, startE2E } from '../support/browser.ts';

/**
 * A newcomer in demo mode: login page → "Logga in med din organisation" → "Borlänge" → "Logga in som …"
 * on the demo OIDC provider's own page = signed in, in three clicks. And a sign-in cancelled at the
 * IdP ends on the readable SSO error page. Logging out ends the session at the IdP too.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ demoIdp: true });
});
afterAll(() => e?.close());

async function toDemoIdp(page: Awaited<ReturnType<E2E['newPage']>>['page']) {
  await page.goto('/logga-in');
  await page.getByRole('link', { name: 'Logga in med din organisation' }).click();
  await page.getByRole('link', { name: 'Borlänge', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Logga in hos Borlänge kommun' }).waitFor();
}

describe('sign-in through the demo OIDC provider for Borlänge', () => {
  it('takes three clicks from the login page to being signed in as the care worker', async () => {
    const { page } = await e.newPage();
    await toDemoIdp(page);
    await expectAccessible(page, 'demo IdP login page');
    await page.getByRole('button', { name: /^Logga in som Amira Haddad/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Amira Haddad!' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.memberships).toEqual([
      expect.objectContaining({ organisationName: 'Hemtjänsten Tjärna Ängar', role: 'staff' }),
    ]);

    // Logging out ends the session at the IdP too (RP-initiated logout), then back to our login page.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga ut från Borlänge kommun?' }).waitFor();
    await expectAccessible(page, 'demo IdP logout page');
    await page.getByRole('button', { name: 'Ja, logga ut' }).click();
    await page.waitForURL(/\/logga-in$/);
    expect(await page.evaluate(async () => (await fetch('/api/v1/me')).status)).toBe(401);
  });

  it('links the sign-in to the account a coordinator invited with the same e-mail', async () => {
    const coordinator = await e.t.as('samordnare.borlange');
    const [borlange] = await queryRows<{ id: string }>(
      e.t.db,
      sql`select id from organisations where kind = 'municipality' and code = '2081'`,
    );
    const invited = await coordinator.post('/api/v1/invitations', {
      email: 'johan.ekstrom@borlange.demo.valfardsnavet.se',
      name: 'Johan Ekström',
      organisationId: borlange!.id,
      role: 'staff',
    });
    expect(invited.statusCode).toBe(201);

    const { page } = await e.newPage();
    await toDemoIdp(page);
    await page.getByRole('button', { name: /^Logga in som Johan Ekström/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Johan Ekström!' }).waitFor();
    await expectAccessible(page, 'start page after a linked SSO sign-in');
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    const accounts = await queryRows<{ id: string; status: string }>(
      e.t.db,
      sql`select id, status from users where email = 'johan.ekstrom@borlange.demo.valfardsnavet.se'`,
    );
    // One person: the invited account, now active, with the invitation's membership kept and the
    // IdP's unit manager role at the unit the mapping names added.
    expect(accounts).toEqual([{ id: me.id, status: 'active' }]);
    expect(me.memberships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisationName: 'Borlänge', role: 'staff' }),
        expect.objectContaining({
          organisationName: 'Kvarnsvedens vård- och omsorgsboende',
          role: 'manager',
        }),
      ]),
    );
  });

  it('shows a readable error page when the sign-in is cancelled at the IdP', async () => {
    const { page } = await e.newPage();
    await toDemoIdp(page);
    await page.getByRole('link', { name: 'Avbryt och gå tillbaka till Välfärdsnavet' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Inloggningen via din organisation misslyckades' })
      .waitFor();
    await page.getByText('Din organisations inloggningstjänst avbröt eller nekade inloggningen.').waitFor();
    expect(new URL(page.url()).search).toBe('?code=sso_idp_refused');
    await expectAccessible(page, 'SSO error page');
    await page.getByRole('link', { name: 'Logga in med din organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in med din organisation' }).waitFor();
  });
});
