import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * The municipal coordinator connects the HR system: creates a SCIM token, copies it and the SCIM
 * address, sees that the system used it, and revokes it when the system is replaced.
 */

let e: E2E;
let falunId: string;

beforeAll(async () => {
  e = await startE2E();
  const api = await e.t.as('samordnare.falun');
  falunId = (await api.get('/api/v1/municipalities/2080')).json<{ id: string }>().id;
});
afterAll(() => e?.close());

const scimGet = (token: string) =>
  fetch(`${e.baseUrl}/scim/v2/Users?filter=${encodeURIComponent('userName eq "nobody"')}`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe('SCIM tokens', () => {
  it('are created (shown once), used by the HR system and revoked by the coordinator', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto(`/organisationer/${falunId}/inloggning`);
    await page.getByRole('link', { name: 'SCIM-token för personalsystem' }).click();
    await page.getByRole('heading', { level: 1, name: 'SCIM-token för Falun' }).waitFor();
    await page.getByText('Inga token ännu.').waitFor();

    // An empty label is explained, with focus on the error summary.
    await page.getByRole('button', { name: 'Skapa token' }).click();
    await page.getByRole('link', { name: 'Benämning: Uppgiften måste fyllas i.' }).waitFor();

    await page.getByLabel('Benämning', { exact: true }).fill('HR-systemet Heroma');
    await page.getByRole('button', { name: 'Skapa token' }).click();
    const heading = page.getByRole('heading', { name: 'Token ”HR-systemet Heroma” är skapat' });
    await heading.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toContain('HR-systemet Heroma');
    const token = (await page.getByTestId('scim-token').textContent())!.trim();
    expect(token).toMatch(/^vnscim_/);
    // PUBLIC_URL + /scim/v2 (the test server keeps the default PUBLIC_URL).
    expect((await page.getByTestId('scim-base-url').textContent())!.trim()).toMatch(
      /^https?:\/\/[^/]+\/scim\/v2$/,
    );
    await page.getByRole('button', { name: 'Kopiera token' }).waitFor();
    await expectAccessible(page, 'SCIM token just created');

    // The HR system uses it; the list shows that it has been used.
    expect((await scimGet(token)).status).toBe(200);
    await page.getByRole('button', { name: 'Jag har sparat token' }).click();
    await expect.poll(() => page.getByTestId('scim-token').count()).toBe(0);
    await page.reload();
    const row = page
      .getByRole('table', { name: 'Organisationens SCIM-token' })
      .getByRole('row', { name: /HR-systemet Heroma/ });
    await row.getByText('Aktivt').waitFor();
    expect(await row.getByText('Aldrig').count()).toBe(0);

    // Revoking asks once more; afterwards the token no longer works.
    await row.getByRole('button', { name: 'Återkalla token HR-systemet Heroma' }).click();
    const yes = row.getByRole('button', { name: 'Ja, återkalla' });
    await yes.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, återkalla');
    await expectAccessible(page, 'SCIM token revoke confirmation');
    await yes.click();
    await page.getByText('Token ”HR-systemet Heroma” är återkallat.').waitFor();
    await row.getByText(/^Återkallat/).waitFor();
    expect((await scimGet(token)).status).toBe(401);
  });
});
