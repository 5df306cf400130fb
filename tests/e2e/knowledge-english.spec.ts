import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Issue 8's pages in English: the Dalarna coordinator switches the interface language and reads the
 * dashboard, the knowledge bank, a case, the steering-group reports and the definitions. Every page is
 * in English (no Swedish interface text, no raw message keys) and passes axe.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

/** Interface words that would show a page still speaking Swedish, or a message key with no text. */
const leftovers =
  /\b(Sök|Spara|Visa som tabell|Ladda ner|Kommun|Utkast)\b|\b(cases|dashboards|steeringReports|definitions)\.[a-zA-Z.]+/;

describe('knowledge sharing and reporting in English', () => {
  it('reads the dashboard, the knowledge bank, a case, the reports and the definitions', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.getByRole('button', { name: /^English/ }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    await followMenu(page, 'Development', 'Overview');
    await page.getByRole('heading', { level: 1, name: 'Overview – Region Dalarna' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(leftovers);
    await page.getByRole('link', { name: 'Steering-group report' }).waitFor();
    await expectAccessible(page, 'region dashboard in English');

    await followMenu(page, 'Knowledge', 'Knowledge bank');
    await page.getByRole('heading', { level: 1, name: 'Knowledge bank' }).waitFor();
    await page.getByRole('button', { name: 'Search' }).waitFor();
    await expectAccessible(page, 'knowledge bank in English');
    await page
      .getByRole('link', { name: /Kalmar/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: 'Facts about the case' }).waitFor();
    expect(await page.locator('main dl').textContent()).not.toMatch(leftovers);
    await expectAccessible(page, 'a case in English');

    await page.goto('/rapporter/styrgrupp');
    await page.getByRole('heading', { level: 1, name: 'Steering-group reports' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'New report' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(leftovers);
    await expectAccessible(page, 'steering-group reports in English');

    await page.getByRole('contentinfo').getByRole('link', { name: 'Definitions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Definitions' }).waitFor();
    await page.getByRole('heading', { name: 'Welfare technology' }).first().waitFor();
    await expectAccessible(page, 'definitions in English');
  });
});
