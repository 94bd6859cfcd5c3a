import type { Locator, Page } from 'playwright-core';

/** Picks an option of a Mantine select by its label (within `scope`), typing to narrow it first. */
export async function choose(scope: Page | Locator, label: string | RegExp, option: string | RegExp, type?: string): Promise<void> {
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  const input = scope.getByRole('textbox', { name: label }).first();
  await input.click();
  if (type) await input.fill(type);
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

/** Opens a page from the navigation. */
export async function openFromNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}
