import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Issue 17's support requests, as the people who use them: the Falun coordinator asks Region Dalarna
 * for procurement support from its offer (the form names a missing field first); the Dalarna regional
 * coordinator, on her phone, assigns it to herself, answers and closes it; Falun sees the answer from
 * its start page. The notices land in the outbox. axe on every page, at 360 px too.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const OFFER = 'Stöd i upphandling och samordnad upphandling';
const SUBJECT = 'Samordnad upphandling av trygghetslarm';
const ANSWER = 'Vi samordnar en upphandling av trygghetslarm med Borlänge. Skicka ert nuvarande avtal.';

const outbox = (local: string, subject: string) =>
  queryRows<{ subject: string }>(
    e.t.db,
    sql`select subject from outbox where "to" like ${`${local}@%`} and subject = ${subject}`,
  );

describe('support requests', () => {
  it('the Falun coordinator asks the region for procurement support from its offer', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun');
    await followMenu(page, 'Stöd och upphandling', 'Stöd från regionen');
    await page.getByRole('heading', { level: 1, name: 'Stöd från regionen' }).waitFor();
    await page.getByRole('heading', { name: OFFER }).waitFor();
    await expectAccessible(page, 'support page, municipality');

    await page.getByRole('link', { name: `Be om stöd: ${OFFER}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Be om stöd' }).waitFor();
    await expect.poll(() => page.getByLabel('Erbjudande').inputValue()).not.toBe('');
    await page.getByLabel('Beskrivning').fill('Vårt avtal för trygghetslarm går ut nästa år.');
    await page.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await page
      .locator('.error-summary')
      .getByRole('link', { name: /^Rubrik/ })
      .waitFor();
    await expectAccessible(page, 'new request with an error');

    await page.getByLabel('Rubrik').fill(SUBJECT);
    await page.getByLabel('Hur brådskande').selectOption({ label: 'Brådskande' });
    await page.getByRole('button', { name: 'Skicka förfrågan' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByText('Upphandlingsstöd', { exact: true }).first().waitFor();
    await expectAccessible(page, 'request page, municipality');
    expect(await outbox('region.dalarna', `Ny stödförfrågan: ${SUBJECT}`)).toHaveLength(1);
  });

  let region: Page;

  it('the Dalarna coordinator, on her phone, assigns it to herself, answers and closes it', async () => {
    ({ page: region } = await e.newPage({ width: 360, height: 780 }));
    await loginAs(region, 'region.dalarna');
    await followMenu(region, 'Stöd och upphandling', 'Stöd från regionen');
    await region.getByRole('heading', { level: 1, name: 'Stöd från regionen' }).waitFor();
    await region.getByRole('heading', { name: 'Förfrågningar till er' }).waitFor();
    await expectAccessible(region, 'the region’s queue on a phone');

    await region.getByRole('link', { name: SUBJECT }).click();
    await region.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await expectAccessible(region, 'request page, region, phone');

    await region.getByLabel('Ansvarig').selectOption({ label: 'Lars Dahlberg' });
    await region.getByRole('button', { name: 'Spara', exact: true }).click();
    await region.getByText('Ändringen är sparad.').waitFor();
    await region.getByText('Tilldelad Lars Dahlberg.').waitFor();

    await region.getByLabel('Ditt svar').fill(ANSWER);
    await region.getByRole('button', { name: 'Skicka svar' }).click();
    await region.getByText('Meddelandet är skickat.').waitFor();
    await region.getByText(ANSWER).waitFor();
    await expectAccessible(region, 'request answered, phone');

    await region.getByLabel('Status').selectOption({ label: 'Avslutad' });
    await region.getByRole('button', { name: 'Spara', exact: true }).click();
    await region.getByText('Förfrågan är avslutad. Historiken finns kvar.').waitFor();
    await expectAccessible(region, 'request closed, phone');
    expect(await outbox('samordnare.falun', `Svar på er stödförfrågan: ${SUBJECT}`)).toHaveLength(1);
    expect(await outbox('samordnare.falun', `Stödförfrågan avslutad: ${SUBJECT}`)).toHaveLength(1);
  });

  it('the region reads its report on the phone', async () => {
    await region.goto('/stod');
    await region.getByRole('link', { name: /^Rapport för / }).click();
    await region.getByRole('heading', { level: 1, name: /^Stödförfrågningar till / }).waitFor();
    await region
      .getByRole('table', { name: 'Median i arbetsdagar från förfrågan till första svar' })
      .waitFor();
    await region
      .getByRole('cell', { name: OFFER })
      .or(region.getByRole('rowheader', { name: OFFER }))
      .first()
      .waitFor();
    await expectAccessible(region, 'support report, phone');
  });

  it('Falun sees the answer from its start page', async () => {
    const { page } = await e.newPage({ width: 360, height: 780 });
    await loginAs(page, 'samordnare.falun');
    await page.getByRole('link', { name: 'Läs 1 nytt svar på er stödförfrågan' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByText(ANSWER).waitFor();
    await page.getByText('Förfrågan är avslutad. Historiken finns kvar.').waitFor();
    await expectAccessible(page, 'answer read by Falun, phone');
  });
});
