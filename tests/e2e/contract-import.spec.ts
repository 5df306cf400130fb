import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * The Falun coordinator imports the contract list she keeps in Excel, saved with Swedish settings as
 * "CSV (semikolonavgränsad)": Windows-1252, semicolons, CRLF, no-break spaces in the amounts
 * (tests/fixtures/avtal-falun-excel.csv, kept as bytes). Preview with a row error naming its column,
 * confirm, progress, the contracts in the register; the same file again changes nothing.
 */

let e: E2E;
const fixture = path.join(import.meta.dirname, '../fixtures/avtal-falun-excel.csv');

beforeAll(async () => {
  e = await startE2E();
  const bytes = await readFile(fixture);
  // Really as Excel saved it: "ä" is the single byte 0xE4 and the thousands are split by 0xA0.
  expect(bytes.includes(0xe4) && bytes.includes(0xa0)).toBe(true);
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
});
afterAll(async () => {
  await e?.close();
});

const main = (page: Page) => page.getByRole('main');

/** The per-row table as {line, outcome, ref, title, errors}. */
async function resultRows(table: Locator) {
  await table.locator('tbody tr').first().waitFor();
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.children].map((c) => (c.textContent ?? '').trim());
      return { line: cells[0], outcome: cells[1], ref: cells[2], title: cells[3], errors: cells.at(-1) };
    }),
  );
}

async function openImport(page: Page) {
  await page.goto('/kommuner/2080/avtal');
  await main(page).getByRole('link', { name: 'Importera avtal' }).click();
  await page.getByRole('heading', { level: 1, name: 'Importera avtal till Falun' }).waitFor();
  await main(page).getByRole('table', { name: 'Kolumner som kan finnas i filen' }).waitFor();
}

async function previewFixture(page: Page) {
  await main(page).getByLabel('CSV-fil').setInputFiles(fixture);
  await main(page).getByRole('button', { name: 'Förhandsgranska' }).click();
  await main(page).getByRole('heading', { name: 'Förhandsgranskning' }).waitFor();
}

async function waitUntilDone(page: Page) {
  await main(page).getByRole('heading', { name: 'Importen är klar' }).waitFor({ timeout: 30_000 });
  const bar = main(page).getByRole('progressbar', { name: 'Importförlopp' });
  expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
}

const imported = () =>
  queryRows<{ ref: string; value: number; version: number }>(
    e.t.db,
    sql`select c.external_ref as ref, c.annual_value_sek::int as value, c.version from contracts c
        join organisations o on o.id = c.municipality_id
        where o.code = '2080' and c.external_ref like 'FAL-2025-%' order by c.external_ref`,
  );

describe('importing the contract list from Excel', () => {
  it('previews, names the column of a bad row, imports the rest, and the contracts are in the register', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await openImport(page);
    expect(
      await main(page)
        .getByRole('link', { name: /tom mall/ })
        .getAttribute('download'),
    ).toBe('avtalslista-mall.csv');
    await expectAccessible(page, 'contract import page');

    await previewFixture(page);
    await main(page).getByText('Teckenkodning windows-1252, avgränsare ”;”, 3 rader.').waitFor();
    await main(page).getByText('Nya: 2. Uppdateras: 0. Oförändrade: 0. Med fel: 1.').waitFor();
    const rows = await resultRows(main(page).getByRole('table', { name: 'Resultat per rad' }));
    expect(rows.map((r) => [r.line, r.outcome, r.ref, r.title])).toEqual([
      ['2', 'Ny', 'FAL-2025-011', 'Spisvakter i ordinärt boende'],
      ['3', 'Ny', 'FAL-2025-012', 'Läkemedelsautomater Öst'],
      ['4', 'Fel', 'FAL-2025-013', 'Videosamtal med anhöriga'],
    ]);
    expect(rows[2]!.errors).toBe('Kolumnen ”Leverantör”: Leverantören finns inte.');
    await expectAccessible(page, 'contract import preview');

    await main(page).getByRole('button', { name: 'Importera 2 giltiga rader' }).click();
    await waitUntilDone(page);
    await main(page)
      .getByRole('status')
      .getByText('2 nya avtal, 0 ändrade, 0 oförändrade, 1 med fel.')
      .waitFor();
    await expectAccessible(page, 'contract import done');
    expect(await imported()).toEqual([
      { ref: 'FAL-2025-011', value: 185_000, version: 1 },
      { ref: 'FAL-2025-012', value: 1_250_000, version: 1 },
    ]);

    await main(page).getByRole('link', { name: 'Visa avtalsregistret' }).click();
    const register = main(page).getByRole('table', { name: 'Avtal, det som löper ut först överst' });
    await register.getByText('Spisvakter i ordinärt boende').waitFor();
    await register.getByText('Läkemedelsautomater Öst').waitFor();
    expect(await register.getByText('Videosamtal med anhöriga').count()).toBe(0);
  });

  it('imports the same file again on a phone and finds both contracts unchanged', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await openImport(page);
    await expectAccessible(page, 'contract import page at 360px');

    await previewFixture(page);
    await main(page).getByText('Nya: 0. Uppdateras: 0. Oförändrade: 2. Med fel: 1.').waitFor();
    await expectAccessible(page, 'contract import preview at 360px');
    await main(page).getByRole('button', { name: 'Importera 2 giltiga rader' }).click();
    await waitUntilDone(page);
    await main(page)
      .getByRole('status')
      .getByText('0 nya avtal, 0 ändrade, 2 oförändrade, 1 med fel.')
      .waitFor();
    await expectAccessible(page, 'contract import done at 360px');
    expect((await imported()).map((c) => c.version)).toEqual([1, 1]);
  });
});
