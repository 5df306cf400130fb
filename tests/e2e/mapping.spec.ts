import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const LOCK = 'Digitala lås (nyckelfri hemtjänst)';

describe('welfare technology in a municipality', () => {
  it('the Falun coordinator records digital locks on a phone; the region sees it and cannot change it', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.falun');
    await page.goto('/kommuner/2080');
    await page.getByRole('heading', { level: 1, name: 'Falun' }).waitFor();
    await page.getByRole('link', { name: 'Välfärdsteknik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Välfärdsteknik i Falun' }).waitFor();
    const table = page.getByRole('table', { name: 'Välfärdsteknik i Falun' });
    await table.getByRole('row', { name: new RegExp(LOCK.replace(/[()]/g, '\\$&')) }).waitFor();
    await expectAccessible(page, 'technologies of Falun');

    await page.getByRole('button', { name: `Ändra: ${LOCK}` }).click();
    await page.getByRole('heading', { level: 2, name: `Ändra: ${LOCK}` }).waitFor();
    // Without a status the summary says so.
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('link', { name: 'Läge: Uppgiften måste fyllas i.' }).waitFor();
    await expectAccessible(page, 'technology form with an error');

    await page.getByLabel('Läge').selectOption({ label: 'I drift' });
    await page.getByLabel('Sedan').fill('2024-03-01');
    await page.getByLabel('Antal som använder tekniken nu').fill('120');
    await page.getByLabel('Antal som skulle kunna ha nytta av den').fill('400');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(`${LOCK} är sparad.`).waitFor();
    // The form closes on saving; focus is on the saved message, not on the page body.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe(`${LOCK} är sparad.`);
    const row = table.getByRole('row', { name: new RegExp(LOCK.replace(/[()]/g, '\\$&')) });
    await row.getByText('I drift').waitFor();
    await row.getByText('120 av 400 (30 %)').waitFor();
    await expectAccessible(page, 'technologies of Falun after saving');

    // Many at once from a CSV: a bad row refuses the file and says which; a good file is applied.
    const csv = (text: string) => ({ name: 'teknik.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page
      .getByLabel('CSV-fil', { exact: true })
      .setInputFiles(csv('teknik;läge\nSpisvakt;I drift\nTeleportering;Planerat\n'));
    await page.getByRole('button', { name: 'Uppdatera från filen' }).click();
    await page.getByText('Rad 3: Tekniken finns inte i katalogen.').waitFor();
    await expectAccessible(page, 'CSV refused with row problems');
    await page
      .getByLabel('CSV-fil', { exact: true })
      .setInputFiles(csv('teknik;läge;användare;möjliga användare\nSpisvakt;I drift;40;50\n'));
    await page.getByRole('button', { name: 'Uppdatera från filen' }).click();
    await page.getByText('Filen är inläst och uppgifterna sparade.').waitFor();
    await table
      .getByRole('row', { name: /^Spisvakt/ })
      .getByText('40 av 50 (80 %)')
      .waitFor();

    const region = await e.newPage();
    await loginAs(region.page, 'region.dalarna');
    await region.page.goto('/kommuner/2080/valfardsteknik');
    await region.page.getByRole('heading', { level: 1, name: 'Välfärdsteknik i Falun' }).waitFor();
    await region.page.getByText('120 av 400 (30 %)').waitFor();
    expect(await region.page.getByRole('button', { name: /^Ändra/ }).count()).toBe(0);
    await expectAccessible(region.page, 'technologies of Falun, read by the region');

    // The region's matrix: every Dalarna municipality × technology, the status in words.
    await region.page.goto('/kommuner/2080');
    await region.page.getByRole('link', { name: 'Region Dalarna' }).first().click();
    await region.page.getByRole('heading', { level: 1, name: 'Region Dalarna' }).waitFor();
    await region.page.getByRole('link', { name: 'Välfärdsteknik per kommun' }).click();
    const matrix = region.page.getByRole('table', { name: 'Välfärdsteknik per kommun i Region Dalarna' });
    await matrix.waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(15);
    await matrix
      .getByRole('row', { name: /^Falun/ })
      .getByText('I drift (30 %)')
      .waitFor();
    await expectAccessible(region.page, 'adoption matrix of Region Dalarna');
  });

  it('the Dalarna coordinator colours the map by use, reads its table, and finds the gaps', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna');
    await followMenu(page, 'Kartläggning', 'Välfärdsteknik');
    await page.getByRole('table', { name: 'Välfärdsteknik per kommun i Region Dalarna' }).waitFor();
    const views = page.getByRole('navigation', { name: 'Vyer' });
    await views.getByRole('link', { name: 'Karta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karta: välfärdsteknik i Region Dalarna' }).waitFor();
    const map = page.getByRole('img', { name: /^Karta över Region Dalarna/ });
    await map.waitFor();
    expect(await map.locator('path').count()).toBe(15);
    await expectAccessible(page, 'map of Region Dalarna by status');

    // "Available but barely used": camera night supervision in Ludvika reaches 14 of 380.
    await page
      .getByLabel('Färga efter')
      .selectOption({ label: 'Användning av en teknik (andel av möjliga användare)' });
    await page.getByLabel('Teknik', { exact: true }).selectOption({ label: 'Digital nattillsyn (kamera)' });
    const table = page.getByRole('table', { name: /^Kartans uppgifter: Användning av en teknik/ });
    await table
      .getByRole('row', { name: /^Ludvika/ })
      .getByText('14 av 380 (4 %)')
      .waitFor();
    await expectAccessible(page, 'map of Region Dalarna by use rate');
    await page.getByLabel('Färga efter').selectOption({ label: 'Antal tekniker i drift' });
    await page.getByRole('table', { name: 'Kartans uppgifter: Antal tekniker i drift' }).waitFor();
    expect(await page.getByLabel('Teknik', { exact: true }).count()).toBe(0);

    await views.getByRole('link', { name: 'Luckor' }).click();
    const gaps = page.getByRole('table', { name: 'Luckor per kommun i Region Dalarna' });
    await gaps.getByRole('row', { name: /^Orsa/ }).getByText('Gamla eller inga uppgifter').waitFor();
    await expectAccessible(page, 'gaps of Region Dalarna');
    const csv = page.getByRole('link', { name: 'Ladda ner som CSV' });
    expect(await csv.getAttribute('href')).toBe('/api/v1/adoption/export?format=csv&region=20&lang=sv');
    const download = page.waitForEvent('download');
    await csv.click();
    expect((await download).suggestedFilename()).toMatch(
      /^valfardsteknik-per-kommun-region-dalarna-.*\.csv$/,
    );
  });

  it('the national administrator adds a technology to the catalogue; others only read it', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'admin');
    await page.goto('/valfardsteknik/katalog');
    await page.getByRole('heading', { level: 1, name: 'Teknikkatalog' }).waitFor();
    await page.getByRole('button', { name: 'Lägg till en teknik' }).click();
    await page.getByRole('heading', { level: 2, name: 'Lägg till en teknik' }).waitFor();
    await page.getByLabel('Nyckel', { exact: true }).fill('Smart Säng');
    await page.getByLabel('Kategori').selectOption({ label: 'Hälsa och läkemedel' });
    await page.getByLabel('Namn på svenska').fill('Smart säng');
    await page.getByLabel('Namn på engelska').fill('Smart bed');
    await page.getByLabel('Beskrivning på svenska').fill('En säng som larmar när någon lämnar den nattetid.');
    await page
      .getByLabel('Beskrivning på engelska')
      .fill('A bed that alerts staff when someone leaves it at night.');
    await page.getByRole('button', { name: 'Spara' }).click();
    // The key must be lower-case: the server says so at the field.
    await page.locator('.ds-error-summary').getByRole('link').first().waitFor();
    await expectAccessible(page, 'catalogue form with an error');
    await page.getByLabel('Nyckel', { exact: true }).fill('smart-sang');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Smart säng är sparad.').waitFor();
    await page
      .getByRole('table', { name: 'Välfärdstekniker i katalogen' })
      .getByRole('row', { name: /^Smart säng/ })
      .waitFor();
    await expectAccessible(page, 'technology catalogue');

    const staff = await e.newPage();
    await loginAs(staff.page, 'region.dalarna');
    await staff.page.goto('/valfardsteknik/katalog');
    await staff.page.getByRole('row', { name: /^Smart säng/ }).waitFor();
    expect(await staff.page.getByRole('button', { name: 'Lägg till en teknik' }).count()).toBe(0);
  });

  it('the national administrator narrows the country view to a region, keeping the chosen measure', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'admin');
    await followMenu(page, 'Kartläggning', 'Välfärdsteknik');
    await page.getByRole('heading', { level: 1, name: 'Välfärdsteknik i Sverige' }).waitFor();
    await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Karta' }).click();
    await page.getByLabel('Färga efter').selectOption({ label: 'Antal tekniker i drift' });
    await page.getByLabel('Område').selectOption({ label: 'Region Dalarna' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Karta: välfärdsteknik i Region Dalarna' }).waitFor();
    await page.getByRole('table', { name: 'Kartans uppgifter: Antal tekniker i drift' }).waitFor();
    expect(await page.locator('.adoption-map path').count()).toBe(15);
    await expectAccessible(page, 'map with the area picker');
  });
});
