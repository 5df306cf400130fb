import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Contacts with external actors (issue 17), as the people who use them: the Dalarna regional
 * coordinator logs a market dialogue (an empty topic first, and the form names the field), with a
 * follow-up that waits on her start page; Falun's coordinator finds it by searching another word form,
 * on a phone and at a desk, and cannot change it. axe on every page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const main = (page: Page) => page.getByRole('main');
const TOPIC = 'Marknadsdialog om låsen i särskilt boende';
const fitsScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('contacts with external actors', () => {
  it('the regional coordinator logs a contact with a follow-up', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await followMenu(page, 'Stöd och upphandling', 'Externa kontakter');
    await page.getByRole('heading', { level: 1, name: 'Externa kontakter' }).waitFor();
    await main(page).getByRole('link', { name: 'Marknadsdialog om digitala lås i hemtjänsten' }).waitFor();
    await expectAccessible(page, 'contact log, regional coordinator');

    await main(page).getByRole('link', { name: 'Logga en kontakt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga en kontakt' }).waitFor();
    await main(page).getByLabel('Typ av kontakt').selectOption({ label: 'Marknadsdialog' });
    await main(page).getByLabel('Aktör', { exact: true }).fill('Låsbolaget Fiktiv AB');
    await main(page).getByLabel('Digitala lås (nyckelfri hemtjänst)').check();
    await main(page).getByRole('group', { name: 'Berörda kommuner' }).getByLabel('Falun').check();
    await main(page).getByLabel('Leverantör i registret').selectOption({ label: 'Låsbolaget Fiktiv AB' });
    await main(page).getByLabel('Möte eller marknadsdialog').selectOption({ index: 1 });
    await main(page)
      .getByLabel('Resultat')
      .fill('Låsen i särskilt boende kan styras från samma system som hemtjänstens.');
    await main(page).getByLabel('Uppföljning', { exact: true }).fill('Fråga om pris för fler kommuner.');
    await main(page).getByLabel('Följs upp senast').fill('2030-01-15');
    await main(page).getByRole('button', { name: 'Spara kontakten' }).click();
    await main(page)
      .locator('.error-summary')
      .getByRole('link', { name: /^Ämne: / })
      .waitFor();
    await expectAccessible(page, 'new contact without a topic');
    const [none] = await queryRows<{ n: number }>(
      e.t.db,
      sql`select count(*)::int as n from external_contacts where actor_name = 'Låsbolaget Fiktiv AB' and outcome like '%särskilt boende%'`,
    );
    expect(none?.n).toBe(0);

    await main(page).getByLabel('Ämne').fill(TOPIC);
    await main(page).getByRole('button', { name: 'Spara kontakten' }).click();
    await page.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
    await main(page).getByRole('link', { name: 'Låsbolaget Fiktiv AB' }).waitFor();
    await main(page).getByText('Följs upp senast', { exact: false }).waitFor();
    await expectAccessible(page, 'contact page, writer');

    await page.goto('/');
    await page.getByRole('link', { name: /^Följ upp \d+ kontakter? med externa? aktör/ }).waitFor();
  });

  it("Falun's coordinator finds the contact by searching for another word form, on a phone and at a desk", async () => {
    for (const width of [360, 1280]) {
      const { page } = await e.newPage({ width, height: 800 });
      await loginAs(page, 'samordnare.falun', 'Maria Sundin');
      if (width === 360) await page.goto('/kontakter');
      else await followMenu(page, 'Stöd och upphandling', 'Externa kontakter');
      await page.getByRole('heading', { level: 1, name: 'Externa kontakter' }).waitFor();
      expect(await main(page).getByRole('link', { name: 'Logga en kontakt' }).count()).toBe(0);
      await main(page).getByLabel('Sök på ämne, aktör eller resultat').fill('lås');
      await main(page).getByRole('button', { name: 'Sök', exact: true }).click();
      await main(page).getByRole('link', { name: TOPIC }).waitFor();
      await main(page).getByLabel('Berörd kommun').selectOption({ label: 'Falun' });
      await main(page).getByRole('link', { name: TOPIC }).waitFor();
      await expectAccessible(page, `contact search, municipal coordinator, ${width}px`);
      if (width === 360) expect(await fitsScreen(page)).toBe(true);

      await main(page).getByRole('link', { name: TOPIC }).click();
      await page.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
      await main(page).getByText('Låsen i särskilt boende kan styras', { exact: false }).waitFor();
      expect(await main(page).getByRole('link', { name: 'Ändra' }).count()).toBe(0);
      await expectAccessible(page, `contact page, reader, ${width}px`);
      if (width === 360) expect(await fitsScreen(page)).toBe(true);
    }
  });

  it('the regional coordinator changes the contact and marks its follow-up done, at 360 px', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.goto(`/kontakter?q=${encodeURIComponent('låsen särskilt')}`);
    await main(page).getByRole('link', { name: TOPIC }).click();
    await main(page).getByRole('link', { name: 'Ändra' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ändra kontakten' }).waitFor();
    await expectAccessible(page, 'edit contact at 360px');
    expect(await fitsScreen(page)).toBe(true);
    await main(page).getByRole('group', { name: 'Berörda kommuner' }).getByLabel('Borlänge').check();
    await main(page).getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
    await main(page)
      .getByText('Falun, Borlänge', { exact: false })
      .or(main(page).getByText('Borlänge, Falun'))
      .waitFor();
    await main(page).getByRole('button', { name: 'Markera uppföljningen som klar' }).click();
    await main(page).getByText('Uppföljningen klar', { exact: false }).waitFor();
    await expectAccessible(page, 'contact with the follow-up done at 360px');
  });
});
