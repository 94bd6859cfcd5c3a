import { expect, it } from 'vitest';
import { describeInBrowser, screenshot, signIn } from './support/browser';
import { choose, openFromNav } from './support/ui';

describeInBrowser('finish later, phone calls, filters and columns', (e2e) => {
  it('postpones the guide on cancel, resumes it, makes a phone call and filters the log in its address', async () => {
    const { env } = e2e();
    const ok = (r: { status: number; text: string }) => expect(r.status, r.text).toBeLessThan(300);
    ok(await env.api('POST', '/api/v1/salespeople', { body: { code: 'JO', name: 'John Owen' } }));
    ok(await env.api('POST', '/api/v1/interaction-groups', { body: { code: 'PHONE' } }));
    ok(
      await env.api('POST', '/api/v1/interaction-templates', {
        body: { code: 'CALL', interactionGroupCode: 'PHONE', description: 'Phone call', unitDurationMin: 5 },
      }),
    );
    ok(await env.api('PATCH', '/api/v1/interaction-template-setup', { body: { outgoingCalls: 'CALL' } }));
    ok(await env.api('POST', '/api/v1/contacts', { body: { name: 'Northwind Traders', salespersonCode: 'JO', phoneNo: '+47 2212 3456' } }));

    const page = await e2e().newPage();
    await signIn(page);

    // Create Interaction from the log, then Cancel → finish later
    await openFromNav(page, 'Interaction Log Entries');
    await page.getByRole('button', { name: 'Create Interaction' }).click();
    const guide = page.getByRole('dialog', { name: 'Create Interaction' });
    await choose(guide, 'Contact No.', /Northwind Traders/, 'north');
    await choose(guide, 'Interaction Template Code', /^CALL ·/);
    await guide.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Do you want to finish this interaction later?').waitFor();
    await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Yes' }).click();
    await page.getByText(/saved as postponed interaction \d+/).waitFor();
    const postponed = (await env.api('GET', '/api/v1/postponed-interactions')).body.items;
    expect(postponed).toHaveLength(1);
    expect(postponed[0]).toMatchObject({ contactNo: 'CT000001', interactionTemplateCode: 'CALL', postponed: true });
    expect((await env.api('GET', '/api/v1/interaction-log-entries')).body.items).toHaveLength(0);

    // Resume it from Postponed Interactions
    await openFromNav(page, 'Postponed Interactions');
    await page.getByRole('checkbox', { name: `Select entry ${postponed[0].entryNo}` }).check();
    await page.getByRole('button', { name: 'Resume' }).click();
    const resumed = page.getByRole('dialog', { name: /postponed entry/ });
    await expect.poll(() => resumed.getByRole('textbox', { name: 'Description', exact: true }).inputValue()).toBe('Phone call');
    await resumed.getByRole('button', { name: 'Finish' }).click();
    await page.getByText(`Interaction log entry ${postponed[0].entryNo} has been created.`).waitFor();
    expect((await env.api('GET', '/api/v1/postponed-interactions')).body.items).toHaveLength(0);

    // Make Phone Call from the contact list: the number comes from the contact
    await openFromNav(page, 'Contacts');
    await page.getByRole('checkbox', { name: 'Select CT000001' }).check();
    await page.getByRole('button', { name: 'Make Phone Call' }).click();
    const call = page.getByRole('dialog', { name: 'Make Phone Call' });
    await call.getByText('Who do you want to call?').waitFor();
    await expect.poll(() => call.getByRole('textbox', { name: 'Phone number' }).inputValue()).toBe('+47 2212 3456');
    await call.getByRole('button', { name: 'Next' }).click();
    await call.getByRole('checkbox', { name: 'Successful attempt' }).uncheck();
    await call.getByRole('button', { name: 'Finish' }).click();
    await page
      .getByText(/Interaction log entry \d+ has been created\./)
      .first()
      .waitFor();
    const calls = (await env.api('GET', '/api/v1/interaction-log-entries?origin=phone_call')).body.items;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ contactVia: '+47 2212 3456', attemptFailed: true, durationMin: 5, salespersonCode: 'JO' });

    // the filter pane writes the address; a reload keeps the filter and the chosen columns
    await openFromNav(page, 'Interaction Log Entries');
    const table = page.getByRole('table', { name: 'Interaction Log Entries' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const pane = page.getByRole('dialog', { name: 'Filter pane' });
    await choose(pane, 'Attempt Failed', 'Yes');
    await pane.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?attemptFailed=true');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Contact Via' }).check();
    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByRole('listitem').filter({ hasText: 'Attempt Failed: Yes' }).waitFor();
    await table.getByRole('columnheader', { name: 'Contact Via' }).waitFor();
    await table.getByRole('cell', { name: '+47 2212 3456' }).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await screenshot(page, 'entries-filtered-columns');
  });
});
