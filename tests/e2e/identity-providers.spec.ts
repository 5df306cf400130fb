import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * A municipality's coordinator connects its identity provider with an e-mail domain; from then on the
 * login page offers that provider for addresses on the domain, and the public list of organisations
 * with their own sign-in finds the municipality by search.
 */

let e: E2E;
let falunId: string;

beforeAll(async () => {
  e = await startE2E();
  const api = await e.t.as('samordnare.falun');
  falunId = (await api.get('/api/v1/municipalities/2080')).json<{ id: string }>().id;
});
afterAll(() => e?.close());

describe('identity provider of a municipality', () => {
  let loginUrl: string;

  it('is configured by the coordinator in the identity hub', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto(`/organisationer/${falunId}`);
    await page.getByRole('main').getByRole('link', { name: 'Inloggning och systemkopplingar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggning för Falun' }).waitFor();
    await page.getByRole('link', { name: 'Lägg till identitetsleverantör' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny identitetsleverantör' }).waitFor();
    await expectAccessible(page, 'identity provider form');

    // An empty form names the missing fields in the error summary, which takes the focus.
    await page.getByRole('button', { name: 'Spara' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('error-summary');
    expect(await summary.textContent()).toContain('Utfärdar-URL (issuer): Uppgiften måste fyllas i.');

    await page.getByLabel('Namn', { exact: true }).fill('Falu kommun');
    await page.getByLabel('Utfärdar-URL (issuer)').fill('https://login.microsoftonline.com/falun-e2e/v2.0');
    await page.getByLabel('Klient-id').fill('valfardsnavet-falun');
    await page.getByLabel('Klienthemlighet').fill('hemligt-e2e-värde');
    await page.getByLabel('E-postdomäner').fill('Falun-E2E.se');
    await page.getByRole('button', { name: 'Lägg till regel' }).click();
    await page.getByLabel('Gruppvärde, regel 1').fill('Enhetschefer');
    await page.getByLabel('Roll, regel 1').selectOption({ label: 'Enhetschef' });
    await page.getByRole('button', { name: 'Spara' }).click();

    await page.getByRole('heading', { level: 1, name: 'Ändra Falu kommun' }).waitFor();
    await page.getByText('Identitetsleverantören är sparad.').waitFor();
    await page.getByText('En hemlighet är sparad. Lämna fältet tomt för att behålla den.').waitFor();
    expect(await page.getByLabel('Klienthemlighet').inputValue()).toBe('');
    const redirect = (await page.locator('dd code').first().textContent())!;
    expect(redirect).toMatch(/\/auth\/sso\/[0-9a-f-]+\/callback$/);
    loginUrl = new URL(redirect).pathname.replace(/callback$/, 'login');
    expect(await page.getByLabel('E-postdomäner').inputValue()).toBe('falun-e2e.se');

    await page.getByRole('link', { name: 'Inloggning och systemkopplingar' }).click();
    const row = page.getByRole('row', { name: /Falu kommun/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('falun-e2e.se');
    await expectAccessible(page, 'identity hub');
  });

  it('is offered on the login page for an address on its domain', async () => {
    const { page } = await e.newPage();
    await page.goto('/logga-in');
    await page.getByLabel('E-postadress').fill('anna.lind@falun-e2e.se');
    await page.getByLabel('Lösenord', { exact: true }).focus();
    await page.getByText('Din organisation loggar in med Falu kommun').waitFor();
    const go = page.getByRole('link', { name: 'Fortsätt till Falu kommun' });
    expect(await go.getAttribute('href')).toBe(loginUrl);
    await expectAccessible(page, 'login page with SSO suggestion');

    // Another domain keeps the password login only.
    await page.getByLabel('E-postadress').fill('someone@example.org');
    await page.getByLabel('Lösenord', { exact: true }).focus();
    await expect.poll(() => go.count()).toBe(0);
  });

  it('is found in the list of organisations with their own sign-in', async () => {
    const { page } = await e.newPage();
    await page.goto('/logga-in');
    await page.getByRole('link', { name: 'Logga in med din organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in med din organisation' }).waitFor();
    await page.getByLabel('Sök organisation').fill('falu');
    const falun = page.getByRole('link', { name: 'Falun', exact: true });
    await falun.waitFor();
    expect(await falun.getAttribute('href')).toBe(loginUrl);
    await expectAccessible(page, 'organisation list');
    await page.getByLabel('Sök organisation').fill('ingen sådan ort');
    await page.getByText('Ingen organisation med egen inloggning matchar sökningen.').waitFor();
  });
});
