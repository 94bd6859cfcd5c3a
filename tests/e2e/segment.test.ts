import { expect, it } from 'vitest';
import { describeInBrowser, screenshot, signIn } from './support/browser';
import { choose, openFromNav } from './support/ui';

describeInBrowser('building and logging a segment', (e2e) => {
  it('builds a segment by criteria, previews it and logs it', async () => {
    const { env } = e2e();
    // set-up and contacts through the API: this test is about the segment pages
    const ok = (r: { status: number; text: string }) => expect(r.status, r.text).toBeLessThan(300);
    ok(await env.api('POST', '/api/v1/salespeople', { body: { code: 'JO', name: 'John Owen' } }));
    ok(await env.api('POST', '/api/v1/interaction-groups', { body: { code: 'LETTERS', description: 'Letters' } }));
    ok(
      await env.api('POST', '/api/v1/interaction-templates', {
        body: {
          code: 'LETTER',
          interactionGroupCode: 'LETTERS',
          description: 'Letter',
          unitCostLcy: 0.5,
          correspondenceTypeDefault: 'hard_copy',
        },
      }),
    );
    for (const [name, salespersonCode] of [
      ['Alpha Ltd', 'JO'],
      ['Beta AS', 'JO'],
      ['Gamma GmbH', null],
    ] as const)
      ok(await env.api('POST', '/api/v1/contacts', { body: { name, salespersonCode } }));

    const page = await e2e().newPage();
    await signIn(page);
    await openFromNav(page, 'Segments');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Description', exact: true }).fill('Winter mailing');
    await choose(dialog, 'Interaction Template Code', /^LETTER/);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('table', { name: 'Segments' }).getByRole('row').filter({ hasText: 'Winter mailing' });
    await row.waitFor();
    expect(await row.innerText()).toContain('SM00001');

    // the card: add contacts by criteria (salesperson JO)
    await row.dblclick();
    await page.getByRole('heading', { name: /Segment — SM00001 Winter mailing/ }).waitFor();
    await page.getByRole('button', { name: 'Contacts', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Add Contacts' }).click();
    const criteria = page.getByRole('dialog', { name: 'Add Contacts' });
    await criteria.getByText('Options').waitFor();
    await choose(criteria, /^Salesperson Code/, /^JO/);
    await criteria.getByRole('button', { name: 'OK' }).click();
    await page.getByText('2 contacts added; the segment has 2 lines.').waitFor();
    const lines = page.getByRole('table', { name: 'Lines' });
    await lines.getByRole('cell', { name: 'Alpha Ltd' }).first().waitFor();
    await lines.getByRole('cell', { name: 'Beta AS' }).first().waitFor();
    expect(await lines.getByRole('cell', { name: 'Gamma GmbH' }).count()).toBe(0);

    // the preview, closed with Escape
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('preview-entries').filter({ hasText: '2 interactions would be logged: cost 1.00' }).waitFor();
    await screenshot(page, 'segment-preview');
    await page.keyboard.press('Escape');
    await page.getByTestId('preview-entries').waitFor({ state: 'detached' });

    // log it: a job with progress, then the log opens on the logged segment's entries
    await page.getByRole('button', { name: 'Log', exact: true }).click();
    await page.getByRole('dialog', { name: 'Log' }).getByRole('button', { name: 'Log', exact: true }).click();
    await page.getByText('Segment SM00001 has been logged.').waitFor();
    await page.getByRole('heading', { name: /Interaction Log Entries — Logged Segment Entry No\. \d+/ }).waitFor();
    const entries = page.getByRole('table', { name: 'Interaction Log Entries' });
    await entries.getByRole('cell', { name: 'Alpha Ltd' }).first().waitFor();
    await entries.getByRole('cell', { name: 'Beta AS' }).first().waitFor();
    await screenshot(page, 'segment-logged-entries');

    const logged = await env.api('GET', '/api/v1/logged-segments');
    expect(logged.body.items).toHaveLength(1);
    expect(logged.body.items[0]).toMatchObject({
      segmentNo: 'SM00001',
      description: 'Winter mailing',
      noOfInteractions: 2,
      canceled: false,
    });
    expect((await env.api('GET', '/api/v1/segments/SM00001')).status).toBe(404);
  });
});
