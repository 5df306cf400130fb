import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AKADEMI_NORR_PROGRAMME } from '../../src/server/db/demo/learning-demo.ts';
import { demoLogin, type E2E, expectAccessible, startE2E } from '../support/browser.ts';
import { mainMenu } from '../support/nav.ts';

/**
 * Each role's everyday journey (issue 16's "done when"): from the start page, every main task is at most
 * three clicks away, on a 360-px phone and on a desktop, with axe clean on the start page and on each
 * page reached. The login is done with the keyboard only, and on the phone one form per role too.
 * Covered elsewhere and not repeated here: the quiz by keyboard (learning.spec.ts), the knowledge-bank
 * case by keyboard (knowledge-bank.spec.ts), the menu by keyboard (navigation.spec.ts).
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const MAX_CLICKS = 3;
const OPEN_ROUND = 'Förutsättningar för välfärdsteknik 2026';
const main = (page: Page) => page.getByRole('main');
const section = (page: Page, name: string | RegExp) => main(page).getByRole('region', { name });
const h1 = (page: Page, name?: string | RegExp) => page.getByRole('heading', { level: 1, name });

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Moves the focus with Tab (as a keyboard user does) until it reaches the target. */
async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Waits until the page's own requests have answered (no loading indicator left in the main area). */
async function settled(page: Page) {
  await expect.poll(() => main(page).getByText('Laddar …').count(), { timeout: 20_000 }).toBe(0);
}

/** The login page with the keyboard only: Tab to each field, type, Enter to log in. */
async function loginByKeyboard(page: Page, local: string, name: string) {
  const creds = demoLogin(local);
  await page.goto('/logga-in');
  await tabTo(page, page.getByLabel('E-postadress'));
  await page.keyboard.type(creds.email);
  await tabTo(page, page.getByLabel('Lösenord', { exact: true }));
  await page.keyboard.type(creds.password);
  await page.keyboard.press('Enter');
  await h1(page, `Hej ${name}!`).waitFor();
}

/** One task, counted from the start page: each click goes through here and the total is checked. */
class Task {
  clicks = 0;
  constructor(
    readonly page: Page,
    readonly name: string,
  ) {}

  async click(target: Locator) {
    this.clicks++;
    await target.click();
  }

  /** Through the main menu: on a phone its button first, then the task group, then the link. */
  async menu(group: string, link: string) {
    const menuButton = this.page.getByRole('button', { name: 'Meny' });
    if (await menuButton.isVisible()) await this.click(menuButton);
    await this.click(mainMenu(this.page).getByRole('button', { name: group, exact: true }));
    await this.click(mainMenu(this.page).getByRole('link', { name: link, exact: true }));
  }

  /** The task's page is open: within the click budget and accessible. */
  async reached(label = this.name) {
    expect(this.clicks, `clicks from the start page to ${this.name}`).toBeLessThanOrEqual(MAX_CLICKS);
    await settled(this.page);
    await expectAccessible(this.page, `${label} (${this.page.viewportSize()!.width} px)`);
  }
}

/** Back to the start page (as a person does between tasks) and a new count. */
async function fromStart(page: Page, name: string): Promise<Task> {
  await page.goto('/');
  await h1(page, /^Hej /).waitFor();
  await settled(page);
  return new Task(page, name);
}

const viewports = [
  { device: 'phone', width: 360, height: 740 },
  { device: 'desktop', width: 1280, height: 900 },
] as const;

describe.each(viewports)('each role’s journey on a $device', ({ width, height }) => {
  const phone = width < 600;

  async function start(local: string, name: string): Promise<Page> {
    const { page } = await e.newPage({ width, height });
    await loginByKeyboard(page, local, name);
    await settled(page);
    await expectAccessible(page, `start page of ${local} (${width} px)`);
    return page;
  }

  it('care staff: the next lesson and their courses', async () => {
    const page = await start('personal.falun', 'Amir Haddad');

    const lesson = await fromStart(page, 'the next lesson');
    await lesson.click(section(page, 'Fortsätt där du slutade').getByRole('link', { name: /^Fortsätt: / }));
    await page.waitForURL(/\/utbildning\/kurser\/[0-9a-f-]{36}\/moduler\/[^/]+\/(lektioner\/[^/]+|quiz)$/);
    await h1(page).waitFor();
    await lesson.reached();

    const courses = await fromStart(page, 'my courses');
    await courses.click(main(page).getByRole('link', { name: 'Alla mina utbildningar' }));
    await h1(page, 'Mina utbildningar').waitFor();
    await courses.reached();
  });

  it('a manager: the team page, enrolling and reminding from it, and study groups', async () => {
    const page = await start('chef.falun', 'Sara Holmgren');

    const team = await fromStart(page, 'the team page');
    await team.click(section(page, 'Nyckeltal').getByRole('link', { name: /har gått klart sin utbildning/ }));
    await h1(page, 'Mitt team').waitFor();
    const table = page.getByRole('table', { name: 'Medarbetare och deras utbildning' });
    await table.waitFor();
    // Enrolling and reminding are on the team page itself: no further navigation.
    await page.getByRole('button', { name: 'Skriv in de valda' }).waitFor();
    await page.getByRole('button', { name: 'Påminn de valda' }).waitFor();
    await team.reached();

    if (phone) {
      // Keyboard only: find a person by the team filter, select him and send a reminder.
      await tabTo(page, page.getByLabel('Sök namn eller e-post'));
      // At a person's pace: the field is bound to the address and filters as it is typed.
      await page.keyboard.type('Amir', { delay: 150 });
      expect(await page.getByLabel('Sök namn eller e-post').inputValue()).toBe('Amir');
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBe(1);
      await tabTo(page, table.locator('tbody').getByRole('checkbox').first());
      await page.keyboard.press('Space');
      await page.getByText('1 person vald.').waitFor();
      await tabTo(page, page.getByRole('button', { name: 'Påminn de valda' }));
      await page.keyboard.press('Enter');
      await page.getByText(/påminnelser skickade\./).waitFor();
      await expectAccessible(page, 'team page after a reminder by keyboard');
    }

    const groups = await fromStart(page, 'study groups');
    await groups.menu('Lärande', 'Studiegrupper');
    await h1(page, 'Studiegrupper').waitFor();
    await groups.reached();
  });

  it('a municipal coordinator: her sheet in the open round, her technologies, people and documents', async () => {
    const page = await start('samordnare.falun', 'Maria Sundin');

    const sheet = await fromStart(page, 'her assessment sheet');
    await sheet.click(
      section(page, 'Att göra').getByRole('link', { name: `Besvara ${OPEN_ROUND} för Falun` }),
    );
    await page.waitForURL(/\/bedomningar\/[0-9a-f-]{36}\/kommuner\/2080$/);
    await h1(page).waitFor();
    await sheet.reached();

    const mapping = await fromStart(page, 'the mapping of technologies');
    await mapping.click(section(page, 'Nyckeltal').getByRole('link', { name: /välfärdstekniker i drift/ }));
    await page.waitForURL(/\/kommuner\/2080\/valfardsteknik$/);
    await h1(page).waitFor();
    await mapping.reached();

    const review = await fromStart(page, 'a document due for review');
    await review.click(
      section(page, 'Att göra')
        .getByRole('link', { name: /^Se över / })
        .first(),
    );
    await page.waitForURL(/\/styrdokument\/[0-9a-f-]{36}$/);
    await h1(page).waitFor();
    await review.reached();

    const people = await fromStart(page, 'people search');
    await people.menu('Administration', 'Personer');
    await h1(page, 'Personer').waitFor();
    // Typing and Enter are not clicks: the search is part of the same task.
    await main(page).getByLabel('Namn, e-post eller anställningsnummer').fill('Amir');
    await main(page).getByLabel('Namn, e-post eller anställningsnummer').press('Enter');
    await main(page).getByRole('link', { name: 'Amir Haddad' }).waitFor();
    await people.reached();

    if (phone) {
      // Keyboard only: invite a person to Falun.
      const invite = await fromStart(page, 'inviting a person');
      await invite.click(main(page).getByRole('link', { name: 'Bjud in person till Falun' }));
      await h1(page).waitFor();
      await invite.reached();
      const email = 'ny.medarbetare@falun.example';
      await tabTo(page, page.getByLabel('E-postadress'));
      await page.keyboard.type(email);
      await tabTo(page, page.getByLabel('Namn'));
      await page.keyboard.type('Nora Ny');
      await tabTo(page, page.getByRole('button', { name: 'Skicka inbjudan' }));
      await page.keyboard.press('Enter');
      await page.getByText(`Inbjudan till ${email} är skickad.`).waitFor();
      await expectAccessible(page, 'invitation sent by keyboard');
    }
  });

  it('a regional coordinator: the dashboard, the round’s status and the draft steering report', async () => {
    const page = await start('region.dalarna', 'Lars Dahlberg');

    const dashboard = await fromStart(page, 'the region’s dashboard');
    await dashboard.click(
      section(page, 'Nyckeltal').getByRole('link', { name: /kommuner har kartlagt sin välfärdsteknik/ }),
    );
    await page.waitForURL(/\/lagesbild\/20$/);
    await h1(page).waitFor();
    await dashboard.reached();

    const round = await fromStart(page, 'the round’s status');
    await round.click(section(page, 'Att göra').getByRole('link', { name: `Följ upp ${OPEN_ROUND}` }));
    await page.waitForURL(/\/bedomningar\/[0-9a-f-]{36}$/);
    await h1(page, OPEN_ROUND).waitFor();
    await round.reached();

    const report = await fromStart(page, 'the draft steering report');
    await report.click(
      section(page, 'Att göra')
        .getByRole('link', { name: /^Gör klart och fastställ / })
        .first(),
    );
    await page.waitForURL(/\/rapporter\/styrgrupp\/[0-9a-f-]{36}$/);
    await h1(page).waitFor();
    await report.reached();

    if (phone) {
      // Keyboard only: write in the report's first narrative section; it saves itself.
      await tabTo(page, page.getByLabel(/^Text: /).first(), 200);
      await page.keyboard.press('End');
      await page.keyboard.type(' Skrivet med tangentbordet.');
      await main(page)
        .getByText(/^Sparat \d\d:\d\d$/)
        .first()
        .waitFor();
      await expectAccessible(page, 'steering report narrative written by keyboard');
    }
  });

  it('an association coordinator: its programme, its report, and enrolling by keyboard', async () => {
    const page = await start('samordnare.akademinorr', 'Elin Nyström');

    const reportTask = await fromStart(page, 'the programme and its report');
    await reportTask.click(
      section(page, 'Nyckeltal').getByRole('link', {
        name: /deltagare har gått klart ett utbildningsprogram/,
      }),
    );
    await h1(page).waitFor();
    await settled(page);
    await reportTask.click(main(page).getByRole('link', { name: AKADEMI_NORR_PROGRAMME }).first());
    await h1(page, new RegExp(AKADEMI_NORR_PROGRAMME)).waitFor();
    await reportTask.reached('the programme page');
    const programmeUrl = page.url();
    await reportTask.click(main(page).getByRole('link', { name: 'Visa rapport' }));
    await h1(page, /^Rapport:/).waitFor();
    await page.getByRole('table', { name: 'Per kommun' }).waitFor();
    await reportTask.reached('the programme report');

    if (phone) {
      // Keyboard only: the programme's enrol panel, from search to enrolment.
      await page.goto(programmeUrl);
      await h1(page, new RegExp(AKADEMI_NORR_PROGRAMME)).waitFor();
      const panel = page.getByRole('region', { name: 'Skriv in personer' });
      await tabTo(page, panel.getByLabel('Sök namn eller e-post'), 200);
      await page.keyboard.type('an', { delay: 150 });
      await expect.poll(() => panel.getByRole('checkbox').count(), { timeout: 15_000 }).toBeGreaterThan(1);
      const labels = await panel
        .locator('label')
        .filter({ has: page.getByRole('checkbox') })
        .allTextContents();
      const free = labels.findIndex((l) => !l.includes('redan inskriven'));
      await tabTo(page, panel.getByRole('checkbox').nth(Math.max(0, free)));
      await page.keyboard.press('Space');
      await tabTo(page, panel.getByRole('button', { name: 'Skriv in 1 person' }));
      await page.keyboard.press('Enter');
      await page.getByText(/nya inskrivningar, \d+ fanns redan\./).waitFor();
      await expectAccessible(page, 'programme enrolment by keyboard');
    }
  });

  it('a national administrator: finding Amir, the readable audit log and the organisations', async () => {
    const page = await start('admin', 'Karin Ekström');

    const people = await fromStart(page, 'people search');
    await people.menu('Administration', 'Personer');
    await h1(page, 'Personer').waitFor();
    await main(page).getByLabel('Namn, e-post eller anställningsnummer').fill('Amir');
    await main(page).getByLabel('Namn, e-post eller anställningsnummer').press('Enter');
    await main(page)
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Amir Haddad' }) })
      .getByText('Medarbetare, Hemtjänsten Norr (Falun)')
      .waitFor();
    await people.reached();

    const audit = await fromStart(page, 'the audit log');
    await audit.click(main(page).getByRole('link', { name: 'Granska ändringsloggen' }));
    await h1(page, 'Granskningslogg').waitFor();
    const log = main(page).getByRole('table', { name: 'Ändringar, nyast först' });
    await log.locator('tbody tr').first().waitFor();
    // Readable: events by their names, never a raw key such as `organisation.created`.
    const events = await log.locator(':scope > tbody > tr > td:nth-child(3)').allTextContents();
    expect(events.filter((x) => /^[a-z_]+\.[a-z_.]+$/.test(x.trim()))).toEqual([]);
    await audit.reached();

    if (phone) {
      // Keyboard only: filter the log by the person who made the changes.
      await tabTo(page, main(page).getByLabel('Sök person'));
      await page.keyboard.type('maria sun');
      await page.keyboard.press('Enter');
      await tabTo(page, main(page).getByRole('button', { name: 'Välj Maria Sundin' }));
      await page.keyboard.press('Enter');
      await main(page).getByText('Vald person: Maria Sundin').waitFor();
      await tabTo(page, main(page).getByRole('button', { name: 'Visa', exact: true }));
      await page.keyboard.press('Enter');
      await page.waitForURL(/person=/);
      await settled(page);
      await expectAccessible(page, 'audit log filtered by keyboard');
    }

    const orgs = await fromStart(page, 'the organisations');
    await orgs.click(main(page).getByRole('link', { name: 'Sveriges regioner och kommuner' }));
    await page.waitForURL(/\/organisationer$/);
    await h1(page).waitFor();
    await orgs.reached();
  });
});
