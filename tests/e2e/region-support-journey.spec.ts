import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { pdfWith } from '../fixtures/document-files.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { expectInRegisters, recordSignedContract } from '../support/procurement-contract.ts';

/**
 * Issue 17 end to end, as the people do it: Falun's coordinator brings in the contract list she keeps
 * in Excel, sees on the radar that Borlänge's alarm contract ends in the same window and asks Region
 * Dalarna for procurement support; the region's coordinator answers, starts a joint procurement from the
 * radar, builds the specification from the library and downloads it as Word; Falun and Borlänge
 * confirm with their powers of attorney; the signed contract lands in both registers; and the stimulus
 * overview shows Falun's requisition. axe on every page, and the municipality's steps on a 360-px phone.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  // A municipality new to the platform: Falun's register is empty until it imports its own list.
  await e.t.db.execute(
    sql`delete from contracts where municipality_id = (select id from organisations where kind = 'municipality' and code = '2080')`,
  );
});
afterAll(() => e?.close());

const main = (page: Page) => page.getByRole('main');
const PHONE = { width: 360, height: 740 };
const fitsScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** A date `months` from the first of this month, as Swedish Excel writes it (ISO). */
const inMonths = (months: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
};

/** Falun's contract list as Excel saves "CSV UTF-8 (kommaavgränsad)" on a Swedish machine: BOM and `;`. */
const falunList = () =>
  Buffer.from(
    `\uFEFF${[
      'Avtalsnummer;Benämning;Leverantör;Teknik;Upphandlingsform;Ramavtal;Startdatum;Slutdatum;Förlängning;Sista beslutsdatum förlängning;Uppsägningstid (månader);Årligt värde (SEK);Ansvarig;Anteckning',
      `FAL-LARM-2021;Trygghetslarm i ordinärt boende;Exempelbolaget Trygghet AB;Digitalt trygghetslarm;Egen upphandling;;${inMonths(-38)};${inMonths(10)};;;6;1 850 000;samordnare.falun@demo.valfardsnavet.se;Förlängningarna är använda`,
      `FAL-TILLSYN-2024;Digital nattillsyn;Demonstrationsbolaget Natt AB;Digital nattillsyn (kamera);Avrop från ramavtal;Adda Välfärdsteknik (påhittat ramavtal);${inMonths(-6)};${inMonths(18)};+1;${inMonths(12)};3;640 000;;`,
    ].join('\r\n')}\r\n`,
    'utf8',
  );

const SUBJECT = 'Hjälp med upphandling av trygghetslarm';
const ANSWER = 'Vi startar en samordnad upphandling med Borlänge. Ni bjuds in i dag.';
let procurementId = '';
let procurementTitle = '';

describe('the region’s support, from contract list to signed contract', () => {
  it('Falun’s coordinator imports the contract list from Excel on a phone', async () => {
    const { page } = await e.newPage(PHONE);
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto('/kommuner/2080/avtal');
    await main(page).getByRole('link', { name: 'Importera avtal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera avtal till Falun' }).waitFor();
    await expectAccessible(page, 'contract import, 360 px');
    await main(page)
      .getByLabel('CSV-fil')
      .setInputFiles({ name: 'Avtal Falun.csv', mimeType: 'text/csv', buffer: falunList() });
    await main(page).getByRole('button', { name: 'Förhandsgranska' }).click();
    await main(page).getByRole('heading', { name: 'Förhandsgranskning' }).waitFor();
    await main(page).getByText('Nya: 2. Uppdateras: 0. Oförändrade: 0. Med fel: 0.').waitFor();
    await expectAccessible(page, 'contract import preview, 360 px');
    expect(await fitsScreen(page)).toBe(true);
    await main(page).getByRole('button', { name: 'Importera 2 giltiga rader' }).click();
    await main(page).getByRole('heading', { name: 'Importen är klar' }).waitFor({ timeout: 30_000 });
    await main(page).getByRole('link', { name: 'Visa avtalsregistret' }).click();
    const register = main(page).getByRole('table', { name: 'Avtal, det som löper ut först överst' });
    await register.getByText('Trygghetslarm i ordinärt boende').waitFor();
    await expectAccessible(page, 'Falun’s register after the import, 360 px');
  });

  it('she sees Borlänge’s alarm contract end in the same window and asks the region for procurement support', async () => {
    const { page } = await e.newPage(PHONE);
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto('/avtalsradar');
    await page.getByRole('heading', { level: 1, name: 'Avtalsradar för Region Dalarna' }).waitFor();
    const card = main(page)
      .getByRole('region', { name: 'Samordningsmöjligheter' })
      .getByRole('listitem')
      .filter({
        has: page.getByRole('heading', {
          name: 'Digitalt trygghetslarm: avtal som löper ut inom samma 18 månader',
        }),
      })
      .first();
    await expect.poll(() => card.textContent()).toContain('Borlänge');
    expect(await card.textContent()).toContain('Falun');
    await expectAccessible(page, 'radar, Falun, 360 px');
    expect(await fitsScreen(page)).toBe(true);

    await page.goto('/stod');
    await page
      .getByRole('link', { name: 'Be om stöd: Stöd i upphandling och samordnad upphandling' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Be om stöd' }).waitFor();
    await page.getByLabel('Rubrik').fill(SUBJECT);
    await page
      .getByLabel('Beskrivning')
      .fill('Vårt larmavtal går ut inom ett år, som Borlänges. Kan regionen samordna en upphandling?');
    await page.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await expectAccessible(page, 'support request sent, 360 px');
  });

  it('the Dalarna coordinator answers, starts a joint procurement from the radar and downloads the specification', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.goto('/stod');
    await page.getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByLabel('Ditt svar').fill(ANSWER);
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.getByText('Meddelandet är skickat.').waitFor();
    await expectAccessible(page, 'support request answered');

    await page.goto('/avtalsradar');
    const card = main(page)
      .getByRole('region', { name: 'Samordningsmöjligheter' })
      .getByRole('listitem')
      .filter({
        has: page.getByRole('heading', {
          name: 'Digitalt trygghetslarm: avtal som löper ut inom samma 18 månader',
        }),
      })
      .filter({ hasText: 'Falun' })
      .first();
    await card.getByRole('link', { name: /^Starta samordnad upphandling/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Starta samordnad upphandling' }).waitFor();
    const invited = main(page).getByRole('group', { name: 'Kommuner som bjuds in' });
    await invited.getByLabel(/^Falu/).waitFor();
    expect(await invited.getByLabel(/^Falu/).isChecked()).toBe(true);
    expect(await invited.getByLabel(/^Borlänge/).isChecked()).toBe(true);
    procurementTitle = await main(page).getByLabel('Namn på upphandlingen').inputValue();
    expect(procurementTitle).not.toBe('');
    await expectAccessible(page, 'new procurement from the radar');
    await main(page).getByRole('button', { name: 'Starta upphandlingen' }).click();
    await page.getByRole('heading', { level: 1, name: procurementTitle }).waitFor();
    procurementId = page.url().split('/').at(-1) ?? '';

    await main(page).getByRole('button', { name: 'Bygg kravspecifikation från biblioteket' }).click();
    const docx = main(page).getByRole('link', { name: 'Ladda ner kravspecifikationen (Word)' });
    await docx.waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), docx.click()]);
    expect(
      fs
        .readFileSync(await file.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    await expectAccessible(page, 'procurement with its specification');
  });

  it('Falun and Borlänge confirm with their powers of attorney', async () => {
    for (const [local, name, municipality] of [
      ['samordnare.falun', 'Maria Sundin', 'Falu'],
      ['samordnare.borlange', 'Johan Berglund', 'Borlänge'],
    ] as const) {
      const { page } = await e.newPage(PHONE);
      await loginAs(page, local, name);
      await page.goto(`/upphandlingar/${procurementId}`);
      await page.getByRole('heading', { level: 1, name: procurementTitle }).waitFor();
      await main(page).getByRole('link', { name: 'Svara på inbjudan' }).click();
      await page
        .getByRole('heading', { level: 1, name: new RegExp(`^Svara på inbjudan för ${municipality}`) })
        .waitFor();
      await main(page).getByLabel('Datum för beslutet').fill(inMonths(0));
      await main(page)
        .getByLabel('Undertecknad fullmakt')
        .setInputFiles({
          name: `fullmakt-${local}.pdf`,
          mimeType: 'application/pdf',
          buffer: await pdfWith([
            'Fullmakt',
            `${municipality} kommun ger Region Dalarna fullmakt att upphandla.`,
          ]),
        });
      await expectAccessible(page, `confirm page, ${municipality}, 360 px`);
      await main(page).getByRole('button', { name: 'Skicka svaret' }).click();
      await main(page)
        .getByText(/deltar\. Upphandlingen är i fasen/)
        .waitFor();
      expect(await fitsScreen(page)).toBe(true);
    }
  });

  it('Dalarna moves the procurement to a signed contract and records it; it lands in both registers', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.goto(`/upphandlingar/${procurementId}`);
    await page.getByRole('heading', { level: 1, name: procurementTitle }).waitFor();
    await recordSignedContract(page, {
      title: `${procurementTitle} – avtal`,
      startsOn: inMonths(1),
      endsOn: inMonths(49),
    });
    await expectInRegisters(e, `${procurementTitle} – avtal`);
  });

  it('the stimulus overview shows Falun’s requisition', async () => {
    const falun = (await e.newPage(PHONE)).page;
    await loginAs(falun, 'samordnare.falun', 'Maria Sundin');
    await falun.goto('/stimulansmedel');
    await main(falun)
      .getByRole('link', { name: /^Stimulansmedel välfärdsteknik i äldreomsorgen/ })
      .click();
    await main(falun).getByRole('heading', { name: 'Tilldelning för Falun' }).waitFor();
    await main(falun).getByLabel('Belopp att rekvirera (kr)').fill('250 000');
    await main(falun).getByRole('button', { name: 'Rekvirera' }).click();
    await main(falun)
      .getByText(/Rekvisitionen på 250.000.kr är skickad/)
      .waitFor();
    await expectAccessible(falun, 'requisition sent, 360 px');

    const region = (await e.newPage()).page;
    await loginAs(region, 'region.dalarna', 'Lars Dahlberg');
    await region.goto('/stimulansmedel');
    await main(region)
      .getByRole('link', { name: /^Stimulansmedel välfärdsteknik i äldreomsorgen/ })
      .click();
    const overview = main(region).getByRole('table', { name: /Tilldelat, rekvirerat/ });
    const row = overview.getByRole('row').filter({ has: region.getByRole('rowheader', { name: 'Falun' }) });
    await row.waitFor();
    const [requisitioned] = await queryRows<{ sek: number }>(
      e.t.db,
      sql`select a.requisitioned_sek::float8 as sek from funding_allocations a
          join funding_calls c on c.id = a.call_id join organisations m on m.id = a.municipality_id
          where c.title like 'Stimulansmedel välfärdsteknik%' and m.code = '2080'`,
    );
    expect((await row.textContent())?.replace(/\D/g, '')).toContain(String(requisitioned?.sek));
    await expectAccessible(region, 'stimulus overview, region');
  });
});
