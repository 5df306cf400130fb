import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, loginAs, startE2E } from '../support/browser.ts';

/**
 * The municipal coordinator connects the municipality's BI tool: creates an API client that may read the
 * mapping, copies its id and secret; the tool gets a token over HTTP and reads Falun's figures; the
 * coordinator revokes the client and the token stops working.
 */

let e: E2E;
let falunId: string;

beforeAll(async () => {
  e = await startE2E();
  const api = await e.t.as('samordnare.falun');
  falunId = (await api.get('/api/v1/municipalities/2080')).json<{ id: string }>().id;
});
afterAll(() => e?.close());

const technologies = (token: string, code = '2080') =>
  fetch(`${e.baseUrl}/api/v1/municipalities/${code}/technologies`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe('API clients', () => {
  it('are created with scopes, used by a system over HTTP and revoked by the coordinator', async () => {
    const { page } = await e.newPage();
    await loginAs(page, 'samordnare.falun', 'Maria Sundin');
    await page.goto(`/organisationer/${falunId}/inloggning`);
    await page.getByRole('link', { name: 'API-klienter för andra system' }).click();
    await page.getByRole('heading', { level: 1, name: 'API-klienter för Falun' }).waitFor();
    await page.getByText('Organisationen har inga API-klienter.').waitFor();

    // Without a name or a scope, the error summary says what is missing.
    await page.getByRole('button', { name: 'Skapa klient' }).click();
    await page.getByText('Välj minst en behörighet.').first().waitFor();
    await expectAccessible(page, 'API clients with errors');

    await page.getByLabel('Namn', { exact: true }).fill('Power BI');
    await page.getByRole('checkbox', { name: 'mapping:read' }).check();
    await page.getByRole('button', { name: 'Skapa klient' }).click();
    await page.getByRole('heading', { name: 'Klienten Power BI är skapad' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Power BI');
    const clientId = (await page.getByTestId('created-client-id').textContent())!.trim();
    const secret = (await page.getByTestId('created-client-secret').textContent())!.trim();
    const tokenUrl = (await page.getByTestId('created-token-url').textContent())!.trim();
    expect(clientId).toMatch(/^vnc_/);
    expect(secret).toMatch(/^vns_/);
    await page.getByText(`curl -s -u '${clientId}:${secret}'`, { exact: false }).waitFor();
    await expectAccessible(page, 'API client just created');

    // The system: a token by HTTP Basic, then the municipality's mapping with it — and nothing else.
    const tokenRes = await fetch(`${e.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(tokenRes.status).toBe(200);
    // PUBLIC_URL is where operators publish the server; the test server only listens on a free port.
    expect(tokenUrl).toMatch(/^https?:\/\/.+\/oauth\/token$/);
    const { access_token: token, scope } = (await tokenRes.json()) as { access_token: string; scope: string };
    expect(scope).toBe('mapping:read');
    const own = await technologies(token);
    expect(own.status).toBe(200);
    expect(own.headers.get('set-cookie')).toBeNull();
    expect(((await own.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect([403, 404]).toContain((await technologies(token, '2081')).status);

    // Done: the secret is gone from the page; the list shows the client and that it got a token.
    await page.getByRole('button', { name: 'Jag har sparat hemligheten' }).click();
    await expect.poll(() => page.getByTestId('created-client-secret').count()).toBe(0);
    await page.reload();
    const row = page.getByRole('table', { name: 'API-klienter' }).getByRole('row', { name: /Power BI/ });
    await row.getByText('Aktiv', { exact: true }).waitFor();
    expect(await row.getByText('Aldrig').count()).toBe(0);
    expect(await page.getByText(secret).count()).toBe(0);

    // Revoking asks for confirmation; afterwards the token no longer works.
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Återkalla Power BI' }).click();
    await page.getByText('Power BI är återkallad.').waitFor();
    await row.getByText(/^Återkallad/).waitFor();
    await expectAccessible(page, 'API client revoked');
    const after = await technologies(token);
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
});
