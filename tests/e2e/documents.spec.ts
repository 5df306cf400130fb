import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfWith, windowsExecutable } from '../fixtures/document-files.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const TITLE = 'Strategi för trygg omsorg i Falun 2026–2030';

describe('governing documents', () => {
  it('the Falun coordinator uploads a strategy on a phone and finds it by a word only its file has', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.falun');
    // The start page's to-do list reminds the owner of a document whose review date has passed.
    await page
      .getByRole('region', { name: 'Att göra' })
      .getByRole('link', { name: 'Se över Handlingsplan för trygghet och tillsyn i hemmet, Falu kommun' })
      .waitFor();
    await followMenu(page, 'Kunskap', 'Styrdokument');
    await page.getByRole('heading', { level: 1, name: 'Styrdokument' }).waitFor();
    // The demo's overdue action plan is Falun's: its coordinator is reminded.
    const reminders = page.getByRole('region', { name: 'Dags att se över' });
    await reminders
      .getByRole('link', { name: 'Handlingsplan för trygghet och tillsyn i hemmet, Falu kommun' })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Alla styrdokument' }).waitFor();
    await page.locator('.document-item').first().waitFor();
    await expectAccessible(page, 'documents page with reminders');

    await page.getByRole('link', { name: 'Lägg till styrdokument' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt styrdokument' }).waitFor();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('link', { name: 'Titel: Uppgiften måste fyllas i.' }).waitFor();
    await page.getByRole('link', { name: 'Typ av dokument: Uppgiften måste fyllas i.' }).waitFor();
    await expectAccessible(page, 'new document form with errors');

    await page.getByLabel('Titel').fill(TITLE);
    await page.getByLabel('Typ av dokument').selectOption({ label: 'Strategi' });
    await page.getByLabel('Nivå').selectOption({ label: 'Lokal' });
    await page.getByLabel('Läge').selectOption({ label: 'Gäller' });
    await page.getByLabel('Antaget').fill('2026-02-10');
    await page.getByLabel('Ska ses över').fill('2028-02-10');
    await page.getByLabel('Fokusområden').fill('trygghet, digital tillsyn');

    // A program renamed to .pdf is refused, with the reason in the summary and at the field.
    await page.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'strategi.pdf',
      mimeType: 'application/pdf',
      buffer: windowsExecutable(),
    });
    await page.getByRole('button', { name: 'Spara' }).click();
    const refusal =
      'Filen är ett program, oavsett vad den heter, och kan inte laddas upp. Inget har sparats.';
    await page.getByRole('link', { name: `Fil: ${refusal}` }).waitFor();
    await expect(page.locator('#document-file-error').textContent()).resolves.toBe(`Fil: ${refusal}`);
    await expectAccessible(page, 'disguised file refused');

    const pdf = await pdfWith([
      TITLE,
      'Falun inför nattkameror och mobila trygghetslarm i hela hemtjänsten under planperioden.',
    ]);
    await page.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'Strategi trygg omsorg.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Styrdokumentet är sparat.').waitFor();
    const download = page.getByRole('link', { name: /^Ladda ner Strategi trygg omsorg\.pdf/ });
    await download.waitFor();
    await expectAccessible(page, 'the new document');

    // The file downloads as it was uploaded.
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vn-doc-')), 'fil.pdf');
    await file.saveAs(saved);
    expect(Buffer.compare(fs.readFileSync(saved), pdf)).toBe(0);

    // Its owner changes the review date to one that has passed: the page says it is due.
    await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    await page.getByRole('heading', { level: 2, name: `Ändra: ${TITLE}` }).waitFor();
    await expectAccessible(page, 'editing the document');
    await page.getByLabel('Ska ses över').fill('2025-06-30');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Styrdokumentet är sparat.').waitFor();
    await page.getByText('Översynsdatumet 30 juni 2025 har passerat.', { exact: false }).waitFor();

    // "nattkamerorna" is in neither the title nor the file; its stem is in the file.
    await page.getByRole('link', { name: 'Alla styrdokument' }).click();
    await page.getByLabel('Sök i styrdokument').fill('nattkamerorna');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('1 träff för ”nattkamerorna”').waitFor();
    const hit = page.locator('.document-item', { hasText: TITLE });
    await hit.getByRole('link', { name: TITLE }).waitFor();
    await expect(hit.locator('mark').allTextContents()).resolves.toEqual(['nattkameror']);
    await expectAccessible(page, 'search results with highlights');
  });

  it('lets staff read and search, but not add', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'personal.falun');
    await page.goto('/styrdokument?q=strategier');
    await page.getByRole('heading', { level: 1, name: 'Styrdokument' }).waitFor();
    const hit = page.locator('.document-item', {
      hasText: 'Digital omsorg i Dalarna – gemensam inriktning 2025–2028',
    });
    await hit.locator('mark').first().waitFor();
    expect(await page.getByRole('link', { name: 'Lägg till styrdokument' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Dags att se över' }).count()).toBe(0);
    await expectAccessible(page, 'search as staff');

    await hit.getByRole('link').click();
    await page
      .getByRole('heading', { level: 1, name: 'Digital omsorg i Dalarna – gemensam inriktning 2025–2028' })
      .waitFor();
    await page.getByText('Region Dalarna', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Ändra uppgifter' }).count()).toBe(0);
    await expectAccessible(page, 'a document read by staff');
  });
});
