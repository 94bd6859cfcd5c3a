import { expect, it } from 'vitest';
import { describeInBrowser, screenshot, signIn } from './support/browser';
import { choose, openFromNav } from './support/ui';

describeInBrowser('template attachments, comments and contact import', (e2e) => {
  it('uploads a template attachment, shows it in the guide, comments the entry and imports contacts with a report', async () => {
    const { env } = e2e();
    const ok = (r: { status: number; text: string }) => expect(r.status, r.text).toBeLessThan(300);
    ok(await env.api('POST', '/api/v1/languages', { body: { code: 'ENU', name: 'English' } }));
    ok(await env.api('POST', '/api/v1/salespeople', { body: { code: 'JO', name: 'John Owen' } }));
    ok(await env.api('POST', '/api/v1/interaction-groups', { body: { code: 'LETTERS' } }));
    ok(
      await env.api('POST', '/api/v1/interaction-templates', {
        body: { code: 'LETTER', interactionGroupCode: 'LETTERS', description: 'Letter', wizardAction: 'open', languageCodeDefault: 'ENU' },
      }),
    );
    ok(await env.api('POST', '/api/v1/contacts', { body: { name: 'Fabrikam Inc', salespersonCode: 'JO' } }));

    const page = await e2e().newPage();
    await signIn(page);

    // the template card: import an attachment for its default language
    await openFromNav(page, 'Interaction Templates');
    await page.getByRole('table', { name: 'Interaction Templates' }).getByRole('row').filter({ hasText: 'LETTER' }).dblclick();
    await page.getByRole('heading', { name: /Interaction Template — LETTER/ }).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import an attachment for ENU' }).click();
    await (await chooser).setFiles({ name: 'letter.txt', mimeType: 'text/plain', buffer: Buffer.from('Dear customer') });
    await page.getByRole('link', { name: 'Open the attachment of ENU' }).waitFor();
    const template = (await env.api('GET', '/api/v1/interaction-templates/LETTER')).body;
    expect(template.attachmentId).not.toBeNull();
    await screenshot(page, 'template-languages');

    // the guide's content step shows the attachment for review (wizard action "open")
    await openFromNav(page, 'Interaction Log Entries');
    await page.getByRole('button', { name: 'Create Interaction' }).click();
    const guide = page.getByRole('dialog', { name: 'Create Interaction' });
    await choose(guide, 'Contact No.', /Fabrikam Inc/, 'fabri');
    await choose(guide, 'Interaction Template Code', /^LETTER ·/);
    await guide.getByRole('button', { name: 'Next' }).click();
    await guide.getByText('What content will be used for this interaction?').waitFor();
    const review = guide.getByRole('link', { name: 'Open the attachment for review' });
    expect(await review.getAttribute('href')).toBe(`/api/v1/attachments/${template.attachmentId}/content`);
    await guide.getByRole('button', { name: 'Finish' }).click();
    await page.getByText(/Interaction log entry \d+ has been created\./).waitFor();
    const entry = (await env.api('GET', '/api/v1/interaction-log-entries')).body.items[0];
    expect(entry).toMatchObject({ interactionLanguageCode: 'ENU', hasComments: false });
    expect(entry.attachmentId).not.toBeNull();

    // comments of the entry
    await page.getByRole('checkbox', { name: `Select entry ${entry.entryNo}` }).check();
    await page.getByRole('button', { name: 'Comments', exact: true }).click();
    const comments = page.getByRole('dialog', { name: `Comments — entry ${entry.entryNo}` });
    await comments.getByRole('textbox', { name: 'New comment' }).fill('Wants a demo next week');
    await comments.getByRole('button', { name: 'Add' }).click();
    await comments.getByRole('cell', { name: 'Wants a demo next week' }).waitFor();
    await page.keyboard.press('Escape');
    const lines = (await env.api('GET', `/api/v1/interaction-log-entries/${entry.entryNo}/comments`)).body.items;
    expect(lines).toEqual([{ lineNo: 10000, date: entry.date, comment: 'Wants a demo next week' }]);
    await expect.poll(async () => (await env.api('GET', `/api/v1/interaction-log-entries/${entry.entryNo}`)).body.hasComments).toBe(true);

    // contact import: a job with progress, then the report with the skipped row
    await page.goto('/contacts/import');
    await page.getByRole('heading', { name: 'Import Contacts' }).waitFor();
    const file = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /CSV file/ }).click();
    await (
      await file
    ).setFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,email\r\nZeta AB,info@zeta.example\r\nNo Mail,not-an-address\r\n'),
    });
    await page.getByRole('checkbox', { name: /Skip invalid rows/ }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('1 contacts imported, 1 rows skipped.').waitFor();
    await page.getByRole('table', { name: 'Rows with errors' }).getByRole('cell', { name: '3', exact: true }).waitFor();
    await screenshot(page, 'contact-import-report');
    const imported = (await env.api('GET', '/api/v1/contacts?q=zeta')).body.items;
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ name: 'Zeta AB', email: 'info@zeta.example' });
  });
});
