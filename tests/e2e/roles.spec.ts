import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, type E2E, expectAccessible, startE2E } from '../support/browser.ts';
import { followMenu } from '../support/nav.ts';

/**
 * Every demo account logs in, sees its start page with its real organisations, and only what its
 * role allows (DESIGN.md §2): the UI offers nothing outside the role's scope, and typing the URL of a
 * page outside it shows no data.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

async function login(page: Page, local: string, name: string) {
  const creds = demoLogin(local);
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(creds.email);
  await page.getByLabel('Lösenord', { exact: true }).fill(creds.password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Hej ${name}!` }).waitFor();
  await settled(page);
}

/** Waits until no loading indicator is left in the main area (every query has answered). */
async function settled(page: Page) {
  await expect.poll(() => page.getByRole('main').getByText('Laddar …').count(), { timeout: 10_000 }).toBe(0);
}

const main = (page: Page) => page.getByRole('main');
// Hidden too: on a phone the whole menu is behind its button.
const nav = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny', includeHidden: true });

/** The organisation id from the href of the first main-area link with this exact name. */
async function orgIdOf(page: Page, linkName: string): Promise<string> {
  const href = await main(page)
    .getByRole('link', { name: linkName, exact: true })
    .first()
    .getAttribute('href');
  const id = /\/organisationer\/([0-9a-f-]{36})/.exec(href ?? '')?.[1];
  expect(id, `organisation link ${linkName}`).toBeTruthy();
  return id!;
}

/** The main menu's links in order, those in closed groups too (`tests/e2e/navigation.spec.ts` opens them). */
async function navLinks(page: Page): Promise<string[]> {
  await nav(page).getByRole('link', { name: 'Start', includeHidden: true }).waitFor({ state: 'attached' });
  return (await nav(page).getByRole('link', { includeHidden: true }).allTextContents()).map((s) => s.trim());
}

describe('staff', () => {
  it('sees only their unit, no people or invite links, and no member data at the unit members URL', async () => {
    const { page } = await e.newPage({ width: 360 });
    await login(page, 'personal.falun', 'Amir Haddad');
    await main(page).getByRole('link', { name: 'Hemtjänsten Norr', exact: true }).waitFor();
    await main(page).getByText('Medarbetare · Enhet').waitFor();
    await main(page).getByRole('heading', { name: 'För dig som medarbetare' }).waitFor();
    expect(
      await main(page)
        .getByRole('link', { name: /^Personer i/ })
        .count(),
    ).toBe(0);
    expect(
      await main(page)
        .getByRole('link', { name: /^Bjud in/ })
        .count(),
    ).toBe(0);
    expect(
      await main(page)
        .getByRole('link', { name: /^Importera/ })
        .count(),
    ).toBe(0);
    expect(await main(page).getByRole('heading', { name: 'Nationell administration' }).count()).toBe(0);
    // Care staff see what they use: no organisations, municipalities, documents or networks.
    expect(await navLinks(page)).toEqual([
      'Start',
      'Mina utbildningar',
      'Program',
      'Studiegrupper',
      'Kunskapsbank',
    ]);
    await expectAccessible(page, 'start page of staff at 360px');

    const unitId = await orgIdOf(page, 'Hemtjänsten Norr');
    await main(page).getByRole('link', { name: 'Hemtjänsten Norr', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hemtjänsten Norr' }).waitFor();
    await settled(page);
    expect(await main(page).getByRole('link', { name: 'Visa personer' }).count()).toBe(0);
    expect(await main(page).getByRole('heading', { name: 'Det här kan du göra' }).count()).toBe(0);
    expect(await main(page).getByText('Lina Persson').count()).toBe(0);
    await expectAccessible(page, 'unit page seen by staff');

    await page.goto(`/organisationer/${unitId}/personer`);
    await page.getByText('Du har inte behörighet till den här sidan.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    for (const colleague of ['Lina Persson', 'Erik Wallin', 'Sara Holmgren'])
      expect(await main(page).getByText(colleague).count()).toBe(0);
    expect(await main(page).getByRole('table').count()).toBe(0);
    await expectAccessible(page, 'members URL refused to staff');

    await page.goto(`/organisationer/${unitId}/bjud-in`);
    await page.getByText('Du har inte behörighet till den här sidan.').waitFor();
    expect(await main(page).getByLabel('E-postadress').count()).toBe(0);
  });
});

describe('manager', () => {
  it('sees the members of their own unit', async () => {
    const { page } = await e.newPage();
    await login(page, 'chef.falun', 'Sara Holmgren');
    await main(page).getByText('Enhetschef · Enhet').waitFor();
    await main(page).getByRole('link', { name: 'Personer i Hemtjänsten Norr' }).waitFor();
    // A manager follows the team's progress; the care worker's section is not theirs.
    expect(await main(page).getByRole('heading', { name: 'För dig som medarbetare' }).count()).toBe(0);
    expect(
      await main(page)
        .getByRole('link', { name: /^Importera/ })
        .count(),
    ).toBe(0);
    expect(
      await main(page)
        .getByRole('link', { name: /^Lägg till enhet/ })
        .count(),
    ).toBe(0);
    expect(await navLinks(page)).not.toContain('Granskningslogg');
    await expectAccessible(page, 'start page of a manager');

    await main(page).getByRole('link', { name: 'Personer i Hemtjänsten Norr' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personer i Hemtjänsten Norr' }).waitFor();
    const table = main(page).getByRole('table', { name: 'Personer i Hemtjänsten Norr' });
    await table.waitFor();
    const names = await table.locator('tbody th[scope=row]').allTextContents();
    for (const colleague of ['Amir Haddad', 'Lina Persson', 'Erik Wallin', 'Fatima Ali', 'Jonas Öberg'])
      expect(names).toContain(colleague);
    // People of the other Falun units are not the manager's to see.
    expect(names).not.toContain('Ulla Åberg');
    expect(names).not.toContain('Hanna Lund');
    await expectAccessible(page, 'members of a unit seen by its manager');
  });
});

describe('municipal coordinator', () => {
  it('manages Falun and sees nothing of Borlänge', async () => {
    const { page } = await e.newPage();
    await login(page, 'samordnare.falun', 'Maria Sundin');
    await main(page).getByText('Kommunsamordnare · Kommun · 2080').waitFor();
    for (const link of [
      'Personer i Falun',
      'Bjud in person till Falun',
      'Importera personal till Falun',
      'Lägg till enhet i Falun',
    ])
      await main(page).getByRole('link', { name: link }).waitFor();
    expect(await navLinks(page)).not.toContain('Granskningslogg');
    await expectAccessible(page, 'start page of a municipal coordinator');

    await main(page).getByRole('link', { name: 'Falun', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Falun' }).waitFor();
    await settled(page);
    await main(page).getByRole('table', { name: 'Enheter i Falun' }).waitFor();
    await main(page).getByRole('link', { name: 'Visa personer' }).first().waitFor();

    await page.goto('/kommuner/2081');
    await page.getByRole('heading', { level: 1, name: 'Borlänge' }).waitFor();
    await settled(page);
    const borlangeId = /\/organisationer\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(borlangeId).toBeTruthy();
    await main(page).getByText('Kommunkod (SCB)').waitFor();
    expect(await main(page).getByRole('heading', { name: 'Enheter' }).count()).toBe(0);
    expect(await main(page).getByText('Hemtjänsten Tjärna Ängar').count()).toBe(0);
    expect(await main(page).getByRole('link', { name: 'Visa personer' }).count()).toBe(0);
    expect(await main(page).getByRole('heading', { name: 'Det här kan du göra' }).count()).toBe(0);
    expect(await main(page).getByText('Personer med roll').count()).toBe(0);
    await expectAccessible(page, 'Borlänge seen by a Falun coordinator');

    await page.goto(`/organisationer/${borlangeId}/personer`);
    await page.getByText('Du har inte behörighet till den här sidan.').waitFor();
    for (const person of ['Johan Berglund', 'Peter Nilsson', 'Maja Ström'])
      expect(await main(page).getByText(person).count()).toBe(0);
    expect(await main(page).getByRole('table').count()).toBe(0);
    await expectAccessible(page, 'Borlänge members URL refused to a Falun coordinator');

    for (const path of ['bjud-in', 'importera', 'ny-enhet']) {
      await page.goto(`/organisationer/${borlangeId}/${path}`);
      await page.getByText('Du har inte behörighet till den här sidan.').waitFor();
      expect(
        await main(page)
          .getByRole('button', { name: /Skicka inbjudan|Förhandsgranska|Lägg till/ })
          .count(),
      ).toBe(0);
    }
  });

  it('of Borlänge sees Borlänge with its units', async () => {
    const { page } = await e.newPage({ width: 360 });
    await login(page, 'samordnare.borlange', 'Johan Berglund');
    await main(page).getByText('Kommunsamordnare · Kommun · 2081').waitFor();
    await main(page).getByRole('link', { name: 'Personer i Borlänge' }).waitFor();
    expect(await main(page).getByRole('link', { name: /Falun/ }).count()).toBe(0);
    await expectAccessible(page, 'start page of the Borlänge coordinator at 360px');
    await main(page).getByRole('link', { name: 'Borlänge', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Borlänge' }).waitFor();
    const units = main(page).getByRole('table', { name: 'Enheter i Borlänge' });
    await units.getByRole('link', { name: 'Hemtjänsten Tjärna Ängar' }).waitFor();
    await units.getByRole('link', { name: 'Kvarnsvedens vård- och omsorgsboende' }).waitFor();
    await expectAccessible(page, 'Borlänge seen by its coordinator at 360px');
  });
});

describe('regional coordinators', () => {
  it('Region Dalarna coordinator sees the region and its people', async () => {
    const { page } = await e.newPage();
    await login(page, 'region.dalarna', 'Lars Dahlberg');
    await main(page).getByText('Regional samordnare · Region · 20').waitFor();
    await main(page).getByRole('link', { name: 'Personer i Region Dalarna' }).waitFor();
    await main(page).getByRole('link', { name: 'Bjud in person till Region Dalarna' }).waitFor();
    // Units are created in a municipality and staff imported there, not at the region.
    expect(
      await main(page)
        .getByRole('link', { name: /^Importera/ })
        .count(),
    ).toBe(0);
    expect(
      await main(page)
        .getByRole('link', { name: /^Lägg till enhet/ })
        .count(),
    ).toBe(0);
    expect(await navLinks(page)).not.toContain('Utkorg');
    await expectAccessible(page, 'start page of a regional coordinator');

    await main(page).getByRole('link', { name: 'Region Dalarna', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Region Dalarna' }).waitFor();
    await main(page).getByRole('table', { name: 'Kommuner i Region Dalarna' }).waitFor();
    await main(page).getByRole('link', { name: 'Visa personer' }).first().waitFor();
  });

  it('Akademi Norr coordinator sees the association and its member municipalities, not Falun', async () => {
    const { page } = await e.newPage();
    await login(page, 'samordnare.akademinorr', 'Elin Nyström');
    await main(page).getByText('Regional samordnare · Samverkan').waitFor();
    await main(page).getByRole('link', { name: 'Personer i Akademi Norr' }).waitFor();
    await expectAccessible(page, 'start page of an association coordinator');

    await page.goto('/kommuner/2282');
    await page.getByRole('heading', { level: 1, name: 'Kramfors' }).waitFor();
    await main(page).getByRole('link', { name: 'Visa personer' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Personer i Kramfors' }).waitFor();
    await main(page)
      .getByRole('table', { name: 'Personer i Kramfors' })
      .getByText('Anders Sjöberg')
      .waitFor();
    await expectAccessible(page, 'Kramfors members seen by the Akademi Norr coordinator');

    await page.goto('/kommuner/2080');
    await page.getByRole('heading', { level: 1, name: 'Falun' }).waitFor();
    await settled(page);
    expect(await main(page).getByRole('link', { name: 'Visa personer' }).count()).toBe(0);
    const falunId = /\/organisationer\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    await page.goto(`/organisationer/${falunId}/personer`);
    await page.getByText('Du har inte behörighet till den här sidan.').waitFor();
    expect(await main(page).getByText('Maria Sundin').count()).toBe(0);
  });
});

describe('national administrator', () => {
  it('sees Sverige, the audit log and the outbox', async () => {
    const { page } = await e.newPage();
    await login(page, 'admin', 'Karin Ekström');
    await main(page).getByText('Nationell administratör · Nation').waitFor();
    await main(page).getByRole('link', { name: 'Sverige', exact: true }).waitFor();
    await main(page).getByRole('heading', { name: 'Nationell administration' }).waitFor();
    await main(page).getByRole('link', { name: 'Granska ändringsloggen' }).waitFor();
    await main(page).getByRole('link', { name: 'Läs utgående e-post' }).waitFor();
    expect(await navLinks(page)).toEqual([
      'Start',
      'Mina utbildningar',
      'Program',
      'Studiegrupper',
      'Författa',
      'Välfärdsteknik',
      'Bedömningar',
      'Rullande aktivitetsplan',
      'Insatser',
      'Lägesbild',
      'Styrgruppsrapporter',
      'Stöd från regionen',
      'Kravbibliotek',
      'Kravspecifikationer',
      'Leverantörer',
      'Externa kontakter',
      'Avtalsradar',
      'Upphandlingar',
      'Avtal',
      'Stimulansmedel',
      'Kunskapsbank',
      'Styrdokument',
      'Nätverk och grupper',
      'Organisationer',
      'Kommuner',
      'Personer',
      'Inloggning och systemkopplingar',
      'Granskningslogg',
      'Utkorg',
    ]);
    await expectAccessible(page, 'start page of the national administrator');

    await main(page).getByRole('link', { name: 'Granska ändringsloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).waitFor();
    await followMenu(page, 'Administration', 'Utkorg');
    await page.getByRole('heading', { level: 1, name: 'Utkorg' }).waitFor();
  });

  it('is the only one who may open the audit log and the outbox', async () => {
    const { page } = await e.newPage();
    await login(page, 'samordnare.falun', 'Maria Sundin');
    for (const path of ['/admin/logg', '/admin/utkorg']) {
      await page.goto(path);
      await page.getByText('Du har inte behörighet till den här sidan.').waitFor();
      expect(await main(page).getByRole('table').count()).toBe(0);
      expect(await main(page).getByRole('article').count()).toBe(0);
    }
    await expectAccessible(page, 'audit log refused to a coordinator');
  });
});
