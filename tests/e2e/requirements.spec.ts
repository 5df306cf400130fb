import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Issue 17's requirements library, as the people who use it: Region Dalarna's coordinator searches the
 * library for "larm", builds a specification for a joint procurement of social alarms from five
 * requirements (one a "should", one moved up) and downloads it as a Word document; a Borlänge
 * coordinator on her phone tells whether an alarm requirement worked in her contract. axe on every page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const SPEC = 'Trygghetslarm 2027 – samordnad upphandling';

describe('the requirements library', () => {
  let region: Page;

  it('a regional coordinator searches the library in Swedish', async () => {
    ({ page: region } = await e.newPage());
    await loginAs(region, 'region.dalarna');
    await followMenu(region, 'Stöd och upphandling', 'Kravbibliotek');
    await region.getByRole('heading', { level: 1, name: 'Kravbibliotek' }).waitFor();
    await region.locator('.requirement-item').first().waitFor();
    await expectAccessible(region, 'requirements library');

    await region.getByLabel('Sök i kravtexterna').fill('larm');
    await region.getByRole('button', { name: 'Sök', exact: true }).click();
    await region.getByText(/krav matchar ”larm”/).waitFor();
    expect(await region.locator('.requirement-item mark').count()).toBeGreaterThan(0);
    await expectAccessible(region, 'requirements search');
  });

  it('builds a specification from five requirements and downloads it as a Word document', async () => {
    await followMenu(region, 'Stöd och upphandling', 'Kravspecifikationer');
    await region.getByRole('heading', { level: 1, name: 'Kravspecifikationer' }).waitFor();
    await region.getByText('Digitala lås i hemtjänsten – gemensam upphandling').waitFor();
    await expectAccessible(region, 'specifications');

    // A missing title and technology are named before anything is sent.
    await region.getByRole('button', { name: 'Skapa kravspecifikationen' }).click();
    await region.getByRole('link', { name: /^Rubrik:/ }).waitFor();
    await region.getByRole('link', { name: /^Teknik:/ }).waitFor();
    await expectAccessible(region, 'new specification with errors');
    await region.getByLabel('Rubrik').fill(SPEC);
    await region.getByLabel('Teknik', { exact: true }).selectOption({ label: 'Digitalt trygghetslarm' });
    await region
      .getByLabel('Inledning')
      .fill('Dalarnas kommuner upphandlar digitala trygghetslarm tillsammans.');
    await region.getByRole('button', { name: 'Skapa kravspecifikationen' }).click();
    await region.getByRole('heading', { level: 1, name: SPEC }).waitFor();
    await region.getByText('Inga krav ännu.', { exact: false }).waitFor();

    const add = region.getByRole('region', { name: 'Lägg till krav ur biblioteket' });
    await add.getByLabel('Sök i kravtexterna').fill('larm');
    await add.getByRole('button', { name: 'Sök', exact: true }).click();
    await add.getByText(/krav matchar ”larm”/).waitFor();
    const chosen: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const button = add.getByRole('button', { name: /^Lägg till:/ }).first();
      const label = (await button.getAttribute('aria-label'))!;
      chosen.push(label.replace(/^Lägg till: /, '').slice(0, 40));
      await button.click();
      await region.getByText(`Kravet är tillagt som nummer ${n}.`).waitFor();
    }
    expect(await region.locator('.spec-row').count()).toBe(5);
    await expectAccessible(region, 'specification builder with five rows');

    await region.getByLabel('Ska eller bör för krav 3').selectOption({ label: 'Bör-krav' });
    await region.getByRole('button', { name: 'Flytta upp krav 2' }).click();
    await region.getByText('Kravet är nu nummer 1.').waitFor();
    await region.getByRole('button', { name: 'Spara kravspecifikationen' }).click();
    await region.getByText('Kravspecifikationen är sparad.').waitFor();
    await expectAccessible(region, 'specification saved');

    // The region's draft for digital locks took a requirement the library has since sharpened.
    await followMenu(region, 'Stöd och upphandling', 'Kravspecifikationer');
    await region.getByRole('link', { name: 'Digitala lås i hemtjänsten – gemensam upphandling' }).click();
    await region.getByRole('button', { name: 'Ta version 2 i krav 2' }).click();
    await region.getByText('Krav 2 har nu version 2.').waitFor();
    await region.locator('.spec-row').getByText('nedsatt kraft i händerna', { exact: false }).waitFor();
    await region.getByRole('button', { name: 'Spara kravspecifikationen' }).click();
    await region.getByText('Kravspecifikationen är sparad.').waitFor();
    expect(await region.getByRole('button', { name: /^Ta version/ }).count()).toBe(0);
    await expectAccessible(region, 'a specification taking a newer version');
    await followMenu(region, 'Stöd och upphandling', 'Kravspecifikationer');
    await region.getByRole('link', { name: SPEC }).click();
    await region.getByRole('heading', { level: 1, name: SPEC }).waitFor();

    const [download] = await Promise.all([
      region.waitForEvent('download'),
      region.getByRole('link', { name: 'Word-dokument (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^trygghetslarm-2027-samordnad-upphandling-\d{4}-\d\d-\d\d\.docx$/,
    );
    const docx = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const text = new TextDecoder().decode(docx['word/document.xml']).replace(/<[^>]+>/g, '');
    expect(text).toContain(SPEC);
    expect(text).toContain('Krav 5 (');
    expect(text).toContain('Bör-krav');
    for (const start of chosen) expect(text).toContain(start);
  });
});

describe('a lesson after a contract', () => {
  it('a municipal coordinator on a phone records whether a requirement worked', async () => {
    const { page } = await e.newPage({ width: 360, height: 780 });
    await loginAs(page, 'samordnare.borlange');
    await followMenu(page, 'Stöd och upphandling', 'Kravbibliotek');
    await page.getByLabel('Sök i kravtexterna').fill('mobilnätet');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText(/krav matchar ”mobilnätet”/).waitFor();
    await expectAccessible(page, 'search on a phone');
    await page.locator('.requirement-item a').first().click();
    await page.getByRole('heading', { level: 1, name: 'Krav' }).waitFor();
    await page.getByRole('heading', { name: 'Fungerade kravet?' }).waitFor();
    await expectAccessible(page, 'requirement on a phone');

    await page.getByRole('button', { name: 'Spara erfarenheten' }).click();
    await page.getByRole('link', { name: /^Vad hände\?:/ }).waitFor();
    await expectAccessible(page, 'lesson with errors on a phone');
    await page
      .getByRole('combobox', { name: 'Fungerade kravet?' })
      .selectOption({ label: 'Fungerade delvis' });
    await page
      .getByLabel('Vad hände?')
      .fill('Larmen fungerade, men leverantören bytte inte trasiga larm i tid.');
    await page.getByRole('button', { name: 'Spara erfarenheten' }).click();
    await page.getByText('Erfarenheten är sparad.').waitFor();
    await page.getByText('Larmen fungerade, men leverantören bytte inte trasiga larm i tid.').waitFor();
    await page
      .getByText(/Borlänge om version \d/)
      .first()
      .waitFor();
    await expectAccessible(page, 'lesson saved on a phone');
  });
});
