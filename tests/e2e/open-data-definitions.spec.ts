import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * Issue 8, parts 4 and 5: an anonymous visitor finds the open data page from the footer and downloads
 * every municipality as JSON and CSV; the Dalarna coordinator follows a definition link from the
 * technology catalogue, reads the agreed terms, agrees a new version and sees the history. axe on
 * every page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe('open data and shared definitions', () => {
  it('an anonymous visitor reads the open data page and fetches all 290 municipalities', async () => {
    const { page } = await e.newPage();
    await page.goto('/tillganglighet');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Öppna data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Öppna data' }).waitFor();
    await page.getByRole('link', { name: 'Hämta som CSV – Kommuner – sammanfattning' }).waitFor();
    await page.getByText('Fält och kolumner i Kommuner – sammanfattning').click();
    await page
      .getByRole('table', { name: 'Fält i Kommuner – sammanfattning' })
      .getByText('municipality_code')
      .waitFor();
    await expectAccessible(page, 'open data page');

    const json = await page.evaluate(async () => {
      const res = await fetch('/api/open/v1/municipalities');
      const body = (await res.json()) as { items: { municipalityCode: string }[] };
      return { status: res.status, codes: body.items.map((m) => m.municipalityCode) };
    });
    expect(json.status).toBe(200);
    expect(json.codes).toHaveLength(290);
    expect(json.codes).toContain('2080');

    const csv = await page.request.get('/api/open/v1/municipalities.csv');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toMatch(/^municipality_code;municipality_name;county_code;as_of;/);
    expect(lines).toHaveLength(291);
    expect(lines.some((l) => l.startsWith('2080;Falun;20;'))).toBe(true);
  });

  it('the Dalarna coordinator reads the terms, agrees a new version and sees the history', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.goto('/valfardsteknik/katalog');
    await page.getByRole('link', { name: 'Vad menar vi med välfärdsteknik?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Begrepp' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#welfare-technology');
    const term = page.locator('#welfare-technology');
    await term.getByRole('heading', { name: 'Välfärdsteknik' }).waitFor();
    await term.getByText(/funktionsnedsättning/).waitFor();
    await term.getByText('Version 2', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Lägg till ett begrepp' }).waitFor();
    await expectAccessible(page, 'definitions');

    await term.getByRole('link', { name: 'Versionshistorik för Välfärdsteknik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Välfärdsteknik' }).waitFor();
    await page.getByRole('heading', { name: 'Version 2 – Gällande version' }).waitFor();
    await page.getByRole('heading', { name: 'Version 1', exact: true }).waitFor();
    await expectAccessible(page, 'definition history');

    const body =
      'Digital teknik som behåller eller ökar trygghet, aktivitet, delaktighet eller självständighet för äldre i Dalarna.';
    await page.getByLabel('Definition på svenska').fill(body);
    await page.getByLabel('Var och när det beslutades').fill('Styrgruppens möte 2026-11-27, § 3');
    await page.getByRole('button', { name: 'Spara ny version' }).click();
    await page.getByRole('status').getByText('Version 3 är sparad.').waitFor();
    await page.getByRole('heading', { name: 'Version 3 – Gällande version' }).waitFor();
    await page.getByRole('heading', { name: 'Version 2', exact: true }).waitFor();
    await page.getByText('Överenskommet: Styrgruppens möte 2026-11-27, § 3').first().waitFor();
    await expectAccessible(page, 'definition history after a new version');

    await page.getByRole('link', { name: 'Alla begrepp' }).click();
    await page.locator('#welfare-technology').getByText(body).waitFor();
    await page.locator('#welfare-technology').getByText('Version 3', { exact: false }).waitFor();
  });
});
