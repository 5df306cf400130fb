import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inMonths, insertContract, radarSupplier } from '../api/contract-radar.fixtures.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * The expiry radar (issue 17), as its readers use it: the Dalarna regional coordinator opens it from the
 * menu and finds Falun's and Borlänge's alarm contracts ending in the same window as an opportunity with
 * a link that starts a joint procurement, on the timeline, the map and in the table; Falun's
 * coordinator sees Borlänge's contract without its value, on a phone. axe on every view.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  const supplierId = await radarSupplier(e.t, 'Radarlarm Påhitt AB');
  await insertContract(e.t, {
    municipalityCode: '2080',
    supplierId,
    title: 'Larmavtal Falun (radar)',
    endsOn: inMonths(9),
    noticeMonths: 3,
    annualValueSek: 450_000,
    technologies: ['digital-safety-alarm'],
  });
  await insertContract(e.t, {
    municipalityCode: '2081',
    supplierId,
    title: 'Larmavtal Borlänge (radar)',
    endsOn: inMonths(15),
    noticeMonths: 6,
    annualValueSek: 700_000,
    technologies: ['digital-safety-alarm'],
  });
});
afterAll(() => e?.close());

const main = (page: Page) => page.getByRole('main');
const fitsScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('the contract radar', () => {
  it('the regional coordinator sees the timeline, the map, the table and an opportunity', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await followMenu(page, 'Stöd och upphandling', 'Avtalsradar');
    await page.getByRole('heading', { level: 1, name: 'Avtalsradar för Region Dalarna' }).waitFor();

    const opportunities = main(page).getByRole('region', { name: 'Samordningsmöjligheter' });
    const card = opportunities.getByRole('listitem').filter({
      has: page.getByRole('heading', {
        name: 'Digitalt trygghetslarm: avtal som löper ut inom samma 18 månader',
      }),
    });
    await card.first().waitFor();
    await expect.poll(() => card.first().textContent()).toContain('Falun');
    expect(await card.first().textContent()).toContain('Borlänge');
    const start = card.first().getByRole('link', { name: /^Starta samordnad upphandling/ });
    expect(await start.getAttribute('href')).toMatch(
      /^\/upphandlingar\/ny\?teknik=digital-safety-alarm&kommuner=(\d{4},)*2081,(\d{4},)*2080/,
    );

    const timeline = main(page).getByRole('region', { name: 'Tidslinje' });
    await timeline.getByRole('heading', { level: 3, name: 'Digitalt trygghetslarm' }).waitFor();
    await timeline
      .getByText(`Falun: Larmavtal Falun (radar). Slutar ${inMonths(9)}.`, { exact: false })
      .waitFor();

    const map = main(page).getByRole('region', { name: 'Karta' });
    await map.getByRole('img', { name: /^Karta över Region Dalarna/ }).waitFor();
    await map.getByRole('row', { name: /Falun/ }).waitFor();

    const table = main(page).getByRole('table', {
      name: 'Avtal som inte har löpt ut, närmaste beslut först',
    });
    const row = table.getByRole('row').filter({ hasText: 'Larmavtal Borlänge (radar)' });
    expect(await row.textContent()).toContain('700');
    expect(await row.textContent()).toContain(inMonths(15));
    await expectAccessible(page, 'contract radar, regional coordinator');

    await main(page).getByLabel('Teknik', { exact: true }).selectOption({ label: 'Spisvakt' });
    await expect
      .poll(() => main(page).getByRole('row').filter({ hasText: 'Larmavtal Falun (radar)' }).count())
      .toBe(0);
    await expectAccessible(page, 'contract radar filtered by technology');
  });

  it('Falun’s coordinator sees Borlänge’s contract without its value, on a phone', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto('/avtalsradar');
    await page.getByRole('heading', { level: 1, name: 'Avtalsradar för Region Dalarna' }).waitFor();
    const table = main(page).getByRole('table', {
      name: 'Avtal som inte har löpt ut, närmaste beslut först',
    });
    const borlange = table.getByRole('row').filter({ hasText: 'Larmavtal Borlänge (radar)' });
    expect(await borlange.textContent()).not.toContain('700');
    await borlange.getByText('Visas inte').waitFor({ state: 'attached' });
    expect(
      await table.getByRole('row').filter({ hasText: 'Larmavtal Falun (radar)' }).textContent(),
    ).toContain('450');
    expect(await fitsScreen(page)).toBe(true);
    await expectAccessible(page, 'contract radar, municipal coordinator at 360px');
  });
});
