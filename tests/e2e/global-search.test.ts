import { expect, it } from 'vitest';
import { describeInBrowser, screenshot, signIn } from './support/browser';

describeInBrowser('global search and languages', (e2e) => {
  it('opens Interaction Log Entries from the search with Ctrl+K in English', async () => {
    const page = await e2e().newPage();
    await signIn(page);
    await page.keyboard.press('Control+K');
    const search = page.getByRole('textbox', { name: /search pages and tasks/i });
    await search.fill('log entries interaction');
    await page.getByRole('button', { name: /^Interaction Log Entries/ }).click();
    await page.getByRole('heading', { name: 'Interaction Log Entries' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/entries');
    await screenshot(page, 'search-english');
  });

  it('switches to Russian, remembers it for the user and finds the page by its Russian name with Alt+Q', async () => {
    const page = await e2e().newPage();
    await signIn(page);
    await page.getByRole('button', { name: /user menu/i }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('link', { name: 'Контакты', exact: true }).waitFor();

    await page.keyboard.press('Alt+Q');
    await page.getByRole('textbox', { name: /поиск страниц и задач/i }).fill('журнал взаимод');
    await page.getByRole('button', { name: /^Записи журнала взаимодействий/ }).click();
    await page.getByRole('heading', { name: 'Записи журнала взаимодействий' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/entries');

    // the English name finds the page as well, shown in Russian
    await page.getByRole('button', { name: /поиск страниц и задач/i }).click();
    await page.getByRole('textbox', { name: /поиск страниц и задач/i }).fill('Delete Canceled Interaction');
    await page.getByRole('button', { name: /^Удалить отменённые записи журнала/ }).click();
    await page.getByRole('heading', { name: 'Удалить отменённые записи журнала взаимодействий' }).waitFor();

    // a new sign-in of the same user comes back in Russian
    await page.reload();
    await page.getByRole('heading', { name: 'Удалить отменённые записи журнала взаимодействий' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await screenshot(page, 'search-russian');
  });
});
