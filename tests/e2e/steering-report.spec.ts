import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page, Request } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DALARNA_STEERING_GROUP } from '../../src/server/db/demo/networks-demo.ts';
import { type E2E, expectAccessible, inviteNewUser, startE2E } from '../support/browser.ts';

/**
 * Issue 8's steering-group report, as one journey by a new regional coordinator of Dalarna: from the
 * steering group's page to a new report for the last half-year, a narrative section written, saved
 * by itself and still there after a reload, a warning before leaving text that could not be saved, the PDF (Swedish text intact) and the Word file downloaded, and the
 * report issued and read-only. axe on every page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const TITLE = 'Rapport från Styrgrupp för välfärdsteknik och digitalisering';
const BACKGROUND =
  'Styrgruppen har under hösten mötts fem gånger. Länets kommuner, Region Dalarna och Högskolan Dalarna är företrädda.';

const NEXT_STEPS = 'Styrgruppen följer upp handlingsplanen i mars.';

const swedishDay = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(d);

async function downloaded(page: Page, link: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link, exact: true }).click(),
  ]);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vn-report-')), file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(saved) };
}

describe('a steering-group report from live data to issued', () => {
  let page: Page;

  it('a new Dalarna coordinator starts a report for the last half-year from the steering group', async () => {
    page = await inviteNewUser(e, {
      by: 'region.dalarna',
      orgName: 'Region Dalarna',
      role: 'Regional samordnare',
      name: 'Frida Öhman',
      email: 'frida.ohman@regiondalarna.example.se',
    });
    await page.goto('/natverk');
    await page.getByRole('link', { name: DALARNA_STEERING_GROUP, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: DALARNA_STEERING_GROUP }).waitFor();
    await expectAccessible(page, 'the steering group');
    await page.getByRole('link', { name: 'Styrgruppsrapporter', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Styrgruppsrapporter' }).waitFor();
    // The demo's reports: a draft for the last half-year and an issued one before it.
    await page.getByRole('table', { name: 'Rapporter' }).getByText('Fastställd').waitFor();
    await expectAccessible(page, 'steering-group reports');

    const form = page.getByRole('region', { name: 'Ny rapport' });
    expect(await form.getByLabel('Styrgrupp').inputValue()).not.toBe('');
    expect(await form.getByLabel('Till och med').inputValue()).toBe(swedishDay(new Date()));
    const from = new Date();
    from.setMonth(from.getMonth() - 6);
    from.setDate(from.getDate() + 1);
    expect(await form.getByLabel('Från och med').inputValue()).toBe(swedishDay(from));
    await form.getByLabel('Rapportens titel').fill(TITLE);
    await form.getByLabel('Diarienummer').fill('RD2026-1200');
    await form.getByRole('button', { name: 'Skapa rapport' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kartläggning' }).waitFor();
    await page
      .getByRole('table', { name: /^Representanter i Referensgrupp välfärdsteknik Dalarna/ })
      .waitFor();
    await expectAccessible(page, 'the new report');
  });

  it('writes the background, which saves itself and is kept after a reload', async () => {
    const state = (key: string) => page.locator(`#narrative-${key}-state`);
    // Untouched sections say nothing about saving (not "Sparat.").
    expect(await state('background').textContent()).toBe('');
    await page.getByLabel('Text: Bakgrund').fill(BACKGROUND);
    await state('background')
      .getByText(/^Sparat \d\d:\d\d$/)
      .waitFor();
    expect(await state('mission').textContent()).toBe('');
    // One form, no save button per section.
    expect(await page.getByRole('button', { name: /Spara avsnittet/ }).count()).toBe(0);
    await expectAccessible(page, 'the report saved as it was written');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.getByLabel('Text: Bakgrund').inputValue()).toBe(BACKGROUND);
    expect(await state('background').textContent()).toBe('');
    await expectAccessible(page, 'the report after a reload');
  });

  it('asks before leaving with text that could not be saved, and saves it on a retry', async () => {
    // The connection drops: the save fails, so the text stays unsaved.
    const narrativeSaves = `**/api/v1/reports/steering-group/*/narrative`;
    await page.route(narrativeSaves, (route) => route.abort('internetdisconnected'));
    await page.getByLabel('Text: Fortsatt arbete').fill(NEXT_STEPS);
    await page.getByText('Kunde inte spara – försök igen.').waitFor();
    await page.getByRole('link', { name: 'Alla styrgruppsrapporter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Du har ändringar som inte är sparade' });
    await dialog.waitFor();
    await expectAccessible(page, 'the warning before leaving unsaved text');
    await dialog.getByRole('button', { name: 'Stanna kvar och spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Text: Fortsatt arbete').inputValue()).toBe(NEXT_STEPS);
    // Back online: the retry saves, and leaving no longer asks.
    await page.unroute(narrativeSaves);
    await page.getByRole('button', { name: 'Försök spara igen' }).click();
    await page
      .locator('#narrative-nextSteps-state')
      .getByText(/^Sparat \d\d:\d\d$/)
      .waitFor();
    await page.getByRole('link', { name: 'Alla styrgruppsrapporter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Styrgruppsrapporter' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.getByLabel('Text: Fortsatt arbete').inputValue()).toBe(NEXT_STEPS);
  });

  it('leaves without saving when the person chooses to: no save reaches the server', async () => {
    const saves: string[] = [];
    const onRequest = (r: Request) => {
      if (r.method() === 'PUT' && r.url().endsWith('/narrative')) saves.push(r.url());
    };
    page.on('request', onRequest);
    try {
      await page.getByLabel('Text: Bakgrund').fill(`${BACKGROUND} Ett utkast som inte ska sparas.`);
      await page.getByRole('link', { name: 'Alla styrgruppsrapporter' }).click();
      const dialog = page.getByRole('dialog', { name: 'Du har ändringar som inte är sparade' });
      await dialog.waitFor();
      // Longer than the autosave's delay: nothing is saved behind the open question.
      await page.waitForTimeout(2500);
      expect(saves).toEqual([]);
      await dialog.getByRole('button', { name: 'Lämna utan att spara' }).click();
      await page.getByRole('heading', { level: 1, name: 'Styrgruppsrapporter' }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      // Reloaded from the server: the text as it was before the discarded draft.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      expect(await page.getByLabel('Text: Bakgrund').inputValue()).toBe(BACKGROUND);
      expect(saves).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('downloads the PDF with its Swedish text intact, and the Word file', async () => {
    const pdf = await downloaded(page, 'Ladda ner PDF');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(pdf.bytes));
    // Lines wrap in the PDF: compare with runs of white space as one space.
    const text = (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
    await doc.destroy();
    expect(text).toContain('Styrgrupp för välfärdsteknik');
    expect(text).toContain(BACKGROUND);
    expect(text).toContain('Kartläggning');

    const docx = await downloaded(page, 'Ladda ner Word (DOCX)');
    expect(docx.name).toMatch(/\.docx$/);
    const files = unzipSync(new Uint8Array(docx.bytes));
    expect(new TextDecoder().decode(files['word/document.xml'])).toContain(BACKGROUND);
  });

  it('issues the report after a confirm step; it is then read-only', async () => {
    await page.getByRole('button', { name: 'Fastställ rapporten' }).click();
    await page.getByText('Vill du fastställa rapporten? Det går inte att ångra.').waitFor();
    await expectAccessible(page, 'confirming the issue');
    await page.getByRole('button', { name: 'Ja, fastställ rapporten' }).click();
    await page.getByText('Rapporten är fastställd.').waitFor();
    await page.getByText('Siffrorna och texten är som de var när rapporten fastställdes.').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Fastställ rapporten' }).count()).toBe(0);
    await page.getByText(BACKGROUND).waitFor();
    await expectAccessible(page, 'the issued report');
  });
});
