import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * The national administrator's pages: the audit log with a change made in this test, the outbox,
 * my account (language, sessions, personal data), the accessibility statement and the 404 page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const main = (page: Page) => page.getByRole('main');
const NEW_UNIT = 'Kvarngärdets korttidsboende';

/** Today as yyyy-mm-dd in the browser's time zone (what a date input holds). */
const today = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

/** Field → [before, after] of an opened change table. */
async function diffOf(row: Locator): Promise<Record<string, [string, string]>> {
  const cells = await row
    .locator('table.diff-table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
  return Object.fromEntries(cells.map(([field, before, after]) => [field, [before, after]]));
}

describe('the audit log', () => {
  it('shows a unit added by a coordinator, with who and before/after, and filters', async () => {
    const coordinator = await e.newPage();
    const c = coordinator.page;
    await loginAs(c, 'samordnare.falun', 'Maria Sundin');
    await main(c).getByRole('link', { name: 'Lägg till enhet i Falun' }).click();
    await main(c).getByLabel('Enhetens namn').fill(NEW_UNIT);
    await main(c).getByLabel('Typ av enhet').selectOption({ label: 'Särskilt boende' });
    await main(c).getByRole('button', { name: 'Lägg till enhet' }).click();
    await main(c).getByText(`Enheten ${NEW_UNIT} är tillagd.`).waitFor();

    const { page } = await e.newPage();
    await loginAs(page, 'admin', 'Karin Ekström');
    await main(page).getByRole('link', { name: 'Granska ändringsloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).waitFor();
    const log = main(page).getByRole('table', { name: 'Ändringar, nyast först' });
    await log.locator('tbody tr').first().waitFor();
    await expectAccessible(page, 'audit log');

    // Plain words: the event's name, the object by its name (linked), the actor by hers.
    const row = log
      .getByRole('row')
      .filter({ hasText: 'Organisation skapad' })
      .filter({ hasText: 'Maria Sundin' })
      .filter({ hasText: NEW_UNIT });
    expect(await row.count()).toBe(1);
    await row.getByRole('link', { name: NEW_UNIT }).waitFor();
    await row.getByRole('link', { name: 'Maria Sundin' }).waitFor();
    expect(await log.getByText('organisation.created').count()).toBe(0);
    await row.getByText('Visa ändringar').click();
    await row.locator('table.diff-table').waitFor();
    const diff = await diffOf(row);
    expect(diff.name).toEqual(['–', NEW_UNIT]);
    expect(diff.kind).toEqual(['–', 'unit']);
    expect(diff.subtype).toEqual(['–', 'nursing_home']);
    await expectAccessible(page, 'audit log with a change opened');

    // Filter on the event, chosen by its name in a grouped list (no key to know).
    await main(page).getByLabel('Händelse').selectOption({ label: 'Organisation skapad' });
    await main(page).getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/handelse=organisation.created/);
    const events = log.locator(':scope > tbody > tr > td:nth-child(3)');
    await expect
      .poll(async () => [...new Set(await events.allTextContents())])
      .toEqual(['Organisation skapad']);
    await log.getByRole('row').filter({ hasText: 'Maria Sundin' }).waitFor();

    // Filter on the person who did it, found by name.
    await main(page).getByLabel('Sök person').fill('maria sun');
    await main(page).getByLabel('Sök person').press('Enter');
    await main(page).getByRole('button', { name: 'Välj Maria Sundin' }).click();
    await main(page).getByText('Vald person: Maria Sundin').waitFor();
    await main(page).getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/person=/);
    await expect
      .poll(async () => [
        ...new Set(await log.locator(':scope > tbody > tr > td:nth-child(2)').allTextContents()),
      ])
      .toEqual(['Maria Sundin']);
    await expectAccessible(page, 'audit log filtered by person');
    await main(page).getByRole('button', { name: 'Ta bort personfiltret' }).click();

    // Today's changes include it; from tomorrow there are none.
    const day = await today(page);
    await main(page).getByLabel('Från och med datum').fill(day);
    await main(page).getByLabel('Till och med datum').fill(day);
    await main(page).getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(new RegExp(`fran=${day}`));
    await log.getByRole('row').filter({ hasText: 'Maria Sundin' }).waitFor();
    const tomorrow = await page.evaluate(() => {
      const d = new Date(Date.now() + 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await main(page).getByLabel('Från och med datum').fill(tomorrow);
    await main(page).getByLabel('Till och med datum').fill('');
    await main(page).getByRole('button', { name: 'Visa', exact: true }).click();
    await main(page).getByText('Inga ändringar matchar.').waitFor();
    expect(await log.count()).toBe(0);
    await expectAccessible(page, 'audit log with no match');

    // Another group of events does not list the unit.
    await page.goto('/admin/logg?handelse=grupp:membership');
    await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).waitFor();
    await expect.poll(() => main(page).getByText('Laddar …').count()).toBe(0);
    // (The event list still offers it; the table does not show it.)
    expect(await log.getByText('Organisation skapad').count()).toBe(0);
  });
});

describe('the outbox', () => {
  it('shows the e-mails the service sent, filtered by recipient', async () => {
    const visitor = await e.newPage();
    await visitor.page.goto('/glomt-losenord');
    await visitor.page.getByLabel('E-postadress').fill(demoLogin('noah.eriksson').email);
    await visitor.page.getByRole('button', { name: 'Skicka länk' }).click();
    await visitor.page.getByText(/Om adressen finns hos oss/).waitFor();

    const { page } = await e.newPage();
    await loginAs(page, 'admin', 'Karin Ekström');
    await main(page).getByRole('link', { name: 'Läs utgående e-post' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utkorg' }).waitFor();
    const mail = main(page)
      .getByRole('article')
      .filter({ hasText: `Till: ${demoLogin('noah.eriksson').email}` });
    await mail.getByRole('heading', { name: 'Återställ ditt lösenord i Välfärdsnavet' }).waitFor();
    const href = await mail.getByRole('link').first().getAttribute('href');
    expect(href).toMatch(/\/aterstall-losenord\?/);
    await expectAccessible(page, 'outbox');

    await main(page).getByRole('searchbox', { name: 'Mottagare' }).fill('ingen.alls@example.se');
    await main(page).getByRole('button', { name: 'Visa', exact: true }).click();
    await main(page).getByText('Utkorgen är tom.').waitFor();

    await main(page).getByRole('searchbox', { name: 'Mottagare' }).fill(demoLogin('noah.eriksson').email);
    await main(page).getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/till=/);
    await mail.waitFor();
    const recipients = await main(page).getByRole('article').locator('p.muted').allTextContents();
    expect(recipients.length).toBeGreaterThan(0);
    for (const r of recipients) expect(r).toContain(demoLogin('noah.eriksson').email);
  });
});

describe('my account', () => {
  it('lists and logs out sessions, downloads my data, and changes the language', async () => {
    const other = await e.newPage();
    await loginAs(other.page, 'admin', 'Karin Ekström');

    const { page } = await e.newPage();
    await loginAs(page, 'admin', 'Karin Ekström');
    await page
      .getByRole('region', { name: 'Användarmeny' })
      .getByRole('link', { name: 'Mitt konto' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mitt konto' }).waitFor();
    expect(await main(page).getByLabel('E-postadress').inputValue()).toBe(demoLogin('admin').email);
    await main(page)
      .getByRole('region', { name: 'Mina roller' })
      .getByRole('link', { name: 'Sverige' })
      .waitFor();
    const sessions = main(page).getByRole('table', { name: 'Aktiva inloggningar' });
    await sessions.getByText('Den här inloggningen').waitFor();
    expect(await sessions.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page, 'my account');

    // Log out the other sessions; the other browser is then logged out.
    const revoke = sessions.getByRole('button', { name: /^Logga ut inloggningen från/ });
    const othersBefore = await revoke.count();
    expect(othersBefore).toBeGreaterThanOrEqual(1);
    for (let i = othersBefore; i > 0; i--) {
      await revoke.first().click();
      await expect.poll(() => revoke.count()).toBe(i - 1);
    }
    await main(page).getByText('Inloggningen är utloggad.').waitFor();
    expect(await sessions.locator('tbody tr').count()).toBe(1);
    await other.page.reload();
    await other.page.waitForURL(/\/logga-in/);

    // Download my data.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main(page).getByRole('button', { name: 'Ladda ner mina uppgifter' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^valfardsnavet-mina-uppgifter-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(data)).toContain(demoLogin('admin').email);
    expect(JSON.stringify(data)).toContain('Karin Ekström');
    expect(JSON.stringify(data)).not.toContain('passwordHash');
    await main(page).getByText('Filen med dina uppgifter är nedladdad.').waitFor();

    // Change the language: the whole interface switches, and stays English after a reload.
    await main(page).getByLabel('Språk', { exact: true }).selectOption({ label: 'English' });
    await main(page).getByRole('button', { name: 'Spara uppgifter' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await main(page).getByText('Your details have been saved.').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page, 'my account in English');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).first().waitFor();

    // The change is in the audit log with before and after.
    await page.goto('/admin/logg?handelse=grupp:user');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const row = main(page)
      .getByRole('table', { name: 'Changes, newest first' })
      .getByRole('row')
      .filter({ hasText: 'Account details changed' })
      .first();
    // By her, about her account: the actor and the object are both Karin.
    await row.getByRole('link', { name: 'Karin Ekström' }).first().waitFor();
    await row.getByText('Show changes').click();
    await row.locator('table.diff-table').waitFor();
    expect((await diffOf(row)).preferredLanguage).toEqual(['sv', 'en']);
    await expectAccessible(page, 'audit log in English');
  });
});

describe('public pages', () => {
  it('reaches the accessibility statement from the footer while logged out, on desktop and phone', async () => {
    for (const width of [1280, 360]) {
      const { page } = await e.newPage({ width });
      await page.goto('/logga-in');
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
      await page.waitForURL(/\/tillganglighet$/);
      await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
      await main(page).getByRole('heading', { name: 'Rapportera brister i tillgängligheten' }).waitFor();
      await main(page).getByRole('link', { name: 'E-post: tillganglighet@valfardsnavet.se' }).waitFor();
      await main(page)
        .getByText(/WCAG\) 2\.1 på nivå AA/)
        .waitFor();
      await expect.poll(() => page.title()).toBe('Tillgänglighetsredogörelse – Välfärdsnavet');
      await expectAccessible(page, `accessibility statement at ${width}px`);
    }
  });

  it('shows the accessibility statement to a logged-in user too', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'personal.falun', 'Amir Haddad');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    await page.getByText('Inloggad som Amir Haddad').waitFor();
  });

  it('shows a 404 page for an unknown address, logged out and logged in', async () => {
    const { page } = await e.newPage({ width: 360 });
    await page.goto('/finns-inte/alls');
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await main(page)
      .getByText(/Vi hittar inte sidan du letar efter/)
      .waitFor();
    await expect.poll(() => page.title()).toBe('Sidan finns inte – Välfärdsnavet');
    await expectAccessible(page, '404 at 360px, logged out');

    await loginAs(page, 'region.dalarna', 'Lars Dahlberg');
    await page.goto('/organisationer/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await page.goto('/admin/finns-inte');
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await expectAccessible(page, '404 logged in');
    await main(page).getByRole('link', { name: 'Gå till startsidan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Lars Dahlberg!' }).waitFor();
  });
});
