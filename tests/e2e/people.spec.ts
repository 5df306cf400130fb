import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * People management by the Falun coordinator: the members list with units below, paging and a role
 * filter; inviting a person whose e-mailed link creates the account and logs them in; removing a role.
 */

let e: E2E;
let falunId: string;
let norrId: string;

/** Twenty invited staff in Hemtjänsten Söder, so that Falun with its units has more than one page (25). */
const extraStaff = [
  'Agnes Björk',
  'Albin Åkesson',
  'Alva Lindqvist',
  'Astrid Östlund',
  'Axel Sandberg',
  'Bertil Ärlig',
  'Ebba Hedlund',
  'Edvin Mattsson',
  'Elsa Forsberg',
  'Hugo Sjögren',
  'Ida Wikström',
  'Leo Nordqvist',
  'Liam Bergström',
  'Moa Lundgren',
  'Nils Hellström',
  'Olivia Engström',
  'Selma Ekberg',
  'Signe Blom',
  'Vera Sundqvist',
  'Wilma Dahl',
];

beforeAll(async () => {
  e = await startE2E();
  const api = await e.t.as('samordnare.falun');
  falunId = (await api.get('/api/v1/municipalities/2080')).json<{ id: string }>().id;
  const falun = (await api.get(`/api/v1/organisations/${falunId}`)).json<{
    children: { id: string; name: string }[];
  }>();
  norrId = falun.children.find((c) => c.name === 'Hemtjänsten Norr')!.id;
  const soder = falun.children.find((c) => c.name === 'Hemtjänsten Söder')!.id;
  for (const [i, name] of extraStaff.entries()) {
    const res = await api.post('/api/v1/invitations', {
      email: `extra${i}@falun.example.se`,
      name,
      organisationId: soder,
      role: 'staff',
      language: 'sv',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => e?.close());

const main = (page: Page) => page.getByRole('main');
const swedish = new Intl.Collator('sv');

async function memberNames(table: Locator): Promise<string[]> {
  await table.locator('tbody tr').first().waitFor();
  return (await table.locator('tbody th[scope=row]').allTextContents()).map((s) => s.trim());
}

describe('the members list', () => {
  it('includes the units below, pages with "Visa fler" and filters by role', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await main(page).getByRole('link', { name: 'Personer i Falun' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personer i Falun' }).waitFor();
    const table = main(page).getByRole('table', { name: 'Personer i Falun' });
    await main(page).getByText('1 person visas').waitFor();
    expect(await memberNames(table)).toEqual(['Maria Sundin']);
    await expectAccessible(page, 'members of Falun');

    await main(page).getByLabel('Ta med personer i enheter under').check();
    await main(page).getByRole('button', { name: 'Filtrera' }).click();
    await page.waitForURL(/underliggande=1/);
    await main(page).getByText('25 personer visas').waitFor();
    const first = await memberNames(table);
    expect(first).toHaveLength(25);
    expect(first).toContain('Sara Holmgren');
    // People of the units show where they hold their role.
    await table
      .getByRole('row', { name: /Hanna Lund/ })
      .getByRole('link', { name: 'Lugnets vård- och omsorgsboende' })
      .waitFor();
    await table
      .getByRole('row', { name: /Agnes Björk/ })
      .getByText('Inbjuden')
      .waitFor();
    await expectAccessible(page, 'members of Falun and its units');

    await main(page).getByRole('button', { name: 'Visa fler' }).click();
    await main(page).getByText('30 personer visas').waitFor();
    const all = await memberNames(table);
    expect(all).toHaveLength(30);
    expect(all.slice(0, 25)).toEqual(first);
    expect(new Set(all).size).toBe(30);
    for (const name of [...extraStaff, 'Amir Haddad', 'Hanna Lund', 'Jonas Öberg', 'Noah Eriksson'])
      expect(all).toContain(name);
    expect(all.filter((n) => n.startsWith('Johan') || n === 'Peter Nilsson')).toEqual([]);
    expect([...all].sort(swedish.compare)).toEqual(all);
    expect(await main(page).getByRole('button', { name: 'Visa fler' }).count()).toBe(0);

    await main(page).getByLabel('Roll', { exact: true }).selectOption({ label: 'Enhetschef' });
    await main(page).getByRole('button', { name: 'Filtrera' }).click();
    await page.waitForURL(/roll=manager/);
    await main(page).getByText('2 personer visas').waitFor();
    expect(await memberNames(table)).toEqual(['Hanna Lund', 'Sara Holmgren']);
    await expectAccessible(page, 'managers of Falun and its units');

    await main(page).getByLabel('Roll', { exact: true }).selectOption({ label: 'Alla roller' });
    await main(page).getByLabel('Sök namn eller e-post').fill('öberg');
    await main(page).getByRole('button', { name: 'Filtrera' }).click();
    await main(page).getByText('1 person visas').waitFor();
    expect(await memberNames(table)).toEqual(['Jonas Öberg']);
  });
});

describe('inviting a person', () => {
  const email = 'klara.nordin@falun.example.se';

  it('invites to Hemtjänsten Norr; the e-mailed link creates the account and logs the person in', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto(`/organisationer/${norrId}`);
    await page.getByRole('heading', { level: 1, name: 'Hemtjänsten Norr' }).waitFor();
    await main(page).getByRole('link', { name: 'Bjud in person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bjud in person till Hemtjänsten Norr' }).waitFor();
    await expectAccessible(page, 'invite form');

    await main(page).getByLabel('E-postadress').fill('inte-en-adress');
    await main(page).getByRole('button', { name: 'Skicka inbjudan' }).click();
    await main(page).getByRole('link', { name: 'E-postadress: Ange en giltig e-postadress.' }).waitFor();
    await main(page).getByRole('link', { name: 'Namn: Uppgiften måste fyllas i.' }).waitFor();
    await expectAccessible(page, 'invite form with errors');

    await main(page).getByLabel('E-postadress').fill(email);
    await main(page).getByLabel('Namn').fill('Klara Nordin');
    expect(
      (await main(page).getByLabel('Roll').locator('option').allTextContents()).map((s) => s.trim()),
    ).toEqual(['Medarbetare', 'Enhetschef']);
    await main(page).getByLabel('Roll').selectOption({ label: 'Medarbetare' });
    await main(page).getByRole('button', { name: 'Skicka inbjudan' }).click();
    await main(page).getByText(`Inbjudan till ${email} är skickad.`).waitFor();

    const [mail] = await queryRows<{ text: string }>(
      e.t.db,
      sql`select text from outbox where "to" = ${email} order by created_at desc limit 1`,
    );
    expect(mail, 'invitation e-mail in the outbox').toBeDefined();
    const link = new URL(/https?:\/\/\S+/.exec(mail!.text)![0]);
    expect(link.pathname).toMatch(/^\/inbjudan\/[A-Za-z0-9_-]{20,}$/);

    const invitee = await e.newPage({ width: 360 });
    const p = invitee.page;
    await p.goto(link.pathname + link.search);
    await p.getByRole('heading', { level: 1, name: 'Välkommen till Välfärdsnavet' }).waitFor();
    await p.getByText('Hemtjänsten Norr har bjudit in dig som Medarbetare.', { exact: false }).waitFor();
    expect(await p.getByLabel('E-postadress').inputValue()).toBe(email);
    expect(await p.getByLabel('Namn').inputValue()).toBe('Klara Nordin');
    await expectAccessible(p, 'invitation page at 360px');

    await p.getByLabel('Namn').fill('Klara Nordin Åström');
    await p.getByLabel('Lösenord', { exact: true }).fill('kort');
    await p.getByLabel('Upprepa lösenordet').fill('annat');
    await p.getByRole('button', { name: 'Skapa konto' }).click();
    await p.getByRole('link', { name: 'Lösenordet måste ha minst 12 tecken.' }).waitFor();
    await p.getByRole('link', { name: 'Lösenorden är inte likadana.' }).waitFor();
    await expectAccessible(p, 'invitation page with errors');

    await p.getByLabel('Lösenord', { exact: true }).fill('ett långt lösenord för Klara');
    await p.getByLabel('Upprepa lösenordet').fill('ett långt lösenord för Klara');
    await p.getByLabel('Språk i tjänsten').selectOption({ label: 'English' });
    await p.getByLabel('Kvinna').check();
    await p.getByRole('button', { name: 'Skapa konto' }).click();

    await p.getByRole('heading', { level: 1, name: 'Hello Klara Nordin Åström!' }).waitFor();
    await p.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => p.evaluate(() => document.documentElement.lang)).toBe('en');
    await p.getByRole('main').getByRole('link', { name: 'Hemtjänsten Norr', exact: true }).waitFor();
    await p.getByRole('button', { name: 'Menu' }).click();
    await p.getByText('Signed in as Klara Nordin Åström').waitFor();
    await p.getByRole('button', { name: 'Log out' }).waitFor();
    await expectAccessible(p, 'start page of the new person at 360px');

    // The link works once only.
    const again = await e.newPage();
    await again.page.goto(link.pathname + link.search);
    await again.page.getByText('Inbjudan är ogiltig eller har gått ut.', { exact: false }).waitFor();

    // The coordinator now sees the person as active in the unit.
    await page.goto(`/organisationer/${norrId}/personer`);
    const table = main(page).getByRole('table', { name: 'Personer i Hemtjänsten Norr' });
    await table
      .getByRole('row', { name: /Klara Nordin Åström/ })
      .getByText('Aktiv')
      .waitFor();
  });

  it('lets the coordinator remove a role after confirming, and shows the confirmation', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto(`/organisationer/${norrId}/personer`);
    await page.getByRole('heading', { level: 1, name: 'Personer i Hemtjänsten Norr' }).waitFor();
    const table = main(page).getByRole('table', { name: 'Personer i Hemtjänsten Norr' });
    await table.getByText('Klara Nordin Åström').waitFor();
    await expectAccessible(page, 'members of Hemtjänsten Norr with remove buttons');

    const remove = table.getByRole('button', { name: 'Ta bort roll: Medarbetare för Klara Nordin Åström' });

    // Cancelling the confirmation keeps the role.
    const dismissed = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.dismiss();
      }),
    );
    await remove.click();
    expect(await dismissed).toBe('Ta bort rollen Medarbetare för Klara Nordin Åström?');
    expect(await table.getByText('Klara Nordin Åström').count()).toBe(1);

    const accepted = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.accept();
      }),
    );
    await remove.click();
    await accepted;
    await main(page).getByRole('status').getByText('Rollen togs bort för Klara Nordin Åström.').waitFor();
    await expect.poll(() => table.getByText('Klara Nordin Åström').count()).toBe(0);
    await table.getByText('Amir Haddad').waitFor();
    await expectAccessible(page, 'members after removing a role');

    await page.reload();
    await table.getByText('Amir Haddad').waitFor();
    expect(await table.getByText('Klara Nordin Åström').count()).toBe(0);
  });
});
