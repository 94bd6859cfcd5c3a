import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';
import { seedCampaign, seedContact, seedLanguage, seedSalesperson, seedTemplate } from '../support/seed-segments';

describeEachDialect('segment log', (env) => {
  const db = () => env().app.database.db;
  const api = (...a: Parameters<ReturnType<typeof env>['api']>) => env().api(...a);
  let seq = 0;

  beforeAll(async () => {
    const d = env().app.database.db;
    await seedLanguage(d, 'ENU');
    await seedLanguage(d, 'DEU');
    await seedSalesperson(d, 'SP');
    await seedSalesperson(d, 'SP-OFF', { blocked: true });
    await seedCampaign(d, 'CP');
    await seedTemplate(d, {
      code: 'MAIL',
      group: 'LETTERS',
      description: 'Autumn letter',
      unitCostCents: 50,
      unitDurationMin: 2,
      informationFlow: 'outbound',
      initiatedBy: 'us',
      correspondenceTypeDefault: 'email',
      languageCodeDefault: 'ENU',
      languages: [
        { code: 'ENU', attachment: 'Dear customer' },
        { code: 'DEU', attachment: 'Sehr geehrte' },
      ],
    });
    await seedTemplate(d, { code: 'CALL', group: 'CALLS', description: 'Call', correspondenceTypeDefault: null });
    await seedContact(d, { no: 'L-CO', name: 'Log Company', email: 'co@log.example', languageCode: 'DEU' });
    await seedContact(d, { no: 'L-P1', type: 'person', name: 'Log Person', companyNo: 'L-CO', email: 'p1@log.example' });
    await seedContact(d, { no: 'L-P2', type: 'person', name: 'No Mail', correspondenceType: 'email' });
    await seedContact(d, { no: 'L-P3', type: 'person', name: 'Soon Blocked' });
  });

  /** A segment on MAIL with lines for the contacts; answers its number. */
  const segment = async (contacts: string[], header: Record<string, unknown> = {}) => {
    const no = `LG${++seq}`;
    expect(
      (
        await api('POST', '/api/v1/segments', {
          body: { no, description: `Segment ${no}`, interactionTemplateCode: 'MAIL', salespersonCode: 'SP', ...header },
        })
      ).status,
    ).toBe(201);
    for (const contactNo of contacts) expect((await api('POST', `/api/v1/segments/${no}/lines`, { body: { contactNo } })).status).toBe(201);
    return no;
  };
  const entriesOf = (no: string) =>
    db().selectFrom('interaction_log_entries').selectAll().where('segment_no', '=', no).orderBy('entry_no').execute();

  it('previews what logging would do, writing nothing', async () => {
    const no = await segment(['L-CO', 'L-P1', 'L-P2', 'L-P3']);
    await api('POST', `/api/v1/segments/${no}/lines`, {
      body: { contactNo: 'L-P1', interactionTemplateCode: 'CALL', salespersonCode: null, costLcy: 1.25 },
    });
    await db().updateTable('contacts').set({ privacy_blocked: 1 }).where('no', '=', 'L-P3').execute();
    try {
      const res = await api('GET', `/api/v1/segments/${no}/log-preview`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        noOfEntries: 4,
        byTemplate: [
          { interactionTemplateCode: 'CALL', noOfEntries: 1, costLcy: 1.25, durationMin: 0 },
          { interactionTemplateCode: 'MAIL', noOfEntries: 3, costLcy: 1.5, durationMin: 6 },
        ],
        byLanguage: [
          { languageCode: 'DEU', noOfEntries: 1 },
          { languageCode: 'ENU', noOfEntries: 2 },
          { languageCode: null, noOfEntries: 1 },
        ],
        byCorrespondenceType: [
          { correspondenceType: 'email', noOfEntries: 2 },
          { correspondenceType: null, noOfEntries: 2 },
        ],
        costLcy: 2.75,
        durationMin: 6,
        skipped: [{ lineNo: 40000, contactNo: 'L-P3', reason: 'contact_privacy_blocked' }],
        refused: [
          {
            lineNo: 50000,
            contactNo: 'L-P1',
            code: 'salesperson_required',
            message: 'Line 50000: You must fill in the Salesperson Code field.',
          },
        ],
      });
      const send = await api('GET', `/api/v1/segments/${no}/log-preview?sendAttachments=true`);
      expect(send.body.refused.map((r: { lineNo: number; code: string }) => [r.lineNo, r.code])).toEqual([
        [10000, 'delivery_not_available'],
        [20000, 'delivery_not_available'],
        [30000, 'email_required_for_delivery'],
        [50000, 'salesperson_required'],
      ]);
      expect(send.body.byCorrespondenceType).toEqual([
        { correspondenceType: 'email', noOfEntries: 3 },
        { correspondenceType: null, noOfEntries: 1 },
      ]);
      expect(await entriesOf(no)).toEqual([]);
      expect(await db().selectFrom('logged_segments').select('entry_no').where('segment_no', '=', no).execute()).toEqual([]);
      const missing = await api('GET', '/api/v1/segments/NOPE/log-preview');
      expect([missing.status, missing.body.code]).toEqual([404, 'segment_not_found']);
      const bad = await api('GET', `/api/v1/segments/${no}/log-preview?sendAttachments=yes`);
      expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'query.sendAttachments']);
    } finally {
      await db().updateTable('contacts').set({ privacy_blocked: 0 }).where('no', '=', 'L-P3').execute();
    }
  });

  it('previews an empty segment and one without description as such', async () => {
    const no = `LG${++seq}`;
    await api('POST', '/api/v1/segments', { body: { no } });
    const res = await api('GET', `/api/v1/segments/${no}/log-preview`);
    expect(res.body).toMatchObject({ noOfEntries: 0, byTemplate: [], skipped: [], refused: [], costLcy: 0 });
    await api('POST', `/api/v1/segments/${no}/lines`, { body: { contactNo: 'L-CO' } });
    const line = await api('GET', `/api/v1/segments/${no}/log-preview`);
    expect(line.body.refused.map((r: { code: string }) => r.code)).toEqual(['template_not_found']);
  });

  it('logs every line as an entry in line order, in one go, and deletes the segment', async () => {
    const no = await segment(['L-CO', 'L-P1', 'L-P2', 'L-P3']);
    await api('PATCH', `/api/v1/segments/${no}/lines/20000`, {
      body: {
        timeOfInteraction: '09:15:00',
        evaluation: 'positive',
        subject: null,
        description: 'Own WÖRDS',
        attemptFailed: true,
        contactVia: 'p1@log.example',
      },
    });
    await api('POST', `/api/v1/segments/${no}/add-contacts`, { body: { contactFilter: { q: 'nobody' } } });
    await db().updateTable('contacts').set({ privacy_blocked: 1 }).where('no', '=', 'L-P3').execute();
    // the template's group changes after the lines were made: entries take the group at log time
    await db().insertInto('interaction_groups').values({ code: 'POST', description: null }).execute();
    await db().updateTable('interaction_templates').set({ interaction_group_code: 'POST' }).where('code', '=', 'MAIL').execute();
    env().clock.set('2026-11-29T08:00:00.000Z');
    try {
      const user = await env().tokenFor('user', { username: `logger${seq}` });
      const res = await api('POST', `/api/v1/segments/${no}/log`, { token: user, body: {} });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ loggedSegmentEntryNo: expect.any(Number), noOfInteractions: 3, followUpSegmentNo: null });
      expect(res.headers['location']).toBe(`/api/v1/logged-segments/${res.body.loggedSegmentEntryNo}`);
      const lsNo = res.body.loggedSegmentEntryNo;
      const logged = await api('GET', `/api/v1/logged-segments/${lsNo}`);
      expect(logged.body).toEqual({
        entryNo: lsNo,
        segmentNo: no,
        description: `Segment ${no}`,
        creationDate: '2026-11-29',
        userId: `logger${seq}`,
        canceled: false,
        noOfInteractions: 3,
        noOfCampaignEntries: 0,
      });

      const entries = await entriesOf(no);
      expect(entries.map((e) => e.contact_no)).toEqual(['L-CO', 'L-P1', 'L-P2']);
      const [co, p1, p2] = entries;
      expect(co).toMatchObject({
        contact_company_no: 'L-CO',
        date: '2026-11-28',
        time_of_interaction: null,
        description: `Segment ${no}`,
        subject: `Segment ${no}`,
        interaction_template_code: 'MAIL',
        interaction_group_code: 'POST',
        interaction_language_code: 'DEU',
        information_flow: 'outbound',
        initiated_by: 'us',
        salesperson_code: 'SP',
        correspondence_type: 'email',
        user_id: `logger${seq}`,
        segment_no: no,
        campaign_no: null,
        campaign_entry_no: null,
        origin: 'segment',
        created_at: '2026-11-29T08:00:00.000Z',
      });
      expect(Number(co!.logged_segment_entry_no)).toBe(lsNo);
      expect(Number(co!.cost_cents)).toBe(50);
      expect(p1).toMatchObject({
        contact_company_no: 'L-CO',
        time_of_interaction: '09:15:00',
        evaluation: 'positive',
        description: 'Own WÖRDS',
        subject: 'Own WÖRDS',
        interaction_language_code: 'ENU',
        contact_via: 'p1@log.example',
      });
      expect(Number(p1!.attempt_failed)).toBe(1);
      // the log's search finds a segment entry by its own words, folded alike on both dialects
      const found = await api('GET', `/api/v1/interaction-log-entries?segmentNo=${no}&q=${encodeURIComponent('wörds')}`);
      expect(found.body.items.map((e: { entryNo: number }) => e.entryNo)).toEqual([Number(p1!.entry_no)]);
      // R5: an e-mail type without a contact e-mail becomes blank
      expect(p2).toMatchObject({ correspondence_type: null, contact_company_no: null });
      expect(Number(co!.entry_no)).toBeLessThan(Number(p1!.entry_no));
      expect(Number(p1!.entry_no)).toBeLessThan(Number(p2!.entry_no));
      // entries of a language share its attachment, now read-only; the segment is gone
      expect(p1!.attachment_id).toBe(p2!.attachment_id);
      const attachments = await db()
        .selectFrom('attachments')
        .select(['id', 'read_only'])
        .where('id', 'in', [Number(co!.attachment_id), Number(p1!.attachment_id)])
        .execute();
      expect(attachments.map((a) => Number(a.read_only))).toEqual([1, 1]);
      expect((await api('GET', `/api/v1/segments/${no}`)).body.code).toBe('segment_not_found');
      for (const table of ['segment_lines', 'segment_languages', 'criteria_actions', 'criteria_action_contacts'] as const)
        expect(await db().selectFrom(table).select('segment_no').where('segment_no', '=', no).execute()).toEqual([]);
    } finally {
      env().clock.set('2026-11-28T10:15:01.000Z');
      await db().updateTable('contacts').set({ privacy_blocked: 0 }).where('no', '=', 'L-P3').execute();
      await db().updateTable('interaction_templates').set({ interaction_group_code: 'LETTERS' }).where('code', '=', 'MAIL').execute();
    }
  });

  it('answers segment_already_logged for every later attempt, even though the segment is gone', async () => {
    const no = await segment(['L-CO']);
    expect((await api('POST', `/api/v1/segments/${no}/log`, { body: {} })).status).toBe(201);
    const again = await api('POST', `/api/v1/segments/${no}/log`, { body: {} });
    expect([again.status, again.body.code]).toEqual([409, 'segment_already_logged']);
    expect(again.body.detail).toBe(`Logged Segment for Segment No. ${no} already exists.`);
    const missing = await api('POST', '/api/v1/segments/NOPE/log', { body: {} });
    expect([missing.status, missing.body.code]).toEqual([404, 'segment_not_found']);
  });

  it('refuses a segment without description, an empty one and one whose lines are all skipped', async () => {
    const noDescription = await segment(['L-CO'], { description: null });
    const d = await api('POST', `/api/v1/segments/${noDescription}/log`, { body: {} });
    expect([d.status, d.body.code]).toEqual([422, 'segment_description_required']);
    const empty = await segment([]);
    const e = await api('POST', `/api/v1/segments/${empty}/log`, { body: {} });
    expect([e.status, e.body.code]).toEqual([422, 'segment_empty']);
    const blocked = await segment(['L-P3']);
    await db().updateTable('contacts').set({ privacy_blocked: 1 }).where('no', '=', 'L-P3').execute();
    try {
      const b = await api('POST', `/api/v1/segments/${blocked}/log`, { body: {} });
      expect([b.status, b.body.code]).toEqual([422, 'segment_empty']);
    } finally {
      await db().updateTable('contacts').set({ privacy_blocked: 0 }).where('no', '=', 'L-P3').execute();
    }
  });

  it('refuses with the first refused line’s code and lists every refused line; nothing is stored', async () => {
    const no = await segment(['L-CO', 'L-P1', 'L-P2', 'L-CO', 'L-P1', 'L-CO', 'L-P1']);
    await db().insertInto('salespeople').values({ code: 'SP-GONE', name: 'gone', email: null, phone_no: null, blocked: 0 }).execute();
    const patches: [number, Record<string, unknown>][] = [
      [20000, { interactionTemplateCode: null }],
      [30000, { date: null }],
      [40000, { salespersonCode: 'SP-GONE' }],
      [50000, { description: null }],
      [60000, { campaignNo: 'CP' }],
      [70000, { salespersonCode: null }],
    ];
    for (const [lineNo, body] of patches) expect((await api('PATCH', `/api/v1/segments/${no}/lines/${lineNo}`, { body })).status).toBe(200);
    await db().deleteFrom('salespeople').where('code', '=', 'SP-GONE').execute();
    await db()
      .updateTable('segment_lines')
      .set({ salesperson_code: 'SP-OFF' })
      .where('segment_no', '=', no)
      .where('line_no', '=', 10000)
      .execute();
    await db()
      .updateTable('segment_lines')
      .set({ campaign_no: 'CP-GONE' })
      .where('segment_no', '=', no)
      .where('line_no', '=', 60000)
      .execute();
    const res = await api('POST', `/api/v1/segments/${no}/log`, { body: {} });
    expect([res.status, res.body.code]).toEqual([422, 'salesperson_blocked']);
    expect(res.body.refused.map((r: { lineNo: number; code: string }) => [r.lineNo, r.code])).toEqual([
      [10000, 'salesperson_blocked'],
      [20000, 'template_not_found'],
      [30000, 'date_required'],
      [40000, 'salesperson_not_found'],
      [50000, 'description_required'],
      [60000, 'campaign_not_found'],
      [70000, 'salesperson_required'],
    ]);
    expect(res.body.refused[0]).toEqual({
      lineNo: 10000,
      contactNo: 'L-CO',
      code: 'salesperson_blocked',
      message: 'Line 10000: Salesperson SP-OFF is blocked.',
    });
    await db()
      .updateTable('segment_lines')
      .set({ salesperson_code: 'SP' })
      .where('segment_no', '=', no)
      .where('line_no', '=', 10000)
      .execute();
    const second = await api('POST', `/api/v1/segments/${no}/log`, { body: {} });
    expect([second.status, second.body.code]).toEqual([404, 'template_not_found']);
    expect(await entriesOf(no)).toEqual([]);
    expect(await db().selectFrom('logged_segments').select('entry_no').where('segment_no', '=', no).execute()).toEqual([]);
    expect((await api('GET', `/api/v1/segments/${no}`)).body.noOfLines).toBe(7);
  });

  it('refuses delivery (no transport in this version) but logs lines without a correspondence type', async () => {
    const no = await segment(['L-CO']);
    const res = await api('POST', `/api/v1/segments/${no}/log`, { body: { sendAttachments: true } });
    expect([res.status, res.body.code]).toEqual([422, 'delivery_not_available']);
    const noMail = await segment(['L-P2']);
    const email = await api('POST', `/api/v1/segments/${noMail}/log`, { body: { sendAttachments: true } });
    expect([email.status, email.body.code]).toEqual([422, 'email_required_for_delivery']);
    const blank = await segment(['L-CO'], { interactionTemplateCode: 'CALL' });
    const ok = await api('POST', `/api/v1/segments/${blank}/log`, { body: { sendAttachments: true } });
    expect(ok.status).toBe(201);
    expect((await entriesOf(blank)).map((e) => [e.correspondence_type, e.delivery_status])).toEqual([[null, null]]);
  });

  it('links entries to the lowest non-canceled campaign entry of the campaign and segment, else creates one', async () => {
    const no = await segment(['L-CO', 'L-P1', 'L-P2'], { campaignNo: 'CP' });
    await api('PATCH', `/api/v1/segments/${no}/lines/10000`, { body: { campaignNo: null } });
    await api('PATCH', `/api/v1/segments/${no}/lines/20000`, { body: { date: '2026-12-05' } });
    await seedCampaign(db(), 'CP2');
    await api('PATCH', `/api/v1/segments/${no}/lines/30000`, { body: { campaignNo: 'CP2' } });
    const ce = (canceled: number) => ({
      campaign_no: 'CP2',
      description: 'old',
      date: '2026-01-01',
      user_id: 'admin',
      segment_no: no,
      logged_segment_entry_no: null,
      salesperson_code: null,
      document_type: null,
      canceled,
    });
    const [canceled, open] = [
      await db().insertInto('campaign_entries').values(ce(1)).returning('entry_no').executeTakeFirstOrThrow(),
      await db().insertInto('campaign_entries').values(ce(0)).returning('entry_no').executeTakeFirstOrThrow(),
    ];
    await db().insertInto('campaign_entries').values(ce(0)).execute();
    const res = await api('POST', `/api/v1/segments/${no}/log`, { body: {} });
    expect(res.status).toBe(201);
    const entries = await entriesOf(no);
    expect(entries.map((e) => [e.contact_no, e.campaign_no])).toEqual([
      ['L-CO', null],
      ['L-P1', 'CP'],
      ['L-P2', 'CP2'],
    ]);
    expect(entries[0]!.campaign_entry_no).toBeNull();
    expect(Number(entries[2]!.campaign_entry_no)).toBe(Number(open.entry_no));
    expect(Number(entries[2]!.campaign_entry_no)).not.toBe(Number(canceled.entry_no));
    const created = await db()
      .selectFrom('campaign_entries')
      .selectAll()
      .where('entry_no', '=', Number(entries[1]!.campaign_entry_no))
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({
      campaign_no: 'CP',
      description: `Segment ${no}`,
      date: '2026-12-05',
      user_id: 'admin',
      segment_no: no,
      salesperson_code: 'SP',
      document_type: null,
    });
    expect(Number(created.logged_segment_entry_no)).toBe(res.body.loggedSegmentEntryNo);
    expect(Number(created.canceled)).toBe(0);
    expect((await api('GET', `/api/v1/logged-segments/${res.body.loggedSegmentEntryNo}`)).body.noOfCampaignEntries).toBe(1);
  });

  it('creates a follow-up segment with the campaign and one line per new entry’s contact', async () => {
    const anna = await seedSalesperson(db(), 'ANNA');
    const user = await env().tokenFor('user', { salespersonCode: anna });
    const no = await segment(['L-CO', 'L-P1'], { campaignNo: 'CP' });
    const res = await api('POST', `/api/v1/segments/${no}/log`, { token: user, body: { createFollowUpSegment: true } });
    expect(res.status).toBe(201);
    expect(res.body.followUpSegmentNo).toMatch(/^SM\d{5}$/);
    const follow = await api('GET', `/api/v1/segments/${res.body.followUpSegmentNo}`);
    expect(follow.body).toMatchObject({
      description: `Follow-up on segment ${no}`,
      campaignNo: 'CP',
      interactionTemplateCode: null,
      noOfLines: 2,
      salespersonCode: 'ANNA',
      date: '2026-11-28',
    });
    const lines = (await api('GET', `/api/v1/segments/${res.body.followUpSegmentNo}/lines`)).body.items;
    expect(lines.map((l: { contactNo: string; campaignNo: string }) => [l.contactNo, l.campaignNo])).toEqual([
      ['L-CO', 'CP'],
      ['L-P1', 'CP'],
    ]);
  });

  it('logs as a background job with progress, and a refused job fails with the problem', async () => {
    const no = await segment(['L-CO', 'L-P1']);
    const res = await api('POST', `/api/v1/segments/${no}/log?async=true`, { body: {} });
    expect(res.status).toBe(202);
    expect(res.headers['location']).toBe(`/api/v1/jobs/${res.body.jobId}`);
    await env().app.services.jobs.drain();
    const job = await api('GET', `/api/v1/jobs/${res.body.jobId}`);
    expect(job.body).toMatchObject({
      kind: 'segment_log',
      status: 'succeeded',
      done: 2,
      total: 2,
      result: { noOfInteractions: 2, followUpSegmentNo: null },
    });
    const empty = await segment([]);
    const early = await api('POST', `/api/v1/segments/${empty}/log?async=true`, { body: {} });
    expect([early.status, early.body.code]).toEqual([422, 'segment_empty']);
    const refused = await segment(['L-CO']);
    await api('PATCH', `/api/v1/segments/${refused}/lines/10000`, { body: { date: null } });
    const started = await api('POST', `/api/v1/segments/${refused}/log?async=true`, { body: {} });
    expect(started.status).toBe(202);
    await env().app.services.jobs.drain();
    const failed = await api('GET', `/api/v1/jobs/${started.body.jobId}`);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.error).toMatchObject({ code: 'date_required', refused: [{ lineNo: 10000, code: 'date_required' }] });
    expect((await api('GET', `/api/v1/segments/${refused}`)).body.noOfLines).toBe(1);
  });

  it('lets exactly one of two concurrent logs of a segment succeed', async () => {
    const no = await segment(['L-CO', 'L-P1', 'L-P2']);
    const [a, b] = await Promise.all([
      api('POST', `/api/v1/segments/${no}/log`, { body: {} }),
      api('POST', `/api/v1/segments/${no}/log`, { body: {} }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('segment_already_logged');
    expect(await entriesOf(no)).toHaveLength(3);
    expect(await db().selectFrom('logged_segments').select('entry_no').where('segment_no', '=', no).execute()).toHaveLength(1);
  });

  it('replays a log with the same idempotency key instead of logging twice', async () => {
    const no = await segment(['L-CO']);
    const headers = { 'idempotency-key': `log-${no}` };
    const first = await api('POST', `/api/v1/segments/${no}/log`, { body: {}, headers });
    const second = await api('POST', `/api/v1/segments/${no}/log`, { body: {}, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await entriesOf(no)).toHaveLength(1);
  });

  it('lets viewers preview but not log', async () => {
    const no = await segment(['L-CO']);
    const viewer = await env().tokenFor('viewer');
    expect((await api('GET', `/api/v1/segments/${no}/log-preview`, { token: viewer })).status).toBe(200);
    expect((await api('POST', `/api/v1/segments/${no}/log`, { token: viewer, body: {} })).status).toBe(403);
  });
});
