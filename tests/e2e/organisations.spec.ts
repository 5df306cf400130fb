import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Browsing the organisations of Sweden: nation → region → municipality → unit, the list of all 290
 * municipalities, an association, and a coordinator adding a unit. On a desktop and on a phone.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const swedish = new Intl.Collator('sv');

const main = (page: Page) => page.getByRole('main');

async function settled(page: Page) {
  await expect.poll(() => main(page).getByText('Laddar …').count(), { timeout: 10_000 }).toBe(0);
}

/** The names in a table's row headers (the first column), in display order. */
async function rowNames(table: Locator): Promise<string[]> {
  await table.locator('tbody tr').first().waitFor();
  return (await table.locator('tbody th[scope=row] a').allTextContents()).map((s) => s.trim());
}

const dalarna = [
  'Avesta',
  'Borlänge',
  'Falun',
  'Gagnef',
  'Hedemora',
  'Leksand',
  'Ludvika',
  'Malung-Sälen',
  'Mora',
  'Orsa',
  'Rättvik',
  'Smedjebacken',
  'Säter',
  'Vansbro',
  'Älvdalen',
];

describe('browsing from Sverige down to a unit', () => {
  it('goes Sverige → Region Dalarna → Falun → Hemtjänsten Norr', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');

    await followMenu(page, 'Administration', 'Organisationer');
    await page.getByRole('heading', { level: 1, name: 'Sveriges organisationer' }).waitFor();
    const regions = main(page).getByRole('table', { name: 'Regioner' });
    const regionNames = await rowNames(regions);
    expect(regionNames).toHaveLength(21);
    expect(regionNames).toContain('Region Dalarna');
    expect(regionNames).toContain('Västra Götalandsregionen');
    await main(page).getByRole('link', { name: 'Akademi Norr' }).waitFor();
    await expectAccessible(page, 'Sverige');

    await regions.getByRole('link', { name: 'Region Dalarna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Region Dalarna' }).waitFor();
    const municipalities = main(page).getByRole('table', { name: 'Kommuner i Region Dalarna' });
    const names = await rowNames(municipalities);
    expect(names).toEqual(dalarna);
    expect([...names].sort(swedish.compare)).toEqual(names);
    await main(page)
      .getByRole('navigation', { name: 'Du är här' })
      .getByRole('link', { name: 'Organisationer' })
      .waitFor();
    await expectAccessible(page, 'Region Dalarna');

    await municipalities.getByRole('link', { name: 'Falun', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Falun' }).waitFor();
    await settled(page);
    const facts = main(page).getByRole('region', { name: 'Uppgifter' });
    await facts.getByText('2080').waitFor();
    await facts.getByRole('link', { name: 'Region Dalarna' }).waitFor();
    expect(await main(page).getByText('Modellkommun').count()).toBe(0);
    expect(
      await main(page)
        .getByText(/modellkommuner för välfärdsteknik/)
        .count(),
    ).toBe(0);
    const associations = main(page).getByRole('region', { name: 'Ingår i samverkan' });
    await associations.getByText('Inga samverkansorganisationer.').waitFor();
    const units = main(page).getByRole('table', { name: 'Enheter i Falun' });
    expect(await rowNames(units)).toEqual([
      'Hemtjänsten Norr',
      'Hemtjänsten Söder',
      'Lugnets vård- och omsorgsboende',
    ]);
    await units
      .getByRole('row', { name: /Lugnets vård- och omsorgsboende/ })
      .getByText('Särskilt boende')
      .waitFor();
    const trail = main(page).getByRole('navigation', { name: 'Du är här' });
    expect((await trail.getByRole('listitem').allTextContents()).map((s) => s.trim())).toEqual([
      'Organisationer',
      'Region Dalarna',
      'Falun',
    ]);
    await expectAccessible(page, 'Falun');

    await units.getByRole('link', { name: 'Hemtjänsten Norr' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hemtjänsten Norr' }).waitFor();
    await settled(page);
    await main(page).getByText('Enhet', { exact: true }).first().waitFor();
    await main(page).getByText('Hemtjänst', { exact: true }).first().waitFor();
    const unitFacts = main(page).getByRole('region', { name: 'Uppgifter' });
    await unitFacts.getByRole('link', { name: 'Falun' }).waitFor();
    await unitFacts.getByRole('link', { name: 'Region Dalarna' }).waitFor();
    await main(page)
      .getByRole('table', { name: 'Personer i Hemtjänsten Norr' })
      .getByText('Sara Holmgren')
      .waitFor();
    await expectAccessible(page, 'unit Hemtjänsten Norr');

    await trail.getByRole('link', { name: 'Falun' }).click();
    await page.getByRole('heading', { level: 1, name: 'Falun' }).waitFor();
  });

  it('shows a model municipality with its flag and an association with its member municipalities', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');

    await page.goto('/organisationer');
    await main(page).getByRole('link', { name: 'Akademi Norr' }).click();
    await page.getByRole('heading', { level: 1, name: 'Akademi Norr' }).waitFor();
    await main(page).getByText('Samverkan', { exact: true }).first().waitFor();
    const members = main(page).getByRole('table', { name: 'Medlemskommuner i Akademi Norr' });
    const names = await rowNames(members);
    expect(names).toHaveLength(11);
    expect(names).toContain('Kramfors');
    expect(names).toContain('Storuman');
    expect([...names].sort(swedish.compare)).toEqual(names);
    // Kramfors is one of SKR's model municipalities; the flag shows in the table.
    await members
      .getByRole('row', { name: /Kramfors/ })
      .getByText('Modellkommun')
      .waitFor();
    await expectAccessible(page, 'association Akademi Norr');

    await members.getByRole('link', { name: 'Kramfors' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kramfors' }).waitFor();
    await main(page)
      .getByRole('region', { name: 'Ingår i samverkan' })
      .getByRole('link', { name: 'Akademi Norr' })
      .waitFor();
    await main(page).getByText('Kramfors är en av SKR:s modellkommuner för välfärdsteknik.').waitFor();
  });
});

describe('the list of municipalities', () => {
  it('shows all 290 and finds Övertorneå, a model municipality', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await followMenu(page, 'Administration', 'Kommuner');
    await page.getByRole('heading', { level: 1, name: 'Kommuner' }).waitFor();
    await main(page).getByText('290 kommuner visas').waitFor();
    const table = main(page).getByRole('table', { name: 'Kommuner' });
    const names = await rowNames(table);
    expect(names).toHaveLength(290);
    expect(names[0]).toBe('Ale');
    expect(names.at(-1)).toBe('Övertorneå');
    expect([...names].sort(swedish.compare)).toEqual(names);
    await expectAccessible(page, 'all municipalities');

    await main(page).getByRole('searchbox', { name: 'Sök kommun' }).fill('Övertorneå');
    await main(page).getByText('1 kommun visas').waitFor();
    await page.waitForURL(/q=%C3%96vertorne%C3%A5|q=Övertorneå/);
    const row = table.getByRole('row', { name: /Övertorneå/ });
    await row.getByText('2518').waitFor();
    await row.getByText('Norrbottens län').waitFor();
    await row.getByText('Modellkommun').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page, 'search for Övertorneå');

    await main(page).getByRole('searchbox', { name: 'Sök kommun' }).fill('xyz-ingen-kommun');
    await page.waitForURL((u) => u.searchParams.get('q') === 'xyz-ingen-kommun');
    await main(page).getByText('Ingen kommun matchar sökningen.').waitFor();

    // The filters live in the URL; each change waits for the URL before the next one.
    await main(page).getByRole('searchbox', { name: 'Sök kommun' }).fill('');
    await page.waitForURL((u) => !u.searchParams.has('q'));
    await main(page).getByLabel('Län', { exact: true }).selectOption({ label: 'Dalarnas län' });
    await page.waitForURL((u) => u.searchParams.get('lan') === '20');
    await main(page).getByText('15 kommuner visas').waitFor();
    expect(await rowNames(table)).toEqual(dalarna);

    await main(page).getByLabel('Län', { exact: true }).selectOption({ label: 'Alla län' });
    await page.waitForURL((u) => !u.searchParams.has('lan'));
    await main(page).getByRole('searchbox', { name: 'Sök kommun' }).fill('Övertorneå');
    await main(page).getByText('1 kommun visas').waitFor();
    await table.getByRole('link', { name: 'Övertorneå' }).click();
    await page.getByRole('heading', { level: 1, name: 'Övertorneå' }).waitFor();
    await main(page).getByText('Övertorneå är en av SKR:s modellkommuner för välfärdsteknik.').waitFor();
    // Falun's coordinator has no role in Norrbotten: no people, units or actions offered.
    await settled(page);
    expect(await main(page).getByRole('link', { name: 'Visa personer' }).count()).toBe(0);
    expect(await main(page).getByRole('link', { name: 'Lägg till enhet' }).count()).toBe(0);
    await expectAccessible(page, 'model municipality Övertorneå');
  });
});

describe('adding a unit', () => {
  it('lets the Falun coordinator add a unit and see it listed', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto('/kommuner/2080');
    await page.getByRole('heading', { level: 1, name: 'Falun' }).waitFor();
    await main(page).getByRole('link', { name: 'Lägg till enhet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägg till enhet i Falun' }).waitFor();
    await expectAccessible(page, 'add unit form');

    // Too short a name is explained in the error summary and nothing is created.
    await main(page).getByLabel('Enhetens namn').fill('Å');
    await main(page).getByRole('button', { name: 'Lägg till enhet' }).click();
    await main(page).getByText('Rätta följande för att fortsätta').waitFor();
    await main(page).getByRole('link', { name: 'Enhetens namn: Texten är för kort.' }).waitFor();
    await expectAccessible(page, 'add unit form with an error');

    await main(page).getByLabel('Enhetens namn').fill('Åsgårdens dagverksamhet');
    await main(page).getByLabel('Typ av enhet').selectOption({ label: 'Funktionsstöd' });
    await main(page).getByRole('button', { name: 'Lägg till enhet' }).click();
    await main(page).getByText('Enheten Åsgårdens dagverksamhet är tillagd.').waitFor();
    expect(await main(page).getByText('Rätta följande för att fortsätta').count()).toBe(0);
    await expectAccessible(page, 'unit added');

    await main(page).getByRole('link', { name: 'Tillbaka' }).click();
    await page.getByRole('heading', { level: 1, name: 'Falun' }).waitFor();
    const units = main(page).getByRole('table', { name: 'Enheter i Falun' });
    expect(await rowNames(units)).toEqual([
      'Hemtjänsten Norr',
      'Hemtjänsten Söder',
      'Lugnets vård- och omsorgsboende',
      'Åsgårdens dagverksamhet',
    ]);
    await units
      .getByRole('row', { name: /Åsgårdens dagverksamhet/ })
      .getByText('Funktionsstöd')
      .waitFor();
    await units.getByRole('link', { name: 'Åsgårdens dagverksamhet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Åsgårdens dagverksamhet' }).waitFor();
    await main(page).getByText('Inga personer matchar.').waitFor();
  });
});

describe('on a 360-pixel phone', () => {
  it('navigates with the menu button and browses without horizontal scrolling of the page', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.borlange', 'Johan Berglund');
    const menu = page.getByRole('button', { name: 'Meny' });
    await menu.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.getByRole('link', { name: 'Kommuner' }).isVisible()).toBe(false);
    await expectAccessible(page, 'start page at 360px');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('button', { name: 'Administration' }).click();
    await nav.getByRole('link', { name: 'Kommuner' }).waitFor();
    await expectAccessible(page, 'open menu at 360px');
    await nav.getByRole('link', { name: 'Kommuner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommuner' }).waitFor();
    // The menu closes after navigating.
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await main(page).getByText('290 kommuner visas').waitFor();
    await main(page).getByRole('searchbox', { name: 'Sök kommun' }).fill('Övertorneå');
    await main(page).getByText('1 kommun visas').waitFor();
    await expectAccessible(page, 'municipality search at 360px');

    // Reopened, the menu shows the current page's group open.
    await menu.click();
    await nav.getByRole('link', { name: 'Organisationer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sveriges organisationer' }).waitFor();
    await main(page)
      .getByRole('table', { name: 'Regioner' })
      .getByRole('link', { name: 'Region Dalarna' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Region Dalarna' }).waitFor();
    await main(page)
      .getByRole('table', { name: 'Kommuner i Region Dalarna' })
      .getByRole('link', { name: 'Borlänge' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Borlänge' }).waitFor();
    await main(page).getByRole('table', { name: 'Enheter i Borlänge' }).waitFor();
    await settled(page);
    await expectAccessible(page, 'Borlänge at 360px');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'page wider than the phone').toBeLessThanOrEqual(0);
  });
});
