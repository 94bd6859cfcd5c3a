import { expect, it } from 'vitest';
import { TEMPLATE_SETUP_SLOTS } from '../../src/contract/template-setup';
import { describeEachDialect, type TestEnv } from '../support/test-app';

const S = '/api/v1/interaction-template-setup';
const T = '/api/v1/interaction-templates';

async function template(env: TestEnv, code: string, withAttachment = false) {
  await env.app.database.db
    .insertInto('interaction_groups')
    .values({ code: 'GRP', description: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await env.api('POST', '/api/v1/languages', { body: { code: 'ENU', name: 'English' } });
  expect((await env.api('POST', T, { body: { code, interactionGroupCode: 'GRP' } })).status).toBe(201);
  if (withAttachment) {
    // the attachment sits on a row that is not the default language's: any row counts
    await env.api('POST', `${T}/${code}/languages`, { body: { languageCode: 'ENU' } });
    const put = await env.api('PUT', `${T}/${code}/languages/ENU/attachment?fileName=a.txt`, { payload: Buffer.from('a') });
    expect(put.status).toBe(200);
  }
}

describeEachDialect('interaction template setup', (env) => {
  it('answers exactly the 30 slots, all null before anything is set', async () => {
    const viewer = await env().tokenFor('viewer');
    const res = await env().api('GET', S, { token: viewer });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual([...TEMPLATE_SETUP_SLOTS]);
    expect(Object.keys(res.body)).toHaveLength(30);
    expect(Object.values(res.body).every((v) => v === null)).toBe(true);
  });

  it('sets any subset of slots, upper-casing codes, answers the whole record and clears with null', async () => {
    await template(env(), 'INV');
    await template(env(), 'CALL');
    const res = await env().api('PATCH', S, {
      body: { salesInvoices: 'inv', outgoingCalls: ' call ', purchaseReturnOrderConfirmations: 'INV' },
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual([...TEMPLATE_SETUP_SLOTS]);
    expect(res.body).toMatchObject({
      salesInvoices: 'INV',
      outgoingCalls: 'CALL',
      purchaseReturnOrderConfirmations: 'INV',
      salesQuotes: null,
    });
    expect((await env().api('GET', S)).body).toEqual(res.body);
    const cleared = await env().api('PATCH', S, { body: { outgoingCalls: null, salesInvoices: '' } });
    expect(cleared.body).toMatchObject({ salesInvoices: null, outgoingCalls: null, purchaseReturnOrderConfirmations: 'INV' });
    expect((await env().api('PATCH', S, { body: {} })).body).toEqual(cleared.body);
    await env().api('PATCH', S, { body: { purchaseReturnOrderConfirmations: null } });
  });

  it('answers every one of concurrent changes of one slot, the record ending with one of them', async () => {
    await template(env(), 'RACE1');
    await template(env(), 'RACE2');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => env().api('PATCH', S, { body: { emailDraft: i % 2 ? 'RACE1' : 'RACE2' } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(['RACE1', 'RACE2']).toContain((await env().api('GET', S)).body.emailDraft);
    await env().api('PATCH', S, { body: { emailDraft: null } });
  });

  it('refuses unknown keys and a missing template, changing nothing', async () => {
    await template(env(), 'OK1');
    const unknown = await env().api('PATCH', S, { body: { salesInvoices: 'OK1', faxes: 'OK1' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'faxes', message: 'unknown field' }]);
    const missing = await env().api('PATCH', S, { body: { salesQuotes: 'OK1', salesInvoices: 'NOPE' } });
    expect([missing.status, missing.body.code]).toEqual([404, 'template_not_found']);
    expect(missing.body.detail).toBe('Interaction template NOPE does not exist.');
    const now = (await env().api('GET', S)).body;
    expect([now.salesQuotes, now.salesInvoices]).toEqual([null, null]);
  });

  it('refuses a template with an attachment except for the meeting invitation (R36, R59)', async () => {
    await template(env(), 'ATT', true);
    await template(env(), 'PLAIN');
    const res = await env().api('PATCH', S, { body: { emails: 'PLAIN', coverSheets: 'att', serviceQuotes: 'ATT' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['coverSheets', 'serviceQuotes']);
    expect((await env().api('GET', S)).body.emails).toBeNull();
    const meeting = await env().api('PATCH', S, { body: { meetingInvitation: 'ATT' } });
    expect(meeting.status).toBe(200);
    expect(meeting.body.meetingInvitation).toBe('ATT');
  });

  it('lets viewers read and only admins change the setup', async () => {
    await template(env(), 'R1');
    const user = await env().tokenFor('user');
    const res = await env().api('PATCH', S, { token: user, body: { emails: 'R1' } });
    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    expect((await env().api('GET', S)).body.emails).toBeNull();
  });
});
