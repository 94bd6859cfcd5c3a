import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { TestEnv } from '../support/test-app';
import { describeInBrowser, screenshot, signIn } from './support/browser';
import { choose, openFromNav } from './support/ui';

const ok = (r: { status: number; text: string }) => expect(r.status, r.text).toBeLessThan(300);

// set-up and contacts through the API: these tests are about the segment pages
async function seed(env: TestEnv): Promise<void> {
  ok(await env.api('POST', '/api/v1/salespeople', { body: { code: 'JO', name: 'John Owen' } }));
  ok(await env.api('POST', '/api/v1/interaction-groups', { body: { code: 'LETTERS', description: 'Letters' } }));
  ok(
    await env.api('POST', '/api/v1/interaction-templates', {
      body: { code: 'LETTER', interactionGroupCode: 'LETTERS', description: 'Letter', correspondenceTypeDefault: 'hard_copy' },
    }),
  );
  for (const [name, salespersonCode] of [
    ['Alpha Ltd', 'JO'],
    ['Beta AS', 'JO'],
    ['Gamma GmbH', null],
  ] as const)
    ok(await env.api('POST', '/api/v1/contacts', { body: { name, salespersonCode } }));
}

/** A segment with the LETTER template made through the API; answers its number. */
async function segmentByApi(env: TestEnv, description: string): Promise<string> {
  const res = await env.api('POST', '/api/v1/segments', { body: { description, interactionTemplateCode: 'LETTER' } });
  ok(res);
  return res.body.no as string;
}

/** The contact numbers on a segment's lines, sorted. */
async function contactsOf(env: TestEnv, no: string): Promise<string[]> {
  const res = await env.api('GET', `/api/v1/segments/${no}/lines?limit=500`);
  return (res.body.items as { contactNo: string }[]).map((l) => l.contactNo).sort();
}

/** Creates a segment on the Segments page and opens its card. */
async function newSegment(page: Page, description: string): Promise<void> {
  await openFromNav(page, 'Segments');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Description', exact: true }).fill(description);
  await choose(dialog, 'Interaction Template Code', /^LETTER/);
  await dialog.getByRole('button', { name: 'Save' }).click();
  const row = page.getByRole('table', { name: 'Segments' }).getByRole('row').filter({ hasText: description });
  await row.waitFor();
  await row.dblclick();
  await page.getByRole('heading', { name: new RegExp(`Segment — SM\\d+ ${description}`) }).waitFor();
}

async function criteriaAction(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Contacts', exact: true }).click();
  await page.getByRole('menuitem', { name }).click();
}

describeInBrowser('saving and reusing segment criteria', (e2e) => {
  beforeAll(async () => {
    await seed(e2e().env);
  });

  it("saves a segment's criteria and reuses them on a second segment", async () => {
    const { env } = e2e();
    const page = await e2e().newPage();
    await signIn(page);
    await newSegment(page, 'Winter mailing');
    const first = 'SM00001';
    await page.getByRole('heading', { name: /Segment — SM00001 Winter mailing/ }).waitFor();

    // nothing to save yet: the refusal shows in the dialog, which stays open
    await criteriaAction(page, 'Save Criteria…');
    let save = page.getByRole('dialog', { name: 'Save Criteria' });
    await save.getByRole('textbox', { name: /^Code/ }).fill('jo-customers');
    await save.getByRole('button', { name: 'OK' }).click();
    await save.getByRole('alert').filter({ hasText: 'Segment SM00001 has no criteria to save.' }).waitFor();
    await save.getByRole('button', { name: 'Cancel' }).click();
    await save.waitFor({ state: 'detached' });

    // add contacts by criteria (salesperson JO)
    await criteriaAction(page, 'Add Contacts');
    const criteria = page.getByRole('dialog', { name: 'Add Contacts' });
    await criteria.getByText('Options').waitFor();
    await choose(criteria, /^Salesperson Code/, /^JO/);
    await criteria.getByRole('button', { name: 'OK' }).click();
    await page.getByText('2 contacts added; the segment has 2 lines.').waitFor();

    // save them: the dialog opens empty and the code is upper-cased as typed
    await criteriaAction(page, 'Save Criteria…');
    save = page.getByRole('dialog', { name: 'Save Criteria' });
    const code = save.getByRole('textbox', { name: /^Code/ });
    await expect.poll(() => code.inputValue()).toBe('');
    await code.fill('jo-customers');
    await expect.poll(() => code.inputValue()).toBe('JO-CUSTOMERS');
    await save.getByRole('textbox', { name: /^Description/ }).fill('Customers of John');
    await screenshot(page, 'segment-save-criteria');
    await save.getByRole('button', { name: 'OK' }).click();
    await page.getByText('The criteria have been saved as JO-CUSTOMERS (1 action).').waitFor();
    await save.waitFor({ state: 'detached' });
    const stored = await env.api('GET', '/api/v1/saved-criteria/JO-CUSTOMERS');
    expect(stored.body).toMatchObject({ code: 'JO-CUSTOMERS', description: 'Customers of John', userId: 'admin', noOfActions: 1 });
    expect(stored.body.actions[0]).toMatchObject({ actionNo: 1, kind: 'add' });

    // the same code again: the refusal shows at the Code field, and the dialog stays open
    await criteriaAction(page, 'Save Criteria…');
    save = page.getByRole('dialog', { name: 'Save Criteria' });
    await save.getByRole('textbox', { name: /^Code/ }).fill('JO-CUSTOMERS');
    await save.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => save.getByRole('textbox', { name: /^Code/ }).getAttribute('aria-invalid')).toBe('true');
    await save.getByText(/already exists/).waitFor();
    expect(await save.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'segment-save-criteria-duplicate');
    await page.keyboard.press('Escape');
    await save.waitFor({ state: 'detached' });

    // a second segment, filled by reusing the saved criteria
    await newSegment(page, 'Spring mailing');
    await page.getByRole('heading', { name: /Segment — SM00002 Spring mailing/ }).waitFor();
    const lines = page.getByRole('table', { name: 'Lines' });
    expect(await lines.getByRole('cell', { name: 'Alpha Ltd' }).count()).toBe(0);
    await criteriaAction(page, 'Reuse Criteria…');
    const reuse = page.getByRole('dialog', { name: 'Reuse Criteria' });
    await choose(reuse, /^Saved Criteria/, 'JO-CUSTOMERS · Customers of John');
    await reuse.getByText('1 criteria action, saved by admin.').waitFor();
    await screenshot(page, 'segment-reuse-criteria');
    await reuse.getByRole('button', { name: 'OK' }).click();
    await page.getByText('1 criteria action applied; the segment has 2 lines.').waitFor();
    await reuse.waitFor({ state: 'detached' });

    // the lines refreshed: the same contacts as the first segment
    await lines.getByRole('cell', { name: 'Alpha Ltd' }).first().waitFor();
    await lines.getByRole('cell', { name: 'Beta AS' }).first().waitFor();
    expect(await lines.getByRole('cell', { name: 'Gamma GmbH' }).count()).toBe(0);
    await page.getByText('No. of Criteria Actions: 1', { exact: false }).waitFor();
    expect(await contactsOf(env, 'SM00002')).toEqual(await contactsOf(env, first));
    expect(await contactsOf(env, 'SM00002')).toHaveLength(2);

    // and the criteria history holds the reused action
    await page.getByRole('button', { name: 'Criteria', exact: true }).click();
    const history = page.getByRole('table', { name: 'Criteria' });
    const action = history.getByRole('row').filter({ hasText: 'salespersonCode=JO' });
    await action.waitFor();
    await expect.poll(() => action.innerText()).toContain('Add Contacts');
    await screenshot(page, 'segment-reused-criteria-history');
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'detached' });
    await screenshot(page, 'segment-reused-lines');
  });

  it('cancels and un-cancels a logged segment and reuses it as a new segment', async () => {
    const { env } = e2e();
    const no = await segmentByApi(env, 'Autumn mailing');
    ok(await env.api('POST', `/api/v1/segments/${no}/add-contacts`, { body: { contactFilter: { salespersonCode: 'JO' } } }));
    const logged = await env.api('POST', `/api/v1/segments/${no}/log`, { body: {} });
    ok(logged);
    const entryNo = logged.body.loggedSegmentEntryNo as number;
    const canceled = async () => (await env.api('GET', `/api/v1/logged-segments/${entryNo}`)).body.canceled as boolean;

    const page = await e2e().newPage();
    await signIn(page);
    await openFromNav(page, 'Logged Segments');
    const row = page.getByRole('table', { name: 'Logged Segments' }).getByRole('row').filter({ hasText: 'Autumn mailing' });
    await row.waitFor();
    const mark = row.getByRole('img', { name: 'Yes' });
    expect(await mark.count()).toBe(0);

    // cancel it with the spec's confirmation: the Canceled mark shows
    await page.getByRole('checkbox', { name: `Select ${entryNo}` }).check();
    await page.getByRole('button', { name: 'Switch Checkmark in Canceled' }).click();
    await page.getByText(`Do you wish to mark Logged Segment ${entryNo} as canceled?`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await mark.first().waitFor();
    await expect.poll(canceled).toBe(true);
    await screenshot(page, 'logged-segment-canceled');

    // un-cancel it: the mark goes
    await page.getByRole('button', { name: 'Switch Checkmark in Canceled' }).click();
    await page.getByText(`Logged Segment ${entryNo} is marked canceled. Do you wish to remove the checkmark?`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => mark.count()).toBe(0);
    await expect.poll(canceled).toBe(false);
    await screenshot(page, 'logged-segment-uncanceled');

    // cancel it once more: the mark shows again
    await page.getByRole('button', { name: 'Switch Checkmark in Canceled' }).click();
    await page.getByText(`Do you wish to mark Logged Segment ${entryNo} as canceled?`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await mark.first().waitFor();
    await expect.poll(canceled).toBe(true);

    // reuse it as a new segment: the card opens with the logged segment's contacts
    await page.getByRole('button', { name: 'Reuse as a new segment' }).click();
    const reuse = page.getByRole('dialog', { name: 'Reuse as a new segment' });
    await reuse.getByRole('textbox', { name: 'Description', exact: true }).fill('Autumn again');
    await reuse.getByRole('button', { name: 'OK' }).click();
    const heading = page.getByRole('heading', { name: /Segment — SM\d+ Autumn again/ });
    await heading.waitFor();
    const lines = page.getByRole('table', { name: 'Lines' });
    await lines.getByRole('cell', { name: 'Alpha Ltd' }).first().waitFor();
    await lines.getByRole('cell', { name: 'Beta AS' }).first().waitFor();
    expect(await lines.getByRole('cell', { name: 'Gamma GmbH' }).count()).toBe(0);
    const reused = /SM\d+/.exec(await heading.innerText())?.[0] ?? '';
    expect(reused).not.toBe(no);
    await expect.poll(() => contactsOf(env, reused)).toHaveLength(2);
    await screenshot(page, 'logged-segment-reused');
  });

  it('offers a viewer neither Save Criteria nor Reuse Criteria', async () => {
    const { env } = e2e();
    const no = await segmentByApi(env, 'Viewer mailing');
    await env.tokenFor('viewer', { username: 'vera' });
    const page = await e2e().newPage();
    await signIn(page, 'vera', 'password-123');
    await page.goto(`/segments/${no}`);
    await page.getByRole('heading', { name: new RegExp(`Segment — ${no} Viewer mailing`) }).waitFor();
    // the history can be read; the criteria actions are not there
    await page.getByRole('button', { name: 'Criteria', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Contacts', exact: true }).count()).toBe(0);
    expect(await page.getByText('Save Criteria…').count()).toBe(0);
    expect(await page.getByText('Reuse Criteria…').count()).toBe(0);
  });
});
