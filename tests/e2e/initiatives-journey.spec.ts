import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, inviteNewUser, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Issue 7's "done when", as one journey through the UI by two new users: Falun's new coordinator turns
 * an assessment gap into an initiative, moves it through the phases with the decision-basis checklist,
 * adds funding and a time-saved indicator with a baseline, enters two measurements and sees the chart;
 * Dalarna's new coordinator puts it in the regional plan, finds its funding in the regional totals and
 * reads the plan as it stood a month ago. axe on every page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const TITLE = 'Ledning och uppföljning av välfärdsteknik i Falun';
const INDICATOR = 'Tid för uppföljning i ledningsgruppen';
const PLAN = 'Rullande aktivitetsplan för välfärdsteknik i Dalarna';
const ROUND = 'Förutsättningar för välfärdsteknik 2025';
const YEAR = new Date().getFullYear();
const MONTH_AGO = [
  'Ledarskapsprogram: leda digital omställning',
  'Samordnad upphandling av digital nattillsyn',
  'Kartläggning av trådlösa nätverk i särskilda boenden',
  'Samordning av stimulansmedel för välfärdsteknik',
  'Digital nattillsyn i hemtjänsten',
];

/** A date n days ago in Sweden, YYYY-MM-DD. */
const swedishDay = (daysAgo: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const planOrder = (page: Page) =>
  page
    .getByRole('table', { name: /^Planens insatser/ })
    .locator('tbody th[scope="row"]')
    .allInnerTexts();

describe('an initiative from an assessment gap to the regional plan', () => {
  let falun: Page;

  it('Falun’s new coordinator turns a gap in the 2025 assessment into an initiative', async () => {
    falun = await inviteNewUser(e, {
      by: 'samordnare.falun',
      orgName: 'Falun',
      role: 'Kommunsamordnare',
      name: 'Kerstin Åhlin',
      email: 'kerstin.ahlin@falun.example.se',
    });
    await followMenu(falun, 'Kartläggning', 'Bedömningar');
    await falun.getByRole('link', { name: ROUND, exact: true }).click();
    await falun.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    await falun.getByRole('link', { name: 'Resultat', exact: true }).click();
    const heat = falun.getByRole('table', { name: `Poäng 0–100 per kommun och område, ${ROUND}` });
    await heat.getByRole('link', { name: 'Falun', exact: true }).click();
    await falun.getByRole('heading', { level: 1, name: `Falun: ${ROUND}` }).waitFor();
    await falun
      .getByRole('button', { name: /^Gör en insats av det här: / })
      .first()
      .click();
    await falun.getByLabel('Insatsens namn').fill(TITLE);
    await expectAccessible(falun, 'initiative draft from a gap');
    await falun.getByRole('button', { name: 'Skapa utkast' }).click();
    await falun.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await falun.getByRole('link', { name: new RegExp(`^${ROUND} – Falun – `) }).waitFor();
    await expectAccessible(falun, 'the new initiative');
  });

  it('moves it through the phases with the decision-basis checklist', async () => {
    const stepper = falun.getByRole('list', { name: 'Insatsens faser i ordning' });
    for (const phase of ['Insikt', 'Pröva']) {
      await falun.getByRole('button', { name: `Flytta till ${phase}` }).click();
      await falun.getByText(`Insatsen är flyttad till fasen ${phase}.`).waitFor();
      await expect.poll(() => stepper.locator('[aria-current="step"]').textContent()).toContain(phase);
    }
    const basis = section(falun, 'Beslutsunderlag inför införande');
    for (const item of [
      'Nulägesanalys',
      'Nyttokalkyl',
      'Genomförbarhet och risker',
      'Informationssäkerhetsanalys',
      'Konsekvensbedömning avseende dataskydd (DPIA)',
    ]) {
      await basis.getByLabel(item).check();
      await basis.getByText(`Sparat: ${item} är klar.`).waitFor();
    }
    await basis.getByText('5 av 5 klara').waitFor();
    await falun.getByRole('button', { name: 'Flytta till Införa' }).click();
    await falun.getByText('Insatsen är flyttad till fasen Införa.').waitFor();
    expect(
      await falun.getByRole('alert').filter({ hasText: 'Beslutsunderlaget är inte komplett' }).count(),
    ).toBe(0);
    await falun.getByText('Fas: Införa').waitFor();
    await expectAccessible(falun, 'initiative in the implement phase');
  });

  it('adds funding and a time-saved indicator, two measurements, and sees the chart', async () => {
    const funding = section(falun, 'Finansiering');
    await funding.getByRole('button', { name: 'Lägg till finansiering' }).click();
    await funding.getByLabel('Källa', { exact: true }).selectOption({ label: 'Annat bidrag' });
    await funding.getByLabel('Sökt').fill('123 000');
    await funding.getByLabel('Beviljat').fill('123 000');
    await funding.getByRole('button', { name: 'Lägg till finansieringen' }).click();
    await funding.getByText(`Finansieringen från Annat bidrag ${YEAR} är tillagd.`).waitFor();

    const benefits = section(falun, 'Nytta');
    await benefits.getByRole('button', { name: 'Lägg till indikator' }).click();
    const form = benefits.getByRole('form', { name: 'Lägg till indikator' });
    await form.getByLabel('Indikatorns namn').fill(INDICATOR);
    await form.getByLabel('Typ av nytta').selectOption({ label: 'Frigjord tid' });
    await form.getByLabel('Enhet', { exact: true }).fill('timmar/år');
    await form.getByLabel('Riktning').selectOption({ label: 'Lägre är bättre' });
    await form.getByLabel('Värde vid baslinjen').fill('400');
    await form.getByLabel('Baslinjens datum').fill(swedishDay(60));
    await form.getByLabel('Hur värdet mättes').fill('Tidsredovisning för ledningsgruppen under två månader.');
    await form.getByLabel('Målvärde').fill('150');
    await form.getByRole('button', { name: 'Lägg till indikatorn' }).click();
    await benefits.getByText(`Indikatorn ”${INDICATOR}” är tillagd.`).waitFor();

    const card = falun.getByRole('article', { name: INDICATOR });
    for (const [days, value] of [
      [40, '320'],
      [10, '240'],
    ] as const) {
      await card.getByLabel('Datum för mätningen').fill(swedishDay(days));
      await card.getByLabel('Värde (timmar/år)').fill(value);
      await card.getByRole('button', { name: 'Spara mätningen' }).click();
      // The same message follows each save: wait for the value itself.
      await card.getByRole('cell', { name: value, exact: true }).waitFor();
    }
    const chart = card.getByRole('img', { name: new RegExp(`^Diagram: ${INDICATOR} över tid`) });
    await expect
      .poll(() => chart.getAttribute('aria-label'))
      .toContain('2 mätningar, den senaste 240 timmar/år');
    const rows = card.getByRole('table', { name: `${INDICATOR}: värden i timmar/år` }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    await expectAccessible(falun, 'initiative with funding, an indicator and its chart');
  });

  it('Dalarna’s new coordinator puts it in the regional plan, sees its funding and the plan a month ago', async () => {
    const region = await inviteNewUser(e, {
      by: 'region.dalarna',
      orgName: 'Region Dalarna',
      role: 'Regional samordnare',
      name: 'Mats Ekholm',
      email: 'mats.ekholm@regiondalarna.example.se',
    });
    await followMenu(region, 'Utveckling', 'Insatser');
    await region.getByRole('link', { name: TITLE }).waitFor();
    await region.getByRole('link', { name: 'Rullande aktivitetsplaner' }).click();
    await region.getByRole('link', { name: PLAN }).click();
    await region.getByRole('heading', { level: 1, name: PLAN }).waitFor();
    await region.getByRole('button', { name: 'Lägg till i planen' }).click();
    await region.getByLabel('Sök bland insatserna').fill('Ledning och uppföljning');
    await region.getByLabel('Insats', { exact: true }).selectOption({ label: `${TITLE} (Falun)` });
    await region.getByLabel('Varför läggs den till? (frivilligt)').fill('Gap i bedömningen 2025');
    await region.getByRole('button', { name: 'Lägg till i planen' }).click();
    await region.getByText(`${TITLE} är tillagd sist i planen.`).waitFor();
    expect((await planOrder(region)).at(-1)).toBe(TITLE);
    await expectAccessible(region, 'regional plan with the new initiative');

    await region.getByLabel('Visa planen som den såg ut').fill(swedishDay(30));
    await region.getByRole('button', { name: 'Visa', exact: true }).click();
    await region.getByRole('heading', { name: /^Så här såg planen ut den / }).waitFor();
    await region.getByRole('table', { name: /^Planens insatser den / }).waitFor();
    expect(await planOrder(region)).toEqual(MONTH_AGO);
    await expectAccessible(region, 'regional plan a month ago');

    await region.goto('/insatser/oversikt');
    await region.getByRole('heading', { level: 1, name: 'Finansiering och nytta' }).waitFor();
    const bySource = region.getByRole('table', { name: 'Finansiering per källa och år, Region Dalarna' });
    await bySource
      .getByRole('row', { name: new RegExp(`^Annat bidrag ${YEAR} 123\\s000\\skr 123\\s000\\skr`) })
      .waitFor();
    await expectAccessible(region, 'regional funding totals');
  });
});
