import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRound,
  createTemplate,
  nationId,
  orgIdByName,
  resultsContent,
  sheet,
} from '../api/assessment-results.fixtures.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

let e: E2E;
let roundId: string;
const ROUND = 'Dalarna resultat e2e';
const [U, N, M] = ['upphandling', 'natverk', 'medel'];

beforeAll(async () => {
  e = await startE2E();
  const db = e.t.db;
  const [versionId] = await createTemplate(db, [{ content: resultsContent }]);
  roundId = await createRound(db, {
    versionId: versionId!,
    ownerId: await orgIdByName(db, 'Region Dalarna', 'region'),
    name: ROUND,
    opensOn: '2025-03-01',
    sheets: [
      sheet('2080', 2, 'started', 4, 5, [U, N, M], 'Mer upphandlingsstöd', 'Strategin är under arbete'),
      sheet('2081', 4, 'achieved', 1, 3, [N, U, M], 'Borlänges önskan'),
      sheet('2082', 3, 'not_planned', 3, 3, [U, M, N]),
      sheet('2083', 5, 'not_relevant', 2, 2, [M, U, N]),
      { ...sheet('2084', 1, 'not_planned', 1, 1, [N, M, U], 'Avestas utkast'), status: 'open' },
    ],
  });
  await db.execute(
    sql`update organisations set flags = array['model_municipality'] where kind = 'municipality' and code in ('2506', '2505', '2425')`,
  );
  await createRound(db, {
    versionId: versionId!,
    ownerId: await nationId(db),
    name: 'Nationell e2e',
    opensOn: '2025-02-01',
    sheets: [
      sheet('2506', 5, 'achieved', 5, 5, [U, N, M]),
      sheet('2505', 3, 'started', 3, 3, [N, U, M]),
      sheet('2425', 1, 'not_planned', 1, 1, [M, N, U]),
    ],
  });
});
afterAll(() => e?.close());

describe('assessment results', () => {
  it('the region reads results, compares Falun with the region and the model municipalities and makes a draft', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna');
    await page.goto(`/bedomningar/${roundId}/resultat`);
    await page.getByRole('heading', { level: 1, name: `Resultat: ${ROUND}` }).waitFor();
    const heat = page.getByRole('table', { name: `Poäng 0–100 per kommun och område, ${ROUND}` });
    await heat.getByRole('row', { name: /^Falun 38 88/ }).waitFor();
    // The page opens with what the results say, in words; how they are calculated comes last, folded.
    const main = page.getByRole('main');
    expect(await main.getByRole('heading', { level: 2 }).first().textContent()).toBe('I korthet');
    const brief = main.getByRole('region', { name: 'I korthet' });
    await brief.getByText('Prioriterat högst: Upphandlingsstöd').waitFor();
    await brief.getByText('Starkast område (medelvärdet): Styrning och ledning, 63 av 100').waitFor();
    await brief.getByText('Svagast område (medelvärdet): Kompetens, 47 av 100').waitFor();
    expect(await page.getByText(/Borda/).count()).toBe(0);
    const method = main.locator('details.results-method');
    expect(await method.getByText(/Nivå 1 ger 0 poäng/).isVisible()).toBe(false);
    await method.getByText('Så räknas resultatet').click();
    await method.getByText(/Nivå 1 ger 0 poäng/).waitFor();
    const needs = page.locator('ol.needs-list > li');
    expect(await needs.count()).toBe(3);
    await expect(needs.first().textContent()).resolves.toContain('Upphandlingsstöd');
    await page.getByText('Mer upphandlingsstöd').waitFor();
    await expectAccessible(page, 'round results');

    await heat.getByRole('link', { name: 'Falun' }).click();
    await page.getByRole('heading', { level: 1, name: `Falun: ${ROUND}` }).waitFor();
    await page.getByRole('img', { name: 'Poäng per område jämfört med andra' }).waitFor();
    const table = page.getByRole('table', { name: /^Poäng 0–100 per område för Falun/ });
    await table.getByRole('columnheader', { name: 'Regionen' }).waitFor();
    await table.getByRole('columnheader', { name: 'Modellkommunerna' }).waitFor();
    await table.getByRole('row', { name: /^Styrning och ledning 38 71 50/ }).waitFor();
    await page.getByText('Strategin är under arbete').waitFor();
    await expectAccessible(page, 'Falun comparison');

    await page.getByRole('button', { name: 'Gör en insats av det här: Styrning och ledning' }).click();
    await page.getByLabel('Insatsens namn').waitFor();
    expect(await page.getByLabel('Insatsens namn').inputValue()).toBe('Styrning och ledning i Falun');
    await expectAccessible(page, 'initiative draft form');
    await page.getByRole('button', { name: 'Skapa utkast' }).click();
    await page.getByRole('heading', { level: 1, name: 'Styrning och ledning i Falun' }).waitFor();
    await page.getByText('Idé').waitFor();
    await page.getByRole('link', { name: new RegExp(`${ROUND} – Falun – Styrning och ledning`) }).waitFor();
    await expectAccessible(page, 'initiative draft');
  });

  it('the region sees a sheet not yet submitted marked preliminary, and counts it only when asked', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna');
    await page.goto(`/bedomningar/${roundId}/resultat`);
    await page.getByText('4 av 5 kommuner har lämnat in.', { exact: false }).waitFor();
    const heat = page.getByRole('table', { name: `Poäng 0–100 per kommun och område, ${ROUND}` });
    await heat.getByRole('row', { name: /^Avesta Preliminärt 0 0$/ }).waitFor();
    // Falun 38, Borlänge 88, Säter 25, Hedemora 100 → 63; with Avesta's 0 → 50.
    await heat.getByRole('row', { name: /^Medelvärde \(4 inlämnade\) 63 47$/ }).waitFor();
    await page.getByLabel(/Räkna med preliminära svar/).check();
    await heat.getByRole('row', { name: /^Medelvärde \(4 inlämnade \+ 1 preliminära\) 50 38$/ }).waitFor();
    expect(page.url()).toContain('preliminary=true');
    await expectAccessible(page, 'round results with preliminary answers');

    await heat.getByRole('link', { name: 'Avesta' }).click();
    await page.getByRole('heading', { level: 1, name: `Avesta: ${ROUND}` }).waitFor();
    await page.getByText('Preliminärt: Avesta har inte lämnat in sina svar, och de kan ändras.').waitFor();
    expect(await page.getByLabel(/Räkna med preliminära svar/).isChecked()).toBe(true);
    await expectAccessible(page, 'preliminary municipality results');
  });

  it('a municipal coordinator sees its own results, on a phone, but not the names of others', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.borlange');
    await page.goto(`/bedomningar/${roundId}/resultat`);
    await page.getByRole('heading', { level: 1, name: `Resultat: ${ROUND}` }).waitFor();
    const heat = page.getByRole('table', { name: `Poäng 0–100 per kommun och område, ${ROUND}` });
    await heat.getByRole('row', { name: /^Borlänge/ }).waitFor();
    expect(await page.getByText('Falun').count()).toBe(0);
    // Avesta's sheet is a draft: its wish is nowhere on a participant's page.
    expect(await page.getByText('Avestas utkast').count()).toBe(0);
    await page
      .getByRole('region', { name: 'I korthet' })
      .getByText('Prioriterat högst: Upphandlingsstöd')
      .waitFor();
    await expectAccessible(page, 'own results on a phone');
  });
});
