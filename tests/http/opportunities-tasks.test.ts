import { expect, it } from 'vitest';
import { seedComment, seedContact, seedEntry } from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

describeEachDialect('opportunities and tasks', (env) => {
  const db = () => env().app.database.db;
  const privacyBlock = (no: string) => db().updateTable('contacts').set({ privacy_blocked: 1 }).where('no', '=', no).execute();
  const entryRow = (entryNo: number) =>
    db()
      .selectFrom('interaction_log_entries')
      .select(['opportunity_no', 'task_no', 'canceled'])
      .where('entry_no', '=', entryNo)
      .executeTakeFirstOrThrow();
  const createOpportunity = (entryNo: number, body: unknown = {}, token?: string) =>
    env().api('POST', `/api/v1/interaction-log-entries/${entryNo}/create-opportunity`, { body, ...(token && { token }) });
  const createTask = (entryNo: number, body: unknown = {}, token?: string) =>
    env().api('POST', `/api/v1/interaction-log-entries/${entryNo}/create-task`, { body, ...(token && { token }) });

  it('creates an opportunity from an entry, copies its comments and links the entry', async () => {
    await seedContact(db(), { no: 'OPCO', name: 'Nordic Tools AB' });
    await seedContact(db(), { no: 'OPPER', name: 'Anna Berg', type: 'person', companyNo: 'OPCO' });
    const entryNo = await seedEntry(db(), {
      contactNo: 'OPPER',
      contactCompanyNo: 'OPCO',
      description: 'Asked for a demo',
      salespersonCode: 'JO',
      campaignNo: 'CPOPP',
      segmentNo: 'SMOPP',
    });
    await seedComment(db(), entryNo, 10000, 'Wants it next week', '2026-11-27');
    await seedComment(db(), entryNo, 20000, 'Budget approved');
    const user = await env().tokenFor('user');

    const res = await createOpportunity(entryNo, {}, user);
    expect(res.status).toBe(201);
    const opportunity = {
      no: 'OP000001',
      description: 'Asked for a demo',
      contactNo: 'OPPER',
      contactCompanyNo: 'OPCO',
      salespersonCode: 'JO',
      campaignNo: 'CPOPP',
      segmentNo: 'SMOPP',
      creationDate: '2026-11-28',
      status: 'not_started',
    };
    expect(res.body.opportunity).toEqual(opportunity);
    expect(res.body.entry).toMatchObject({
      entryNo,
      opportunityNo: 'OP000001',
      contactName: 'Anna Berg',
      contactCompanyName: 'Nordic Tools AB',
      costLcy: 0,
    });
    expect(res.headers['location']).toBe('/api/v1/opportunities/OP000001');
    expect((await entryRow(entryNo)).opportunity_no).toBe('OP000001');
    const comments = await db()
      .selectFrom('opportunity_comments')
      .select(['line_no', 'date', 'comment'])
      .where('opportunity_no', '=', 'OP000001')
      .orderBy('line_no')
      .execute();
    expect(comments).toEqual([
      { line_no: 10000, date: '2026-11-27', comment: 'Wants it next week' },
      { line_no: 20000, date: '2026-11-28', comment: 'Budget approved' },
    ]);
    expect((await env().api('GET', '/api/v1/opportunities/op000001')).body).toEqual(opportunity);

    const again = await createOpportunity(entryNo);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('opportunity_already_linked');
    expect(again.body.detail).toBe(`Interaction log entry ${entryNo} is already linked to opportunity OP000001.`);
  });

  it('takes a given description and the next number of the series', async () => {
    await seedContact(db(), { no: 'OPDESC', name: 'Desc Ltd' });
    const entryNo = await seedEntry(db(), { contactNo: 'OPDESC', contactCompanyNo: 'OPDESC' });
    const res = await createOpportunity(entryNo, { description: 'Fleet renewal' });
    expect(res.status).toBe(201);
    expect(res.body.opportunity).toMatchObject({ no: 'OP000002', description: 'Fleet renewal', contactNo: 'OPDESC' });
    const blank = await createOpportunity(await seedEntry(db(), { contactNo: 'OPDESC', contactCompanyNo: 'OPDESC' }), {
      description: null,
    });
    expect(blank.body.opportunity).toMatchObject({ no: 'OP000003', description: null });
  });

  it('refuses an opportunity for a canceled entry, an entry without contact and a privacy-blocked contact', async () => {
    await seedContact(db(), { no: 'PRIVCO', name: 'Private Co' });
    await seedContact(db(), { no: 'PRIVPER', name: 'Per Son', type: 'person', companyNo: 'PRIVCO' });
    await seedContact(db(), { no: 'PRIVSELF', name: 'Self Blocked' });
    await privacyBlock('PRIVCO');
    await privacyBlock('PRIVSELF');
    const canceled = await seedEntry(db(), { contactNo: 'PRIVSELF', canceled: true });
    const orphan = await seedEntry(db(), { contactNo: null, contactCompanyNo: null });
    const ofPerson = await seedEntry(db(), { contactNo: 'PRIVPER', contactCompanyNo: 'PRIVCO' });
    const ofSelf = await seedEntry(db(), { contactNo: 'PRIVSELF', contactCompanyNo: 'PRIVSELF' });
    const before = await env().api('GET', '/api/v1/opportunities');

    for (const create of [createOpportunity, createTask]) {
      const c = await create(canceled);
      expect([c.status, c.body.code, c.body.detail]).toEqual([422, 'entry_canceled', `Interaction log entry ${canceled} is canceled.`]);
      const o = await create(orphan);
      expect([o.status, o.body.code, o.body.detail]).toEqual([
        422,
        'entry_has_no_contact',
        `Interaction log entry ${orphan} has no contact any more.`,
      ]);
      const p = await create(ofPerson);
      expect([p.status, p.body.code]).toEqual([422, 'contact_privacy_blocked']);
      expect(p.body.detail).toBe('You cannot use contact PRIVPER Per Son because they are marked as blocked due to privacy.');
      const s = await create(ofSelf);
      expect([s.status, s.body.code]).toEqual([422, 'contact_privacy_blocked']);
    }
    expect((await env().api('GET', '/api/v1/opportunities')).body).toEqual(before.body);
    expect((await entryRow(ofPerson)).opportunity_no).toBeNull();
    expect((await env().api('GET', '/api/v1/tasks?contactNo=PRIVPER')).body.items).toEqual([]);
  });

  it('checks an existing link before the business rules', async () => {
    const linkedCanceled = await seedEntry(db(), { contactNo: null, canceled: true, opportunityNo: 'OPOLD' });
    const res = await createOpportunity(linkedCanceled);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('opportunity_already_linked');
  });

  it('treats postponed and missing entries as not existing', async () => {
    await seedContact(db(), { no: 'POSTCT', name: 'Postponed Co' });
    const postponed = await seedEntry(db(), { contactNo: 'POSTCT', postponed: true, date: null });
    for (const create of [createOpportunity, createTask]) {
      for (const entryNo of [postponed, 987654]) {
        const res = await create(entryNo);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('entry_not_found');
        expect(res.body.detail).toBe(`Entry ${entryNo} does not exist.`);
      }
    }
    expect((await entryRow(postponed)).opportunity_no).toBeNull();
  });

  it('creates a task from an entry with its defaults and leaves the entry as it was', async () => {
    await seedContact(db(), { no: 'TASKCO', name: 'Task Co' });
    const entryNo = await seedEntry(db(), {
      contactNo: 'TASKCO',
      contactCompanyNo: 'TASKCO',
      description: 'Call back',
      salespersonCode: 'JO',
      campaignNo: 'CPTASK',
      opportunityNo: 'OPTASK',
    });
    const res = await createTask(entryNo);
    expect(res.status).toBe(201);
    const task = {
      no: 'TD000001',
      description: 'Call back',
      date: '2026-11-28',
      contactNo: 'TASKCO',
      contactCompanyNo: 'TASKCO',
      salespersonCode: 'JO',
      campaignNo: 'CPTASK',
      opportunityNo: 'OPTASK',
      status: 'open',
    };
    expect(res.body).toEqual({ task });
    expect(res.headers['location']).toBe('/api/v1/tasks/TD000001');
    expect(await entryRow(entryNo)).toEqual({ opportunity_no: 'OPTASK', task_no: null, canceled: 0 });
    expect((await env().api('GET', '/api/v1/tasks/td000001')).body).toEqual(task);

    const given = await createTask(entryNo, { description: 'Send the offer', date: '2026-12-03' });
    expect(given.body.task).toMatchObject({ no: 'TD000002', description: 'Send the offer', date: '2026-12-03' });
  });

  it('refuses a task without a date or a description', async () => {
    await seedContact(db(), { no: 'TASKREQ', name: 'Req Co' });
    const entryNo = await seedEntry(db(), { contactNo: 'TASKREQ', contactCompanyNo: 'TASKREQ' });
    const noDate = await createTask(entryNo, { date: null });
    expect([noDate.status, noDate.body.code]).toEqual([422, 'date_required']);
    const noDescription = await createTask(entryNo, { description: '  ' });
    expect([noDescription.status, noDescription.body.code]).toEqual([422, 'description_required']);
    const badDate = await createTask(entryNo, { date: '2026-13-01', colour: 'red' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'date']);
    expect((await env().api('GET', '/api/v1/tasks?contactNo=TASKREQ')).body.items).toEqual([]);
  });

  it('lists opportunities and tasks with filters and keyset paging', async () => {
    await seedContact(db(), { no: 'LISTCO', name: 'List Co' });
    await seedContact(db(), { no: 'LISTPER', name: 'List Person', type: 'person', companyNo: 'LISTCO' });
    const ofCompany = await seedEntry(db(), { contactNo: 'LISTCO', contactCompanyNo: 'LISTCO', salespersonCode: 'AL' });
    const ofPerson = await seedEntry(db(), { contactNo: 'LISTPER', contactCompanyNo: 'LISTCO', salespersonCode: 'BO' });
    const o1 = (await createOpportunity(ofCompany)).body.opportunity.no;
    const o2 = (await createOpportunity(ofPerson)).body.opportunity.no;
    const t1 = (await createTask(ofCompany)).body.task.no;
    const t2 = (await createTask(ofPerson)).body.task.no;
    await env().api('PATCH', `/api/v1/opportunities/${o2}`, { body: { status: 'won' } });
    await env().api('PATCH', `/api/v1/tasks/${t2}`, { body: { status: 'closed' } });

    const nos = async (url: string) => (await env().api('GET', url)).body.items.map((r: { no: string }) => r.no);
    expect(await nos('/api/v1/opportunities?contactCompanyNo=listco')).toEqual([o1, o2]);
    expect(await nos('/api/v1/opportunities?contactNo=LISTPER')).toEqual([o2]);
    expect(await nos('/api/v1/opportunities?contactCompanyNo=LISTCO&status=not_started')).toEqual([o1]);
    expect(await nos('/api/v1/opportunities?salespersonCode=BO')).toEqual([o2]);
    expect(await nos('/api/v1/tasks?contactCompanyNo=LISTCO')).toEqual([t1, t2]);
    expect(await nos('/api/v1/tasks?contactCompanyNo=LISTCO&status=closed')).toEqual([t2]);
    expect(await nos('/api/v1/tasks?salespersonCode=AL&contactNo=LISTCO')).toEqual([t1]);

    const first = await env().api('GET', '/api/v1/tasks?contactCompanyNo=LISTCO&limit=1');
    expect(first.body.items.map((t: { no: string }) => t.no)).toEqual([t1]);
    const second = await env().api('GET', `/api/v1/tasks?contactCompanyNo=LISTCO&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ no: t2 })], nextCursor: null });
    expect((await env().api('GET', `/api/v1/tasks?limit=1&cursor=${first.body.nextCursor}`)).status).toBe(400);
    const badStatus = await env().api('GET', '/api/v1/opportunities?status=open');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors[0].path).toBe('query.status');
  });

  it('closes tasks and opportunities by PATCH', async () => {
    await seedContact(db(), { no: 'CLOSECO', name: 'Close Co' });
    const entryNo = await seedEntry(db(), { contactNo: 'CLOSECO', contactCompanyNo: 'CLOSECO', description: 'Meeting' });
    const opp = (await createOpportunity(entryNo)).body.opportunity.no;
    const task = (await createTask(entryNo)).body.task.no;
    const user = await env().tokenFor('user');

    const closedTask = await env().api('PATCH', `/api/v1/tasks/${task}`, {
      token: user,
      body: { status: 'closed', description: 'Met on site', date: '2026-11-29' },
    });
    expect(closedTask.status).toBe(200);
    expect(closedTask.body).toMatchObject({
      no: task,
      status: 'closed',
      description: 'Met on site',
      date: '2026-11-29',
      contactNo: 'CLOSECO',
    });
    const won = await env().api('PATCH', `/api/v1/opportunities/${opp}`, { token: user, body: { status: 'won', description: null } });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ no: opp, status: 'won', description: null });
    expect((await env().api('GET', `/api/v1/opportunities/${opp}`)).body.status).toBe('won');
    const reopened = await env().api('PATCH', `/api/v1/tasks/${task}`, { body: { status: 'open' } });
    expect(reopened.body).toMatchObject({ status: 'open', description: 'Met on site' });

    const noStatus = await env().api('PATCH', `/api/v1/tasks/${task}`, { body: { description: 'x' } });
    expect(noStatus.status).toBe(400);
    expect(noStatus.body.errors[0].path).toBe('status');
    const badStatus = await env().api('PATCH', `/api/v1/opportunities/${opp}`, { body: { status: 'closed' } });
    expect(badStatus.status).toBe(400);
    const blankDescription = await env().api('PATCH', `/api/v1/tasks/${task}`, { body: { status: 'open', description: null } });
    expect(blankDescription.status).toBe(400);
    const keyField = await env().api('PATCH', `/api/v1/tasks/${task}`, { body: { status: 'open', no: 'TD999999' } });
    expect(keyField.status).toBe(400);
  });

  it('answers opportunity_not_found and task_not_found', async () => {
    for (const method of ['GET', 'PATCH'] as const) {
      const o = await env().api(method, '/api/v1/opportunities/OP999999', { ...(method === 'PATCH' && { body: { status: 'won' } }) });
      expect([o.status, o.body.code, o.body.detail]).toEqual([404, 'opportunity_not_found', 'Opportunity OP999999 does not exist.']);
      const t = await env().api(method, '/api/v1/tasks/TD999999', { ...(method === 'PATCH' && { body: { status: 'closed' } }) });
      expect([t.status, t.body.code, t.body.detail]).toEqual([404, 'task_not_found', 'Task TD999999 does not exist.']);
    }
  });

  it('lets viewers read but not create or close', async () => {
    await seedContact(db(), { no: 'ROLECO', name: 'Role Co' });
    const entryNo = await seedEntry(db(), { contactNo: 'ROLECO', contactCompanyNo: 'ROLECO' });
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('GET', '/api/v1/opportunities', { token: viewer })).status).toBe(200);
    expect((await env().api('GET', '/api/v1/tasks', { token: viewer })).status).toBe(200);
    expect((await createOpportunity(entryNo, {}, viewer)).status).toBe(403);
    expect((await createTask(entryNo, {}, viewer)).status).toBe(403);
    expect((await env().api('PATCH', '/api/v1/tasks/TD000001', { token: viewer, body: { status: 'closed' } })).status).toBe(403);
    expect((await env().api('PATCH', '/api/v1/opportunities/OP000001', { token: viewer, body: { status: 'won' } })).status).toBe(403);
  });
});
