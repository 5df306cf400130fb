import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DALARNA_REFERENCE_GROUP } from '../../src/server/db/demo/networks-demo.ts';
import { pdfWith } from '../fixtures/document-files.ts';
import { type E2E, expectAccessible, inviteNewUser, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Issue 5's "done when", in one journey: a new Falun coordinator updates an adoption and uploads a
 * strategy; a new Dalarna coordinator sees it in the matrix and on the map, finds the strategy by a word
 * form that is not in its title, and sees which municipalities lack a reference-group representative.
 * Both are invited by e-mail and find their way by the menus, not by typed addresses.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const LOCK = 'Digitala lås (nyckelfri hemtjänst)';
const STRATEGY = 'Strategi för välfärdsteknik i Falu kommun 2027–2030';

const newCoordinator = (by: string, orgName: string, role: string, name: string, email: string) =>
  inviteNewUser(e, { by, orgName, role, name, email });

describe('mapping, from a municipality to the region', () => {
  it('a new Falun coordinator records digital locks and uploads a strategy', async () => {
    const page = await newCoordinator(
      'samordnare.falun',
      'Falun',
      'Kommunsamordnare',
      'Nora Lindqvist',
      'nora.lindqvist@falun.example.se',
    );
    await followMenu(page, 'Kartläggning', 'Välfärdsteknik');
    await page.getByRole('heading', { level: 1, name: 'Välfärdsteknik i Falun' }).waitFor();
    await page.getByRole('button', { name: `Ändra: ${LOCK}` }).click();
    await page.getByLabel('Läge').selectOption({ label: 'I drift' });
    await page.getByLabel('Sedan').fill('2026-09-01');
    await page.getByLabel('Antal som använder tekniken nu').fill('210');
    await page.getByLabel('Antal som skulle kunna ha nytta av den').fill('600');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(`${LOCK} är sparad.`).waitFor();
    await expectAccessible(page, 'Falun technologies after the update');

    await followMenu(page, 'Kunskap', 'Styrdokument');
    await page.getByRole('link', { name: 'Lägg till styrdokument' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt styrdokument' }).waitFor();
    await page.getByLabel('Titel').fill(STRATEGY);
    await page.getByLabel('Typ av dokument').selectOption({ label: 'Strategi' });
    await page.getByLabel('Nivå').selectOption({ label: 'Lokal' });
    await page.getByLabel('Läge').selectOption({ label: 'Gäller' });
    await page.getByLabel('Antaget').fill('2026-10-15');
    await page.getByLabel('Ska ses över').fill('2028-10-15');
    await page.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'strategi-2027.pdf',
      mimeType: 'application/pdf',
      buffer: await pdfWith([
        STRATEGY,
        'Kommunens strategier för trygghet bygger på nyckelfria lås och digital nattillsyn.',
      ]),
    });
    await expectAccessible(page, 'new strategy form');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: STRATEGY }).waitFor();
    await page.getByText('Styrdokumentet är sparat.').waitFor();
    await expectAccessible(page, 'the uploaded strategy');
  });

  it('a new Dalarna coordinator sees it in the matrix and on the map, finds the strategy and the gaps', async () => {
    const page = await newCoordinator(
      'region.dalarna',
      'Region Dalarna',
      'Regional samordnare',
      'Ove Dalin',
      'ove.dalin@regiondalarna.example.se',
    );
    await followMenu(page, 'Kartläggning', 'Välfärdsteknik');
    const matrix = page.getByRole('table', { name: 'Välfärdsteknik per kommun i Region Dalarna' });
    await matrix
      .getByRole('row', { name: /^Falun/ })
      .getByText('I drift (35 %)')
      .waitFor();
    await expectAccessible(page, 'matrix');

    await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Karta' }).click();
    await page.getByLabel('Teknik', { exact: true }).selectOption({ label: LOCK });
    await page
      .getByRole('img', { name: new RegExp(`^Karta över Region Dalarna.*${LOCK.replace(/[()]/g, '\\$&')}`) })
      .waitFor();
    const mapTable = page.getByRole('table', { name: /^Kartans uppgifter: Läge för en teknik/ });
    await mapTable
      .getByRole('row', { name: /^Falun/ })
      .getByText('I drift')
      .waitFor();
    await expect
      .poll(() =>
        page
          .locator('.adoption-map path title')
          .filter({ hasText: /^Falun: I drift$/ })
          .count(),
      )
      .toBe(1);
    await expectAccessible(page, 'map by the status of digital locks');

    // "strategier" is not in the title; "Strategi" is, and the file says "strategier".
    await followMenu(page, 'Kunskap', 'Styrdokument');
    await page.getByLabel('Sök i styrdokument').fill('strategier');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    const hit = page.locator('.document-item', { hasText: STRATEGY });
    await hit.getByRole('link', { name: STRATEGY }).waitFor();
    expect((await hit.locator('mark').allTextContents()).length).toBeGreaterThan(0);
    await expectAccessible(page, 'search for strategier');

    await followMenu(page, 'Kunskap', 'Nätverk och grupper');
    await page.getByRole('link', { name: DALARNA_REFERENCE_GROUP }).click();
    const uncovered = page.getByRole('table', {
      name: `Kommuner utan representant i ${DALARNA_REFERENCE_GROUP}`,
    });
    await expect
      .poll(() => uncovered.locator('tbody th').allTextContents())
      .toEqual(['Smedjebacken', 'Vansbro', 'Älvdalen']);
    await expectAccessible(page, 'reference group coverage');

    // The gaps view says the same, and Falun has a strategy in force now.
    await followMenu(page, 'Kartläggning', 'Välfärdsteknik');
    await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Luckor' }).click();
    const gaps = page.getByRole('table', { name: 'Luckor per kommun i Region Dalarna' });
    await gaps
      .getByRole('row', { name: /^Vansbro/ })
      .getByText('Ingen representant')
      .waitFor();
    const falun = gaps.getByRole('row', { name: /^Falun/ });
    await falun.waitFor();
    expect(await falun.getByText('Inget styrdokument').count()).toBe(0);
    await expectAccessible(page, 'gaps');
  });
});
