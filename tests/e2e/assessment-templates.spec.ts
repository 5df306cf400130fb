import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * Assessment templates: a regional coordinator writes a template in the structured editor, publishes
 * version 1, revises the draft (a renamed and a new question) and publishes version 2 with the renamed
 * question carried over. A municipal coordinator reads the national template without edit buttons.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const NAME = 'Dalarnas uppföljning';
const NATIONAL = 'Förutsättningar för välfärdsteknik';
const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });

async function fillQuestionTexts(q: Locator, sv: string, en: string) {
  await q.getByLabel('Frågetext (svenska)', { exact: true }).fill(sv);
  await q.getByLabel('Frågetext (engelska)', { exact: true }).fill(en);
}

describe('assessment templates', () => {
  it('a regional coordinator writes, publishes and revises a template', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'region.dalarna');
    await page.goto('/bedomningar');
    await page.getByRole('link', { name: 'Mallar', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bedömningsmallar' }).waitFor();
    await page.getByRole('link', { name: NATIONAL }).waitFor();
    await expectAccessible(page, 'template list');

    await page.getByRole('link', { name: 'Ny mall' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny bedömningsmall' }).waitFor();
    await expectAccessible(page, 'template editor');
    await page.getByLabel('Mallens nyckel').fill('dalarna-uppfoljning');
    await page.getByLabel('Namn (svenska)').fill(NAME);
    await page.getByLabel('Namn (engelska)').fill('Follow-up in Dalarna');
    await page.getByLabel('Beskrivning (svenska)').fill('Hur långt kommunerna i Dalarna har kommit.');
    await page.getByLabel('Beskrivning (engelska)').fill('How far the municipalities of Dalarna have come.');
    const section = group(page, 'Avsnitt 1');
    await section.getByLabel('Avsnittets nyckel').fill('styrning');
    await section.getByLabel('Område').selectOption({ label: 'Styrning och ledning' });
    await section.getByLabel('Rubrik (engelska)').fill('Governance');

    const plan = group(page, 'Fråga 1.1');
    await plan.getByLabel('Frågans nyckel').fill('plan');
    await fillQuestionTexts(plan, 'Finns en plan för välfärdsteknik?', 'Is there a welfare technology plan?');
    for (let n = 1; n <= 5; n++) {
      await plan.getByLabel(`Nivå ${n} (svenska)`, { exact: true }).fill(`Svensk nivå ${n}`);
      await plan.getByLabel(`Nivå ${n} (engelska)`, { exact: true }).fill(`English level ${n}`);
    }
    await page.getByRole('button', { name: 'Lägg till fråga i avsnitt 1' }).click();
    const channels = group(page, 'Fråga 1.2');
    await channels.getByLabel('Frågans nyckel').fill('kanaler');
    await channels.getByLabel('Frågetyp').selectOption({ label: 'Ett val' });
    await fillQuestionTexts(channels, 'Har ni en gemensam kanal?', 'Do you have a shared channel?');
    for (const [n, key, sv, en] of [
      [1, 'ja', 'Ja', 'Yes'],
      [2, 'nej', 'Nej', 'No'],
    ] as const) {
      await channels.getByLabel(`Nyckel för alternativ ${n}`).fill(key);
      await channels.getByLabel(`Text för alternativ ${n} (svenska)`).fill(sv);
      await channels.getByLabel(`Text för alternativ ${n} (engelska)`).fill(en);
    }

    // The Swedish section heading is missing: the summary names the field and links to it.
    await page.getByRole('button', { name: 'Skapa mallen' }).click();
    const missing = page.getByRole('link', { name: 'Avsnitt 1, Rubrik (svenska): Fyll i uppgiften.' });
    await missing.waitFor();
    await expectAccessible(page, 'template editor with errors');
    await missing.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('template-content.sections.0.title.sv');
    await section.getByLabel('Rubrik (svenska)').fill('Styrning');
    await page.getByRole('button', { name: 'Skapa mallen' }).click();

    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await page.getByText('Det finns ett utkast till nästa version.').waitFor();
    await page.getByText('Ingen version är publicerad ännu.').waitFor();
    await expectAccessible(page, 'template page with a draft');
    await page.getByRole('button', { name: 'Publicera version 1' }).click();
    await page.getByRole('status').getByText('Version 1 är publicerad.').waitFor();
    const versions = page.getByRole('table', { name: 'Versioner' });
    await versions.getByRole('row', { name: /^1 \d{4}-\d{2}-\d{2} 0$/ }).waitFor();
    await page.getByRole('heading', { name: 'Innehåll i version 1' }).waitFor();
    await page.getByText('Svensk nivå 3').waitFor();

    // Version 2: the choice question gets a new key, and a text question is added.
    await page.getByRole('link', { name: 'Redigera utkast' }).click();
    await page.getByRole('heading', { level: 1, name: `Redigera utkast: ${NAME}` }).waitFor();
    await group(page, 'Fråga 1.2').getByLabel('Frågans nyckel').fill('kontaktvagar');
    await page.getByRole('button', { name: 'Lägg till fråga i avsnitt 1' }).click();
    const wish = group(page, 'Fråga 1.3');
    await wish.getByLabel('Frågans nyckel').fill('onskemal');
    await wish.getByLabel('Frågetyp').selectOption({ label: 'Fritext' });
    await fillQuestionTexts(wish, 'Vad önskar ni av regionen?', 'What do you wish from the region?');
    await wish.getByLabel('Högsta antal tecken').fill('500');
    await page.getByRole('button', { name: 'Spara utkastet' }).click();

    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await page.getByRole('heading', { name: 'Publicera version 2' }).waitFor();
    const follows = (text: string, key: string) =>
      page.getByLabel(`Följer fråga i förra versionen: ${text} (${key})`);
    expect(await follows('Finns en plan för välfärdsteknik?', 'plan').inputValue()).toBe('plan');
    expect(await follows('Har ni en gemensam kanal?', 'kontaktvagar').inputValue()).toBe('');
    expect(await follows('Vad önskar ni av regionen?', 'onskemal').inputValue()).toBe('');
    await follows('Har ni en gemensam kanal?', 'kontaktvagar').selectOption({
      label: 'Har ni en gemensam kanal? (kanaler)',
    });
    await expectAccessible(page, 'template page with the carry-over step');
    await page.getByRole('button', { name: 'Publicera version 2' }).click();
    await page.getByRole('status').getByText('Version 2 är publicerad.').waitFor();
    await versions.getByRole('row', { name: /^2 \d{4}-\d{2}-\d{2} 2$/ }).waitFor();
    await page.getByRole('heading', { name: 'Innehåll i version 2' }).waitFor();
    await page.getByText('Vad önskar ni av regionen?').waitFor();
    expect(await page.getByRole('button', { name: /^Publicera version/ }).count()).toBe(0);
    await expectAccessible(page, 'template page after publishing');

    await page.getByRole('link', { name: 'Alla mallar' }).click();
    await page
      .getByRole('table', { name: 'Mallar' })
      .getByRole('row', { name: new RegExp(`^${NAME} Region Dalarna Version 2`) })
      .waitFor();
  });

  it('the editor fits a 360px phone screen', async () => {
    const { page } = await e.newPage({ width: 360, height: 780 });
    await loginAs(page, 'region.dalarna');
    await page.goto('/bedomningar/mallar/ny');
    await page.getByRole('heading', { level: 1, name: 'Ny bedömningsmall' }).waitFor();
    await group(page, 'Fråga 1.1').getByLabel('Frågetyp').selectOption({ label: 'Rangordning' });
    await group(page, 'Fråga 1.1').getByLabel('Nyckel för alternativ 2').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'template editor at 360px');
  });

  it('a municipal coordinator reads the national template without edit buttons', async () => {
    const { page } = await e.newPage({ width: 360, height: 780 });
    await loginAs(page, 'samordnare.falun');
    await page.goto('/bedomningar/mallar');
    await page.getByRole('heading', { level: 1, name: 'Bedömningsmallar' }).waitFor();
    await page.getByRole('link', { name: NATIONAL }).waitFor();
    expect(await page.getByRole('link', { name: NAME }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Ny mall' }).count()).toBe(0);
    await page.getByRole('link', { name: NATIONAL }).click();
    await page.getByRole('heading', { level: 1, name: NATIONAL }).waitFor();
    await page.getByRole('heading', { name: /^Innehåll i version \d+$/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Redigera utkast' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Publicera version/ }).count()).toBe(0);
    await expectAccessible(page, 'national template, read-only, at 360px');
  });
});
