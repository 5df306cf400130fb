import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { pngImage } from '../fixtures/document-files.ts';
import { type E2E, expectAccessible, inviteNewUser, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Issue 8's "done when", as a new Falun coordinator: finds who runs digital night supervision (from the
 * technology catalogue), reads a model municipality's case and asks its contact person (the e-mail lands
 * in the outbox); then writes a case of Falun's own by keyboard (issue 16: an error summary that names
 * the fields), attaches a picture, lets the long texts save themselves and sends it for review from
 * the same page, and Region Dalarna publishes it from the review queue. axe on every page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const NIGHT = 'Digital nattillsyn (kamera)';
const MODEL_CASE = 'Digital nattillsyn i hela hemtjänsten i Skellefteå';
const NEW_CASE = 'Nattillsyn med kamera i Hemtjänsten Söder';
const NEW_USER = { name: 'Nora Lindgren', email: 'nora.lindgren@falun.example.se' };
const LESSONS = 'Börja med de brukare som själva vill ha nattillsyn med kamera.';

describe('the knowledge bank', () => {
  let nora: Page;

  it('a new Falun coordinator finds who runs digital night supervision, nearest first', async () => {
    nora = await inviteNewUser(e, {
      by: 'samordnare.falun',
      orgName: 'Falun',
      role: 'Kommunsamordnare',
      ...NEW_USER,
    });
    await followMenu(nora, 'Kunskap', 'Kunskapsbank');
    await nora.getByRole('heading', { level: 1, name: 'Kunskapsbank' }).waitFor();
    await nora.getByRole('link', { name: MODEL_CASE }).waitFor();
    await expectAccessible(nora, 'knowledge bank');

    await nora.getByLabel('Sökord').fill('nattillsynen');
    await nora.getByRole('button', { name: 'Sök', exact: true }).click();
    await nora.getByText(/exempel matchar "nattillsynen"/).waitFor();
    await nora.getByRole('link', { name: MODEL_CASE }).waitFor();
    expect(await nora.locator('.case-item mark').count()).toBeGreaterThan(0);
    await expectAccessible(nora, 'knowledge bank search');

    await nora.goto('/valfardsteknik/katalog');
    await nora.getByRole('link', { name: `Vem har gjort detta? ${NIGHT}` }).click();
    await nora.getByRole('heading', { level: 1, name: `Vem har gjort detta? ${NIGHT}` }).waitFor();
    await nora.getByText('Avståndet räknas från Falun.', { exact: false }).waitFor();
    const names = await nora.locator('.who-item h2').allInnerTexts();
    expect(names[0]).toBe('Falun');
    expect(names).toEqual(expect.arrayContaining(['Borlänge', 'Skellefteå', 'Kalmar', 'Borås']));
    expect(names.indexOf('Borlänge')).toBeLessThan(names.indexOf('Skellefteå'));
    await nora.getByText('Ingrid Lindqvist').waitFor();
    expect(await nora.getByText('Eva Nordin').count()).toBe(0);
    await expectAccessible(nora, 'who has done this');
  });

  it('reads a model municipality’s case and contacts its contact person', async () => {
    await nora.getByRole('link', { name: MODEL_CASE }).click();
    await nora.getByRole('heading', { level: 1, name: MODEL_CASE }).waitFor();
    await nora.getByText('Modellkommun').first().waitFor();
    await expectAccessible(nora, 'a model municipality’s case');
    await nora.getByLabel('Ditt meddelande').fill('Hur fick ni med nattpersonalen från början?');
    await nora.getByRole('button', { name: 'Skicka meddelandet' }).click();
    await nora.getByText('Ditt meddelande är skickat till Ingrid Lindqvist.').waitFor();
    const [mail] = await queryRows<{ text: string }>(
      e.t.db,
      sql`select text from outbox where "to" = 'ingrid.lindqvist.skelleftea@demo.valfardsnavet.se'`,
    );
    expect(mail!.text).toContain(NEW_USER.email);
    expect(mail!.text).toContain('Hur fick ni med nattpersonalen från början?');
    await expectAccessible(nora, 'case after contacting');
  });

  it('writes a case by keyboard: the error summary names each field and its links move focus there', async () => {
    await followMenu(nora, 'Kunskap', 'Kunskapsbank');
    await nora.getByRole('link', { name: 'Skriv ett nytt exempel' }).click();
    await nora.getByRole('heading', { level: 1, name: 'Nytt exempel' }).waitFor();
    const save = nora.getByRole('button', { name: 'Spara utkastet' });
    await save.focus();
    await nora.keyboard.press('Enter');
    const summary = nora.locator('.ds-error-summary');
    await summary.getByRole('link').first().waitFor();
    // Each message names its field, in the form's words (not "Uppgiften måste fyllas i." twice).
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Rubrik: Skriv minst 3 tecken.',
      'Sammanfattning: Skriv minst 10 tecken.',
      'Teknik som exemplet handlar om: Välj minst en teknik.',
    ]);
    expect(await nora.evaluate(() => document.activeElement?.classList.contains('ds-error-summary'))).toBe(
      true,
    );
    await expectAccessible(nora, 'new case with errors');
    const focusedId = () => nora.evaluate(() => document.activeElement?.id ?? '');

    await summary.getByRole('link', { name: 'Rubrik: Skriv minst 3 tecken.' }).focus();
    await nora.keyboard.press('Enter');
    expect(await focusedId()).toBe('case-title');
    await nora.keyboard.type(NEW_CASE);
    await summary.getByRole('link', { name: /^Sammanfattning:/ }).focus();
    await nora.keyboard.press('Enter');
    expect(await focusedId()).toBe('case-summary');
    await nora.keyboard.type('Hemtjänsten Söder prövade digital nattillsyn i tre månader.');
    await summary.getByRole('link', { name: /^Teknik som exemplet handlar om:/ }).focus();
    await nora.keyboard.press('Enter');
    expect(await focusedId()).toBe('case-technologyKeys');
    // Tab through the technologies to digital night supervision and tick it with the space bar.
    for (let i = 0; i < 40; i++) {
      await nora.keyboard.press('Tab');
      const label = await nora.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.labels?.[0]?.textContent ?? '';
      });
      if (label === NIGHT) break;
    }
    await nora.keyboard.press('Space');
    expect(await nora.getByRole('checkbox', { name: NIGHT }).isChecked()).toBe(true);
    const typeInto = async (label: string, text: string) => {
      await nora.getByLabel(label, { exact: true }).focus();
      await nora.keyboard.type(text);
    };
    await typeInto('Vad som gjordes', 'Test med tolv brukare som ville sova ostört.');
    await typeInto('Namn', NEW_USER.name);
    await typeInto('E-postadress', NEW_USER.email);
    await nora.getByLabel('Kontaktpersonen har gått med på att visas och kontaktas').focus();
    await nora.keyboard.press('Space');
    await save.focus();
    await nora.keyboard.press('Enter');
    await nora.getByRole('heading', { level: 1, name: 'Ändra exemplet' }).waitFor();
    const created = nora.getByText(/^Utkastet är sparat\./);
    await created.waitFor();
    // Focus lands on what happened, not on the page body.
    expect(await nora.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(
      /^Utkastet är sparat\./,
    );
  });

  it('saves the draft’s long texts by itself and sends it for review from the same page', async () => {
    await nora
      .getByLabel('Fil att bifoga')
      .setInputFiles({ name: 'skarmbild.png', mimeType: 'image/png', buffer: pngImage() });
    await nora.getByRole('button', { name: 'Ladda upp' }).click();
    await nora.getByText('skarmbild.png är uppladdad.').waitFor();
    await nora.getByLabel('Lärdomar').fill(LESSONS);
    await nora.getByText(/^Sparat \d\d:\d\d$/).waitFor();
    await expectAccessible(nora, 'editing the case');
    await nora.reload();
    await nora.getByRole('heading', { level: 1, name: 'Ändra exemplet' }).waitFor();
    expect(await nora.getByLabel('Lärdomar').inputValue()).toBe(LESSONS);
    // The way back says where it goes (it was "Avbryt").
    await nora.getByRole('link', { name: 'Tillbaka till exemplet' }).waitFor();
    await nora.getByRole('button', { name: 'Skicka för granskning' }).click();
    await nora.getByRole('heading', { level: 1, name: NEW_CASE }).waitFor();
    await nora.getByText('Exemplet är skickat för granskning.').waitFor();
    await expectAccessible(nora, 'case sent for review');
  });

  it('Region Dalarna publishes it from the review queue', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await followMenu(page, 'Kunskap', 'Kunskapsbank');
    await page.getByRole('link', { name: 'Granska exempel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Granska exempel' }).waitFor();
    await page.getByRole('link', { name: 'Läkemedelsrobotar hos tio brukare i Borlänge' }).waitFor();
    await expectAccessible(page, 'review queue');
    await page.getByRole('link', { name: NEW_CASE }).click();
    await page.getByRole('heading', { level: 1, name: NEW_CASE }).waitFor();
    await expectAccessible(page, 'case under review');
    await page.getByRole('button', { name: 'Publicera' }).click();
    await page.getByText('Exemplet är publicerat.').waitFor();
    const [row] = await queryRows<{ status: string }>(
      e.t.db,
      sql`select status from cases where title = ${NEW_CASE}`,
    );
    expect(row!.status).toBe('published');
    await nora.goto('/kunskapsbank');
    await nora.getByRole('link', { name: NEW_CASE }).waitFor();
  });
});
