import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { sql } from 'drizzle-orm';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../src/server/db/demo/demo-people.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { freePort } from './server-process.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export interface E2E {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies) and page, at the given viewport width. */
  newPage(opts?: {
    width?: number;
    height?: number;
    locale?: string;
  }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** The real server (built client + API) on a fresh copy of the demo database, and Debian's Chromium. */
export async function startE2E(opts: { demoIdp?: boolean; ownAddress?: boolean } = {}): Promise<E2E> {
  // The demo OIDC provider is fetched at PUBLIC_URL/demo-idp, and an IdP sends the browser back to
  // PUBLIC_URL (ownAddress): the server must know its address first.
  const port = opts.demoIdp || opts.ownAddress ? await freePort() : 0;
  const t = await createTestApp(
    { CLIENT_DIR: path.resolve('dist/client'), ...(port ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}) },
    opts.demoIdp ? { demoIdp: {} } : {},
  );
  const address = await t.app.listen({ port, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  const contexts: BrowserContext[] = [];
  return {
    t,
    baseUrl: address,
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        baseURL: address,
        viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
        locale: opts.locale ?? 'sv-SE',
      });
      contexts.push(context);
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}

/** Scans the page with axe for WCAG 2.1 A and AA and fails with a readable list of violations. */
export async function expectAccessible(page: Page, label = page.url()) {
  // Measure the settled page: a dialog fading in has, for a moment, text of too low contrast. Endless
  // animations (a spinner) never finish and are left out.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // Only violations come back with their nodes: passes and inapplicable rules are not read, and
  // serialising them is most of a scan's cost on a large page.
  // (`options` replaces what `withTags` set, so it comes first.)
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(problems, `axe violations on ${label}`).toEqual([]);
}

export const demoLogin = (local: string) => ({ email: `${local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD });

/**
 * Logs a demo account in through the login page and waits for the start page's greeting
 * (`Hej <name>!` when the name is given).
 */
export async function loginAs(page: Page, local: string, name?: string) {
  const creds = demoLogin(local);
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(creds.email);
  await page.getByLabel('Lösenord', { exact: true }).fill(creds.password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: name ? `Hej ${name}!` : /^Hej / }).waitFor();
}

/**
 * "As a new user": an existing coordinator invites a person to their organisation with a role; the new
 * person opens the e-mailed link, chooses a password and lands on their start page, logged in.
 */
export async function inviteNewUser(
  e: E2E,
  invite: { by: string; orgName: string; role: string; name: string; email: string },
): Promise<Page> {
  const { page } = await e.newPage();
  await loginAs(page, invite.by);
  await page.getByRole('main').getByRole('link', { name: invite.orgName, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: invite.orgName }).waitFor();
  await page.getByRole('main').getByRole('link', { name: 'Bjud in person' }).click();
  await page.getByLabel('E-postadress').fill(invite.email);
  await page.getByLabel('Namn').fill(invite.name);
  await page.getByLabel('Roll').selectOption({ label: invite.role });
  await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
  await page.getByText(`Inbjudan till ${invite.email} är skickad.`).waitFor();
  const [mail] = await queryRows<{ text: string }>(
    e.t.db,
    sql`select text from outbox where "to" = ${invite.email} order by created_at desc limit 1`,
  );
  const link = new URL(/https?:\/\/\S+/.exec(mail!.text)![0]);
  const invitee = await e.newPage();
  await invitee.page.goto(link.pathname);
  await invitee.page.getByLabel('Lösenord', { exact: true }).fill('ett långt lösenord för en ny person');
  await invitee.page.getByLabel('Upprepa lösenordet').fill('ett långt lösenord för en ny person');
  await invitee.page.getByRole('button', { name: 'Skapa konto' }).click();
  await invitee.page.getByRole('heading', { level: 1, name: `Hej ${invite.name}!` }).waitFor();
  return invitee.page;
}
