import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * Issue 7's initiative page: Falun's coordinator ticks the decision basis, moves the demo initiative to
 * implement (and is warned about what is missing), adds funding, a time-saved indicator with the
 * calculation helper and two measurements, and sees the chart with its data table; a measurement before
 * the baseline is refused. The Dalarna coordinator reads the same page without any edit controls.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const TITLE = 'Digital nattillsyn i hemtjänsten';
const INDICATOR = 'Frigjord tid för nattpatrullen';
const daysAgo = (n: number) => {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const year = new Date().getFullYear();
let url = '';

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

describe('the initiative page', () => {
  let page: Page;

  it('Falun’s coordinator opens the initiative from the list', async () => {
    ({ page } = await e.newPage());
    await loginAs(page, 'samordnare.falun');
    await page.goto('/insatser');
    await page.getByRole('link', { name: TITLE }).first().click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    url = new URL(page.url()).pathname;
    const stepper = page.getByRole('list', { name: 'Insatsens faser i ordning' });
    expect(await stepper.locator('[aria-current="step"]').textContent()).toContain('Pröva');
    await page.getByRole('button', { name: 'Ändra uppgifter' }).waitFor();
    await expectAccessible(page, 'initiative page (owner)');
  });

  it('refuses an empty name in the details form, naming the field, and saves nothing', async () => {
    await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    await page.getByLabel('Insatsens namn').fill('');
    await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
    await page.getByRole('link', { name: 'Insatsens namn: Uppgiften måste fyllas i.' }).waitFor();
    await page.getByRole('button', { name: 'Avbryt' }).first().click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });

  it('ticks a decision-basis item and moves to implement, with a warning', async () => {
    const basis = section(page, 'Beslutsunderlag inför införande');
    await basis.getByText('0 av 5 klara').waitFor();
    await basis.getByLabel('Nulägesanalys').check();
    await basis.getByText('Sparat: Nulägesanalys är klar.').waitFor();
    await basis.getByText('1 av 5 klara').waitFor();

    await page.getByRole('button', { name: 'Flytta till Införa' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'Beslutsunderlaget är inte komplett' });
    await warning.waitFor();
    const missing = await warning.getByRole('listitem').allTextContents();
    expect(missing).toEqual([
      'Nyttokalkyl',
      'Genomförbarhet och risker',
      'Informationssäkerhetsanalys',
      'Konsekvensbedömning avseende dataskydd (DPIA)',
    ]);
    await page.getByText('Insatsen är flyttad till fasen Införa.').waitFor();
    const stepper = page.getByRole('list', { name: 'Insatsens faser i ordning' });
    await expect.poll(() => stepper.locator('[aria-current="step"]').textContent()).toContain('Införa');
    await page.getByText('Fas: Införa').waitFor();
    await expectAccessible(page, 'moved to implement with the warning');
  });

  it('adds funding; a negative amount is refused', async () => {
    const funding = section(page, 'Finansiering');
    await funding.getByRole('button', { name: 'Lägg till finansiering' }).click();
    await funding.getByLabel('Källa', { exact: true }).selectOption({ label: 'ESF' });
    await funding.getByLabel('Sökt').fill('-5');
    await funding.getByRole('button', { name: 'Lägg till finansieringen' }).click();
    await funding.getByRole('link', { name: 'Sökt: Värdet får inte vara negativt.' }).waitFor();
    await expectAccessible(page, 'funding form with an error');
    await funding.getByLabel('Sökt').fill('200000');
    await funding.getByLabel('Beviljat').fill('150 000');
    await funding.getByRole('button', { name: 'Lägg till finansieringen' }).click();
    await funding.getByText(`Finansieringen från ESF ${year} är tillagd.`).waitFor();
    // The form has gone: focus is on the saved message, not on the page body.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      `Finansieringen från ESF ${year} är tillagd.`,
    );
    const table = funding.getByRole('table', { name: 'Finansiering per källa och år, i kronor' });
    await table
      .getByRole('row', { name: new RegExp(`^ESF ${year} 200\\s000\\skr 150\\s000\\skr 0\\skr`) })
      .waitFor();
    // The demo had 550 000 applied, 550 000 granted and 340 000 used.
    await table.getByRole('row', { name: /^Totalt 750\s000\skr 700\s000\skr 340\s000\skr/ }).waitFor();
    await expectAccessible(page, 'funding added');
  });

  it('an empty indicator sent by keyboard: the error summary takes focus and names each field', async () => {
    const benefits = section(page, 'Nytta');
    await benefits.getByRole('button', { name: 'Lägg till indikator' }).click();
    const form = benefits.getByRole('form', { name: 'Lägg till indikator' });
    await form.getByLabel('Indikatorns namn').waitFor();
    await form.getByRole('button', { name: 'Lägg till indikatorn' }).focus();
    await page.keyboard.press('Enter');
    const summary = form.locator('.error-summary');
    await summary.getByRole('link').first().waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Indikatorns namn: Uppgiften måste fyllas i.',
      'Enhet: Uppgiften måste fyllas i.',
      'Värde vid baslinjen: Uppgiften måste fyllas i.',
      'Baslinjens datum: Uppgiften måste fyllas i.',
    ]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('indicator-name');
    await expectAccessible(page, 'indicator form: error summary after a keyboard submit');
    await form.getByRole('button', { name: 'Avbryt' }).click();
  });

  it('adds a time-saved indicator with the calculation helper and a baseline', async () => {
    const benefits = section(page, 'Nytta');
    await benefits.getByRole('button', { name: 'Lägg till indikator' }).click();
    const form = benefits.getByRole('form', { name: 'Lägg till indikator' });
    await form.getByLabel('Indikatorns namn').fill(INDICATOR);
    await form.getByLabel('Typ av nytta').selectOption({ label: 'Frigjord tid' });
    await form.getByLabel('Riktning').selectOption({ label: 'Högre är bättre' });
    await form.getByLabel('Värde vid baslinjen').fill('0');
    await form.getByLabel('Baslinjens datum').fill(daysAgo(30));
    await form.getByLabel('Hur värdet mättes').fill('Ingen digital tillsyn före starten.');
    await form.getByLabel('Besök eller uppgifter som ersätts per år').fill('5000');
    await form.getByLabel('Minuter per tillfälle').fill('12');
    await form.getByLabel('Kostnad per timme (kronor)').fill('400');
    await form.getByLabel('Engångstimmar (installation, utbildning)').fill('100');
    await form.getByRole('button', { name: 'Beräkna' }).click();
    await form.getByText(/^Resultat: 900 timmar och 360\s000\skr per år\.$/).waitFor();
    await form.getByRole('button', { name: 'Använd timmarna som mål' }).click();
    expect(await form.getByLabel('Målvärde').inputValue()).toBe('900');
    expect(await form.getByLabel('Enhet', { exact: true }).inputValue()).toBe('timmar/år');
    await expectAccessible(page, 'indicator form with the calculation');
    await form.getByRole('button', { name: 'Lägg till indikatorn' }).click();
    await benefits.getByText(`Indikatorn ”${INDICATOR}” är tillagd.`).waitFor();
  });

  it('adds two measurements and sees the chart with its data table', async () => {
    const card = page.getByRole('article', { name: INDICATOR });
    await card.getByText(/5\s000 tillfällen per år × 12 minuter/).waitFor();
    for (const [days, value] of [
      [20, '300'],
      [10, '550,5'],
    ] as const) {
      await card.getByLabel('Datum för mätningen').fill(daysAgo(days));
      await card.getByLabel('Värde (timmar/år)').fill(value);
      await card.getByRole('button', { name: 'Spara mätningen' }).click();
      await card.getByText(`Mätningen av ”${INDICATOR}” är sparad.`).waitFor();
      await card.getByRole('cell', { name: value, exact: true }).waitFor();
    }
    const chart = card.getByRole('img', { name: new RegExp(`^Diagram: ${INDICATOR} över tid`) });
    await chart.waitFor();
    await expect
      .poll(() => chart.getAttribute('aria-label'))
      .toContain('2 mätningar, den senaste 550,5 timmar/år');
    const table = card.getByRole('table', { name: `${INDICATOR}: värden i timmar/år` });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    expect((await table.locator('tbody tr td:first-of-type').allTextContents()).map((s) => s.trim())).toEqual(
      ['Baslinje', 'Mätning', 'Mätning', 'Mål'],
    );
    await expectAccessible(page, 'indicator with two measurements and the chart');
  });

  it('refuses a measurement dated before the baseline, with the server’s message', async () => {
    const card = page.getByRole('article', { name: INDICATOR });
    await card.getByLabel('Datum för mätningen').fill(daysAgo(40));
    await card.getByLabel('Värde (timmar/år)').fill('100');
    await card.getByRole('button', { name: 'Spara mätningen' }).click();
    await card
      .getByRole('link', { name: 'Datum för mätningen: Mätningen kan inte ligga före baslinjens datum.' })
      .waitFor();
    await expectAccessible(page, 'measurement before the baseline');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const rows = page.getByRole('table', { name: `${INDICATOR}: värden i timmar/år` }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
  });

  it('adds an indicator fed from the mapping and fetches its value', async () => {
    const benefits = section(page, 'Nytta');
    await benefits.getByRole('button', { name: 'Lägg till indikator' }).click();
    const form = benefits.getByRole('form', { name: 'Lägg till indikator' });
    await form.getByLabel('Indikatorns namn').fill('Brukare med digital nattillsyn');
    await form.getByLabel('Typ av nytta').selectOption({ label: 'Kvalitet' });
    await form.getByLabel('Enhet', { exact: true }).fill('brukare');
    await form.getByLabel('Riktning').selectOption({ label: 'Högre är bättre' });
    await form.getByLabel('Värde vid baslinjen').fill('0');
    await form.getByLabel('Baslinjens datum').fill(daysAgo(90));
    await form
      .getByLabel('Mät automatiskt från')
      .selectOption({ label: 'Antal brukare med en teknik (kartläggningen)' });
    await form.getByRole('button', { name: 'Lägg till indikatorn' }).click();
    await form.getByRole('link', { name: 'Teknik: Uppgiften måste fyllas i.' }).waitFor();
    await form.getByLabel('Teknik', { exact: true }).selectOption({ label: 'Digital nattillsyn (kamera)' });
    await expectAccessible(page, 'indicator form with a feed');
    await form.getByRole('button', { name: 'Lägg till indikatorn' }).click();
    await benefits.getByText('Indikatorn ”Brukare med digital nattillsyn” är tillagd.').waitFor();
    const card = page.getByRole('article', { name: 'Brukare med digital nattillsyn' });
    await card.getByRole('button', { name: 'Hämta nu' }).click();
    await card.getByText('Ett nytt värde för ”Brukare med digital nattillsyn” är hämtat.').waitFor();
    await card.getByRole('cell', { name: '96', exact: true }).waitFor();
  });

  it('links one of Falun’s governing documents', async () => {
    const links = section(page, 'Dokument och länkar');
    await links.getByRole('button', { name: 'Lägg till länk' }).click();
    await links.getByLabel('Ett styrdokument på plattformen').check();
    await links
      .getByLabel('Styrdokument', { exact: true })
      .selectOption({ label: 'Handlingsplan för trygghet och tillsyn i hemmet, Falu kommun' });
    expect(await links.getByLabel('Rubrik').inputValue()).toBe(
      'Handlingsplan för trygghet och tillsyn i hemmet, Falu kommun',
    );
    await expectAccessible(page, 'link form with a governing document');
    await links.getByRole('button', { name: 'Lägg till länken' }).click();
    await links
      .getByText('Länken ”Handlingsplan för trygghet och tillsyn i hemmet, Falu kommun” är tillagd.')
      .waitFor();
    await links
      .getByRole('link', { name: 'Handlingsplan för trygghet och tillsyn i hemmet, Falu kommun' })
      .waitFor();
  });

  it('the Dalarna coordinator reads the page without edit controls, at 360 px', async () => {
    const { page: region } = await e.newPage({ width: 360, height: 780 });
    await loginAs(region, 'region.dalarna');
    await region.goto(url);
    await region.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await region.getByText('Du kan läsa insatsen men inte ändra den.', { exact: false }).waitFor();
    await region.getByRole('img', { name: new RegExp(`^Diagram: ${INDICATOR} över tid`) }).waitFor();
    await region.getByText('Fas: Införa').waitFor();
    const main = region.getByRole('main');
    expect(await main.getByRole('button').count()).toBe(0);
    expect(await main.getByRole('checkbox').count()).toBe(0);
    expect(await main.locator('form').count()).toBe(0);
    await expectAccessible(region, 'initiative page read-only at 360px');
  });
});
