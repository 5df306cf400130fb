import type { Page } from 'playwright-core';
import { DEMO_SUPPLIERS } from '../../src/server/db/demo/suppliers-demo.ts';
import { type E2E, expectAccessible, loginAs } from './browser.ts';

/**
 * The steps two e2e specs share for a joint procurement's signed contract: the lead (on the procurement
 * page already) moves it to "Avtal tecknat" and records the contract; then each participant's own
 * coordinator finds it in the municipality's contract register.
 */

const main = (page: Page) => page.getByRole('main');
const SUPPLIER = DEMO_SUPPLIERS[0]!;

/** The procurement page is open for its lead; `startsOn`/`endsOn` as yyyy-mm-dd. */
export async function recordSignedContract(
  page: Page,
  contract: { title: string; startsOn: string; endsOn: string },
) {
  const form = main(page).getByRole('heading', { name: 'Registrera det tecknade avtalet' });
  await form.waitFor();
  // Before the phase: one sentence says what must happen first, and there is no form.
  if (
    await main(page)
      .getByText(/^Flytta först upphandlingen till fasen Avtal tecknat/)
      .count()
  ) {
    await main(page).getByLabel('Fas', { exact: true }).first().selectOption({ label: 'Avtal tecknat' });
    await main(page).getByRole('button', { name: 'Byt fas' }).click();
    await main(page).getByText('Upphandlingen är nu i fasen Avtal tecknat.').waitFor();
  }
  const signed = main(page).getByRole('form', { name: 'Registrera det tecknade avtalet' });
  await signed.waitFor();
  await signed.getByLabel('Sök leverantör i leverantörsregistret').fill(SUPPLIER.name.split(' ')[0]!);
  await signed.getByRole('button', { name: 'Sök', exact: true }).click();
  const supplier = signed.getByLabel('Leverantör', { exact: true });
  await supplier.locator(`option[value="${SUPPLIER.id}"]`).waitFor({ state: 'attached' });
  await supplier.selectOption(SUPPLIER.id);
  await signed.getByLabel('Avtalets namn').fill(contract.title);
  await signed.getByLabel('Startdatum').fill(contract.startsOn);
  await signed.getByLabel('Slutdatum').fill(contract.endsOn);
  await signed.getByLabel('Årligt värde per kommun (kr)').fill('120000');
  await expectAccessible(page, 'signed contract form, filled');
  await signed.getByRole('button', { name: 'Registrera avtalet' }).click();
  await signed.getByText(/^Avtalet är registrerat\./).waitFor();
  for (const name of ['Falu', 'Borlänge'])
    await main(page)
      .getByRole('link', { name: new RegExp(`^${name}[^:]*: ${SUPPLIER.name}`) })
      .waitFor();
  await expectAccessible(page, 'procurement with its contracts');
}

/** Each participant's coordinator sees the contract in its own register, on a phone. */
export async function expectInRegisters(e: E2E, title: string) {
  for (const [code, local, person, heading] of [
    ['2080', 'samordnare.falun', 'Maria Sundin', 'Avtal – Falun'],
    ['2081', 'samordnare.borlange', 'Johan Berglund', 'Avtal – Borlänge'],
  ] as const) {
    const { page } = await e.newPage({ width: 360, height: 740 });
    await loginAs(page, local, person);
    await page.goto(`/kommuner/${code}/avtal`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await main(page).getByRole('link', { name: title }).first().waitFor();
    await expectAccessible(page, `${code} register with the procurement's contract, 360 px`);
  }
}
