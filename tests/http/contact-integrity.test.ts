import { expect, it } from 'vitest';
import type { NewLogEntry } from '../../src/domain/interaction-log/interaction-log';
import { seedEntry } from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

describeEachDialect('contact integrity', (env) => {
  const db = () => env().app.database.db;
  const post = (body: unknown) => env().api('POST', '/api/v1/contacts', { body });
  const patch = (no: string, body: unknown) => env().api('PATCH', `/api/v1/contacts/${no}`, { body });
  const del = (no: string) => env().api('DELETE', `/api/v1/contacts/${no}`);
  const company = (no: string) => post({ no, name: `Company ${no}` });
  const person = (no: string, companyNo: string | null) => post({ no, type: 'person', name: `Person ${no}`, companyNo });

  const addEntry = (contactNo: string | null, contactCompanyNo: string | null, over: Partial<NewLogEntry> = {}) =>
    seedEntry(db(), { contactNo, contactCompanyNo, ...over });
  const entry = (entryNo: number) =>
    db()
      .selectFrom('interaction_log_entries')
      .select(['contact_no', 'contact_company_no'])
      .where('entry_no', '=', entryNo)
      .executeTakeFirstOrThrow();
  const addTask = (no: string, contactNo: string, companyNo: string | null, status: 'open' | 'closed') =>
    db()
      .insertInto('tasks')
      .values({
        no,
        description: 'Follow up',
        date: '2026-11-28',
        contact_no: contactNo,
        contact_company_no: companyNo,
        salesperson_code: null,
        campaign_no: null,
        opportunity_no: null,
        status,
      })
      .execute();
  const task = (no: string) =>
    db().selectFrom('tasks').select(['contact_no', 'contact_company_no']).where('no', '=', no).executeTakeFirstOrThrow();
  const addOpportunity = (no: string, contactNo: string, companyNo: string | null, status: string) =>
    db()
      .insertInto('opportunities')
      .values({
        no,
        description: 'Deal',
        contact_no: contactNo,
        contact_company_no: companyNo,
        salesperson_code: null,
        campaign_no: null,
        segment_no: null,
        creation_date: '2026-11-28',
        status,
      })
      .execute();
  const opportunity = (no: string) =>
    db().selectFrom('opportunities').select(['contact_no', 'contact_company_no']).where('no', '=', no).executeTakeFirstOrThrow();
  let segments = 0;
  const addSegmentLine = async (contactNo: string, companyNo: string | null) => {
    const segmentNo = `SEG${++segments}`;
    await db()
      .insertInto('segments')
      .values({
        no: segmentNo,
        description: 'Mailing',
        salesperson_code: null,
        date: '2026-11-28',
        campaign_no: null,
        campaign_target: 0,
        campaign_response: 0,
        interaction_template_code: null,
        interaction_group_code: null,
        language_code_default: null,
        subject_default: null,
        correspondence_type_default: null,
        ignore_contact_correspondence_type: 0,
        unit_cost_cents: 0,
        unit_duration_min: 0,
        information_flow: null,
        initiated_by: null,
      })
      .execute();
    await db()
      .insertInto('segment_lines')
      .values({
        segment_no: segmentNo,
        line_no: 10000,
        contact_no: contactNo,
        contact_company_no: companyNo,
        description: null,
        subject: null,
        date: '2026-11-28',
        time_of_interaction: null,
        salesperson_code: null,
        interaction_template_code: null,
        interaction_group_code: null,
        language_code: null,
        correspondence_type: null,
        information_flow: null,
        initiated_by: null,
        campaign_no: null,
        campaign_target: 0,
        campaign_response: 0,
        cost_cents: 0,
        duration_min: 0,
        evaluation: null,
        attempt_failed: 0,
        contact_via: null,
        opportunity_no: null,
        attachment_id: null,
        attachment_source: null,
      })
      .execute();
    return segmentNo;
  };
  const expectRefused = async (res: { status: number; body: { code: string; detail: string } }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  };

  // ---- R34: type ----

  it('refuses a type change while an entry names the contact, canceled or postponed ones included (R34)', async () => {
    await company('T-CO');
    await person('T-P', 'T-CO');
    await company('T-CAN');
    await company('T-PP');
    await addEntry('T-P', 'T-CO');
    await addEntry('T-CAN', 'T-CAN', { canceled: true });
    await addEntry('T-PP', 'T-PP', { postponed: true, date: null });

    const asContact = await patch('T-P', { type: 'company' });
    await expectRefused(asContact, 409, 'contact_type_change_blocked');
    expect(asContact.body.detail).toBe(
      'The type of contact T-P cannot be changed because interaction log entries or persons are linked to it.',
    );
    // the company is named only as contactCompanyNo; it also still has its person
    await expectRefused(await patch('T-CO', { type: 'person' }), 409, 'contact_type_change_blocked');
    await expectRefused(await patch('T-CAN', { type: 'person' }), 409, 'contact_type_change_blocked');
    await expectRefused(await patch('T-PP', { type: 'person', name: 'Renamed' }), 409, 'contact_type_change_blocked');
    const unchanged = await env().api('GET', '/api/v1/contacts/T-PP');
    expect(unchanged.body).toMatchObject({ type: 'company', name: 'Company T-PP', companyNo: 'T-PP' });
  });

  it('refuses to make a company with persons a person, and refuses it only when the type really changes', async () => {
    await company('T-HAS');
    await person('T-HAS-P', 'T-HAS');
    await expectRefused(await patch('T-HAS', { type: 'person' }), 409, 'contact_type_change_blocked');
    const same = await patch('T-HAS', { type: 'company', name: 'Still a company' });
    expect(same.status).toBe(200);
    expect(same.body.name).toBe('Still a company');
  });

  it("resets the company number when the type changes: a new company's is its own, a new person's is blank", async () => {
    await company('T-FREE');
    const toPerson = await patch('T-FREE', { type: 'person' });
    expect(toPerson.status).toBe(200);
    expect(toPerson.body).toMatchObject({ type: 'person', companyNo: null, companyName: null });

    await company('T-HOME');
    await person('T-MOVER', 'T-HOME');
    const toCompany = await patch('T-MOVER', { type: 'company' });
    expect(toCompany.body).toMatchObject({ type: 'company', companyNo: 'T-MOVER', companyName: 'Person T-MOVER' });

    const back = await patch('T-MOVER', { type: 'person', companyNo: 'T-HOME' });
    expect(back.body).toMatchObject({ type: 'person', companyNo: 'T-HOME', companyName: 'Company T-HOME' });
    const own = await patch('T-FREE', { type: 'company', companyNo: 'T-HOME' });
    expect(own.status).toBe(400);
    expect(own.body.errors[0].path).toBe('companyNo');
  });

  it('refuses to make a company a person of itself when the form sends its own number back (R34, R61)', async () => {
    await company('T-SELF');
    const res = await patch('T-SELF', { type: 'person', companyNo: 't-self', name: 'Renamed' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([{ path: 'companyNo', message: 'must be a company contact; T-SELF is a person' }]);
    expect((await env().api('GET', '/api/v1/contacts/T-SELF')).body).toMatchObject({
      type: 'company',
      companyNo: 'T-SELF',
      name: 'Company T-SELF',
    });
  });

  // ---- R35: company of a person ----

  it("refuses to change a person's company while the person is on a segment line (R35)", async () => {
    await company('S-OLD');
    await company('S-NEW');
    await person('S-P', 'S-OLD');
    const e = await addEntry('S-P', 'S-OLD');
    await addSegmentLine('S-P', 'S-OLD');
    const res = await patch('S-P', { companyNo: 'S-NEW' });
    await expectRefused(res, 409, 'contact_company_change_blocked');
    expect(res.body.detail).toBe(
      'You cannot change the company of contact S-P because one or more unlogged segments are assigned to the contact.',
    );
    await expectRefused(await patch('S-P', { companyNo: null }), 409, 'contact_company_change_blocked');
    expect((await env().api('GET', '/api/v1/contacts/S-P')).body.companyNo).toBe('S-OLD');
    expect(await entry(e)).toEqual({ contact_no: 'S-P', contact_company_no: 'S-OLD' });
    // other fields may still change
    expect((await patch('S-P', { companyNo: 'S-OLD', city: 'Lyon' })).status).toBe(200);
  });

  it("leaves a person's history with the old company when the person moves (R35)", async () => {
    await company('M-OLD');
    await company('M-NEW');
    await person('M-P', 'M-OLD');
    const underOld = await addEntry('M-P', 'M-OLD');
    const other = await addEntry('M-OLD', 'M-OLD');
    await addTask('M-T1', 'M-P', 'M-OLD', 'open');
    await addOpportunity('M-O1', 'M-P', 'M-OLD', 'in_progress');

    const res = await patch('M-P', { companyNo: 'm-new' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ companyNo: 'M-NEW', companyName: 'Company M-NEW' });
    expect(await entry(underOld)).toEqual({ contact_no: 'M-OLD', contact_company_no: 'M-OLD' });
    expect(await entry(other)).toEqual({ contact_no: 'M-OLD', contact_company_no: 'M-OLD' });
    // as BC, its tasks and opportunities under the old company stay there too
    expect(await task('M-T1')).toEqual({ contact_no: 'M-OLD', contact_company_no: 'M-OLD' });
    expect(await opportunity('M-O1')).toEqual({ contact_no: 'M-OLD', contact_company_no: 'M-OLD' });

    const later = await addEntry('M-P', 'M-NEW');
    expect((await patch('M-P', { companyNo: null })).body.companyNo).toBeNull();
    expect(await entry(later)).toEqual({ contact_no: 'M-NEW', contact_company_no: 'M-NEW' });
  });

  it('gives the history of a person without company to its first company (R35)', async () => {
    await company('F-NEW');
    await person('F-P', null);
    const e1 = await addEntry('F-P', null);
    const e2 = await addEntry('F-P', null, { canceled: true });
    const res = await patch('F-P', { companyNo: 'F-NEW' });
    expect(res.status).toBe(200);
    expect(await entry(e1)).toEqual({ contact_no: 'F-P', contact_company_no: 'F-NEW' });
    expect(await entry(e2)).toEqual({ contact_no: 'F-P', contact_company_no: 'F-NEW' });
  });

  it("checks a person's new company: missing is contact_not_found, a person is invalid", async () => {
    await company('N-CO');
    await person('N-P', 'N-CO');
    await person('N-Q', null);
    await expectRefused(await patch('N-P', { companyNo: 'N-NONE' }), 404, 'contact_not_found');
    const toPerson = await patch('N-P', { companyNo: 'N-Q' });
    expect(toPerson.status).toBe(400);
    expect(toPerson.body.errors[0].path).toBe('companyNo');
    const itself = await patch('N-P', { companyNo: 'N-P' });
    expect(itself.status).toBe(400);
    expect((await env().api('GET', '/api/v1/contacts/N-P')).body.companyNo).toBe('N-CO');
  });

  // ---- R33: delete ----

  it('refuses to delete a contact in use, naming the first reason in order (R33)', async () => {
    await company('D-CO');
    await person('D-P', 'D-CO');
    const e = await addEntry('D-P', 'D-CO');
    await addTask('D-T', 'D-P', 'D-CO', 'open');
    const segmentNo = await addSegmentLine('D-P', 'D-CO');
    await addOpportunity('D-O', 'D-P', 'D-CO', 'not_started');

    const task1 = await del('D-P');
    await expectRefused(task1, 409, 'contact_in_use');
    expect(task1.body.detail).toBe('You cannot delete contact D-P because there are one or more tasks open.');
    await db().updateTable('tasks').set({ status: 'closed' }).where('no', '=', 'D-T').execute();

    const line = await del('D-P');
    await expectRefused(line, 409, 'contact_in_use');
    expect(line.body.detail).toBe('You cannot delete contact D-P because the contact is assigned to one or more unlogged segments.');
    await db().deleteFrom('segment_lines').where('segment_no', '=', segmentNo).execute();

    const opp = await del('D-P');
    await expectRefused(opp, 409, 'contact_in_use');
    expect(opp.body.detail).toBe('You cannot delete contact D-P because one or more opportunities are not started or in progress.');
    await db().updateTable('opportunities').set({ status: 'in_progress' }).where('no', '=', 'D-O').execute();
    await expectRefused(await del('D-P'), 409, 'contact_in_use');

    const persons = await del('D-CO');
    await expectRefused(persons, 409, 'contact_in_use');
    expect(persons.body.detail).toBe('You cannot delete contact D-CO because one or more persons belong to the company.');

    // nothing changed by the refusals
    expect(await entry(e)).toEqual({ contact_no: 'D-P', contact_company_no: 'D-CO' });
    expect((await env().api('GET', '/api/v1/contacts/D-P')).status).toBe(200);
  });

  it("moves a deleted person's entries, closed tasks and closed opportunities to its company (R33)", async () => {
    await company('DP-CO');
    await person('DP-P', 'DP-CO');
    await post({ no: 'DP-Q', type: 'person', name: 'Stays', companyNo: 'DP-CO', industryGroupCodes: ['X'] });
    const own = await addEntry('DP-P', 'DP-CO');
    const postponed = await addEntry('DP-P', 'DP-CO', { postponed: true, date: null });
    const colleague = await addEntry('DP-Q', 'DP-CO');
    await addTask('DP-T', 'DP-P', 'DP-CO', 'closed');
    await addOpportunity('DP-WON', 'DP-P', 'DP-CO', 'won');
    await addOpportunity('DP-LOST', 'DP-P', 'DP-CO', 'lost');

    expect((await del('dp-p')).status).toBe(204);
    expect((await env().api('GET', '/api/v1/contacts/DP-P')).body.code).toBe('contact_not_found');
    expect(await entry(own)).toEqual({ contact_no: 'DP-CO', contact_company_no: 'DP-CO' });
    expect(await entry(postponed)).toEqual({ contact_no: 'DP-CO', contact_company_no: 'DP-CO' });
    expect(await entry(colleague)).toEqual({ contact_no: 'DP-Q', contact_company_no: 'DP-CO' });
    expect(await task('DP-T')).toEqual({ contact_no: 'DP-CO', contact_company_no: 'DP-CO' });
    expect(await opportunity('DP-WON')).toEqual({ contact_no: 'DP-CO', contact_company_no: 'DP-CO' });
    expect(await opportunity('DP-LOST')).toEqual({ contact_no: 'DP-CO', contact_company_no: 'DP-CO' });

    await person('DP-ALONE', null);
    const alone = await addEntry('DP-ALONE', null);
    expect((await del('DP-ALONE')).status).toBe(204);
    expect(await entry(alone)).toEqual({ contact_no: null, contact_company_no: null });
  });

  it("keeps a deleted company's entries without contact and unlinks its closed tasks and opportunities (R33)", async () => {
    await company('DC-CO');
    await person('DC-P', 'DC-CO');
    const fromPerson = await addEntry('DC-P', 'DC-CO');
    const own = await addEntry('DC-CO', 'DC-CO', { canceled: true });
    await addTask('DC-T', 'DC-CO', 'DC-CO', 'closed');
    await addOpportunity('DC-O', 'DC-CO', 'DC-CO', 'lost');
    const unrelated = await addEntry('DC-ELSE', 'DC-ELSE');

    expect((await del('DC-P')).status).toBe(204);
    expect((await del('DC-CO')).status).toBe(204);
    expect(await entry(fromPerson)).toEqual({ contact_no: null, contact_company_no: null });
    expect(await entry(own)).toEqual({ contact_no: null, contact_company_no: null });
    expect(await task('DC-T')).toEqual({ contact_no: null, contact_company_no: null });
    expect(await opportunity('DC-O')).toEqual({ contact_no: null, contact_company_no: null });
    expect(await entry(unrelated)).toEqual({ contact_no: 'DC-ELSE', contact_company_no: 'DC-ELSE' });
    const kept = await db().selectFrom('interaction_log_entries').select('entry_no').where('entry_no', 'in', [fromPerson, own]).execute();
    expect(kept).toHaveLength(2);
  });
});
