import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
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
/** One role of the person page, found by its organisation's heading. */
const role = (roles: Locator, organisation: string) =>
  roles
    .getByRole('listitem')
    .filter({ has: roles.page().getByRole('heading', { level: 3, name: organisation }) });

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
      const roles = main(page).getByRole('list', { name: 'Roller för Amir Haddad' });
      await role(roles, 'Hemtjänsten Norr').waitFor();
      await roles.getByRole('link', { name: 'Utbildning på Hemtjänsten Norr' }).waitFor();
      await expectAccessible(page, `person page at ${width}px`);

      if (width === 1280) {
        const borlange = role(roles, 'Borlänge');
        page.once('dialog', (d) => void d.accept());
        await borlange.getByRole('button', { name: 'Ta bort roll: Medarbetare i Borlänge' }).click();
        await main(page).getByText('Amir Haddad har inte längre rollen Medarbetare i Borlänge.').waitFor();
        await expect.poll(() => role(roles, 'Borlänge').count()).toBe(0);
      }
    }
  });

  it('changes a role in one request on a phone, with the page no wider than the screen', async () => {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    const [amir] = await queryRows<{ id: string }>(
      e.t.db,
      sql`select id from users where name = 'Amir Haddad'`,
    );
    await page.goto(`/personer/${amir!.id}`);
    await page.getByRole('heading', { level: 1, name: 'Amir Haddad' }).waitFor();
    const trail = page.getByRole('navigation', { name: 'Du är här' });
    await trail.getByRole('link', { name: 'Personer' }).waitFor();
    const norr = role(main(page).getByRole('list', { name: 'Roller för Amir Haddad' }), 'Hemtjänsten Norr');
    await norr.getByText('Medarbetare', { exact: true }).waitFor();
    const fitsScreen = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(await fitsScreen()).toBe(true);
    await expectAccessible(page, 'the person page at 360px');

    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && /\/api\/v1\/(memberships|organisations\/[^/]+\/members)/.test(r.url()))
        writes.push(r.method());
    });
    await norr.getByLabel('Ny roll i Hemtjänsten Norr').selectOption({ label: 'Enhetschef' });
    await norr.getByRole('button', { name: 'Byt roll' }).click();
    await main(page).getByText('Amir Haddad har nu rollen Enhetschef i Hemtjänsten Norr.').waitFor();
    await norr.getByText('Enhetschef', { exact: true }).waitFor();
    expect(writes).toEqual(['PATCH']);
    expect(await fitsScreen()).toBe(true);
    await expectAccessible(page, 'the person page after a role change at 360px');
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
