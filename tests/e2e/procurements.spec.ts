import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { pdfWith } from '../fixtures/document-files.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { expectInRegisters, recordSignedContract } from '../support/procurement-contract.ts';

/**
 * Joint procurements (issue 17), as the people who run them: the Dalarna regional coordinator follows
 * the radar's link to start one for digital alarms with Falun and Borlänge, builds the specification
 * from the library and downloads it as Word; Falun's coordinator, on a phone, sees where Falun stands
 * and confirms with the date of its decision and a signed power of attorney. axe on every page, at a
 * desk and at 360 px.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const main = (page: Page) => page.getByRole('main');
const fitsScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
const TITLE = 'Samordnad upphandling av digitalt trygghetslarm';
let procurementId = '';

describe('a joint procurement', () => {
  it('the regional coordinator starts one from the radar’s link, builds the specification and downloads it', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.goto('/upphandlingar/ny?teknik=digital-safety-alarm&kommuner=2080,2081');
    await page.getByRole('heading', { level: 1, name: 'Starta samordnad upphandling' }).waitFor();
    const invited = main(page).getByRole('group', { name: 'Kommuner som bjuds in' });
    await invited.getByLabel(/^Falu/).waitFor();
    expect(await invited.getByLabel(/^Falu/).isChecked()).toBe(true);
    expect(await invited.getByLabel(/^Borlänge/).isChecked()).toBe(true);
    expect(await invited.getByLabel(/^Ludvika/).isChecked()).toBe(false);
    await expect.poll(() => main(page).getByLabel('Namn på upphandlingen').inputValue()).toBe(TITLE);
    await expectAccessible(page, 'new procurement, prefilled from the radar');

    await main(page).getByRole('button', { name: 'Starta upphandlingen' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    procurementId = page.url().split('/').at(-1) ?? '';
    await main(page).getByRole('heading', { name: 'Här står ni' }).waitFor();
    await main(page).getByRole('cell', { name: /^Falu/ }).waitFor();
    await expectAccessible(page, 'procurement, lead');

    await main(page).getByRole('button', { name: 'Bygg kravspecifikation från biblioteket' }).click();
    const docx = main(page).getByRole('link', { name: 'Ladda ner kravspecifikationen (Word)' });
    await docx.waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), docx.click()]);
    const path = await file.path();
    expect(fs.readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    await expectAccessible(page, 'procurement with its specification');
  });

  it("Falun's coordinator sees where Falun stands on a phone and confirms with a power of attorney", async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto('/upphandlingar');
    await page.getByRole('heading', { level: 1, name: 'Samordnade upphandlingar' }).waitFor();
    await expectAccessible(page, 'procurements list, Falun, 360 px');
    expect(await fitsScreen(page)).toBe(true);
    await main(page).getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await main(page)
      .getByText(/inbjuden men har inte svarat/)
      .waitFor();
    await expectAccessible(page, 'procurement, participant, 360 px');
    expect(await fitsScreen(page)).toBe(true);

    await main(page).getByRole('link', { name: 'Svara på inbjudan' }).click();
    await page.getByRole('heading', { level: 1, name: /^Svara på inbjudan för Falu/ }).waitFor();
    // Sent without the decision date: the form names the field and nothing is written.
    await main(page).getByRole('button', { name: 'Skicka svaret' }).click();
    await main(page)
      .locator('.error-summary')
      .getByRole('link', { name: /^Datum för beslutet/ })
      .waitFor();
    await expectAccessible(page, 'confirm page with an error, 360 px');
    await main(page).getByLabel('Datum för beslutet').fill('2026-11-20');
    await main(page)
      .getByLabel('Undertecknad fullmakt')
      .setInputFiles({
        name: 'fullmakt-falun.pdf',
        mimeType: 'application/pdf',
        buffer: await pdfWith([
          'Fullmakt',
          'Falu kommun ger Region Dalarna fullmakt att upphandla trygghetslarm.',
        ]),
      });
    await main(page).getByRole('button', { name: 'Skicka svaret' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await main(page)
      .getByText(/deltar\. Upphandlingen är i fasen/)
      .waitFor();
    await main(page)
      .getByRole('link', { name: /^Ladda ner fullmakt \(Falu/ })
      .waitFor();
    await expectAccessible(page, 'procurement after confirming, 360 px');
    expect(await fitsScreen(page)).toBe(true);

    const [row] = await queryRows<{ status: string; decision_on: string }>(
      e.t.db,
      sql`select pp.status, pp.decision_on::text from procurement_participants pp
          join organisations m on m.id = pp.municipality_id
          where pp.procurement_id = ${procurementId} and m.code = '2080'`,
    );
    expect(row).toEqual({ status: 'confirmed', decision_on: '2026-11-20' });
  });

  it('the demo procurement of digital locks reads well at a desk', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto('/upphandlingar');
    await main(page).getByRole('link', { name: 'Samordnad upphandling av digitala lås i Dalarna' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Samordnad upphandling av digitala lås i Dalarna' })
      .waitFor();
    await main(page).getByRole('heading', { name: 'Tidslinje' }).waitFor();
    await expectAccessible(page, 'demo procurement, participant, desktop');
  });

  it('the region moves the demo procurement of digital locks to a signed contract and records it in both registers', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.goto('/upphandlingar');
    await main(page).getByRole('link', { name: 'Samordnad upphandling av digitala lås i Dalarna' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Samordnad upphandling av digitala lås i Dalarna' })
      .waitFor();
    await expectAccessible(page, 'demo procurement, lead, before the contract');
    await recordSignedContract(page, {
      title: 'Digitala lås Dalarna – samordnat avtal',
      startsOn: '2027-03-01',
      endsOn: '2030-02-28',
    });
    const written = await queryRows<{ code: string; form: string }>(
      e.t.db,
      sql`select m.code, c.procurement_form as form from contracts c
          join organisations m on m.id = c.municipality_id
          where c.title = 'Digitala lås Dalarna – samordnat avtal' order by m.code`,
    );
    expect(written).toEqual([
      { code: '2080', form: 'joint' },
      { code: '2081', form: 'joint' },
    ]);
    await expectInRegisters(e, 'Digitala lås Dalarna – samordnat avtal');
  });

  it('on a phone, the region links an initiative to the demo procurement', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.goto('/upphandlingar');
    await main(page).getByRole('link', { name: 'Samordnad upphandling av digitala lås i Dalarna' }).click();
    const group = main(page).getByRole('group', { name: 'Insatser som väntar på upphandlingen' });
    await group.waitFor();
    await expectAccessible(page, 'procurement, lead, 360 px');
    expect(await fitsScreen(page)).toBe(true);
    const first = group.getByRole('checkbox').first();
    const label = (await group.locator('label').first().textContent()) ?? '';
    await first.check();
    await main(page).getByRole('button', { name: 'Spara kopplingarna' }).click();
    await main(page).getByText('Kopplingarna är sparade.').waitFor();
    await main(page)
      .getByRole('link', { name: label.replace(/ \(.*\)$/, ''), exact: true })
      .waitFor();
    await expectAccessible(page, 'procurement with a linked initiative, 360 px');
    expect(await fitsScreen(page)).toBe(true);
  });
});
