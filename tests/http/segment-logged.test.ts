import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';
import { seedCampaign, seedContact, seedEntry, seedSalesperson, seedTemplate } from '../support/seed-segments';

describeEachDialect('logged segments', (env) => {
  const db = () => env().app.database.db;
  const api = (...a: Parameters<ReturnType<typeof env>['api']>) => env().api(...a);
  let seq = 0;

  beforeAll(async () => {
    const d = env().app.database.db;
    await seedSalesperson(d, 'SP');
    await seedCampaign(d, 'CP');
    await seedTemplate(d, { code: 'MAIL', description: 'Letter', correspondenceTypeDefault: null });
    for (const no of ['G-1', 'G-2', 'G-3']) await seedContact(d, { no, name: `Logged ${no}` });
  });

  /** Logs a segment with lines for the contacts; answers the segment and logged segment numbers. */
  const logged = async (contacts: string[], header: Record<string, unknown> = {}) => {
    const no = `LS${++seq}`;
    await api('POST', '/api/v1/segments', {
      body: { no, description: `Logged ${no}`, interactionTemplateCode: 'MAIL', salespersonCode: 'SP', ...header },
    });
    for (const contactNo of contacts) await api('POST', `/api/v1/segments/${no}/lines`, { body: { contactNo } });
    const res = await api('POST', `/api/v1/segments/${no}/log`, { body: {} });
    expect(res.status).toBe(201);
    return { no, entryNo: res.body.loggedSegmentEntryNo as number };
  };
  const entryFlags = async (entryNo: number) =>
    (
      await db()
        .selectFrom('interaction_log_entries')
        .select('canceled')
        .where('logged_segment_entry_no', '=', entryNo)
        .orderBy('entry_no')
        .execute()
    ).map((e) => Number(e.canceled));

  it('lists newest first with counts and filters, and reads one', async () => {
    const a = await logged(['G-1', 'G-2']);
    env().clock.set('2026-12-02T09:00:00.000Z');
    const b = await logged(['G-3'], { campaignNo: 'CP' });
    env().clock.set('2026-11-28T10:15:01.000Z');
    const all = await api('GET', '/api/v1/logged-segments');
    const mine = all.body.items.filter((l: { segmentNo: string }) => [a.no, b.no].includes(l.segmentNo));
    expect(mine).toEqual([
      {
        entryNo: b.entryNo,
        segmentNo: b.no,
        description: `Logged ${b.no}`,
        creationDate: '2026-12-02',
        userId: 'admin',
        canceled: false,
        noOfInteractions: 1,
        noOfCampaignEntries: 1,
      },
      {
        entryNo: a.entryNo,
        segmentNo: a.no,
        description: `Logged ${a.no}`,
        creationDate: '2026-11-28',
        userId: 'admin',
        canceled: false,
        noOfInteractions: 2,
        noOfCampaignEntries: 0,
      },
    ]);
    expect(
      (await api('GET', `/api/v1/logged-segments?segmentNo=${a.no.toLowerCase()}`)).body.items.map((l: { entryNo: number }) => l.entryNo),
    ).toEqual([a.entryNo]);
    expect((await api('GET', '/api/v1/logged-segments?dateFrom=2026-12-01')).body.items.map((l: { entryNo: number }) => l.entryNo)).toEqual(
      [b.entryNo],
    );
    expect(
      (await api('GET', '/api/v1/logged-segments?dateTo=2026-11-30&canceled=false')).body.items.map((l: { entryNo: number }) => l.entryNo),
    ).toContain(a.entryNo);
    const first = await api('GET', '/api/v1/logged-segments?limit=1');
    const second = await api('GET', `/api/v1/logged-segments?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].entryNo).toBeLessThan(first.body.items[0].entryNo);
    expect((await api('GET', `/api/v1/logged-segments/${a.entryNo}`)).body.noOfInteractions).toBe(2);
    const missing = await api('GET', '/api/v1/logged-segments/999999');
    expect([missing.status, missing.body.code]).toEqual([404, 'logged_segment_not_found']);
    const range = await api('GET', '/api/v1/logged-segments?dateFrom=2026-12-02&dateTo=2026-12-01');
    expect([range.status, range.body.errors[0].path]).toEqual([400, 'query.dateFrom']);
  });

  it('cancels and uncancels a logged segment with all its entries and campaign entries', async () => {
    const { entryNo } = await logged(['G-1', 'G-2', 'G-3'], { campaignNo: 'CP' });
    const canceled = await api('POST', '/api/v1/logged-segments/cancel', { body: { entryNos: [entryNo, entryNo] } });
    expect(canceled.status).toBe(200);
    expect(canceled.body.items).toEqual([
      expect.objectContaining({ entryNo, canceled: true, noOfInteractions: 3, noOfCampaignEntries: 1 }),
    ]);
    expect(await entryFlags(entryNo)).toEqual([1, 1, 1]);
    const ce = await db().selectFrom('campaign_entries').select('canceled').where('logged_segment_entry_no', '=', entryNo).execute();
    expect(ce.map((c) => Number(c.canceled))).toEqual([1]);
    // an entry uncanceled on its own does not count for the canceled logged segment
    const firstEntry = await db()
      .selectFrom('interaction_log_entries')
      .select('entry_no')
      .where('logged_segment_entry_no', '=', entryNo)
      .orderBy('entry_no')
      .executeTakeFirstOrThrow();
    await db().updateTable('interaction_log_entries').set({ canceled: 0 }).where('entry_no', '=', Number(firstEntry.entry_no)).execute();
    expect((await api('GET', `/api/v1/logged-segments/${entryNo}`)).body.noOfInteractions).toBe(2);
    const uncanceled = await api('POST', '/api/v1/logged-segments/uncancel', { body: { entryNos: [entryNo] } });
    expect(uncanceled.body.items).toEqual([
      expect.objectContaining({ entryNo, canceled: false, noOfInteractions: 3, noOfCampaignEntries: 1 }),
    ]);
    expect(await entryFlags(entryNo)).toEqual([0, 0, 0]);
  });

  it('takes a canceled logged segment out of every statistic and refuses un-canceling its entries or campaign entry alone', async () => {
    const figures = async () => ({
      campaign: (await api('GET', '/api/v1/campaigns/CP/statistics')).body,
      template: (await api('GET', '/api/v1/interaction-templates/MAIL/statistics')).body,
      salesperson: (await api('GET', '/api/v1/salespeople/SP/statistics')).body,
      contact: (await api('GET', '/api/v1/contacts/G-2/statistics')).body,
    });
    const before = await figures();
    const { entryNo } = await logged(['G-1', 'G-2'], { campaignNo: 'CP', campaignTarget: true });
    const after = await figures();
    // the segment-logged entries count in every statistic: 2 entries of MAIL, campaign targets included
    expect(after.template.noOfInteractions - before.template.noOfInteractions).toBe(2);
    expect(after.salesperson.noOfInteractions - before.salesperson.noOfInteractions).toBe(2);
    expect(after.contact.noOfInteractions - before.contact.noOfInteractions).toBe(1);
    expect(after.campaign.targetContactsContacted - before.campaign.targetContactsContacted).toBe(2);

    await api('POST', '/api/v1/logged-segments/cancel', { body: { entryNos: [entryNo] } });
    expect(await figures()).toEqual(before);

    const entries = await db()
      .selectFrom('interaction_log_entries')
      .select(['entry_no', 'campaign_entry_no'])
      .where('logged_segment_entry_no', '=', entryNo)
      .orderBy('entry_no')
      .execute();
    // a canceled entry of a logged segment cannot be un-canceled alone: neither an entry nor a campaign entry of it
    const one = await api('POST', '/api/v1/interaction-log-entries/uncancel', { body: { entryNos: [Number(entries[0]!.entry_no)] } });
    expect([one.status, one.body.code]).toEqual([422, 'uncancel_blocked_by_logged_segment']);
    const campaignEntryNo = Number(entries[0]!.campaign_entry_no);
    const ce = await api('POST', '/api/v1/campaigns/CP/entries/uncancel', { body: { entryNos: [campaignEntryNo] } });
    expect([ce.status, ce.body.code]).toEqual([422, 'uncancel_blocked_by_logged_segment']);
    expect(await entryFlags(entryNo)).toEqual([1, 1]);
    expect(await figures()).toEqual(before);

    await api('POST', '/api/v1/logged-segments/uncancel', { body: { entryNos: [entryNo] } });
    expect(await figures()).toEqual(after);
  });

  it('changes nothing when one number is unknown, naming the lowest unknown one', async () => {
    const { entryNo } = await logged(['G-1']);
    const res = await api('POST', '/api/v1/logged-segments/cancel', { body: { entryNos: [999998, entryNo, 999997] } });
    expect([res.status, res.body.code]).toEqual([404, 'logged_segment_not_found']);
    expect(res.body.detail).toBe('Logged segment 999997 does not exist.');
    expect((await api('GET', `/api/v1/logged-segments/${entryNo}`)).body.canceled).toBe(false);
    expect(await entryFlags(entryNo)).toEqual([0]);
    const empty = await api('POST', '/api/v1/logged-segments/cancel', { body: { entryNos: [] } });
    expect([empty.status, empty.body.errors[0].path]).toEqual([400, 'entryNos']);
  });

  it('deletes only canceled logged segments, keeping their entries and campaign entries unlinked', async () => {
    const keep = await logged(['G-1']);
    const gone = await logged(['G-2', 'G-3'], { campaignNo: 'CP' });
    const other = await logged(['G-1']);
    await api('POST', '/api/v1/logged-segments/cancel', { body: { entryNos: [gone.entryNo, other.entryNo] } });
    const res = await api('POST', '/api/v1/logged-segments/delete-canceled', {
      body: { entryNoFrom: gone.entryNo, entryNoTo: gone.entryNo },
    });
    expect(res.body).toEqual({ deleted: 1 });
    expect((await api('GET', `/api/v1/logged-segments/${gone.entryNo}`)).body.code).toBe('logged_segment_not_found');
    const entries = await db()
      .selectFrom('interaction_log_entries')
      .select(['logged_segment_entry_no', 'canceled'])
      .where('segment_no', '=', gone.no)
      .execute();
    expect(entries.map((e) => [e.logged_segment_entry_no, Number(e.canceled)])).toEqual([
      [null, 1],
      [null, 1],
    ]);
    const ce = await db()
      .selectFrom('campaign_entries')
      .select(['logged_segment_entry_no', 'canceled'])
      .where('segment_no', '=', gone.no)
      .execute();
    expect(ce.map((c) => [c.logged_segment_entry_no, Number(c.canceled)])).toEqual([[null, 1]]);
    expect((await api('POST', '/api/v1/logged-segments/delete-canceled', { body: { segmentNo: keep.no } })).body).toEqual({ deleted: 0 });
    expect((await api('POST', '/api/v1/logged-segments/delete-canceled', { body: {} })).body.deleted).toBeGreaterThanOrEqual(1);
    expect((await api('GET', `/api/v1/logged-segments/${other.entryNo}`)).status).toBe(404);
    expect((await api('GET', `/api/v1/logged-segments/${keep.entryNo}`)).status).toBe(200);
  });

  it('reuses a logged segment as a new segment with one line per entry whose contact can still be used', async () => {
    await seedContact(db(), { no: 'G-GONE' });
    await seedContact(db(), { no: 'G-PB' });
    const { no, entryNo } = await logged(['G-2', 'G-GONE', 'G-PB', 'G-1']);
    // one entry has lost its contact, another contact became privacy-blocked, one entry has its own campaign
    await db()
      .updateTable('interaction_log_entries')
      .set({ contact_no: null })
      .where('contact_no', '=', 'G-GONE')
      .where('segment_no', '=', no)
      .execute();
    await db().updateTable('contacts').set({ privacy_blocked: 1 }).where('no', '=', 'G-PB').execute();
    await db()
      .updateTable('interaction_log_entries')
      .set({ campaign_no: 'CP' })
      .where('contact_no', '=', 'G-1')
      .where('segment_no', '=', no)
      .execute();
    await seedEntry(db(), { contactNo: 'G-3' });
    const res = await api('POST', `/api/v1/logged-segments/${entryNo}/reuse`, { body: {} });
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe(`/api/v1/segments/${res.body.no}`);
    expect(res.body).toMatchObject({ description: `Logged ${no}`, date: '2026-11-28', interactionTemplateCode: null, noOfLines: 2 });
    const lines = (await api('GET', `/api/v1/segments/${res.body.no}/lines`)).body.items;
    expect(
      lines.map((l: { lineNo: number; contactNo: string; campaignNo: string | null }) => [l.lineNo, l.contactNo, l.campaignNo]),
    ).toEqual([
      [10000, 'G-2', null],
      [20000, 'G-1', 'CP'],
    ]);
    const named = await api('POST', `/api/v1/logged-segments/${entryNo}/reuse`, { body: { no: 'again', description: 'Second round' } });
    expect(named.body).toMatchObject({ no: 'AGAIN', description: 'Second round', noOfLines: 2 });
    const dup = await api('POST', `/api/v1/logged-segments/${entryNo}/reuse`, { body: { no: no } });
    expect([dup.status, dup.body.code]).toEqual([409, 'duplicate_code']);
    const missing = await api('POST', '/api/v1/logged-segments/999999/reuse', { body: {} });
    expect([missing.status, missing.body.code]).toEqual([404, 'logged_segment_not_found']);
  });

  it('lets viewers list but not cancel', async () => {
    const viewer = await env().tokenFor('viewer');
    expect((await api('GET', '/api/v1/logged-segments', { token: viewer })).status).toBe(200);
    expect((await api('POST', '/api/v1/logged-segments/cancel', { token: viewer, body: { entryNos: [1] } })).status).toBe(403);
  });
});
