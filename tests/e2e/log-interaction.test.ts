import { expect, it } from 'vitest';
import { describeInBrowser, screenshot, signIn } from './support/browser';
import { choose, openFromNav } from './support/ui';

describeInBrowser('logging an interaction through the guide', (e2e) => {
  it('sets up a group and a template, adds a contact, logs an interaction, finds it, cancels it and deletes canceled entries', async () => {
    const { env } = e2e();
    const page = await e2e().newPage();
    await signIn(page);

    // set-up: an interaction group and a template with a unit cost
    await openFromNav(page, 'Interaction Groups');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Code', exact: true }).fill('calls');
    await dialog.getByRole('textbox', { name: 'Description', exact: true }).fill('Phone calls');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('table', { name: 'Interaction Groups' }).getByRole('cell', { name: 'CALLS', exact: true }).waitFor();

    await openFromNav(page, 'Interaction Templates');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Code', exact: true }).fill('call');
    await choose(dialog, 'Interaction Group Code', /^CALLS/);
    await dialog.getByRole('textbox', { name: 'Description', exact: true }).fill('Phone call');
    await dialog.getByRole('textbox', { name: 'Unit Cost (LCY)', exact: true }).fill('2.5');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('table', { name: 'Interaction Templates' }).getByRole('cell', { name: 'CALL', exact: true }).waitFor();
    expect((await env.api('GET', '/api/v1/interaction-templates/CALL')).body).toMatchObject({
      interactionGroupCode: 'CALLS',
      unitCostLcy: 2.5,
      description: 'Phone call',
    });

    await openFromNav(page, 'Salespeople');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Code', exact: true }).fill('jo');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('John Owen');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('table', { name: 'Salespeople' }).getByRole('cell', { name: 'JO', exact: true }).waitFor();

    // a contact, numbered from the series, with its salesperson
    await openFromNav(page, 'Contacts');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Adatum Corporation');
    await choose(dialog, 'Salesperson Code', /^JO/);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const contactRow = page.getByRole('table', { name: 'Contacts' }).getByRole('row').filter({ hasText: 'Adatum Corporation' });
    await contactRow.waitFor();
    expect(await contactRow.getByRole('cell').nth(1).innerText()).toBe('CT000001');

    // the contact card: Create Interaction with the contact locked
    await contactRow.dblclick();
    await page.getByRole('heading', { name: /Contact Card/ }).waitFor();
    await page.getByRole('button', { name: 'Create Interaction' }).first().click();
    const guide = page.getByRole('dialog', { name: 'Create Interaction' });
    await guide.getByText('What is the type of interaction?').waitFor();
    // Next without a template is refused with the guide's own message
    await guide.getByRole('button', { name: 'Next' }).click();
    await guide.getByRole('alert').filter({ hasText: 'Interaction Template Code is mandatory.' }).waitFor();
    await choose(guide, 'Interaction Template Code', /^CALL ·/);
    await expect.poll(() => guide.getByRole('textbox', { name: 'Description', exact: true }).inputValue()).toBe('Phone call');
    await guide.getByRole('button', { name: 'Next' }).click();
    await guide.getByText('What is the interaction related to?').waitFor();
    await guide.getByRole('button', { name: 'Next' }).click();
    await guide.getByText('What was the result of the interaction?').waitFor();
    await choose(guide, 'Evaluation', 'Positive');
    await screenshot(page, 'guide-result-step');
    await guide.getByRole('button', { name: 'Finish' }).click();
    await page.getByText(/Interaction log entry \d+ has been created\./).waitFor();
    await page.getByText('Do you want to create an opportunity for contact Adatum Corporation?').waitFor();

    const list = await env.api('GET', '/api/v1/interaction-log-entries');
    expect(list.body.items).toHaveLength(1);
    const entry = list.body.items[0];
    expect(entry).toMatchObject({
      contactNo: 'CT000001',
      salespersonCode: 'JO',
      interactionTemplateCode: 'CALL',
      description: 'Phone call',
      evaluation: 'positive',
      costLcy: 2.5,
      canceled: false,
      userId: 'admin',
    });

    // the contact's history shows it
    await page
      .getByRole('table', { name: /History of Adatum Corporation/ })
      .getByRole('cell', { name: 'Phone call' })
      .first()
      .waitFor();

    // find it on the log
    await openFromNav(page, 'Interaction Log Entries');
    const table = page.getByRole('table', { name: 'Interaction Log Entries' });
    const row = table.getByRole('row').filter({ hasText: 'Adatum Corporation' });
    await row.waitFor();
    expect(await row.innerText()).toContain('2.50');
    expect(await row.innerText()).toContain('Positive');

    // cancel it with the spec's confirmation
    await page.getByRole('checkbox', { name: `Select entry ${entry.entryNo}` }).check();
    await page.getByRole('button', { name: 'Switch Checkmark in Canceled' }).click();
    await page.getByText(`Do you wish to mark Interaction Log Entry ${entry.entryNo} as canceled?`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await row.getByRole('img', { name: 'Yes' }).first().waitFor();
    expect((await env.api('GET', `/api/v1/interaction-log-entries/${entry.entryNo}`)).body.canceled).toBe(true);
    await screenshot(page, 'entries-canceled');

    // delete canceled entries: the request page, then the count
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete Canceled Interaction Log Entries' }).click();
    await page.getByRole('heading', { name: 'Delete Canceled Interaction Log Entries' }).waitFor();
    await page.getByRole('button', { name: 'OK' }).click();
    await page.getByText('1 interaction log entry has been deleted.').waitFor();
    await screenshot(page, 'delete-canceled-done');
    expect((await env.api('GET', '/api/v1/interaction-log-entries')).body.items).toHaveLength(0);
  });
});
