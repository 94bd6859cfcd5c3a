import { expect, it } from 'vitest';
import { seedEntry } from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

describeEachDialect('campaigns', (env) => {
  const salesperson = (code: string, blocked = false) => env().api('POST', '/api/v1/salespeople', { body: { code, name: code, blocked } });

  it('numbers new campaigns from the CP series when no number is given', async () => {
    const first = await env().api('POST', '/api/v1/campaigns', { body: { description: 'Spring fair' } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ no: 'CP00001', description: 'Spring fair', startingDate: null, endingDate: null, salespersonCode: null });
    expect(first.headers['location']).toBe('/api/v1/campaigns/CP00001');
    const second = await env().api('POST', '/api/v1/campaigns', { body: { no: null } });
    expect(second.body.no).toBe('CP00002');
    // a manual number of the same pattern moves the series on
    expect((await env().api('POST', '/api/v1/campaigns', { body: { no: 'cp00041' } })).body.no).toBe('CP00041');
    expect((await env().api('POST', '/api/v1/campaigns', { body: {} })).body.no).toBe('CP00042');
  });

  it('keeps every field given and reads it back', async () => {
    await salesperson('CAMPSP');
    const body = {
      no: ' fair26 ',
      description: 'Trade fair',
      startingDate: '2026-03-01',
      endingDate: '2026-03-31',
      salespersonCode: 'campsp',
    };
    const created = await env().api('POST', '/api/v1/campaigns', { body });
    expect(created.status).toBe(201);
    const expected = {
      no: 'FAIR26',
      description: 'Trade fair',
      startingDate: '2026-03-01',
      endingDate: '2026-03-31',
      salespersonCode: 'CAMPSP',
    };
    expect(created.body).toEqual(expected);
    expect((await env().api('GET', '/api/v1/campaigns/fair26')).body).toEqual(expected);
    expect((await env().api('GET', '/api/v1/campaigns')).body.items).toContainEqual(expected);
  });

  it('refuses a number that already exists', async () => {
    await env().api('POST', '/api/v1/campaigns', { body: { no: 'TWICE', description: 'First' } });
    const again = await env().api('POST', '/api/v1/campaigns', { body: { no: 'twice', description: 'Second' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('duplicate_code');
    expect((await env().api('GET', '/api/v1/campaigns/TWICE')).body.description).toBe('First');
  });

  it('refuses an ending date before the starting date, on create and on change', async () => {
    const bad = await env().api('POST', '/api/v1/campaigns', {
      body: { no: 'DATES', startingDate: '2026-05-02', endingDate: '2026-05-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors).toEqual([{ path: 'endingDate', message: 'must not be before startingDate' }]);
    expect((await env().api('GET', '/api/v1/campaigns/DATES')).status).toBe(404);

    const ok = await env().api('POST', '/api/v1/campaigns', {
      body: { no: 'DATES', startingDate: '2026-05-01', endingDate: '2026-05-01' },
    });
    expect(ok.status).toBe(201);
    const earlier = await env().api('PATCH', '/api/v1/campaigns/DATES', { body: { endingDate: '2026-04-30' } });
    expect(earlier.status).toBe(400);
    expect(earlier.body.errors[0].path).toBe('endingDate');
    const later = await env().api('PATCH', '/api/v1/campaigns/DATES', { body: { startingDate: '2026-05-02' } });
    expect(later.status).toBe(400);
    expect(later.body.errors[0].path).toBe('startingDate');
    expect(
      (await env().api('PATCH', '/api/v1/campaigns/DATES', { body: { endingDate: null, startingDate: '2026-06-01' } })).body,
    ).toMatchObject({
      startingDate: '2026-06-01',
      endingDate: null,
    });
    const notADate = await env().api('POST', '/api/v1/campaigns', { body: { startingDate: '2026-02-30' } });
    expect(notADate.status).toBe(400);
    expect(notADate.body.errors[0].path).toBe('startingDate');
  });

  it('needs an existing salesperson that is not blocked when one is given', async () => {
    const missing = await env().api('POST', '/api/v1/campaigns', { body: { no: 'SPMISS', salespersonCode: 'NOBODY' } });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('salesperson_not_found');
    await salesperson('BLOCKSP', true);
    const blocked = await env().api('POST', '/api/v1/campaigns', { body: { no: 'SPBLOCK', salespersonCode: 'BLOCKSP' } });
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('salesperson_blocked');
    expect(blocked.body.detail).toBe('Salesperson BLOCKSP is blocked.');
    expect((await env().api('GET', '/api/v1/campaigns/SPBLOCK')).status).toBe(404);
    // a missing salesperson is reported before a duplicate number
    await env().api('POST', '/api/v1/campaigns', { body: { no: 'SPDUP' } });
    expect((await env().api('POST', '/api/v1/campaigns', { body: { no: 'SPDUP', salespersonCode: 'NOBODY' } })).body.code).toBe(
      'salesperson_not_found',
    );
    expect((await env().api('POST', '/api/v1/campaigns', { body: { no: 'SPDUP', salespersonCode: 'BLOCKSP' } })).body.code).toBe(
      'duplicate_code',
    );
  });

  it('keeps a stored salesperson that became blocked, but refuses to assign a blocked one', async () => {
    await salesperson('LATER');
    await env().api('POST', '/api/v1/campaigns', { body: { no: 'KEEPSP', salespersonCode: 'LATER' } });
    await env().api('PATCH', '/api/v1/salespeople/LATER', { body: { blocked: true } });
    const other = await env().api('PATCH', '/api/v1/campaigns/KEEPSP', { body: { description: 'Still fine' } });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ description: 'Still fine', salespersonCode: 'LATER' });
    await env().api('PATCH', '/api/v1/campaigns/KEEPSP', { body: { salespersonCode: null } });
    const again = await env().api('PATCH', '/api/v1/campaigns/KEEPSP', { body: { salespersonCode: 'later' } });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('salesperson_blocked');
    expect((await env().api('GET', '/api/v1/campaigns/KEEPSP')).body.salespersonCode).toBeNull();
    const missing = await env().api('PATCH', '/api/v1/campaigns/KEEPSP', { body: { salespersonCode: 'NOBODY' } });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('salesperson_not_found');
  });

  it('accepts a change that sends the stored salesperson again, even one blocked or deleted since', async () => {
    await salesperson('RESENT');
    await salesperson('GONE');
    await env().api('POST', '/api/v1/campaigns', { body: { no: 'RESEND', salespersonCode: 'RESENT' } });
    await env().api('POST', '/api/v1/campaigns', { body: { no: 'RESEND2', salespersonCode: 'GONE' } });
    await env().api('PATCH', '/api/v1/salespeople/RESENT', { body: { blocked: true } });
    await env().api('DELETE', '/api/v1/salespeople/GONE');
    // a form sends the whole record back: the salesperson it already has is no new assignment
    const blocked = await env().api('PATCH', '/api/v1/campaigns/RESEND', { body: { description: 'Autumn', salespersonCode: 'resent' } });
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ description: 'Autumn', salespersonCode: 'RESENT' });
    const deleted = await env().api('PATCH', '/api/v1/campaigns/RESEND2', { body: { description: 'Winter', salespersonCode: 'GONE' } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ description: 'Winter', salespersonCode: 'GONE' });
    // putting the blocked one on another campaign is a new assignment and still refused
    const elsewhere = await env().api('PATCH', '/api/v1/campaigns/RESEND2', { body: { salespersonCode: 'RESENT' } });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('salesperson_blocked');
    expect((await env().api('GET', '/api/v1/campaigns/RESEND2')).body.salespersonCode).toBe('GONE');
  });

  it('answers campaign_not_found for a missing campaign and refuses to change its number', async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { description: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await env().api(method, '/api/v1/campaigns/NOSUCH', { body });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('campaign_not_found');
      expect(res.body.detail).toBe('Campaign NOSUCH does not exist.');
    }
    await env().api('POST', '/api/v1/campaigns', { body: { no: 'KEYED' } });
    expect((await env().api('PATCH', '/api/v1/campaigns/KEYED', { body: { no: 'OTHER' } })).status).toBe(400);
  });

  it('deletes a campaign with its campaign entries; log entries keep their campaign fields', async () => {
    const db = env().app.database.db;
    await env().api('POST', '/api/v1/campaigns', { body: { no: 'DROPME' } });
    await env().api('POST', '/api/v1/campaigns', { body: { no: 'KEEPME' } });
    const ce = await db
      .insertInto('campaign_entries')
      .values({ campaign_no: 'DROPME', description: 'Interactions', canceled: 0 })
      .returning('entry_no')
      .executeTakeFirstOrThrow();
    const kept = await db
      .insertInto('campaign_entries')
      .values({ campaign_no: 'KEEPME', description: 'Interactions', canceled: 0 })
      .returning('entry_no')
      .executeTakeFirstOrThrow();
    const entryNo = await seedEntry(db, { campaignNo: 'DROPME', campaignEntryNo: Number(ce.entry_no) });

    expect((await env().api('DELETE', '/api/v1/campaigns/dropme')).status).toBe(204);
    expect((await env().api('GET', '/api/v1/campaigns/DROPME')).status).toBe(404);
    const left = await db
      .selectFrom('campaign_entries')
      .select(['entry_no', 'campaign_no'])
      .where('campaign_no', 'in', ['DROPME', 'KEEPME'])
      .execute();
    expect(left.map((r) => Number(r.entry_no))).toEqual([Number(kept.entry_no)]);
    const row = await db
      .selectFrom('interaction_log_entries')
      .select(['campaign_no', 'campaign_entry_no'])
      .where('entry_no', '=', entryNo)
      .executeTakeFirstOrThrow();
    expect({ campaignNo: row.campaign_no, campaignEntryNo: Number(row.campaign_entry_no) }).toEqual({
      campaignNo: 'DROPME',
      campaignEntryNo: Number(ce.entry_no),
    });
  });

  it('pages campaigns by keyset in number order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { no: string }[]; nextCursor: string | null } } = await env().api(
        'GET',
        `/api/v1/campaigns?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((c) => c.no));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...new Set(seen)].sort());
  });

  it('lets viewers read and users write', async () => {
    const viewer = await env().tokenFor('viewer');
    const user = await env().tokenFor('user');
    expect((await env().api('GET', '/api/v1/campaigns', { token: viewer })).status).toBe(200);
    const refused = await env().api('POST', '/api/v1/campaigns', { token: viewer, body: { no: 'VIEWER' } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect((await env().api('POST', '/api/v1/campaigns', { token: user, body: { no: 'BYUSER' } })).status).toBe(201);
    expect((await env().api('PATCH', '/api/v1/campaigns/BYUSER', { token: user, body: { description: 'Mine' } })).status).toBe(200);
    expect((await env().api('DELETE', '/api/v1/campaigns/BYUSER', { token: viewer })).status).toBe(403);
    expect((await env().api('DELETE', '/api/v1/campaigns/BYUSER', { token: user })).status).toBe(204);
  });
});
