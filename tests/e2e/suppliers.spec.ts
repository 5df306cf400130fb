import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { withCheckDigit } from '../../src/shared/contracts/suppliers.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * The national supplier register (issue 17), as the people who use it: the Dalarna regional
 * coordinator adds a supplier (a wrong check digit first, and the form names the field), adds a
 * product and merges a duplicate entered by mistake; a care worker reads the register on a phone and
 * at a desk. axe on every page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const main = (page: Page) => page.getByRole('main');
const NAME = 'Nattugglan Omsorgsteknik AB';
const GOOD = withCheckDigit('559222333');
const WRONG = `${GOOD.slice(0, -1)}${(Number(GOOD.at(-1)) + 1) % 10}`;

const fitsScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('the supplier register', () => {
  it('the regional coordinator adds a supplier, corrects a wrong check digit and adds a product', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await followMenu(page, 'Stöd och upphandling', 'Leverantörer');
    await page.getByRole('heading', { level: 1, name: 'Leverantörer' }).waitFor();
    await main(page).getByRole('link', { name: 'Exempelbolaget Trygghet AB' }).waitFor();
    await expectAccessible(page, 'supplier list, regional coordinator');

    await main(page).getByRole('link', { name: 'Lägg till leverantör' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny leverantör' }).waitFor();
    await main(page).getByLabel('Namn', { exact: true }).fill(NAME);
    await main(page).getByLabel('Organisationsnummer').fill(WRONG);
    await main(page).getByLabel('Digital nattillsyn (kamera)').check();
    await main(page).getByRole('button', { name: 'Lägg till kontaktperson' }).click();
    await main(page).getByLabel('Namn, kontaktperson 1').fill('Ulla Uggla');
    await main(page).getByLabel('E-post, kontaktperson 1').fill('ulla@nattugglan.example');
    await main(page).getByRole('button', { name: 'Lägg till leverantören' }).click();
    await main(page)
      .locator('.error-summary')
      .getByRole('link', {
        name: 'Organisationsnummer: Organisationsnumret stämmer inte: kontrollsiffran (den sista) är fel.',
      })
      .waitFor();
    await expectAccessible(page, 'new supplier with a wrong check digit');
    const [none] = await queryRows<{ n: number }>(
      e.t.db,
      sql`select count(*)::int as n from suppliers where name = ${NAME}`,
    );
    expect(none?.n).toBe(0);

    await main(page).getByLabel('Organisationsnummer').fill(GOOD);
    await main(page).getByRole('button', { name: 'Lägg till leverantören' }).click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await main(page).getByText(GOOD).waitFor();
    await main(page).getByText('Ulla Uggla').waitFor();

    await main(page).getByRole('button', { name: 'Lägg till produkt' }).click();
    await main(page).getByLabel('Produktnamn').fill('Ugglan Nattkamera');
    await main(page)
      .getByRole('group', { name: 'Tekniker' })
      .getByLabel('Digital nattillsyn (kamera)')
      .check();
    await main(page).getByLabel('EN 301 549 (tillgänglighet)').check();
    await main(page).getByLabel('Interoperabilitet och dataexport').fill('Tillsynslogg som CSV.');
    await main(page).getByRole('button', { name: 'Lägg till produkten' }).click();
    await main(page).getByText('Produkten Ugglan Nattkamera är tillagd.').waitFor();
    await main(page).getByRole('heading', { level: 3, name: 'Ugglan Nattkamera' }).waitFor();
    await expectAccessible(page, 'supplier page with a new product');
  });

  it('the regional coordinator merges a duplicate after a confirm step, at 360 px', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.goto('/leverantorer?q=exempelbolaget');
    await main(page).getByRole('link', { name: 'Exempelbolaget Trygghet AB' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exempelbolaget Trygghet AB' }).waitFor();

    const merge = main(page).getByRole('region', { name: 'Slå samman med en dubblett' });
    await merge.getByLabel('Dubblettens namn eller organisationsnummer').fill('dubblett');
    await merge.getByRole('button', { name: 'Sök', exact: true }).click();
    await merge.getByLabel('Exempelbolaget Trygghet (dubblett) (559100-0129)').check();
    await merge.getByRole('button', { name: 'Fortsätt' }).click();
    await merge.getByText('Du slår samman Exempelbolaget Trygghet (dubblett)', { exact: false }).waitFor();
    await expectAccessible(page, 'merge confirm step at 360px');
    expect(await fitsScreen(page)).toBe(true);
    await merge.getByRole('button', { name: 'Slå samman' }).click();
    await merge
      .getByText('Exempelbolaget Trygghet (dubblett) är sammanslagen med den här leverantören.')
      .waitFor();
    await main(page).getByRole('heading', { level: 3, name: 'Trygghetslarm Exempel Bas' }).waitFor();
    await expectAccessible(page, 'supplier after the merge at 360px');

    const [dup] = await queryRows<{ merged_into: string | null }>(
      e.t.db,
      sql`select merged_into from suppliers where name = 'Exempelbolaget Trygghet (dubblett)'`,
    );
    expect(dup?.merged_into).toBeTruthy();
    await page.goto('/leverantorer?q=dubblett');
    await main(page).getByText('Inga leverantörer matchar.').waitFor();
  });

  it('a care worker reads the register and filters it by technology, on a phone and at a desk', async () => {
    for (const width of [360, 1280]) {
      const { page } = await e.newPage({ width });
      await loginAs(page, 'personal.falun', 'Amir Haddad');
      // Not in a care worker's menu (coordinators' work), but open to her, e.g. from a link.
      await page.goto('/leverantorer');
      await page.getByRole('heading', { level: 1, name: 'Leverantörer' }).waitFor();
      expect(await main(page).getByRole('link', { name: 'Lägg till leverantör' }).count()).toBe(0);
      await main(page).getByLabel('Teknik', { exact: true }).selectOption({ label: 'Läkemedelsautomat' });
      await main(page).getByRole('link', { name: 'Dosfabriken Demo AB' }).waitFor();
      await expect.poll(() => main(page).getByRole('link', { name: 'Låsbolaget Fiktiv AB' }).count()).toBe(0);
      expect(await fitsScreen(page)).toBe(true);
      await expectAccessible(page, `supplier list filtered, care worker at ${width}px`);

      await main(page).getByRole('link', { name: 'Dosfabriken Demo AB' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dosfabriken Demo AB' }).waitFor();
      await main(page).getByRole('heading', { level: 3, name: 'Dosa Demo 2' }).waitFor();
      expect(await main(page).getByRole('link', { name: 'Ändra uppgifter och kontakter' }).count()).toBe(0);
      expect(
        await main(page)
          .getByRole('button', { name: /^Ändra/ })
          .count(),
      ).toBe(0);
      expect(await fitsScreen(page)).toBe(true);
      await expectAccessible(page, `supplier page, care worker at ${width}px`);
    }
  });
});
