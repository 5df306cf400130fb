import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Stimulus funds (issue 17), as the people who use them: Falun's coordinator finds the national call in
 * the menu, tries to requisition more than Falun's share (the form names the field) and then
 * requisitions part of it; the Dalarna regional coordinator, on a phone, sees Falun's requisition in the
 * overview; and creates a regional call whose key file first has an error shown on its row. axe on every
 * page, at 1280 and 360 px.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const main = (page: Page) => page.getByRole('main');
const CALL = /^Stimulansmedel välfärdsteknik i äldreomsorgen/;
const AMOUNT = 1_000_000;
const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

describe('stimulus funds', () => {
  it("Falun's coordinator requisitions part of Falun's allocation", async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await followMenu(page, 'Stöd och upphandling', 'Stimulansmedel');
    await page.getByRole('heading', { level: 1, name: 'Stimulansmedel' }).waitFor();
    await expectAccessible(page, 'funding calls, municipal coordinator');
    await main(page).getByRole('link', { name: CALL }).click();
    await page.getByRole('heading', { level: 1, name: CALL }).waitFor();
    await main(page).getByRole('heading', { name: 'Tilldelning för Falun' }).waitFor();
    await main(page).getByText('Digital nattillsyn i hemtjänsten').waitFor();
    await expectAccessible(page, 'funding call, municipal coordinator');

    const amount = main(page).getByLabel('Belopp att rekvirera (kr)');
    await amount.fill('999999999');
    await main(page).getByRole('button', { name: 'Rekvirera' }).click();
    await main(page)
      .locator('.error-summary')
      .getByRole('link', { name: 'Belopp att rekvirera (kr): Beloppet är större än kommunens tilldelning.' })
      .waitFor();
    await expectAccessible(page, 'requisition above the allocation');

    await amount.fill('1 000 000');
    await main(page).getByRole('button', { name: 'Rekvirera' }).click();
    await main(page)
      .getByText(/Rekvisitionen på 1.000.000.kr är skickad/)
      .waitFor();
    const [row] = await queryRows<{ n: number }>(
      e.t.db,
      sql`select a.requisitioned_sek::float8 as n from funding_allocations a
          join funding_calls c on c.id = a.call_id join organisations m on m.id = a.municipality_id
          where c.title like 'Stimulansmedel välfärdsteknik%' and m.code = '2080'`,
    );
    expect(row?.n).toBe(AMOUNT);
    // Falun sees its own row only, not Borlänge's.
    const overview = main(page).getByRole('table', { name: /Tilldelat, rekvirerat/ });
    await overview.getByRole('rowheader', { name: 'Falun' }).waitFor();
    expect(await overview.getByRole('rowheader', { name: 'Borlänge' }).count()).toBe(0);
  });

  it("the Dalarna regional coordinator sees Falun's requisition in the overview, on a phone", async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await followMenu(page, 'Stöd och upphandling', 'Stimulansmedel');
    await page.getByRole('heading', { level: 1, name: 'Stimulansmedel' }).waitFor();
    await expectAccessible(page, 'funding calls at 360px');
    await main(page).getByRole('link', { name: CALL }).click();
    const overview = main(page).getByRole('table', { name: /Tilldelat, rekvirerat/ });
    const falun = overview.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Falun' }) });
    await falun.waitFor();
    const cells = await falun.getByRole('cell').allTextContents();
    // Key value, allocated, requisitioned, used, reported, at risk.
    expect(digits(cells[2]!)).toBe(String(AMOUNT));
    expect(await overview.getByRole('rowheader').count()).toBe(16); // 15 municipalities and the total
    await main(page).getByText('Du ser kommunerna i din region eller samverkan.').waitFor();
    await expectAccessible(page, 'funding overview at 360px');
  });

  it('the regional coordinator creates a call and allocates it by a key file, after correcting an error', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.goto('/stimulansmedel');
    await main(page).getByRole('link', { name: 'Ny utlysning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny utlysning av stimulansmedel' }).waitFor();
    await expectAccessible(page, 'new funding call');
    await main(page).getByLabel('Namn').fill('Dalarnas medel för digitala lås');
    await main(page).getByLabel('Totalt belopp (kr)').fill('1 000 000');
    await main(page).getByLabel('Sista dag att rekvirera').fill('2030-03-31');
    await main(page).getByLabel('Sista dag att redovisa').fill('2029-03-31');
    await main(page).getByRole('button', { name: 'Skapa utlysningen' }).click();
    await main(page)
      .locator('.error-summary')
      .getByRole('link', { name: /^Sista dag att redovisa: / })
      .waitFor();
    await main(page).getByLabel('Sista dag att redovisa').fill('2031-03-31');
    await main(page).getByRole('button', { name: 'Skapa utlysningen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dalarnas medel för digitala lås' }).waitFor();

    const file = main(page).getByLabel('Fil med fördelningsnyckel');
    await file.setInputFiles({
      name: 'nyckel.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Kommun;Invånare 80+\nFalun;4 300\nStockholm;9 000\n', 'utf8'),
    });
    await main(page).getByRole('button', { name: 'Förhandsgranska' }).click();
    const errors = main(page).getByRole('table', { name: 'Fel i filen, per rad' });
    await errors.getByText('Kommunen ligger utanför utlysningens område.').waitFor();
    await expectAccessible(page, 'key file with an error');

    await file.setInputFiles({
      name: 'nyckel.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Kommun;Invånare 80+\nFalun;4 300\nBorlänge;3 900\nLudvika;2 600\n', 'utf8'),
    });
    await main(page).getByRole('button', { name: 'Förhandsgranska' }).click();
    await main(page)
      .getByText(/3 kommuner delar på/)
      .waitFor();
    await main(page).getByRole('button', { name: 'Spara fördelningen' }).click();
    await main(page).getByText('Fördelningen är sparad för 3 kommuner.').waitFor();
    const overview = main(page).getByRole('table', { name: /Tilldelat, rekvirerat/ });
    await overview.getByRole('rowheader', { name: 'Ludvika' }).waitFor();
    await expectAccessible(page, 'funding call with allocations, owner');
  });
});

describe('linking initiative funding to a call', () => {
  const INITIATIVE = 'Digital nattillsyn i hemtjänsten';
  const USED = 77_000;

  it("Falun's coordinator links a stimulus funding row to the national call and sees it counted as used", async () => {
    const [initiative] = await queryRows<{ id: string }>(
      e.t.db,
      sql`select id from initiatives where title = ${INITIATIVE}`,
    );
    const [call] = await queryRows<{ id: string; title: string }>(
      e.t.db,
      sql`select id, title from funding_calls where title like 'Stimulansmedel välfärdsteknik%'`,
    );
    const usedBefore = async () =>
      (
        await queryRows<{ n: number }>(
          e.t.db,
          sql`select coalesce(sum(f.used_sek), 0)::float8 as n from initiative_funding f
              join organisations m on m.id = f.recipient_municipality_id
              where f.funding_call_id = ${call!.id} and m.code = '2080'`,
        )
      )[0]!.n;
    const before = await usedBefore();

    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto(`/insatser/${initiative!.id}`);
    await page.getByRole('heading', { level: 1, name: INITIATIVE }).waitFor();
    const funding = page.getByRole('region', { name: 'Finansiering', exact: true });
    await funding.getByRole('button', { name: 'Lägg till finansiering' }).click();
    await funding.getByLabel('Använt', { exact: true }).fill('77 000');
    await funding.getByLabel('Utlysning').selectOption({ label: call!.title });
    await funding.getByLabel(/^Kommun som får medlen/).selectOption({ label: 'Falun' });
    await expectAccessible(page, 'funding form linked to a call');
    await funding.getByRole('button', { name: 'Lägg till finansieringen' }).click();
    await funding.getByRole('table').getByRole('link', { name: call!.title }).first().waitFor();
    // The call's link can be in the table before the new row is (another row may link the same call).
    await expect.poll(usedBefore, { timeout: 10_000 }).toBe(before + USED);
    await expectAccessible(page, 'funding row linked to a call');

    await funding.getByRole('table').getByRole('link', { name: call!.title }).first().click();
    await page.getByRole('heading', { level: 1, name: CALL }).waitFor();
    const own = main(page).getByRole('region', { name: 'Tilldelning för Falun' });
    await own.getByText(/\(\d{4}\): 77.000.kr använt/).waitFor();
    const summary = (await own.getByText(/Använt i insatser/).textContent()) ?? '';
    expect(digits(summary.split('Använt i insatser')[1] ?? '')).toBe(String(before + USED));
    await expectAccessible(page, 'call with the linked row');
  });

  it('the funding form with the call choice works on a 360 px phone', async () => {
    const [initiative] = await queryRows<{ id: string }>(
      e.t.db,
      sql`select id from initiatives where title = ${INITIATIVE}`,
    );
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto(`/insatser/${initiative!.id}`);
    const funding = page.getByRole('region', { name: 'Finansiering', exact: true });
    await funding.getByRole('button', { name: 'Lägg till finansiering' }).click();
    await funding.getByLabel('Utlysning').selectOption({ index: 1 });
    await funding.getByLabel(/^Kommun som får medlen/).waitFor();
    await expectAccessible(page, 'funding form with the call choice at 360px');
  });
});
