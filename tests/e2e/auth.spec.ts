import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { demoLogin, type E2E, expectAccessible, startE2E } from '../support/browser.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

async function login(page: Page, local: string, password?: string) {
  const creds = demoLogin(local);
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(creds.email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password ?? creds.password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

describe('logging in and out', () => {
  it('shows an accessible login page on a phone and on a desktop', async () => {
    for (const width of [360, 1280]) {
      const { page } = await e.newPage({ width });
      await page.goto('/');
      await page.waitForURL(/\/logga-in/);
      await expect.poll(() => page.title()).toContain('Logga in');
      await expectAccessible(page, `login page at ${width}px`);
    }
  });

  it('explains a wrong password in an error summary, then logs in to the start page', async () => {
    const { page } = await e.newPage();
    await login(page, 'samordnare.falun', 'fel-lösenord-123');
    await expect.poll(() => page.getByText('Fel e-postadress eller lösenord.').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'login with error');
    await login(page, 'samordnare.falun');
    await page.getByRole('heading', { name: 'Hej Maria Sundin!' }).waitFor();
    await page.getByRole('link', { name: /Falun/ }).first().waitFor();
    await expectAccessible(page, 'start page of a municipal coordinator');
    await page.getByRole('button', { name: 'Logga ut' }).first().click();
    await page.waitForURL(/\/logga-in/);
    await page.getByText('Du är utloggad.').waitFor();
  });

  it('names the wrong fields in an error summary that takes focus and links to them, keyboard only', async () => {
    const { page } = await e.newPage({ width: 360 });
    await page.goto('/logga-in');
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 30 && (await focusedId()) !== 'login-identifier'; i++)
      await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('login-identifier');
    await page.keyboard.type('maria@');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('login-password');
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    const links = summary.getByRole('link');
    expect(await links.allInnerTexts()).toEqual([
      'E-postadress eller användarnamn: Ange en giltig e-postadress.',
      'Lösenord: Uppgiften måste fyllas i.',
    ]);
    await expectAccessible(page, 'login error summary');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focusedId()).toBe('login-password');
    expect(await page.locator('#login-password').getAttribute('aria-describedby')).toBe(
      'login-password-error',
    );
  });

  it('lists the demo accounts on the login page in demo mode', async () => {
    const { page } = await e.newPage();
    await page.goto('/logga-in');
    await page.getByText('demo-valfard-2026').first().waitFor();
  });
});

describe('password reset by e-mailed link', () => {
  it('sends a link, sets a new password with it and logs in with the new one', async () => {
    const { page } = await e.newPage({ width: 360 });
    await page.goto('/logga-in');
    await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
    await page.getByRole('heading', { name: 'Glömt lösenordet' }).waitFor();
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('E-postadress').fill(demoLogin('ulla.aberg').email);
    await page.getByRole('button', { name: 'Skicka länk' }).click();
    await page.getByText(/Om adressen finns hos oss/).waitFor();

    const [mail] = await queryRows<{ text: string }>(
      e.t.db,
      sql`select text from outbox where "to" = ${demoLogin('ulla.aberg').email} order by created_at desc limit 1`,
    );
    const link = /https?:\/\/\S+/.exec(mail!.text)![0];
    const path = new URL(link).pathname + new URL(link).search;
    await page.goto(path);
    await page.getByRole('heading', { name: 'Välj nytt lösenord' }).waitFor();
    await expectAccessible(page, 'reset password');

    // Keyboard only: a short password and a different repetition break the contract's rules
    // (NewPasswordForm); the summary takes focus, names both fields and its links lead to them.
    await page.getByLabel('Nytt lösenord', { exact: true }).focus();
    await page.keyboard.type('kort');
    await page.keyboard.press('Tab');
    await page.keyboard.type('annat');
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary');
    await summary
      .getByRole('link', { name: 'Nytt lösenord: Lösenordet måste ha minst 12 tecken.' })
      .waitFor();
    await summary
      .getByRole('link', { name: 'Upprepa nytt lösenord: Lösenorden är inte likadana.' })
      .waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')))
      .toBe(true);
    await expectAccessible(page, 'reset password with errors');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reset-password');

    await page.getByLabel('Nytt lösenord', { exact: true }).fill('mitt nya långa lösenord');
    await page.getByLabel('Upprepa nytt lösenord').fill('mitt nya långa lösenord');
    await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
    await page.getByText(/Ditt lösenord är bytt/).waitFor();

    await login(page, 'ulla.aberg', 'mitt nya långa lösenord');
    await page.getByRole('heading', { name: 'Hej Ulla Åberg!' }).waitFor();
  });
});

describe('unlocking a locked account by e-mailed link', () => {
  it('locks after wrong passwords, mails an unlock link on request, unlocks once and logs in', async () => {
    const { page } = await e.newPage({ width: 360 });
    const email = demoLogin('jonas.oberg').email;
    for (let i = 0; i < 5; i++) {
      await login(page, 'jonas.oberg', `fel-lösenord-${i}`);
      // The button is named "Loggar in …" while the request runs: wait for its answer before the next try.
      await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
    }
    await page
      .getByText(/Inloggningen är spärrad en stund/)
      .first()
      .waitFor();
    await expectAccessible(page, 'login locked');
    await page.getByRole('button', { name: 'Skicka upplåsningslänk' }).click();
    await page.getByText(/har vi skickat en upplåsningslänk/).waitFor();

    const mails = await queryRows<{ text: string }>(
      e.t.db,
      sql`select text from outbox where "to" = ${email} order by created_at desc`,
    );
    // One sent when the address locked, one on request: either unlocks.
    expect(mails).toHaveLength(2);
    const link = new URL(/https?:\/\/\S+las-upp-konto\S+/.exec(mails[0]!.text)![0]);
    await page.goto(link.pathname + link.search);
    await page.getByRole('heading', { name: 'Lås upp kontot' }).waitFor();
    await expectAccessible(page, 'unlock account');
    await page.getByRole('button', { name: 'Lås upp kontot' }).click();
    await page.getByText('Kontot är upplåst. Du kan logga in nu.').waitFor();
    await expectAccessible(page, 'account unlocked');

    // The link works once.
    await page.goto(link.pathname + link.search);
    await page.getByRole('button', { name: 'Lås upp kontot' }).click();
    await page.getByText(/Länken är ogiltig eller har gått ut/).waitFor();

    await login(page, 'jonas.oberg');
    await page.getByRole('heading', { name: /^Hej / }).waitFor();
  });
});

describe('language', () => {
  it('switches to English and remembers it after a reload', async () => {
    const { page } = await e.newPage();
    await login(page, 'chef.falun');
    await page.getByRole('heading', { name: 'Hej Sara Holmgren!' }).waitFor();
    await page
      .getByRole('button', { name: /English/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /Sara Holmgren/ }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Log out' }).first().waitFor();
    await expectAccessible(page, 'start page in English');
  });
});
