import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Issue 8's dashboards: the Dalarna coordinator opens the region's dashboard, reads a figure in a
 * chart's table and follows a figure to the list behind it; Falun's coordinator sees Falun beside its
 * region and the country; the national administrator sees the country and picks a region. axe on every page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe('dashboards', () => {
  it('the Dalarna coordinator reads the region’s figures and follows one to its list', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await followMenu(page, 'Utveckling', 'Lägesbild');
    await page.getByRole('heading', { level: 1, name: 'Lägesbild – Region Dalarna' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/lagesbild/20');
    await expectAccessible(page, 'region dashboard');

    const adoption = page.getByRole('table', { name: /^Tekniker i drift, på prov och planerade/ });
    const alarm = adoption.getByRole('row', { name: /^Digitalt trygghetslarm/ });
    expect(await alarm.getByRole('cell').first().textContent()).toBe('15');
    await page.getByRole('img', { name: /^Kommuner med tekniken i drift/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Styrgruppsrapport' }).getAttribute('href')).toBe(
      '/rapporter/styrgrupp',
    );
    expect(await page.getByRole('link', { name: 'välfärdsteknik', exact: true }).getAttribute('href')).toBe(
      '/begrepp#welfare-technology',
    );

    await page.getByRole('link', { name: '2 insatser i fasen Pröva med status Pågår' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/insatser');
    expect(url.searchParams.get('fas')).toBe('try_out');
    expect(url.searchParams.get('status')).toBe('active');
    await expectAccessible(page, 'initiatives filtered from the dashboard');
  });

  it('Falun’s coordinator sees Falun beside its region and the country', async () => {
    const { page } = await e.newPage({ width: 390, height: 844 });
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto('/lagesbild');
    await page.getByRole('heading', { level: 1, name: 'Lägesbild – Falun' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/lagesbild/kommuner/2080');
    // The combined table: one row per figure, one column per group (Falun, region, models, country).
    const table = page.getByRole('table', { name: 'Alla nyckeltal: kommunen och jämförelsegrupperna' });
    const heads = await table.getByRole('columnheader').allTextContents();
    expect(heads).toEqual(['Nyckeltal', 'Falun (vi)', 'Region Dalarna', 'Modellkommunerna', 'Sverige']);
    const cells = await table
      .getByRole('row', { name: /^Tekniker i drift/ })
      .getByRole('cell')
      .allTextContents();
    expect(cells.slice(0, 2)).toEqual(['8', '6,6']);
    // Each small chart keeps its own table folded away; it opens on demand.
    const figure = page.getByRole('figure', { name: 'Tekniker i drift', exact: true });
    await figure.getByText('Visa som tabell').click();
    await figure
      .getByRole('table', { name: 'Tekniker i drift' })
      .getByRole('row', { name: /^Falun \(vi\) 8/ })
      .waitFor();
    await page.getByRole('heading', { name: 'Mognad per område' }).waitFor();
    await expectAccessible(page, 'municipality dashboard');
  });

  it('the national administrator sees the country and picks a region', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'admin', 'Karin Ekström');
    await page.goto('/lagesbild');
    await page.getByRole('heading', { level: 1, name: 'Lägesbild – Sverige' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/lagesbild/SE');
    await page.getByRole('heading', { name: 'Mognad per område' }).waitFor();
    await expectAccessible(page, 'national dashboard');
    await page.getByLabel('Visa lägesbild för').selectOption({ label: 'Region Dalarna' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Lägesbild – Region Dalarna' }).waitFor();
  });
});
