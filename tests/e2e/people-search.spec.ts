import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * People search (`/personer`): the national administrator finds Amir in the whole country, opens him
 * and takes away a role; a municipal coordinator finds only her own municipality's people.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  // A second role for Amir, in Borlänge, for the administrator to take away.
  const [borlange] = await queryRows<{ id: string }>(
    e.t.db,
    sql`select id from organisations where kind = 'municipality' and name = 'Borlänge'`,
  );
  await e.t.db.execute(
    sql`insert into memberships (user_id, organisation_id, role)
        select id, ${borlange!.id}, 'staff' from users where name = 'Amir Haddad'`,
  );
});
afterAll(() => e?.close());

const main = (page: Page) => page.getByRole('main');

async function search(page: Page, q: string) {
  await main(page).getByLabel('Namn, e-post eller anställningsnummer').fill(q);
  await main(page).getByRole('button', { name: 'Sök', exact: true }).click();
  await page.waitForURL(/[?&]q=/);
}

describe('people search', () => {
  it('lets the national administrator find Amir, open him and take away a role (desktop and phone)', async () => {
    for (const width of [1280, 360]) {
      const { page } = await e.newPage({ width });
      await loginAs(page, 'admin', 'Karin Ekström');
      await page.goto('/personer');
      await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
      await main(page).getByText('Sök bland alla personer i Sverige', { exact: false }).waitFor();
      await expectAccessible(page, `people search at ${width}px`);

      await search(page, 'Amir');
      const hit = main(page)
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: 'Amir Haddad' }) });
      await hit.getByText('Medarbetare, Hemtjänsten Norr (Falun)').waitFor();
      await expectAccessible(page, `people search results at ${width}px`);

      await hit.getByRole('link', { name: 'Amir Haddad' }).click();
      await page.getByRole('heading', { level: 1, name: 'Amir Haddad' }).waitFor();
      const roles = main(page).getByRole('table', { name: 'Roller för Amir Haddad' });
      await roles.getByRole('row').filter({ hasText: 'Hemtjänsten Norr' }).waitFor();
      await roles.getByRole('link', { name: 'Utbildning på Hemtjänsten Norr' }).waitFor();
      await expectAccessible(page, `person page at ${width}px`);

      if (width === 1280) {
        const borlange = roles.getByRole('row').filter({ hasText: 'Borlänge' });
        page.once('dialog', (d) => void d.accept());
        await borlange.getByRole('button', { name: 'Ta bort roll: Medarbetare i Borlänge' }).click();
        await main(page).getByText('Amir Haddad har inte längre rollen Medarbetare i Borlänge.').waitFor();
        await expect.poll(() => roles.getByRole('row').filter({ hasText: 'Borlänge' }).count()).toBe(0);
      }
    }
  });

  it('keeps a municipal coordinator to her own municipality', async () => {
    const { page } = await e.newPage({ width: 360 });
    await loginAs(page, 'samordnare.borlange', 'Johan Berglund');
    await page.goto('/personer');
    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
    await search(page, 'Amir Haddad');
    await main(page).getByText('Ingen person matchar ”Amir Haddad”.').waitFor();
    await search(page, 'maja');
    await main(page).getByRole('link', { name: 'Maja Ström' }).waitFor();
    await expectAccessible(page, 'people search for a municipal coordinator');
  });

  it('is not offered to care staff', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'personal.falun', 'Amir Haddad');
    await page.goto('/personer');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await main(page).getByLabel('Namn, e-post eller anställningsnummer').count()).toBe(0);
  });
});
