import net from 'node:net';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoLogin, expectAccessible } from '../support/browser.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * WebAuthn needs a secure context and a domain as RP ID: the server is reached as http://localhost:<port>
 * and PUBLIC_URL says so, so the relying party (origin and RP ID) matches what Chromium reports. The
 * second factor for administrators is on, as in production.
 */
let t: TestApp;
let browser: Browser;
let baseURL = '';
const contexts: BrowserContext[] = [];

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  baseURL = `http://localhost:${port}`;
  t = await createTestApp({
    CLIENT_DIR: path.resolve('dist/client'),
    PUBLIC_URL: baseURL,
    ADMIN_MFA: 'required',
  });
  await t.app.listen({ port, host: 'localhost' });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: 'sv-SE',
  });
  contexts.push(context);
  return { context, page: await context.newPage() };
}

async function passwordLogin(page: Page, local: string) {
  const creds = demoLogin(local);
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(creds.email);
  await page.getByLabel('Lösenord', { exact: true }).fill(creds.password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

async function logout(page: Page) {
  await page.getByRole('button', { name: 'Logga ut' }).first().click();
  await page.waitForURL(/\/logga-in/);
}

describe('passkeys and a second factor', () => {
  it('a care worker adds a passkey on the security page, logs out and logs in with the passkey only', async () => {
    const { context, page } = await newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    await passwordLogin(page, 'personal.falun');
    await page.getByRole('heading', { level: 1, name: 'Hej Amir Haddad!' }).waitFor();
    await page.goto('/mitt-konto');
    await page.getByRole('link', { name: 'Säkerhet och inloggning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Säkerhet och inloggning' }).waitFor();
    await page.getByText('Du har inga nycklar än.').waitFor();
    await expectAccessible(page, 'security page');

    await page.getByLabel('Namn på nyckeln').fill('Min telefon');
    await page.getByRole('button', { name: 'Lägg till nyckel' }).click();
    await page.getByText('Nyckeln Min telefon är tillagd.').waitFor();
    await page.getByRole('rowheader', { name: 'Min telefon' }).waitFor();
    await expectAccessible(page, 'security page with a passkey');

    await logout(page);
    await page.getByRole('button', { name: 'Logga in med nyckel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Amir Haddad!' }).waitFor();
  });

  it('an administrator sets up an authenticator app at the second step, then logs in with password and code', async () => {
    const { page } = await newPage();
    await passwordLogin(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Lägg till en andra faktor' }).waitFor();
    await expectAccessible(page, 'second step: set up a factor');
    await page.getByRole('button', { name: 'Använd en app för engångskoder' }).click();
    const secret = (await page.locator('code.break').textContent())?.trim() ?? '';
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    await page.getByLabel('Kod från appen').fill(totp.generate());
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Spara dina reservkoder' }).waitFor();
    await page.getByRole('list', { name: 'Reservkoder' }).getByRole('listitem').nth(9).waitFor();
    await expectAccessible(page, 'recovery codes');
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Karin Ekström!' }).waitFor();

    await logout(page);
    await passwordLogin(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Andra steget' }).waitFor();
    // A wrong code is explained in the error summary; the next step's code logs in.
    await page.getByLabel('Kod från appen').fill('000000');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByText('Koden stämmer inte eller är redan använd.', { exact: false }).first().waitFor();
    await expectAccessible(page, 'second step with an error');
    await page.getByLabel('Kod från appen').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Karin Ekström!' }).waitFor();
  });
});
