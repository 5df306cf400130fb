import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { mainMenu, openMenu } from '../support/nav.ts';

/**
 * The main menu per role, on a 360-pixel phone and on a desktop: a few task groups (never more than
 * seven entries), opened and closed with the keyboard, the current page marked, and the public
 * certificate check reachable from the footer.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const topLevel = async (page: Page) =>
  (await mainMenu(page).locator('.nav-list > li > :is(a, button)').allTextContents()).map((s) => s.trim());

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

const roles = [
  { local: 'personal.falun', name: 'Amir Haddad', groups: ['Start', 'Lärande', 'Kunskap'] },
  {
    local: 'chef.falun',
    name: 'Sara Holmgren',
    groups: ['Start', 'Lärande', 'Kunskap'],
    learning: ['Mina utbildningar', 'Mitt team', 'Program', 'Studiegrupper'],
  },
  {
    local: 'samordnare.falun',
    name: 'Maria Sundin',
    groups: [
      'Start',
      'Lärande',
      'Kartläggning',
      'Utveckling',
      'Stöd och upphandling',
      'Kunskap',
      'Administration',
    ],
    plan: true,
  },
  {
    local: 'admin',
    name: 'Karin Ekström',
    groups: [
      'Start',
      'Lärande',
      'Kartläggning',
      'Utveckling',
      'Stöd och upphandling',
      'Kunskap',
      'Administration',
    ],
    plan: true,
  },
];

describe.each([360, 1280])('the main menu at %i px', (width) => {
  it.each(roles)('is grouped by task for $local and works with the keyboard', async (role) => {
    const { page } = await e.newPage({ width, height: width < 600 ? 740 : 900 });
    await loginAs(page, role.local, role.name);
    const menuButton = page.getByRole('button', { name: 'Meny' });
    if (width < 600) {
      // The phone menu opens from its button, with the keyboard.
      await menuButton.focus();
      await page.keyboard.press('Enter');
      expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    } else {
      expect(await menuButton.isVisible()).toBe(false);
    }
    const top = await topLevel(page);
    expect(top.length).toBeLessThanOrEqual(7);
    expect(top).toEqual(role.groups);

    // A group is a disclosure button: Enter opens it, Tab reaches its first link, Escape closes it.
    const learning = mainMenu(page).getByRole('button', { name: 'Lärande' });
    expect(await learning.getAttribute('aria-expanded')).toBe('false');
    await learning.focus();
    await page.keyboard.press('Enter');
    expect(await learning.getAttribute('aria-expanded')).toBe('true');
    if (role.learning) {
      const links = await mainMenu(page)
        .getByRole('list')
        .filter({ has: page.getByRole('link', { name: 'Mina utbildningar' }) })
        .last()
        .getByRole('link')
        .allTextContents();
      expect(links).toEqual(role.learning);
    }
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Mina utbildningar');
    await expectAccessible(page, `menu with Lärande open for ${role.local} at ${width}px`);
    await page.keyboard.press('Escape');
    expect(await learning.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedText(page)).toBe('Lärande');

    // Space opens it again; following a link closes the menu and marks the page as current.
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mina utbildningar' }).waitFor();
    if (width < 600) await expect.poll(() => menuButton.getAttribute('aria-expanded')).toBe('false');
    const menuLink = page
      .getByRole('navigation', { name: 'Huvudmeny', includeHidden: true })
      .getByRole('link', { name: 'Mina utbildningar', includeHidden: true });
    expect(await menuLink.getAttribute('aria-current')).toBe('page');

    if (role.plan) {
      // The rolling activity plan is two clicks from any page.
      await openMenu(page, 'Utveckling');
      await mainMenu(page).getByRole('link', { name: 'Rullande aktivitetsplan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rullande aktivitetsplaner' }).waitFor();
    }
    await expectAccessible(page, `after the menu for ${role.local} at ${width}px`);
  });
});

describe('the public certificate check', () => {
  const CODE = 'NAVE-TEST-2345';

  beforeAll(async () => {
    await queryRows(
      e.t.db,
      sql`insert into certificates (code, enrolment_id, learner_name, course_title, issuer)
          select ${CODE}, en.id, 'Amir Haddad', ${JSON.stringify({ sv: 'Välfärdsteknik i vardagen' })}::jsonb, 'Välfärdsnavet'
          from enrolments en
          where not exists (select 1 from certificates c where c.enrolment_id = en.id)
          limit 1`,
    );
  });

  it.each([360, 1280])(
    'is reached from the footer without logging in and checks a typed code (%i px)',
    async (width) => {
      const { page } = await e.newPage({ width });
      await page.goto('/logga-in');
      await page.getByRole('contentinfo').getByRole('link', { name: 'Kontrollera ett intyg' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kontrollera ett intyg' }).waitFor();
      await expectAccessible(page, `certificate check at ${width}px`);

      const field = page.getByLabel('Koden på intyget');
      const check = page.getByRole('button', { name: 'Kontrollera', exact: true });

      // Typed as people type it: lower case, spaces instead of dashes.
      await field.fill(' nave test 2345 ');
      await check.click();
      const valid = page.getByRole('heading', { level: 2, name: 'Intyget är giltigt' });
      await valid.waitFor();
      await expect.poll(() => focusedText(page)).toBe('Intyget är giltigt');
      expect(new URL(page.url()).pathname).toBe(`/intyg/${CODE}`);
      await page.getByText('Välfärdsteknik i vardagen', { exact: true }).waitFor();
      await page.getByText('Amir Haddad', { exact: true }).waitFor();
      await expectAccessible(page, `a valid certificate at ${width}px`);

      await field.fill('AAAA-BBBB-CCCC');
      await check.click();
      await page.getByRole('heading', { level: 2, name: 'Intyget hittades inte' }).waitFor();
      expect(await page.getByText('Amir Haddad').count()).toBe(0);
      await expectAccessible(page, `an unknown code at ${width}px`);

      // Not a code at all: the field says what a code looks like, and nothing is looked up.
      await field.fill('abc');
      await check.click();
      await page
        .getByRole('link', {
          name: 'Koden på intyget ska ha 12 bokstäver och siffror, till exempel ABCD-EFGH-JK23.',
        })
        .waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(new URL(page.url()).pathname).toBe('/intyg/AAAA-BBBB-CCCC');
      await expectAccessible(page, `a malformed code at ${width}px`);

      // A link as printed before still works, in any case.
      await page.goto(`/intyg/${CODE.toLowerCase()}`);
      await page.getByRole('heading', { level: 2, name: 'Intyget är giltigt' }).waitFor();
    },
  );
});
