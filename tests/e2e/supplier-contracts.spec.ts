import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { FALUN_ALARM_CONTRACT_ID } from '../../src/server/db/demo/contracts-demo.ts';
import { DEMO_SUPPLIERS } from '../../src/server/db/demo/suppliers-demo.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * A municipality's contract register (issue 17), as its people use it: Falun's coordinator records a
 * contract (an end before its start first, and the form names the field), uses an extension option,
 * uploads the signed contract and reads the history; the Dalarna coordinator reads Falun's register
 * from the list of the region's municipalities, on a phone. axe on every page, at 360 px too.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const main = (page: Page) => page.getByRole('main');
const TITLE = 'Trygghetslarm Testavtal';
const ALARM_SUPPLIER = DEMO_SUPPLIERS[0]!.id;
const fitsScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** A minimal PDF: checked by its content like every upload. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('the contract register', () => {
  it("Falun's coordinator records a contract, uses an option, uploads the contract and reads the history", async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await followMenu(page, 'Stöd och upphandling', 'Avtal');
    await page.getByRole('heading', { level: 1, name: 'Avtal – Falun' }).waitFor();
    await main(page).getByRole('link', { name: 'Digitala trygghetslarm' }).waitFor();
    await expectAccessible(page, 'Falun contract register');

    await main(page).getByRole('link', { name: 'Nytt avtal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt avtal – Falun' }).waitFor();
    await main(page).getByLabel('Sök leverantör i leverantörsregistret').fill('Exempelbolaget');
    await main(page).getByRole('button', { name: 'Sök', exact: true }).click();
    const supplierSelect = main(page).getByLabel('Leverantör', { exact: true });
    await supplierSelect.locator(`option[value="${ALARM_SUPPLIER}"]`).waitFor({ state: 'attached' });
    await supplierSelect.selectOption(ALARM_SUPPLIER);
    await main(page).getByLabel('Avtalets namn').fill(TITLE);
    await main(page).getByLabel('Upphandlingsform').selectOption({ label: 'Avrop från ramavtal' });
    await main(page).getByLabel('Startdatum').fill('2025-01-01');
    await main(page).getByLabel('Slutdatum').fill('2024-12-31');
    await main(page).getByRole('button', { name: 'Lägg till förlängningsoption' }).click();
    await main(page).getByLabel('Beslut senast, option 1').fill('2026-06-30');
    await main(page).getByLabel('Uppskattat årsvärde (kr)').fill('1 200 000');
    await main(page).getByRole('group', { name: 'Tekniker' }).getByLabel('Digitalt trygghetslarm').check();
    await main(page)
      .getByRole('group', { name: 'Produkter' })
      .getByLabel('Trygghetslarm Exempel Hem')
      .check();
    await main(page).getByLabel('Avtalsansvarig').selectOption({ label: 'Maria Sundin' });
    await main(page).getByRole('button', { name: 'Spara avtalet' }).click();
    await main(page)
      .locator('.error-summary')
      .getByRole('link', { name: 'Slutdatum: Slutdatum kan inte ligga före startdatum.' })
      .waitFor();
    await expectAccessible(page, 'new contract with an end before its start');
    const none = await queryRows<{ n: number }>(
      e.t.db,
      sql`select count(*)::int as n from contracts where title = ${TITLE}`,
    );
    expect(none[0]?.n).toBe(0);

    await main(page).getByLabel('Slutdatum').fill('2026-12-31');
    await main(page).getByRole('button', { name: 'Spara avtalet' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await main(page).getByText('1 200 000 kr').waitFor();
    await main(page).getByText('2027-12-31').waitFor();
    await expectAccessible(page, 'new contract');

    // The option is used: its status and the end move together.
    await main(page).getByRole('link', { name: 'Ändra avtalet' }).click();
    await page.getByRole('heading', { level: 1, name: `Ändra ${TITLE}` }).waitFor();
    await main(page).getByLabel('Läge, option 1').selectOption({ label: 'Utnyttjad' });
    await main(page).getByLabel('Slutdatum').fill('2027-12-31');
    await expectAccessible(page, 'edit contract');
    await main(page).getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await main(page).getByRole('cell', { name: 'Utnyttjad', exact: true }).waitFor();

    await main(page).getByLabel('Typ av dokument').selectOption({ label: 'Avtal' });
    await main(page)
      .getByLabel('Fil')
      .setInputFiles({ name: 'Avtal larm.pdf', mimeType: 'application/pdf', buffer: PDF });
    await main(page).getByRole('button', { name: 'Ladda upp' }).click();
    await main(page).getByText('Avtal larm.pdf är uppladdad.').waitFor();
    await main(page)
      .getByRole('link', { name: /Avtal.larm\.pdf/ })
      .waitFor();
    const history = main(page).getByRole('table', { name: 'Ändringar, senaste först' });
    await history.getByRole('cell', { name: 'Dokument tillagt' }).waitFor();
    await history.getByRole('cell', { name: 'Option utnyttjad' }).waitFor();
    await history.getByRole('cell', { name: 'Registrerat' }).waitFor();
    await expectAccessible(page, 'contract with a document and history');
  });

  it('the regional coordinator reads Falun’s register and a contract on a phone and at a desk', async () => {
    for (const width of [360, 1280]) {
      const { page } = await e.newPage({ width });
      await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
      await followMenu(page, 'Stöd och upphandling', 'Avtal');
      await page.getByRole('heading', { level: 1, name: 'Avtal' }).waitFor();
      await expectAccessible(page, `contract chooser at ${width}px`);
      await main(page).getByRole('link', { name: 'Falun', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Avtal – Falun' }).waitFor();
      await expect(main(page).getByRole('link', { name: 'Nytt avtal' }).count()).resolves.toBe(0);
      await main(page).getByLabel('Teknik').selectOption({ label: 'Digitalt trygghetslarm' });
      await main(page).getByRole('link', { name: 'Digitala trygghetslarm' }).first().waitFor();
      await expectAccessible(page, `Falun register for the region at ${width}px`);
      expect(await fitsScreen(page)).toBe(true);
      await page.goto(`${e.baseUrl}/avtal/${FALUN_ALARM_CONTRACT_ID}`);
      await page.getByRole('heading', { level: 1, name: 'Digitala trygghetslarm' }).waitFor();
      await main(page).getByRole('heading', { name: 'Förlängningsoptioner' }).waitFor();
      await expect(main(page).getByRole('link', { name: 'Ändra avtalet' }).count()).resolves.toBe(0);
      await expectAccessible(page, `contract for the region at ${width}px`);
      expect(await fitsScreen(page)).toBe(true);
    }
  });
});
