import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * A care worker without work e-mail: the unit manager creates the account and sees the code and the
 * QR code; the care worker opens the QR code's link on a phone, chooses a password and is signed in.
 */

let e: E2E;
let norrId = '';

beforeAll(async () => {
  e = await startE2E();
  const [norr] = await queryRows<{ id: string }>(
    e.t.db,
    sql`select id from organisations where name = 'Hemtjänsten Norr' and kind = 'unit'`,
  );
  norrId = norr!.id;
});
afterAll(() => e?.close());

describe('an account without e-mail', () => {
  it('is created by the unit manager and activated by the care worker from the QR link', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'chef.falun', 'Sara Holmgren');
    await page.goto(`/organisationer/${norrId}`);
    await page.getByRole('main').getByRole('link', { name: 'Konton utan e-post' }).click();
    await page.getByRole('heading', { level: 1, name: 'Konton utan e-post – Hemtjänsten Norr' }).waitFor();

    await page.getByLabel('Namn', { exact: true }).fill('Dragan Petrović');
    await page.getByLabel('Användarnamn', { exact: true }).fill('Dragan.P');
    await page.getByRole('button', { name: 'Skapa konto och kod' }).click();
    const sheet = page.getByRole('region', { name: 'Aktiveringskod för Dragan Petrović' });
    await sheet.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('activation-sheet-heading');
    const code = (await sheet.getByTestId('activation-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const qr = sheet.getByRole('img', { name: 'QR-kod som öppnar aktiveringen för Dragan Petrović' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await sheet.getByText('dragan.p', { exact: true }).waitFor();
    await sheet.getByRole('button', { name: 'Skriv ut' }).waitFor();
    const row = page.getByRole('table', { name: 'Aktiveringskoder, senaste först' }).getByRole('row', {
      name: /Dragan Petrović/,
    });
    await row.getByText('Öppen').waitFor();
    await expectAccessible(page, 'activation codes of Hemtjänsten Norr');

    // The care worker scans the QR code with a phone: a new browser, 360 px wide.
    const phone = (await e.newPage({ width: 360, height: 740 })).page;
    await phone.goto(`/aktivera?kod=${code}`);
    await phone.getByRole('heading', { level: 2, name: 'Hej Dragan Petrović!' }).waitFor();
    expect(new URL(phone.url()).search).toBe('');
    expect(await phone.getByLabel('Ditt användarnamn').inputValue()).toBe('dragan.p');
    await expectAccessible(phone, 'activation at 360 px');
    await phone.getByLabel('Välj lösenord', { exact: true }).fill('Kanelbullar till fikat 42');
    await phone.getByLabel('Upprepa lösenordet', { exact: true }).fill('Kanelbullar till fikat 42');
    await phone.getByRole('button', { name: 'Aktivera och logga in' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Klart! Du är inloggad' }).waitFor();
    expect(
      await phone.getByRole('link', { name: 'Använd fingeravtryck nästa gång' }).getAttribute('href'),
    ).toBe('/mitt-konto/sakerhet');
    await phone.getByRole('link', { name: 'Gå till startsidan' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Hej Dragan Petrović!' }).waitFor();

    // The manager's list now shows the code as used.
    await page.reload();
    await row.getByText('Använd').waitFor();
  });
});
