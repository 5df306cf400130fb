import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Issue 7's initiatives list: the Dalarna coordinator reads Falun's and Borlänge's initiatives as a
 * list, filters by status and technology, and switches to the board and the timeline (filters and
 * view in the address); a Falun coordinator creates an initiative, meeting the form's checks first;
 * a coordinator in another region sees none of Dalarna's. axe on every view.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const year = new Date().getUTCFullYear();
const table = (page: Page) => page.getByRole('table', { name: 'Insatser' });
const shown = (page: Page) => page.getByRole('status').filter({ hasText: /insatse?r? visas|Inga insatser/ });

const NIGHT = 'Digital nattillsyn i hemtjänsten';
const ROBOTS = 'Läkemedelsrobotar i hemtjänsten';
const DISPENSERS = 'Läkemedelsautomater för hemmaboende';
const PROCUREMENT = 'Samordnad upphandling av digital nattillsyn';

describe('the initiatives list, board and timeline', () => {
  it('the Dalarna coordinator sees Falun’s and Borlänge’s initiatives and filters them', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna');
    await followMenu(page, 'Utveckling', 'Insatser');
    await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor();
    await table(page).getByRole('link', { name: NIGHT }).waitFor();
    await table(page)
      .getByRole('row', { name: new RegExp(`^${ROBOTS} Borlänge`) })
      .waitFor();
    await table(page)
      .getByRole('row', { name: new RegExp(`^${DISPENSERS} Falun`) })
      .waitFor();
    expect(await page.getByRole('link', { name: 'Ny insats' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Rullande aktivitetsplaner' }).waitFor();
    await page.getByRole('link', { name: 'Behovslista' }).waitFor();
    await page.getByRole('link', { name: 'Finansiering och nytta' }).waitFor();
    await expectAccessible(page, 'initiatives list');

    await page.getByLabel('Status').selectOption({ label: 'Pågår' });
    await page.getByRole('button', { name: 'Filtrera' }).click();
    await page.waitForURL(/status=active/);
    await table(page).getByRole('link', { name: ROBOTS }).waitFor();
    await table(page).getByRole('link', { name: DISPENSERS }).waitFor({ state: 'detached' });
    expect(await table(page).getByRole('cell', { name: 'Pausad' }).count()).toBe(0);

    await page.getByLabel('Välfärdsteknik').selectOption({ label: 'Digital nattillsyn (kamera)' });
    await page.getByRole('button', { name: 'Filtrera' }).click();
    await page.waitForURL(/teknik=digital-night-supervision/);
    await table(page).getByRole('link', { name: ROBOTS }).waitFor({ state: 'detached' });
    await table(page).getByRole('link', { name: NIGHT }).waitFor();
    await table(page).getByRole('link', { name: PROCUREMENT }).waitFor();
    await expectAccessible(page, 'initiatives list, filtered');

    // The filters survive a reload: they are in the address.
    await page.reload();
    await table(page).getByRole('link', { name: PROCUREMENT }).waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('active');

    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await table(page).getByRole('link', { name: DISPENSERS }).waitFor();

    // Board: a headed column per status, cards with title, owner and phase.
    const views = page.getByRole('navigation', { name: 'Visa som' });
    await views.getByRole('link', { name: 'Tavla' }).click();
    await page.waitForURL(/vy=tavla/);
    await page.getByRole('heading', { level: 2, name: 'Tavla efter status' }).waitFor();
    const paused = page.getByRole('region', { name: /^Pausad \(\d+\)$/ });
    await paused.getByRole('link', { name: 'Trygghetskameror på natten i särskilt boende' }).waitFor();
    const planned = page.getByRole('region', { name: /^Planerad \(\d+\)$/ });
    await planned
      .getByRole('listitem')
      .filter({ hasText: DISPENSERS })
      .filter({ hasText: 'Fas: Insikt' })
      .waitFor();
    expect(await views.getByRole('link', { name: 'Tavla' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'initiatives board');

    // Timeline: each bar is a list item whose text gives the period and the next milestone.
    await views.getByRole('link', { name: 'Tidslinje' }).click();
    await page.waitForURL(/vy=tidslinje/);
    await page.getByRole('heading', { level: 2, name: 'Tidslinje' }).waitFor();
    const bars = page.getByRole('region', { name: 'Tidslinje över insatser med datum' });
    const night = bars.getByRole('listitem').filter({ hasText: NIGHT });
    await night.getByText(`15 jan ${year} – 30 juni ${year + 1}`).waitFor();
    await night.getByText(/^Nästa milstolpe: Utvärdering av testperioden, /).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Utan datum' }).waitFor();
    await expectAccessible(page, 'initiatives timeline');
  });

  it('works on a 360 px phone without sideways scrolling of the page', async () => {
    const { page } = await e.newPage({ width: 360, height: 780 });
    await loginAs(page, 'region.dalarna');
    for (const vy of ['lista', 'tavla', 'tidslinje']) {
      await page.goto(`/insatser?vy=${vy}`);
      await page.getByRole('link', { name: NIGHT }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `page overflow in ${vy}`).toBeLessThanOrEqual(0);
    }
    await expectAccessible(page, 'initiatives timeline on a phone');
  });

  it('a Falun coordinator creates an initiative after the form’s checks', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun');
    await page.goto('/insatser');
    await page.getByRole('link', { name: 'Ny insats' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny insats' }).waitFor();
    await page.getByLabel('Startdatum').fill(`${year + 1}-03-01`);
    await page.getByLabel('Slutdatum').fill(`${year + 1}-02-01`);
    await page.getByRole('button', { name: 'Skapa insatsen' }).click();
    await page.getByRole('link', { name: 'Insatsens namn: Uppgiften måste fyllas i.' }).waitFor();
    await page.getByRole('link', { name: 'Slutdatum: Slutdatum kan inte ligga före startdatum.' }).waitFor();
    await expectAccessible(page, 'new initiative with errors');

    const title = 'Fallsensorer och läkemedelsautomater i Falun';
    await page.getByLabel('Insatsens namn').fill(title);
    await page.getByLabel('Syfte').fill('Färre fall och rätt medicin i rätt tid för hemmaboende.');
    await page.getByLabel('Slutdatum').fill(`${year + 1}-12-31`);
    await page.getByLabel('Budget (kronor)').fill('250 000');
    expect(await page.getByLabel('Falun', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Läkemedelsautomat', { exact: true }).check();
    await page.getByLabel('Sensorer och fallarm', { exact: true }).check();
    await page.getByLabel('Upphandlingsstöd').check();
    await page.getByRole('button', { name: 'Skapa insatsen' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/insatser\/[0-9a-f-]{36}$/);

    // Its first milestone: the form checks the contract, then adds it.
    await page.getByRole('button', { name: 'Lägg till milstolpe' }).click();
    await page.getByRole('button', { name: 'Lägg till milstolpen' }).click();
    await page.getByRole('link', { name: 'Milstolpe: Uppgiften måste fyllas i.' }).waitFor();
    await page.getByRole('link', { name: 'Datum: Uppgiften måste fyllas i.' }).waitFor();
    await page.getByLabel('Milstolpe', { exact: true }).fill('Upphandlingen klar');
    await page.getByLabel('Datum', { exact: true }).fill(`${year + 1}-06-30`);
    await page.getByRole('button', { name: 'Lägg till milstolpen' }).click();
    await page.getByText('Milstolpen ”Upphandlingen klar” är tillagd.').waitFor();

    await page.goto('/insatser');
    await table(page)
      .getByRole('row', { name: new RegExp(`^${title} Falun Idé Förbereda Falun`) })
      .waitFor();
  });

  it('a coordinator in another region sees none of Dalarna’s initiatives', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.kramfors');
    await page.goto('/insatser');
    await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor();
    await shown(page).waitFor();
    for (const name of [NIGHT, ROBOTS, PROCUREMENT]) {
      expect(await page.getByRole('link', { name }).count()).toBe(0);
    }
  });
});
