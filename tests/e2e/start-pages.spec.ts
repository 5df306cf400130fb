import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * Each role's start page says what to do: care staff reach their next lesson in one tap; the others see
 * what is waiting for them, their figures (each a link) and what is new, on a phone and on a desktop.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const OPEN_ROUND = 'Förutsättningar för välfärdsteknik 2026';
const main = (page: Page) => page.getByRole('main');
const section = (page: Page, name: string | RegExp) => main(page).getByRole('region', { name });

/** Logs in and waits until the start page's own request has answered (no loading indicator left). */
async function openStart(width: number, local: string, name: string): Promise<Page> {
  const { page } = await e.newPage({ width, height: width < 600 ? 740 : 900 });
  await loginAs(page, local, name);
  await expect.poll(() => main(page).getByText('Laddar …').count(), { timeout: 15_000 }).toBe(0);
  return page;
}

async function hrefOf(page: Page, name: string | RegExp) {
  return main(page).getByRole('link', { name }).first().getAttribute('href');
}

describe.each([
  ['phone', 360],
  ['desktop', 1280],
])('start pages on a %s', (_, width) => {
  it('care staff continue with their next lesson in one tap', async () => {
    const page = await openStart(width, 'personal.falun', 'Amir Haddad');
    const next = section(page, 'Fortsätt där du slutade').getByRole('link', { name: /^Fortsätt: / });
    await next.waitFor();
    // The link names the lesson once the course has answered (it names the course until then).
    await expect
      .poll(async () => (await next.textContent())?.replace(/^Fortsätt: /, '') ?? '', { timeout: 15_000 })
      .not.toMatch(/^$/);
    await expectAccessible(page, `staff start page (${width} px)`);
    // Care staff have no to-do list and no figures; their next step comes first.
    expect(await section(page, 'Att göra').count()).toBe(0);
    const box = await next.boundingBox();
    expect(box!.y + box!.height, 'the next lesson is on the first screen').toBeLessThan(
      page.viewportSize()!.height,
    );
    const lesson = (await next.textContent())!.replace(/^Fortsätt: /, '').trim();
    await next.click();
    await page.waitForURL(/\/utbildning\/kurser\/[0-9a-f-]{36}\/moduler\/[^/]+\/(lektioner\/[^/]+|quiz)$/);
    if (/\/lektioner\//.test(page.url())) {
      await page.getByRole('heading', { level: 1, name: lesson }).waitFor();
    }
  });

  it('a manager sees her team’s training completion, linked to the team page', async () => {
    const page = await openStart(width, 'chef.falun', 'Sara Holmgren');
    const figure = section(page, 'Nyckeltal').getByRole('link', { name: /har gått klart sin utbildning/ });
    await figure.waitFor();
    expect(await figure.textContent()).toContain('Hemtjänsten Norr');
    expect(await figure.getAttribute('href')).toBe('/mitt-team');
    await section(page, 'Att göra').waitFor();
    await expectAccessible(page, `manager start page (${width} px)`);
  });

  it('a municipal coordinator sees the open round with its answered count and reaches her sheet', async () => {
    const page = await openStart(width, 'samordnare.falun', 'Maria Sundin');
    const todo = section(page, 'Att göra');
    const round = todo.getByRole('link', { name: `Besvara ${OPEN_ROUND} för Falun` });
    await round.waitFor();
    const item = todo.getByRole('listitem').filter({ hasText: `Besvara ${OPEN_ROUND} för Falun` });
    expect(await item.textContent()).toMatch(/\d+ av \d+ frågor besvarade · Stänger om 21 dagar/);
    expect(await hrefOf(page, /välfärdstekniker i drift/)).toBe('/kommuner/2080/valfardsteknik');
    await section(page, /^Nytt /).waitFor();
    await expectAccessible(page, `municipal coordinator start page (${width} px)`);
    await round.click();
    await page.waitForURL(/\/bedomningar\/[0-9a-f-]{36}\/kommuner\/2080$/);
  });

  it('a regional coordinator sees the round to chase, the draft report and the region’s dashboard', async () => {
    const page = await openStart(width, 'region.dalarna', 'Lars Dahlberg');
    const todo = section(page, 'Att göra');
    await todo.getByRole('link', { name: `Följ upp ${OPEN_ROUND}` }).waitFor();
    expect(await todo.getByRole('link', { name: /^Gör klart och fastställ / }).count()).toBeGreaterThan(0);
    expect(await hrefOf(page, /kommuner har kartlagt sin välfärdsteknik/)).toBe('/lagesbild/20');
    expect(await hrefOf(page, /kommuner har lämnat in bedömningen/)).toMatch(
      /^\/bedomningar\/[0-9a-f-]{36}$/,
    );
    await expectAccessible(page, `regional coordinator start page (${width} px)`);
  });

  it('a national administrator sees the country’s figures', async () => {
    const page = await openStart(width, 'admin', 'Karin Ekström');
    const figure = section(page, 'Nyckeltal').getByRole('link', {
      name: /av 290 kommuner har kartlagt sin välfärdsteknik/,
    });
    await figure.waitFor();
    expect(await figure.getAttribute('href')).toBe('/lagesbild/SE');
    await expectAccessible(page, `national administrator start page (${width} px)`);
  });
});
