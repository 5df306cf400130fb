import type { Page } from 'playwright-core';

/** The main menu, in Swedish or English. */
export const mainMenu = (page: Page) => page.getByRole('navigation', { name: /^(Huvudmeny|Main menu)$/ });

/**
 * Opens the main menu so that its entries can be used: on a phone the "Meny" button first, then the
 * task group (`Lärande`, `Utveckling`, …) when one is given. Leaves open what is already open.
 */
export async function openMenu(page: Page, group?: string) {
  const button = page.getByRole('button', { name: /^(Meny|Menu)$/ });
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) === 'false')
    await button.click();
  if (!group) return;
  const groupButton = mainMenu(page).getByRole('button', { name: group, exact: true });
  if ((await groupButton.getAttribute('aria-expanded')) === 'false') await groupButton.click();
}

/** Follows a main-menu link inside a task group (or a top-level one without a group). */
export async function followMenu(page: Page, group: string | null, link: string) {
  await openMenu(page, group ?? undefined);
  await mainMenu(page).getByRole('link', { name: link, exact: true }).click();
}
