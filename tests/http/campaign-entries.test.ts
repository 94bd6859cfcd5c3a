import { expect, it } from 'vitest';
import type { DocumentType } from '../../src/contract/common';
import { attachmentExists, seedAttachment, seedComment, seedEntry, seedLoggedSegment, seedTemplate } from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

interface CampaignEntrySeed {
  canceled?: boolean;
  loggedSegmentEntryNo?: number | null;
  segmentNo?: string | null;
  documentType?: DocumentType | null;
  description?: string;
  date?: string;
  salespersonCode?: string | null;
  userId?: string;
}

describeEachDialect('campaign entries', (env) => {
  const db = () => env().app.database.db;
  const campaign = async (no: string) => expect((await env().api('POST', '/api/v1/campaigns', { body: { no } })).status).toBe(201);
  const campaignEntry = async (campaignNo: string, o: CampaignEntrySeed = {}) => {
    const r = await db()
      .insertInto('campaign_entries')
      .values({
        campaign_no: campaignNo,
        description: o.description ?? 'Interactions',
        date: o.date ?? '2026-11-20',
        user_id: o.userId ?? 'admin',
        segment_no: o.segmentNo ?? null,
        logged_segment_entry_no: o.loggedSegmentEntryNo ?? null,
        salesperson_code: o.salespersonCode ?? null,
        document_type: o.documentType ?? null,
        canceled: o.canceled ? 1 : 0,
      })
      .returning('entry_no')
      .executeTakeFirstOrThrow();
    return Number(r.entry_no);
  };
  const canceledOf = async (table: 'campaign_entries' | 'interaction_log_entries', entryNos: number[]) => {
    const rows = await db()
      .selectFrom(table)
      .select(['entry_no', 'canceled'])
      .where('entry_no', 'in', entryNos)
      .orderBy('entry_no')
      .execute();
    return rows.map((r) => Number(r.canceled) === 1);
  };
  const exists = async (table: 'campaign_entries' | 'interaction_log_entries', entryNo: number) =>
    (await db().selectFrom(table).select('entry_no').where('entry_no', '=', entryNo).executeTakeFirst()) !== undefined;

  it('lists the entries of a campaign with figures over the linked entries whose canceled matches', async () => {
    await campaign('FIG');
    const ls = await seedLoggedSegment(db(), 'SMFIG', false);
    const open = await campaignEntry('FIG', { salespersonCode: 'JO', userId: 'anna' });
    await seedEntry(db(), { campaignNo: 'FIG', campaignEntryNo: open, costCents: 150, durationMin: 5 });
    await seedEntry(db(), { campaignNo: 'FIG', campaignEntryNo: open, costCents: 225, durationMin: 10 });
    await seedEntry(db(), { campaignNo: 'FIG', campaignEntryNo: open, costCents: 1000, durationMin: 60, canceled: true });
    await seedEntry(db(), { campaignNo: 'FIG', campaignEntryNo: open, costCents: 700, durationMin: 7, postponed: true });
    const canceled = await campaignEntry('FIG', {
      canceled: true,
      loggedSegmentEntryNo: ls,
      segmentNo: 'SMFIG',
      documentType: 'sales_invoice',
      description: 'Sales Invoices',
      date: '2026-11-21',
    });
    await seedEntry(db(), { campaignNo: 'FIG', campaignEntryNo: canceled, costCents: 50, durationMin: 1, canceled: true });
    await seedEntry(db(), { campaignNo: 'FIG', campaignEntryNo: canceled, costCents: 20, durationMin: 2 });
    const empty = await campaignEntry('FIG');

    const res = await env().api('GET', '/api/v1/campaigns/fig/entries');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          entryNo: open,
          campaignNo: 'FIG',
          description: 'Interactions',
          date: '2026-11-20',
          segmentNo: null,
          loggedSegmentEntryNo: null,
          documentType: null,
          salespersonCode: 'JO',
          userId: 'anna',
          canceled: false,
          noOfInteractions: 2,
          costLcy: 3.75,
          durationMin: 15,
        },
        {
          entryNo: canceled,
          campaignNo: 'FIG',
          description: 'Sales Invoices',
          date: '2026-11-21',
          segmentNo: 'SMFIG',
          loggedSegmentEntryNo: ls,
          documentType: 'sales_invoice',
          salespersonCode: null,
          userId: 'admin',
          canceled: true,
          noOfInteractions: 1,
          costLcy: 0.5,
          durationMin: 1,
        },
        expect.objectContaining({ entryNo: empty, canceled: false, noOfInteractions: 0, costLcy: 0, durationMin: 0 }),
      ],
      nextCursor: null,
    });
    const one = await env().api('GET', `/api/v1/campaigns/FIG/entries/${canceled}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(res.body.items[1]);
  });

  it('filters by canceled and logged segment and pages by keyset', async () => {
    await campaign('FILT');
    const ls = await seedLoggedSegment(db(), 'SMFILT', false);
    const a = await campaignEntry('FILT');
    const b = await campaignEntry('FILT', { canceled: true, loggedSegmentEntryNo: ls });
    const c = await campaignEntry('FILT');
    const nos = async (query: string) =>
      (await env().api('GET', `/api/v1/campaigns/FILT/entries${query}`)).body.items.map((e: { entryNo: number }) => e.entryNo);
    expect(await nos('?canceled=true')).toEqual([b]);
    expect(await nos('?canceled=false')).toEqual([a, c]);
    expect(await nos(`?loggedSegmentEntryNo=${ls}`)).toEqual([b]);

    const first = await env().api('GET', '/api/v1/campaigns/FILT/entries?limit=2');
    expect(first.body.items.map((e: { entryNo: number }) => e.entryNo)).toEqual([a, b]);
    const second = await env().api('GET', `/api/v1/campaigns/FILT/entries?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ entryNo: c })], nextCursor: null });
    const foreign = await env().api('GET', `/api/v1/campaigns/FILT/entries?limit=2&canceled=false&cursor=${first.body.nextCursor}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe('query.cursor');
    const badBool = await env().api('GET', '/api/v1/campaigns/FILT/entries?canceled=yes');
    expect(badBool.status).toBe(400);
    expect(badBool.body.errors[0].path).toBe('query.canceled');
  });

  it('answers campaign_not_found and entry_not_found for what does not exist', async () => {
    await campaign('OWNER');
    await campaign('STRANGER');
    const mine = await campaignEntry('OWNER');
    const list = await env().api('GET', '/api/v1/campaigns/NOSUCH/entries');
    expect(list.status).toBe(404);
    expect(list.body.code).toBe('campaign_not_found');
    const elsewhere = await env().api('GET', `/api/v1/campaigns/STRANGER/entries/${mine}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('entry_not_found');
    expect(elsewhere.body.detail).toBe(`Entry ${mine} does not exist.`);
    expect((await env().api('GET', `/api/v1/campaigns/NOSUCH/entries/${mine}`)).body.code).toBe('campaign_not_found');
    expect((await env().api('GET', '/api/v1/campaigns/OWNER/entries/abc')).status).toBe(400);
  });

  it('cancels campaign entries with every linked entry and uncancels them all again', async () => {
    await campaign('CAN');
    const a = await campaignEntry('CAN');
    const b = await campaignEntry('CAN');
    const a1 = await seedEntry(db(), { campaignNo: 'CAN', campaignEntryNo: a, costCents: 100 });
    const a2 = await seedEntry(db(), { campaignNo: 'CAN', campaignEntryNo: a, costCents: 200, canceled: true });
    const b1 = await seedEntry(db(), { campaignNo: 'CAN', campaignEntryNo: b });
    const untouched = await seedEntry(db(), { campaignNo: 'CAN', campaignEntryNo: null });

    const res = await env().api('POST', '/api/v1/campaigns/can/entries/cancel', { body: { entryNos: [b, a, a] } });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { entryNo: number; canceled: boolean }) => [e.entryNo, e.canceled])).toEqual([
      [a, true],
      [b, true],
    ]);
    expect(res.body.items[0]).toMatchObject({ noOfInteractions: 2, costLcy: 3 });
    expect(await canceledOf('interaction_log_entries', [a1, a2, b1, untouched])).toEqual([true, true, true, false]);
    expect(await canceledOf('campaign_entries', [a, b])).toEqual([true, true]);

    const back = await env().api('POST', '/api/v1/campaigns/CAN/entries/uncancel', { body: { entryNos: [a] } });
    expect(back.status).toBe(200);
    expect(back.body.items).toEqual([expect.objectContaining({ entryNo: a, canceled: false, noOfInteractions: 2, costLcy: 3 })]);
    // as BC: the value is set on every linked entry, so one canceled by itself before is uncanceled too
    expect(await canceledOf('interaction_log_entries', [a1, a2, b1])).toEqual([false, false, true]);
  });

  it('leaves postponed entries alone when canceling', async () => {
    await campaign('POSTC');
    const ce = await campaignEntry('POSTC');
    const postponed = await seedEntry(db(), { campaignNo: 'POSTC', campaignEntryNo: ce, postponed: true });
    await env().api('POST', '/api/v1/campaigns/POSTC/entries/cancel', { body: { entryNos: [ce] } });
    expect(await canceledOf('interaction_log_entries', [postponed])).toEqual([false]);
  });

  it('refuses to uncancel a campaign entry whose logged segment is canceled, changing nothing', async () => {
    await campaign('BLK');
    const canceledLs = await seedLoggedSegment(db(), 'SMBLK', true);
    const free = await campaignEntry('BLK', { canceled: true });
    const blocked = await campaignEntry('BLK', { canceled: true, loggedSegmentEntryNo: canceledLs, segmentNo: 'SMBLK' });
    const blocked2 = await campaignEntry('BLK', { canceled: true, loggedSegmentEntryNo: canceledLs, segmentNo: 'SMBLK' });
    const freeEntry = await seedEntry(db(), { campaignNo: 'BLK', campaignEntryNo: free, canceled: true });

    // a canceled entry of a logged segment cannot be un-canceled alone, a campaign entry neither (docs/decisions/0012-rule-homes.md)
    const res = await env().api('POST', '/api/v1/campaigns/BLK/entries/uncancel', { body: { entryNos: [blocked2, free, blocked] } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('uncancel_blocked_by_logged_segment');
    expect(res.body.detail).toBe(`Entry ${blocked} belongs to canceled logged segment ${canceledLs}; uncancel the logged segment instead.`);
    expect(await canceledOf('campaign_entries', [free, blocked, blocked2])).toEqual([true, true, true]);
    expect(await canceledOf('interaction_log_entries', [freeEntry])).toEqual([true]);
    // canceling is never blocked by the logged segment
    expect((await env().api('POST', '/api/v1/campaigns/BLK/entries/cancel', { body: { entryNos: [blocked] } })).status).toBe(200);
  });

  it('answers entry_not_found for the lowest number not of the campaign, before any 422', async () => {
    await campaign('MISS');
    await campaign('MISSOTHER');
    const canceledLs = await seedLoggedSegment(db(), 'SMMISS', true);
    const blocked = await campaignEntry('MISS', { canceled: true, loggedSegmentEntryNo: canceledLs });
    const foreign = await campaignEntry('MISSOTHER', { canceled: true });
    const res = await env().api('POST', '/api/v1/campaigns/MISS/entries/uncancel', { body: { entryNos: [999999, blocked, foreign] } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('entry_not_found');
    expect(res.body.detail).toBe(`Entry ${foreign} does not exist.`);
    expect(await canceledOf('campaign_entries', [foreign])).toEqual([true]);
    const cancel = await env().api('POST', '/api/v1/campaigns/MISS/entries/cancel', { body: { entryNos: [999998, 999997] } });
    expect(cancel.status).toBe(404);
    expect(cancel.body.detail).toBe('Entry 999997 does not exist.');
    expect((await env().api('POST', '/api/v1/campaigns/NOSUCH/entries/cancel', { body: { entryNos: [blocked] } })).body.code).toBe(
      'campaign_not_found',
    );
  });

  it('validates the list of entry numbers and the role', async () => {
    await campaign('VAL');
    const paths = async (body: unknown) => {
      const res = await env().api('POST', '/api/v1/campaigns/VAL/entries/cancel', { body });
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await paths({ entryNos: [] })).toEqual(['entryNos']);
    expect(await paths({ entryNos: Array.from({ length: 1001 }, (_, i) => i + 1) })).toEqual(['entryNos']);
    expect(await paths({ entryNos: [0, 1.5] })).toEqual(['entryNos.0', 'entryNos.1']);
    expect(await paths({})).toEqual(['entryNos']);
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('POST', '/api/v1/campaigns/VAL/entries/uncancel', { token: viewer, body: { entryNos: [1] } })).status).toBe(
      403,
    );
    expect((await env().api('GET', '/api/v1/campaigns/VAL/entries', { token: viewer })).status).toBe(200);
  });

  it('deletes canceled campaign entries in the range with their entries, comments and unused attachments', async () => {
    await campaign('DEL');
    await campaign('DELOTHER');
    await seedTemplate(db(), { code: 'DELTPL', groupCode: 'DELGRP', description: null });
    const doomed = await campaignEntry('DEL', { canceled: true });
    const active = await campaignEntry('DEL');
    const later = await campaignEntry('DEL', { canceled: true });
    const elsewhere = await campaignEntry('DELOTHER', { canceled: true });

    const unique = await seedAttachment(db(), 'unique.txt');
    const sharedOutside = await seedAttachment(db(), 'shared-outside.txt');
    const onTemplate = await seedAttachment(db(), 'template.txt');
    const sharedInside = await seedAttachment(db(), 'shared-inside.txt');
    const ofPostponed = await seedAttachment(db(), 'postponed.txt');
    await db()
      .insertInto('template_languages')
      .values({ template_code: 'DELTPL', language_code: 'ENU', description: null, attachment_id: onTemplate })
      .execute();

    const linked = { campaignNo: 'DEL', campaignEntryNo: doomed, canceled: true } as const;
    const e1 = await seedEntry(db(), { ...linked, attachmentId: unique });
    await seedComment(db(), e1, 10000, 'Asked for a quote');
    const e2 = await seedEntry(db(), { ...linked, attachmentId: sharedOutside });
    const e3 = await seedEntry(db(), { ...linked, attachmentId: onTemplate });
    const e4 = await seedEntry(db(), { ...linked, attachmentId: sharedInside });
    const e5 = await seedEntry(db(), { ...linked, attachmentId: sharedInside });
    const postponed = await seedEntry(db(), { campaignNo: 'DEL', campaignEntryNo: doomed, postponed: true, attachmentId: ofPostponed });
    const outside = await seedEntry(db(), { attachmentId: sharedOutside });
    const ofActive = await seedEntry(db(), { campaignNo: 'DEL', campaignEntryNo: active });

    const res = await env().api('POST', '/api/v1/campaigns/DEL/entries/delete-canceled', {
      body: { entryNoFrom: doomed, entryNoTo: active },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: 1 });

    expect(await exists('campaign_entries', doomed)).toBe(false);
    for (const n of [active, later, elsewhere]) expect(await exists('campaign_entries', n)).toBe(true);
    for (const n of [e1, e2, e3, e4, e5]) expect(await exists('interaction_log_entries', n)).toBe(false);
    for (const n of [postponed, outside, ofActive]) expect(await exists('interaction_log_entries', n)).toBe(true);
    expect(await db().selectFrom('entry_comments').select('line_no').where('entry_no', '=', e1).execute()).toEqual([]);
    expect(await attachmentExists(db(), unique)).toBe(false);
    expect(await attachmentExists(db(), sharedInside)).toBe(false);
    expect(await attachmentExists(db(), sharedOutside)).toBe(true);
    expect(await attachmentExists(db(), onTemplate)).toBe(true);
    expect(await attachmentExists(db(), ofPostponed)).toBe(true);

    // without a range every canceled campaign entry of this campaign goes, and only those
    expect((await env().api('POST', '/api/v1/campaigns/DEL/entries/delete-canceled', { body: {} })).body).toEqual({ deleted: 1 });
    expect(await exists('campaign_entries', later)).toBe(false);
    expect(await exists('campaign_entries', elsewhere)).toBe(true);
    expect((await env().api('POST', '/api/v1/campaigns/DEL/entries/delete-canceled', { body: {} })).body).toEqual({ deleted: 0 });
  });

  it('validates the range of delete-canceled and needs the campaign', async () => {
    const bad = await env().api('POST', '/api/v1/campaigns/DEL/entries/delete-canceled', { body: { entryNoFrom: 5, entryNoTo: 4 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('entryNoTo');
    const missing = await env().api('POST', '/api/v1/campaigns/NOSUCH/entries/delete-canceled', { body: {} });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('campaign_not_found');
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('POST', '/api/v1/campaigns/DEL/entries/delete-canceled', { token: viewer, body: {} })).status).toBe(403);
  });
});
