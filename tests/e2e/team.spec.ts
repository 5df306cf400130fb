import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

/** From the start page to the team page: its link if the start page or menu has one, else the address. */
async function openTeam(page: Page) {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
  const link = page.getByRole('link', { name: /^Mitt team/ }).first();
  if (await link.isVisible()) await link.click();
  else await page.goto('/mitt-team');
  await page.getByRole('heading', { level: 1, name: 'Mitt team' }).waitFor();
  await page.getByRole('table', { name: 'Medarbetare och deras utbildning' }).waitFor();
}

const rows = (page: Page) =>
  page.getByRole('table', { name: 'Medarbetare och deras utbildning' }).locator('tbody tr');

describe('the manager’s team page', () => {
  it('chef.falun filters who has not started, enrols two people, reminds and downloads the list (phone)', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'chef.falun');
    await openTeam(page);
    expect(await rows(page).count()).toBeGreaterThan(3);
    await expectAccessible(page, 'team page on a phone');

    // Who has not started: the filter's count and the rows agree.
    await page.getByLabel('Status').selectOption('not_started');
    await expect.poll(() => page.url()).toContain('status=not_started');
    await expect
      .poll(async () => (await rows(page).allTextContents()).every((r) => r.includes('Inte påbörjad')))
      .toBe(true);

    // Enrol two people on a course.
    await page.getByLabel('Status').selectOption('');
    await expect.poll(() => page.url()).not.toContain('status=');
    const boxes = page.getByRole('table', { name: 'Medarbetare och deras utbildning' }).getByRole('checkbox');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByText('2 personer valda.').waitFor();
    const target = page.getByLabel('Skriv in i kurs eller program');
    const courseOption = await target.locator('option').nth(1).getAttribute('value');
    await target.selectOption(courseOption!);
    await page.getByRole('button', { name: 'Skriv in de valda' }).click();
    await page.getByText(/inskrivna, \d+ var redan inskrivna\./).waitFor();
    await expectAccessible(page, 'team page after enrolling');

    // Remind the same two.
    await page.getByRole('button', { name: 'Påminn de valda' }).click();
    await page.getByText(/påminnelser skickade\./).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner CSV (Excel)' }).click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toMatch(/^Namn;Roll;Enhet;Status;Kurs/);
  });

  it('opens from the unit page and reads well on a desktop', async () => {
    const { page } = await e.newPage({ width: 1280 });
    await loginAs(page, 'chef.falun');
    const me = await (await page.request.get('/api/v1/me')).json();
    const unit = me.memberships.find((m: { organisationKind: string }) => m.organisationKind === 'unit');
    await page.goto(`/organisationer/${unit.organisationId}`);
    await page.getByRole('heading', { level: 1, name: 'Hemtjänsten Norr' }).waitFor();
    await page.getByRole('link', { name: 'Mitt team – medarbetarnas utbildning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitt team' }).waitFor();
    await page.getByRole('table', { name: 'Medarbetare och deras utbildning' }).waitFor();
    expect(page.url()).toContain(`enhet=${unit.organisationId}`);
    await page.getByLabel('Sök namn eller e-post').fill('Amir');
    await expect.poll(() => rows(page).count()).toBe(1);
    await expectAccessible(page, 'team page on a desktop');
    // The old team report's address still works.
    await page.goto(`/enheter/${unit.organisationId}/utbildning`);
    await page.getByRole('heading', { level: 1, name: 'Mitt team' }).waitFor();
  });
});
