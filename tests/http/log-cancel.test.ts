import { expect, it } from 'vitest';
import {
  attachmentExists,
  entryRow,
  seedAttachment,
  seedCampaignEntry,
  seedContact,
  seedEntries,
  seedEntry,
  seedLoggedSegment,
  seedTemplate,
  unique,
} from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

const BASE = '/api/v1/interaction-log-entries';
const nosOf = (body: { items: { entryNo: number }[] }) => body.items.map((e) => e.entryNo);

describeEachDialect('interaction log entries: cancel, uncancel, evaluate', (env) => {
  it('cancels the listed entries, ignoring duplicates, and answers them in ascending order', async () => {
    const db = env().app.database.db;
    const [a, b, c] = await seedEntries(db, [{}, { canceled: true }, {}]);
    const res = await env().api('POST', `${BASE}/cancel`, { body: { entryNos: [c, a, b, c] } });
    expect(res.status).toBe(200);
    expect(nosOf(res.body)).toEqual([a, b, c]);
    expect(res.body.items.every((e: { canceled: boolean }) => e.canceled)).toBe(true);
    // canceled entries stay in the list with their mark
    const listed = await env().api('GET', `${BASE}?entryNoFrom=${a}&entryNoTo=${c}&canceled=true`);
    expect(nosOf(listed.body)).toEqual([c, b, a]);
  });

  it('refuses the whole request with entry_not_found naming the lowest unknown or postponed number', async () => {
    const db = env().app.database.db;
    const [active, postponed] = await seedEntries(db, [{}, { postponed: true, date: null }]);
    for (const action of ['cancel', 'uncancel', 'evaluate']) {
      const body = { entryNos: [active, 999999, postponed, 999998], ...(action === 'evaluate' && { evaluation: 'positive' }) };
      const res = await env().api('POST', `${BASE}/${action}`, { body });
      expect(res.status, action).toBe(404);
      expect(res.body.code).toBe('entry_not_found');
      expect(res.body.detail).toBe(`Entry ${postponed} does not exist.`);
    }
    expect(await entryRow(db, active!)).toMatchObject({ canceled: 0, evaluation: null });
    expect(await entryRow(db, postponed!)).toMatchObject({ canceled: 0, evaluation: null });
  });

  it('validates the list of entry numbers', async () => {
    const n = await seedEntry(env().app.database.db);
    const cases: [unknown, string][] = [
      [{}, 'entryNos'],
      [{ entryNos: [] }, 'entryNos'],
      [{ entryNos: Array.from({ length: 1001 }, (_, i) => i + 1) }, 'entryNos'],
      [{ entryNos: [0] }, 'entryNos.0'],
      [{ entryNos: [n, 1.5] }, 'entryNos.1'],
      [{ entryNos: [n], removeUniqueAttachments: 'yes' }, 'removeUniqueAttachments'],
      [{ entryNos: [n], colour: 'red' }, 'colour'],
    ];
    for (const [body, path] of cases) {
      const res = await env().api('POST', `${BASE}/cancel`, { body });
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const many = await env().api('POST', `${BASE}/cancel`, { body: { entryNos: Array.from({ length: 1000 }, () => n) } });
    expect(many.status).toBe(200);
  });

  it('removes unique attachments of newly canceled entries only when asked', async () => {
    const db = env().app.database.db;
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push(await seedAttachment(db));
    const [own, kept, shared, template, segmentLanguage, segmentLine, already] = ids;
    const code = unique('T');
    await seedTemplate(db, { code, groupCode: 'MAIL', description: 'Letter' });
    await db
      .insertInto('template_languages')
      .values({ template_code: code, language_code: 'ENU', description: null, attachment_id: template! })
      .execute();
    const segmentNo = unique('SM');
    await db
      .insertInto('segments')
      .values({
        no: segmentNo,
        campaign_target: 0,
        campaign_response: 0,
        ignore_contact_correspondence_type: 0,
        unit_cost_cents: 0,
        unit_duration_min: 0,
      })
      .execute();
    await db
      .insertInto('segment_languages')
      .values({ segment_no: segmentNo, line_no: 0, language_code: 'ENU', attachment_id: segmentLanguage! })
      .execute();
    await db
      .insertInto('segment_lines')
      .values({
        segment_no: segmentNo,
        line_no: 10000,
        contact_no: 'CT1',
        campaign_target: 0,
        campaign_response: 0,
        cost_cents: 0,
        duration_min: 0,
        attempt_failed: 0,
        attachment_id: segmentLine!,
      })
      .execute();
    const [eOwn, eKept, eShared1, eShared2, eTemplate, eSegLang, eSegLine, eAlready] = await seedEntries(db, [
      { attachmentId: own! },
      { attachmentId: kept! },
      { attachmentId: shared! },
      { attachmentId: shared! },
      { attachmentId: template! },
      { attachmentId: segmentLanguage! },
      { attachmentId: segmentLine! },
      { attachmentId: already!, canceled: true },
    ]);

    // without the flag nothing is removed
    await env().api('POST', `${BASE}/cancel`, { body: { entryNos: [eKept] } });
    expect((await env().api('GET', `${BASE}/${eKept}`)).body.attachmentId).toBe(kept);

    const res = await env().api('POST', `${BASE}/cancel`, {
      body: { entryNos: [eOwn, eShared1, eShared2, eTemplate, eSegLang, eSegLine, eAlready], removeUniqueAttachments: true },
    });
    expect(res.status).toBe(200);
    const byNo = new Map(res.body.items.map((e: { entryNo: number; attachmentId: number | null }) => [e.entryNo, e.attachmentId]));
    expect(byNo.get(eOwn)).toBeNull();
    expect(await attachmentExists(db, own!)).toBe(false);
    for (const [entryNo, id] of [
      [eShared1, shared],
      [eShared2, shared],
      [eTemplate, template],
      [eSegLang, segmentLanguage],
      [eSegLine, segmentLine],
      [eAlready, already],
    ] as const) {
      expect(byNo.get(entryNo)).toBe(id);
      expect(await attachmentExists(db, id!)).toBe(true);
    }
    // uncanceling does not bring a removed attachment back
    const back = await env().api('POST', `${BASE}/uncancel`, { body: { entryNos: [eOwn] } });
    expect(back.body.items[0]).toMatchObject({ canceled: false, attachmentId: null });
  });

  it('uncancels entries; the removeUniqueAttachments flag is accepted and ignored', async () => {
    const db = env().app.database.db;
    const attachment = await seedAttachment(db);
    const [a, b] = await seedEntries(db, [{ canceled: true, attachmentId: attachment }, {}]);
    const res = await env().api('POST', `${BASE}/uncancel`, { body: { entryNos: [b, a], removeUniqueAttachments: true } });
    expect(res.status).toBe(200);
    expect(res.body.items).toMatchObject([
      { entryNo: a, canceled: false, attachmentId: attachment },
      { entryNo: b, canceled: false },
    ]);
    expect(await attachmentExists(db, attachment)).toBe(true);
  });

  it('refuses to uncancel an entry of a canceled logged segment or campaign entry, changing nothing', async () => {
    const db = env().app.database.db;
    const canceledSegment = await seedLoggedSegment(db, unique('SM'), true);
    const activeSegment = await seedLoggedSegment(db, unique('SM'), false);
    const canceledCampaignEntry = await seedCampaignEntry(db, 'CP00001', true);
    const activeCampaignEntry = await seedCampaignEntry(db, 'CP00001', false);
    const [free, bySegment, byCampaign, byBoth, fine, notCanceled] = await seedEntries(db, [
      { canceled: true },
      { canceled: true, loggedSegmentEntryNo: canceledSegment },
      { canceled: true, campaignEntryNo: canceledCampaignEntry },
      { canceled: true, loggedSegmentEntryNo: canceledSegment, campaignEntryNo: canceledCampaignEntry },
      { canceled: true, loggedSegmentEntryNo: activeSegment, campaignEntryNo: activeCampaignEntry },
      { canceled: false, campaignEntryNo: canceledCampaignEntry },
    ]);

    // a canceled entry of a logged segment cannot be un-canceled alone (docs/decisions/0012-rule-homes.md)
    const segment = await env().api('POST', `${BASE}/uncancel`, { body: { entryNos: [free, byBoth] } });
    expect(segment.status).toBe(422);
    expect(segment.body.code).toBe('uncancel_blocked_by_logged_segment');
    expect(segment.body.detail).toBe(
      `Entry ${byBoth} belongs to canceled logged segment ${canceledSegment}; uncancel the logged segment instead.`,
    );

    const campaign = await env().api('POST', `${BASE}/uncancel`, { body: { entryNos: [byBoth, byCampaign, free] } });
    expect(campaign.status).toBe(422);
    expect(campaign.body.code).toBe('uncancel_blocked_by_campaign_entry');
    expect(campaign.body.detail).toBe(
      `Interaction log entry ${byCampaign} belongs to canceled campaign entry ${canceledCampaignEntry}; uncancel the campaign entry instead.`,
    );

    const lowest = await env().api('POST', `${BASE}/uncancel`, { body: { entryNos: [byCampaign, bySegment] } });
    expect(lowest.body.code).toBe('uncancel_blocked_by_logged_segment');
    expect(lowest.body.detail).toContain(`Entry ${bySegment} `);

    // 404s before 422s
    const missing = await env().api('POST', `${BASE}/uncancel`, { body: { entryNos: [bySegment, 999999] } });
    expect(missing.status).toBe(404);

    for (const n of [free, bySegment, byCampaign, byBoth]) expect((await entryRow(db, n!))?.canceled).toBe(1);

    const ok = await env().api('POST', `${BASE}/uncancel`, { body: { entryNos: [free, fine, notCanceled] } });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((e: { canceled: boolean }) => e.canceled)).toEqual([false, false, false]);
  });

  it('sets and clears evaluations, canceled entries included', async () => {
    const db = env().app.database.db;
    const [a, b] = await seedEntries(db, [{ canceled: true }, { evaluation: 'negative' }]);
    const set = await env().api('POST', `${BASE}/evaluate`, { body: { entryNos: [b, a], evaluation: 'very_positive' } });
    expect(set.status).toBe(200);
    expect(set.body.items).toMatchObject([
      { entryNo: a, evaluation: 'very_positive', canceled: true },
      { entryNo: b, evaluation: 'very_positive' },
    ]);
    const cleared = await env().api('POST', `${BASE}/evaluate`, { body: { entryNos: [a], evaluation: null } });
    expect(cleared.body.items[0].evaluation).toBeNull();
    expect((await entryRow(db, a!))?.evaluation).toBeNull();
    for (const body of [{ entryNos: [a] }, { entryNos: [a], evaluation: 'great' }]) {
      const res = await env().api('POST', `${BASE}/evaluate`, { body });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('evaluation');
    }
  });

  it('takes canceled entries out of the statistics and brings uncanceled ones back', async () => {
    const db = env().app.database.db;
    const company = unique('SC');
    await seedContact(db, { no: company, name: 'Stats Co' });
    const [a, b] = await seedEntries(db, [
      { contactNo: company, contactCompanyNo: company, costCents: 250, durationMin: 10 },
      { contactNo: company, contactCompanyNo: company, costCents: 100, durationMin: 5 },
    ]);
    const stats = async () => (await env().api('GET', `/api/v1/contacts/${company}/statistics`)).body;
    expect(await stats()).toMatchObject({ noOfInteractions: 2, costLcy: 3.5, durationMin: 15 });
    await env().api('POST', `${BASE}/cancel`, { body: { entryNos: [a] } });
    expect(await stats()).toMatchObject({ noOfInteractions: 1, costLcy: 1, durationMin: 5 });
    await env().api('PATCH', `${BASE}/${b}`, { body: { costLcy: 0.25, durationMin: 7 } });
    expect(await stats()).toMatchObject({ noOfInteractions: 1, costLcy: 0.25, durationMin: 7 });
    await env().api('POST', `${BASE}/uncancel`, { body: { entryNos: [a] } });
    expect(await stats()).toMatchObject({ noOfInteractions: 2, costLcy: 2.75, durationMin: 17 });
  });

  it('lets users manage entries and keeps viewers out', async () => {
    const n = await seedEntry(env().app.database.db);
    const viewer = await env().tokenFor('viewer');
    for (const action of ['cancel', 'uncancel', 'evaluate']) {
      const res = await env().api('POST', `${BASE}/${action}`, { token: viewer, body: { entryNos: [n], evaluation: null } });
      expect(res.status).toBe(403);
    }
    const user = await env().tokenFor('user');
    expect((await env().api('POST', `${BASE}/cancel`, { token: user, body: { entryNos: [n] } })).status).toBe(200);
  });
});
