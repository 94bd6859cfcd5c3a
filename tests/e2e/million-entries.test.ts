import { mkdirSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeInBrowser, screenshot, signIn } from './support/browser';

const COUNT = 1_000_000;

describeInBrowser('Interaction Log Entries over 1,000,000 entries', (e2e) => {
  it('shows the first rows and scrolls into the next keyset page without errors', { timeout: 900_000 }, async () => {
    const db = e2e().env.app.database.db;

    // the bulk path: one set-based statement, no UI and no API involved
    let t0 = performance.now();
    await sql`
      insert into interaction_log_entries
        (contact_no, contact_company_no, date, time_of_interaction, description, subject, search, information_flow, initiated_by,
         interaction_group_code, interaction_template_code, cost_cents, duration_min, user_id, salesperson_code,
         campaign_target, campaign_response, attempt_failed, canceled, postponed, version_no, doc_no_occurrence,
         has_comments, email_logged, created_at, origin)
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${COUNT})
      select null, null, printf('2026-%02d-%02d', 1 + i % 12, 1 + i % 28), '10:16:00', 'Bulk call ' || i, 'Bulk call ' || i, 'bulk call ' || i,
             'outbound', 'us', 'PHONE', 'CALL', 250, 5, 'admin', 'JO', 0, 0, i % 17 = 0, i % 23 = 0, 0, 0, 0, 0, 0,
             '2026-11-28T10:15:01.000Z', 'import'
      from n`.execute(db);
    const insertMs = performance.now() - t0;
    const total = await sql<{ n: number }>`select count(*) as n from interaction_log_entries`.execute(db);
    expect(Number(total.rows[0]!.n)).toBe(COUNT);

    const page = await e2e().newPage();
    await signIn(page);
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });

    // first rows: the newest entry comes first
    t0 = performance.now();
    await page.goto('/entries');
    const table = page.getByRole('table', { name: 'Interaction Log Entries' });
    await table.getByRole('cell', { name: `Bulk call ${COUNT}`, exact: true }).waitFor();
    const firstRowsMs = performance.now() - t0;
    await screenshot(page, 'million-first-rows');

    // scroll to the end of what is loaded: the next keyset page follows on
    t0 = performance.now();
    const scroller = table.locator('xpath=..');
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.getByText(/^200 rows loaded/).waitFor();
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.getByText(/^300 rows loaded/).waitFor();
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    // the 300th newest entry is drawn at the bottom
    await table.getByRole('cell', { name: `Bulk call ${COUNT - 299}`, exact: true }).waitFor();
    const nextPagesMs = performance.now() - t0;
    await screenshot(page, 'million-scrolled');

    // only the rows in view are in the document
    expect(await table.locator('tbody tr').count()).toBeLessThan(80);
    expect(failures).toEqual([]);

    mkdirSync('test-results', { recursive: true });
    const timings = {
      entries: COUNT,
      insertMs: Math.round(insertMs),
      firstRowsMs: Math.round(firstRowsMs),
      nextPagesMs: Math.round(nextPagesMs),
    };
    writeFileSync('test-results/e2e-million.json', `${JSON.stringify(timings, null, 2)}\n`);
    console.info('1,000,000 entries', timings);
  });
});
