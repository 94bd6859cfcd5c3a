import { expect, it } from 'vitest';
import { describeInBrowser, screenshot, signIn } from './support/browser';
import { openFromNav } from './support/ui';

describeInBrowser('roles, errors and sign-out', (e2e) => {
  it('shows a viewer no write actions, at tablet width too, and signs out', async () => {
    const { env } = e2e();
    await env.tokenFor('viewer', { username: 'vera' });
    const page = await e2e().newPage({ width: 820, height: 1100 });
    await signIn(page, 'vera', 'password-123');

    // tablet width: the navigation is behind its button
    await page.getByRole('button', { name: 'Navigation' }).click();
    await openFromNav(page, 'Interaction Log Entries');
    const toolbar = page.getByRole('toolbar', { name: 'Interaction Log Entries' });
    await toolbar.getByRole('button', { name: 'Filter', exact: true }).waitFor();
    expect(await toolbar.getByRole('link', { name: 'Export to CSV' }).count()).toBe(1);
    for (const action of ['Create Interaction', 'Switch Checkmark in Canceled', 'Evaluate Interaction', 'More actions'])
      expect(await toolbar.getByRole('button', { name: action }).count(), action).toBe(0);
    await screenshot(page, 'viewer-tablet-entries');

    await page.getByRole('button', { name: 'Navigation' }).click();
    await openFromNav(page, 'Interaction Groups');
    expect(await page.getByRole('button', { name: 'New', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'View', exact: true }).waitFor();

    // tasks that write are not offered by the search either
    await page.keyboard.press('Control+K');
    await page.getByRole('textbox', { name: /search pages and tasks/i }).fill('delete canceled');
    await page.getByText('No page or task matches.').waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /user menu/i }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect((await page.context().cookies()).find((c) => c.name === 'rapport_session')).toBeUndefined();
  });

  it('shows an API refusal at the field it concerns and keeps the dialog open', async () => {
    const { env } = e2e();
    expect((await env.api('POST', '/api/v1/interaction-groups', { body: { code: 'MEET', description: 'Meetings' } })).status).toBe(201);
    const page = await e2e().newPage();
    await signIn(page);
    await openFromNav(page, 'Interaction Groups');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Code', exact: true }).fill('meet');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // duplicate_code, shown under the Code field in words
    await dialog.getByText(/MEET already exists/).waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Code', exact: true }).getAttribute('aria-invalid')).toBe('true');

    // a group in use cannot be deleted: the refusal is shown on the page
    expect((await env.api('POST', '/api/v1/interaction-templates', { body: { code: 'VISIT', interactionGroupCode: 'MEET' } })).status).toBe(
      201,
    );
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'Select MEET' }).check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /MEET is used by templates or interaction log entries/ })
      .waitFor();
    await screenshot(page, 'error-at-action');
    expect((await env.api('GET', '/api/v1/interaction-groups/MEET')).status).toBe(200);
  });
});
