import { expect, it } from 'vitest';
import type { TestEnv } from '../support/test-app';
import { describeInBrowser, screenshot, signIn } from './support/browser';
import { choose } from './support/ui';

const ok = (r: { status: number; text: string }) => expect(r.status, r.text).toBeLessThan(300);

/** A campaign with two campaign entries, the first canceled (R51); answers the campaign's number. */
async function seed(env: TestEnv): Promise<string> {
  ok(await env.api('POST', '/api/v1/salespeople', { body: { code: 'JO', name: 'John Owen' } }));
  ok(await env.api('POST', '/api/v1/interaction-groups', { body: { code: 'PHONE', description: 'Phone calls' } }));
  ok(
    await env.api('POST', '/api/v1/interaction-templates', { body: { code: 'CALL', interactionGroupCode: 'PHONE', description: 'Call' } }),
  );
  const contact = await env.api('POST', '/api/v1/contacts', { body: { name: 'Adatum Corporation', salespersonCode: 'JO' } });
  ok(contact);
  const campaign = await env.api('POST', '/api/v1/campaigns', { body: { description: 'Spring offer', salespersonCode: 'JO' } });
  ok(campaign);
  const no = campaign.body.no as string;
  const log = async () =>
    ok(
      await env.api('POST', '/api/v1/interactions', {
        body: { contactNo: contact.body.no, interactionTemplateCode: 'CALL', campaignNo: no, description: 'Offer call' },
      }),
    );
  await log();
  const first = (await env.api('GET', `/api/v1/campaigns/${no}/entries`)).body.items as { entryNo: number }[];
  ok(await env.api('POST', `/api/v1/campaigns/${no}/entries/cancel`, { body: { entryNos: [first[0]!.entryNo] } }));
  // a canceled campaign entry is not reused (decision a): the second call gets a new one
  await log();
  return no;
}

describeInBrowser('campaign entries', (e2e) => {
  it('filters a campaign’s entries in the address and deletes the canceled ones', async () => {
    const { env } = e2e();
    const no = await seed(env);
    const page = await e2e().newPage();
    await signIn(page);
    await page.goto(`/campaigns/${no}`);
    await page.getByRole('heading', { name: 'Campaign Entries', level: 2 }).waitFor();
    const table = page.getByRole('table', { name: 'Campaign Entries' });
    // the header row and the two campaign entries
    await expect.poll(() => table.getByRole('row').count()).toBe(3);

    // the filter pane writes the address; a reload keeps the filter
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const pane = page.getByRole('dialog', { name: 'Filter pane' });
    await choose(pane, 'Canceled', 'Yes');
    await pane.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?canceled=true');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await page.reload();
    await page.getByRole('listitem').filter({ hasText: 'Canceled: Yes' }).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await screenshot(page, 'campaign-entries-canceled');

    await page.getByRole('button', { name: 'Clear filter' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(3);

    // Delete Canceled takes the canceled campaign entry with its log entry
    await page.getByRole('button', { name: 'Delete Canceled' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await page.getByText('1 campaign entry has been deleted.').waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const left = (await env.api('GET', `/api/v1/campaigns/${no}/entries`)).body.items as { canceled: boolean }[];
    expect(left.map((e) => e.canceled)).toEqual([false]);
    expect((await env.api('GET', '/api/v1/interaction-log-entries')).body.items).toHaveLength(1);
  });
});
