import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DALARNA_STEERING_GROUP } from '../../src/server/db/demo/networks-demo.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * Issue 7's plans journey: the Dalarna coordinator reads the rolling plan now and as it stood a month
 * ago, moves, adds and removes initiatives, sees the plan's and the region's funding, and prioritises
 * a need from the shared backlog into the plan; Falun proposes a need and Borlänge endorses it.
 * axe on every page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const PLAN = 'Rullande aktivitetsplan för välfärdsteknik i Dalarna';
const UPPHANDLING = 'Samordnad upphandling av digital nattillsyn';
const LEDARSKAP = 'Ledarskapsprogram: leda digital omställning';
const NYTTOMALL = 'Regional mall för nyttovärdering';
const STIMULANS = 'Samordning av stimulansmedel för välfärdsteknik';
const NATTILLSYN = 'Digital nattillsyn i hemtjänsten';
const WIFI = 'Kartläggning av trådlösa nätverk i särskilda boenden';
const YEAR = new Date().getFullYear();
const PROPOSED_NEED = 'Stöd vid upphandling av läkemedelsautomater';
const NEW_NEED = 'Larm som fungerar utan mobiltäckning';

/** A date n days ago in Sweden, YYYY-MM-DD. */
const swedishDay = (daysAgo: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );

const itemTable = (page: Page) => page.getByRole('table', { name: /^Planens insatser/ });
async function planOrder(page: Page): Promise<string[]> {
  return itemTable(page).locator('tbody th[scope="row"]').allInnerTexts();
}

describe('rolling action plans, the needs backlog and the funding overview', () => {
  let region: Page;
  let planUrl = '';

  it('the Dalarna coordinator opens the rolling plan and reads it as it stood 30 days ago', async () => {
    ({ page: region } = await e.newPage());
    await loginAs(region, 'region.dalarna', 'Lars Dahlberg');
    await region.goto('/handlingsplaner');
    await region.getByRole('heading', { level: 1, name: 'Rullande aktivitetsplaner' }).waitFor();
    await region.getByRole('link', { name: 'Ny rullande aktivitetsplan' }).waitFor();
    await expectAccessible(region, 'plan list');
    await region.getByRole('link', { name: PLAN }).click();
    await region.getByRole('heading', { level: 1, name: PLAN }).waitFor();
    planUrl = new URL(region.url()).pathname;
    await itemTable(region).waitFor();
    expect(await planOrder(region)).toEqual([UPPHANDLING, LEDARSKAP, NYTTOMALL, STIMULANS, NATTILLSYN]);
    await region
      .getByRole('table', { name: 'Ändringar i planen, senaste först' })
      .getByText('Prioriterat från behovslistan')
      .first()
      .waitFor();
    await region
      .getByRole('table', { name: new RegExp(`^Finansiering per källa och år, ${PLAN}`) })
      .getByRole('row', { name: new RegExp(`^ESF ${YEAR}`) })
      .waitFor();
    await expectAccessible(region, 'plan now');

    // A date after today is refused in the API's words, named by its field, before the page changes.
    await region.getByLabel('Visa planen som den såg ut').fill(swedishDay(-2));
    await region.getByRole('button', { name: 'Visa', exact: true }).click();
    await region
      .getByRole('link', {
        name: 'Visa planen som den såg ut: Datumet ligger i framtiden. Välj i dag eller ett tidigare datum.',
      })
      .waitFor();
    expect(new URL(region.url()).search).toBe('');
    await region.getByLabel('Visa planen som den såg ut').fill(swedishDay(30));
    await region.getByRole('button', { name: 'Visa', exact: true }).click();
    await region.getByRole('heading', { name: /^Så här såg planen ut den / }).waitFor();
    expect(new URL(region.url()).search).toBe(`?at=${swedishDay(30)}`);
    await region.getByRole('table', { name: /^Planens insatser den / }).waitFor();
    expect(await planOrder(region)).toEqual([LEDARSKAP, UPPHANDLING, WIFI, STIMULANS, NATTILLSYN]);
    expect(await region.getByRole('button', { name: /^Flytta / }).count()).toBe(0);
    await expectAccessible(region, 'plan 30 days ago');
    await region.getByRole('link', { name: 'Visa planen som den är i dag' }).click();
    await region.getByRole('table', { name: 'Planens insatser i prioritetsordning' }).waitFor();
    expect(new URL(region.url()).search).toBe('');
  });

  it('moves an item, adds an initiative and removes it again with a reason', async () => {
    await region.getByRole('button', { name: `Flytta ned ${UPPHANDLING}` }).click();
    await region.getByText(`${UPPHANDLING} har nu prioritet 2.`).waitFor();
    expect(await planOrder(region)).toEqual([LEDARSKAP, UPPHANDLING, NYTTOMALL, STIMULANS, NATTILLSYN]);

    await region.getByRole('button', { name: 'Lägg till i planen' }).click();
    await region.getByRole('link', { name: 'Insats: Uppgiften måste fyllas i.' }).waitFor();
    await region.getByLabel('Sök bland insatserna').fill('trådlösa');
    await region.getByLabel('Insats', { exact: true }).selectOption({ label: `${WIFI} (Region Dalarna)` });
    await region.getByLabel('Varför läggs den till? (frivilligt)').fill('Nya boenden saknar täckning');
    await expectAccessible(region, 'add form');
    await region.getByRole('button', { name: 'Lägg till i planen' }).click();
    await region.getByText(`${WIFI} är tillagd sist i planen.`).waitFor();
    expect(await planOrder(region)).toEqual([LEDARSKAP, UPPHANDLING, NYTTOMALL, STIMULANS, NATTILLSYN, WIFI]);
    await region
      .getByRole('table', { name: 'Ändringar i planen, senaste först' })
      .getByRole('row', { name: /Nya boenden saknar täckning/ })
      .waitFor();

    await region.getByRole('button', { name: `Ta bort ${WIFI} ur planen` }).click();
    await region.getByRole('heading', { name: `Ta bort ${WIFI} ur planen?` }).waitFor();
    await region.getByLabel('Varför tas insatsen bort?').fill('Tas upp nästa år i stället');
    await expectAccessible(region, 'remove confirm');
    await region.getByRole('button', { name: 'Ja, ta bort ur planen' }).click();
    await region.getByText(`${WIFI} är borttagen ur planen.`).waitFor();
    expect(await planOrder(region)).toEqual([LEDARSKAP, UPPHANDLING, NYTTOMALL, STIMULANS, NATTILLSYN]);
    await region
      .getByRole('table', { name: 'Ändringar i planen, senaste först' })
      .getByRole('row', { name: /Tas upp nästa år i stället/ })
      .waitFor();
  });

  it('Falun proposes a need on a phone and Borlänge endorses it', async () => {
    const { page: falun } = await e.newPage({ width: 360, height: 780 });
    await loginAs(falun, 'samordnare.falun', 'Maria Sundin');
    await falun.goto('/behov');
    await falun.getByRole('heading', { level: 1, name: 'Behovslistan' }).waitFor();
    await falun.getByRole('heading', { name: 'Behov i Region Dalarna' }).waitFor();
    await falun.getByRole('button', { name: 'Föreslå behovet' }).click();
    await falun.getByRole('link', { name: 'Behov: Uppgiften måste fyllas i.' }).waitFor();
    await falun.getByRole('link', { name: 'Problem: Uppgiften måste fyllas i.' }).waitFor();
    await expectAccessible(falun, 'propose need with errors (360 px)');
    await falun.getByLabel('Behov', { exact: true }).fill(NEW_NEED);
    await falun
      .getByLabel('Problem', { exact: true })
      .fill('Trygghetslarmen i glesbygden tappar kontakten när mobilnätet ligger nere.');
    await falun.getByLabel('Vilka berörs').fill('Brukare med trygghetslarm i glesbygden.');
    await falun.getByLabel('Önskat resultat').fill('Larm som når larmcentralen även utan mobiltäckning.');
    await falun.getByRole('button', { name: 'Föreslå behovet' }).click();
    await falun.getByText(`Behovet ${NEW_NEED} är föreslaget.`).waitFor();
    const card = falun.getByRole('article', { name: NEW_NEED });
    await card.getByText('Föreslaget av Falun').waitFor();
    await expectAccessible(falun, 'needs after proposing (360 px)');

    const { page: borlange } = await e.newPage();
    await loginAs(borlange, 'samordnare.borlange', 'Johan Berglund');
    await borlange.goto('/behov');
    const theirs = borlange.getByRole('article', { name: NEW_NEED });
    await theirs.getByRole('button', { name: 'Ställ dig bakom behovet' }).click();
    await theirs.getByLabel('Kommentar (frivilligt)').fill('Samma problem i Borlänges ytterområden.');
    await expectAccessible(borlange, 'endorse form');
    await theirs.getByRole('button', { name: 'Ställ dig bakom för Borlänge' }).click();
    await borlange.getByText(`Du står nu bakom ${NEW_NEED}.`).waitFor();
    await theirs.getByText('Samma problem i Borlänges ytterområden.').waitFor();
    await theirs.getByRole('heading', { name: '1 kommun står bakom' }).waitFor();
    await theirs.getByRole('button', { name: 'Dra tillbaka stödet från Borlänge' }).waitFor();
    expect(await theirs.getByRole('button', { name: 'Ställ dig bakom behovet' }).count()).toBe(0);
  });

  it('the Dalarna coordinator prioritises a proposed need into the plan', async () => {
    await region.goto('/behov');
    await region.getByRole('heading', { level: 1, name: 'Behovslistan' }).waitFor();
    await expectAccessible(region, 'needs backlog (region)');
    const card = region.getByRole('article', { name: PROPOSED_NEED });
    await card.getByRole('button', { name: 'Prioritera in i en plan' }).click();
    await card.getByLabel('Rullande aktivitetsplan').selectOption({ label: PLAN });
    await card.getByLabel('Anteckning (frivilligt)').fill('Styrgruppen prioriterade behovet.');
    await expectAccessible(region, 'prioritise form');
    await card.getByRole('button', { name: 'Prioritera behovet' }).click();
    await region.getByText(/^Behovet är prioriterat\./).waitFor();
    await card.getByText('Prioriterat', { exact: true }).waitFor();
    await card.getByRole('link', { name: PROPOSED_NEED }).waitFor();

    await region.goto(planUrl);
    await itemTable(region).waitFor();
    expect(await planOrder(region)).toContain(PROPOSED_NEED);
  });

  it('the Dalarna coordinator starts a new plan with focus areas and a steering group', async () => {
    await region.goto('/handlingsplaner');
    await region.getByRole('link', { name: 'Ny rullande aktivitetsplan' }).click();
    await region.getByRole('heading', { level: 1, name: 'Ny rullande aktivitetsplan' }).waitFor();
    await region.getByRole('button', { name: 'Skapa aktivitetsplanen' }).click();
    await region.getByRole('link', { name: 'Namn: Uppgiften måste fyllas i.' }).waitFor();
    await region.getByRole('link', { name: 'Periodens början: Uppgiften måste fyllas i.' }).waitFor();
    await expectAccessible(region, 'new plan with errors');
    await region.getByLabel('Namn', { exact: true }).fill('Handlingsplan för välfärdsteknik i Dalarna 2027');
    await region.getByLabel('Periodens början').fill('2027-01-01');
    await region.getByLabel('Periodens slut').fill('2027-12-31');
    for (const area of ['Kompetens', 'Trygghet', 'Upphandling']) {
      await region.getByLabel('Nytt fokusområde').fill(area);
      await region.getByRole('button', { name: 'Lägg till fokusområde' }).click();
    }
    await region.getByRole('button', { name: 'Ta bort Trygghet' }).click();
    await region.getByLabel('Styrgrupp').selectOption({ label: DALARNA_STEERING_GROUP });
    await expectAccessible(region, 'new plan filled in');
    await region.getByRole('button', { name: 'Skapa aktivitetsplanen' }).click();
    await region
      .getByRole('heading', { level: 1, name: 'Handlingsplan för välfärdsteknik i Dalarna 2027' })
      .waitFor();
    await region.getByText('Kompetens, Upphandling').waitFor();
    await region.getByRole('link', { name: DALARNA_STEERING_GROUP }).waitFor();
    await region.getByText('Planen har inga insatser.').waitFor();

    await region.getByRole('button', { name: 'Ändra planens uppgifter' }).click();
    await region.getByLabel('Nytt fokusområde').fill('Trygghet');
    await region.getByRole('button', { name: 'Lägg till fokusområde' }).click();
    await region.getByLabel('Periodens slut').fill('2028-06-30');
    await expectAccessible(region, 'edit plan form');
    await region.getByRole('button', { name: 'Spara ändringarna' }).click();
    await region.getByText('Planen är uppdaterad.').waitFor();
    // The form closes on saving; focus is on the saved message, not on the page body.
    await expect
      .poll(() => region.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Planen är uppdaterad.');
    await region.getByText('Kompetens, Upphandling, Trygghet').waitFor();
  });

  it('the Dalarna coordinator sees the region’s funding by source and year', async () => {
    await region.goto('/insatser/oversikt');
    await region.getByRole('heading', { level: 1, name: 'Finansiering och nytta' }).waitFor();
    const bySource = region.getByRole('table', { name: 'Finansiering per källa och år, Region Dalarna' });
    await bySource.getByRole('row', { name: new RegExp(`^Statliga stimulansmedel ${YEAR}`) }).waitFor();
    await bySource.getByRole('row', { name: new RegExp(`^ESF ${YEAR}`) }).waitFor();
    const byMunicipality = region.getByRole('table', { name: 'Finansiering per kommun, Region Dalarna' });
    await byMunicipality.getByRole('row', { name: /^Falun / }).waitFor();
    await region.getByRole('table', { name: 'Nyttoindikatorer, Region Dalarna' }).waitFor();
    await expectAccessible(region, 'funding and benefits overview');
  });
});
