import { expect, it } from 'vitest';
import { seeder } from '../support/seed';
import { describeEachDialect } from '../support/test-app';

const URL = '/api/v1/interactions/phone-call';

describeEachDialect('POST /interactions/phone-call', (env) => {
  const db = () => env().app.database.db;
  const seed = () => seeder(db());

  /** The Outgoing Calls slot set to a call template; answers its code. */
  async function callTemplate() {
    const code = await seed().template({
      description: 'Outgoing call',
      unitCostCents: 50,
      unitDurationMin: 5,
      informationFlow: 'outbound',
      initiatedBy: 'us',
      correspondenceTypeDefault: null,
    });
    await seed().slot('outgoingCalls', code);
    return code;
  }

  it('logs a call with the Outgoing Calls template and dials the contact’s phone, else the mobile phone', async () => {
    const templateCode = await callTemplate();
    const s = seed();
    const sp = await s.salesperson();
    const both = await s.contact({ phoneNo: '+46 8 100', mobilePhoneNo: '+46 70 200', salespersonCode: sp });
    const token = await env().tokenFor('user');
    const res = await env().api('POST', URL, { token, body: { contactNo: both, comments: ['Left a message'] } });
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe(`/api/v1/interaction-log-entries/${res.body.entryNo}`);
    expect(res.body).toMatchObject({
      contactNo: both,
      interactionTemplateCode: templateCode,
      description: 'Outgoing call',
      subject: 'Outgoing call',
      contactVia: '+46 8 100',
      costLcy: 0.5,
      durationMin: 5,
      salespersonCode: sp,
      attemptFailed: false,
      postponed: false,
      date: '2026-11-28',
      timeOfInteraction: '10:16:00',
      hasComments: true,
      origin: 'phone_call',
    });
    const mobileOnly = await s.contact({ mobilePhoneNo: '+46 70 300', salespersonCode: sp });
    expect((await env().api('POST', URL, { body: { contactNo: mobileOnly } })).body.contactVia).toBe('+46 70 300');
    const given = await env().api('POST', URL, {
      body: {
        contactNo: both,
        contactVia: '+1 555 0100',
        successful: false,
        description: 'No answer',
        evaluation: 'neutral',
        costLcy: 1,
        durationMin: 2,
      },
    });
    expect(given.body).toMatchObject({
      contactVia: '+1 555 0100',
      attemptFailed: true,
      description: 'No answer',
      subject: 'No answer',
      evaluation: 'neutral',
      costLcy: 1,
      durationMin: 2,
    });
  });

  it('takes a task, an opportunity and a campaign; an unknown task is task_not_found', async () => {
    await callTemplate();
    const s = seed();
    const sp = await s.salesperson();
    const contactNo = await s.contact({ phoneNo: '+46 8 100', salespersonCode: sp });
    const taskNo = await s.task(contactNo);
    const opportunityNo = await s.opportunity(contactNo);
    const campaignNo = await s.campaign();
    const res = await env().api('POST', URL, { body: { contactNo, taskNo, opportunityNo, campaignNo } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ taskNo, opportunityNo, campaignNo });
    const ce = await db()
      .selectFrom('campaign_entries')
      .select('description')
      .where('entry_no', '=', res.body.campaignEntryNo)
      .executeTakeFirstOrThrow();
    expect(ce.description).toBe('Interactions');
    const unknown = await env().api('POST', URL, { body: { contactNo, taskNo: 'TD999999' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('task_not_found');
  });

  it('needs the Outgoing Calls slot, checked right after the contact', async () => {
    await seed().slot('outgoingCalls', null);
    const contactNo = await seed().contact({ phoneNo: '1', privacyBlocked: true });
    const missing = await env().api('POST', URL, { body: { contactNo: 'NOBODY', salespersonCode: 'NOSP' } });
    expect(missing.body.code).toBe('contact_not_found');
    const res = await env().api('POST', URL, { body: { contactNo, salespersonCode: 'NOSP' } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('outgoing_calls_template_not_set');
    expect(res.body.detail).toBe('The Outgoing Calls field in the Interaction Template Setup must be filled in.');
  });

  it('needs a number to call, checked after privacy and before the other rules', async () => {
    await callTemplate();
    const s = seed();
    const noPhone = await s.contact();
    const blocked = await s.contact({ privacyBlocked: true });
    const privacy = await env().api('POST', URL, { body: { contactNo: blocked } });
    expect(privacy.status).toBe(422);
    expect(privacy.body.code).toBe('contact_privacy_blocked');
    const res = await env().api('POST', URL, { body: { contactNo: noPhone, salespersonCode: null } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('phone_number_required');
    const blank = await env().api('POST', URL, { body: { contactNo: await s.contact({ phoneNo: '123' }), contactVia: '  ' } });
    expect(blank.body.code).toBe('phone_number_required');
    // references come first (R11 step 2)
    const reference = await env().api('POST', URL, { body: { contactNo: noPhone, taskNo: 'TD999999' } });
    expect(reference.status).toBe(404);
    expect(reference.body.code).toBe('task_not_found');
  });

  it('applies the rules of a single interaction: salesperson required or blocked, description required', async () => {
    await callTemplate();
    const s = seed();
    const contactNo = await s.contact({ phoneNo: '+46 8 100' });
    const required = await env().api('POST', URL, { body: { contactNo } });
    expect(required.status).toBe(422);
    expect(required.body.code).toBe('salesperson_required');
    const blocked = await s.salesperson({ blocked: true });
    expect((await env().api('POST', URL, { body: { contactNo, salespersonCode: blocked } })).body.code).toBe('salesperson_blocked');
    const sp = await s.salesperson();
    expect((await env().api('POST', URL, { body: { contactNo, salespersonCode: sp, description: null } })).body.code).toBe(
      'description_required',
    );
  });

  it('refuses fields a phone call does not take', async () => {
    await callTemplate();
    const contactNo = await seed().contact({ phoneNo: '1' });
    const res = await env().api('POST', URL, { body: { contactNo, postponed: true, interactionTemplateCode: 'CALL' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['interactionTemplateCode', 'postponed']);
  });
});
