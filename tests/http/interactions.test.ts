import SQLite from 'better-sqlite3';
import pg from 'pg';
import { expect, it } from 'vitest';
import { toLogEntryJson } from '../../src/edge/json/log-entry';
import { selectEntries, toLogEntry } from '../../src/storage/kysely/log-entry-row';
import { seeder, unique } from '../support/seed';
import { describeEachDialect, testClock, type TestEnv } from '../support/test-app';

const URL = '/api/v1/interactions';

/**
 * The statements of the transaction that inserts an interaction log entry while `work` runs
 * (begin and commit left out), on either dialect: every statement of both drivers passes through
 * better-sqlite3's `prepare` or pg's `Client.query`.
 */
async function statementsLoggingAnEntry(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  // statements are counted when they run (prepared statements are reused from a cache)
  const probe = new SQLite(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as {
    run: (...a: unknown[]) => unknown;
    all: (...a: unknown[]) => unknown;
  };
  probe.close();
  const { run, all } = statement;
  const query = pg.Client.prototype.query;
  statement.run = function (this: { source: string }, ...args: unknown[]) {
    seen.push(this.source);
    return run.apply(this, args);
  };
  statement.all = function (this: { source: string }, ...args: unknown[]) {
    seen.push(this.source);
    return all.apply(this, args);
  };
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    // a statement of the request path goes by name ({ name, text, values }), any other as text
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
    if (typeof text === 'string') seen.push(text);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    statement.run = run;
    statement.all = all;
    pg.Client.prototype.query = query;
  }
  const transactions: string[][] = [];
  for (const statement of seen) {
    if (/^begin\b/i.test(statement)) transactions.push([]);
    else if (!/^commit\b/i.test(statement)) transactions.at(-1)?.push(statement);
  }
  return transactions.find((t) => t.some((statement) => statement.startsWith('insert into "interaction_log_entries"'))) ?? [];
}

function helpers(env: () => TestEnv) {
  const db = () => env().app.database.db;
  const seed = () => seeder(db());
  const count = async () =>
    Number(
      (
        await db()
          .selectFrom('interaction_log_entries')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A user linked to a salesperson, as most loggers are. */
  const userToken = async (salespersonCode?: string) => env().tokenFor('user', salespersonCode === undefined ? {} : { salespersonCode });
  return { db, seed, count, userToken };
}

describeEachDialect('POST /interactions', (env) => {
  const { db, seed, count, userToken } = helpers(env);

  it('logs with every default taken from the template, the contact, the user and today', async () => {
    const { salespersonCode, templateCode, contactNo } = await seed().basics();
    const username = unique('anna');
    const token = await env().tokenFor('user', { username, salespersonCode });
    const res = await env().api('POST', URL, {
      token,
      body: { contactNo: contactNo.toLowerCase(), interactionTemplateCode: ` ${templateCode.toLowerCase()} ` },
    });
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe(`/api/v1/interaction-log-entries/${res.body.entryNo}`);
    const group = (
      await db()
        .selectFrom('interaction_templates')
        .select('interaction_group_code')
        .where('code', '=', templateCode)
        .executeTakeFirstOrThrow()
    ).interaction_group_code;
    expect(res.body).toMatchObject({
      contactNo,
      contactCompanyNo: contactNo,
      contactName: `Contact ${contactNo}`,
      contactCompanyName: `Contact ${contactNo}`,
      date: '2026-11-28',
      timeOfInteraction: '10:16:00',
      description: `Template ${templateCode}`,
      subject: `Template ${templateCode}`,
      informationFlow: 'outbound',
      initiatedBy: 'us',
      interactionGroupCode: group,
      interactionTemplateCode: templateCode,
      interactionLanguageCode: null,
      costLcy: 12.5,
      durationMin: 15,
      userId: username,
      salespersonCode,
      campaignNo: null,
      campaignEntryNo: null,
      evaluation: null,
      attemptFailed: false,
      canceled: false,
      postponed: false,
      correspondenceType: 'email',
      deliveryStatus: null,
      documentType: null,
      versionNo: 0,
      docNoOccurrence: 0,
      attachmentId: null,
      hasComments: false,
      emailLogged: false,
      createdAt: '2026-11-28T10:15:01.000Z',
      origin: 'interaction',
    });
    expect(Object.keys(res.body)).toHaveLength(42);
  });

  it('keeps the values a request gives over the inherited ones, except the group', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const res = await env().api('POST', URL, {
      body: {
        contactNo,
        interactionTemplateCode: templateCode,
        description: 'Follow-up on quote',
        date: '2026-11-20',
        timeOfInteraction: '09:30:00',
        salespersonCode,
        informationFlow: 'inbound',
        initiatedBy: 'them',
        costLcy: 3.05,
        durationMin: 0,
        evaluation: 'positive',
        attemptFailed: true,
        contactVia: '+46 8 123 45',
        campaignTarget: true,
        campaignResponse: true,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      description: 'Follow-up on quote',
      subject: 'Follow-up on quote',
      date: '2026-11-20',
      timeOfInteraction: '09:30:00',
      informationFlow: 'inbound',
      initiatedBy: 'them',
      costLcy: 3.05,
      durationMin: 0,
      evaluation: 'positive',
      attemptFailed: true,
      contactVia: '+46 8 123 45',
      campaignTarget: true,
      campaignResponse: true,
    });
    const stored = await db()
      .selectFrom('interaction_log_entries')
      .select(['cost_cents', 'subject'])
      .where('entry_no', '=', res.body.entryNo)
      .executeTakeFirstOrThrow();
    expect(Number(stored.cost_cents)).toBe(305);
    const withSubject = await env().api('POST', URL, {
      body: { contactNo, interactionTemplateCode: templateCode, salespersonCode, subject: 'Your quote' },
    });
    expect(withSubject.body.subject).toBe('Your quote');
    expect(withSubject.body.description).toBe(`Template ${templateCode}`);
  });

  it('takes the salesperson of the user, else of the contact, skipping blocked ones; an explicit one must exist and not be blocked', async () => {
    const s = seed();
    const mine = await s.salesperson();
    const blocked = await s.salesperson({ blocked: true });
    const { templateCode, contactNo, salespersonCode: contacts } = await s.basics();
    const body = { contactNo, interactionTemplateCode: templateCode };

    expect((await env().api('POST', URL, { token: await userToken(mine), body })).body.salespersonCode).toBe(mine);
    expect((await env().api('POST', URL, { token: await userToken(), body })).body.salespersonCode).toBe(contacts);
    // api.md §13.6: a blocked default is skipped
    expect((await env().api('POST', URL, { token: await userToken(blocked), body })).body.salespersonCode).toBe(contacts);

    const blockedContact = await s.contact({ email: 'x@example.com', salespersonCode: blocked });
    const none = await env().api('POST', URL, { token: await userToken(blocked), body: { ...body, contactNo: blockedContact } });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('salesperson_required');

    const blank = await env().api('POST', URL, { token: await userToken(mine), body: { ...body, salespersonCode: null } });
    expect(blank.status).toBe(422);
    expect(blank.body.code).toBe('salesperson_required');

    const given = await env().api('POST', URL, { body: { ...body, salespersonCode: blocked.toLowerCase() } });
    expect(given.status).toBe(422);
    expect(given.body.code).toBe('salesperson_blocked');
    expect(given.body.detail).toBe(`Salesperson ${blocked} is blocked.`);

    const unknown = await env().api('POST', URL, { body: { ...body, salespersonCode: 'NOBODY' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('salesperson_not_found');
  });

  it('resolves the correspondence type by precedence and the e-mail rule', async () => {
    const s = seed();
    const sp = await s.salesperson();
    const log = (contactNo: string, templateCode: string, extra: object = {}) =>
      env().api('POST', URL, { body: { contactNo, interactionTemplateCode: templateCode, salespersonCode: sp, ...extra } });
    const emailTemplate = await s.template();
    const hardCopyPreferred = await s.contact({ email: 'a@example.com', correspondenceType: 'hard_copy' });
    // R4: the contact's preference wins over the template's default…
    expect((await log(hardCopyPreferred, emailTemplate)).body.correspondenceType).toBe('hard_copy');
    // …unless the template ignores it, and a given value wins over both
    const ignoring = await s.template({ ignoreContactCorrespondenceType: true });
    expect((await log(hardCopyPreferred, ignoring)).body.correspondenceType).toBe('email');
    expect((await log(hardCopyPreferred, ignoring, { correspondenceType: null })).body.correspondenceType).toBeNull();
    const noDefault = await s.template({ correspondenceTypeDefault: null });
    const noPreference = await s.contact({ email: 'b@example.com' });
    expect((await log(noPreference, noDefault)).body.correspondenceType).toBeNull();
    // R5: e-mail for a contact without an e-mail address silently becomes blank
    const noEmail = await s.contact();
    const silent = await log(noEmail, emailTemplate);
    expect(silent.status).toBe(201);
    expect(silent.body.correspondenceType).toBeNull();
  });

  it('refuses delivery: without an e-mail address, and with any non-blank type as no transport exists', async () => {
    const s = seed();
    const { templateCode, contactNo, salespersonCode } = await s.basics();
    const before = await count();
    const noEmail = await s.contact({ salespersonCode });
    const missing = await env().api('POST', URL, { body: { contactNo: noEmail, interactionTemplateCode: templateCode, deliver: true } });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('email_required_for_delivery');
    expect(missing.body.detail).toBe(`Make sure that the Email field is specified for contact no. ${noEmail}.`);
    const email = await env().api('POST', URL, { body: { contactNo, interactionTemplateCode: templateCode, deliver: true } });
    expect(email.status).toBe(422);
    expect(email.body.code).toBe('delivery_not_available');
    const hardCopy = await env().api('POST', URL, {
      body: { contactNo, interactionTemplateCode: templateCode, deliver: true, correspondenceType: 'hard_copy' },
    });
    expect(hardCopy.body.code).toBe('delivery_not_available');
    expect(await count()).toBe(before);
    const blank = await env().api('POST', URL, {
      body: { contactNo, interactionTemplateCode: templateCode, deliver: true, correspondenceType: null },
    });
    expect(blank.status).toBe(201);
    expect(blank.body.deliveryStatus).toBeNull();
  });

  it('chooses the language by R6 and gives the entry a read-only copy of that row’s attachment', async () => {
    const s = seed();
    const deu = await s.language();
    const enu = await s.language();
    const fra = await s.language();
    const templateCode = await s.template({
      languageCodeDefault: enu,
      languages: [
        { languageCode: deu, attachment: { fileName: 'brief.txt', content: 'Sehr geehrte' } },
        { languageCode: enu, attachment: { fileName: 'letter.txt', content: 'Dear' } },
        { languageCode: fra },
      ],
    });
    const sp = await s.salesperson();
    const german = await s.contact({ email: 'g@example.com', languageCode: deu });
    const log = (contactNo: string, extra: object = {}) =>
      env().api('POST', URL, { body: { contactNo, interactionTemplateCode: templateCode, salespersonCode: sp, ...extra } });

    const res = await log(german);
    expect(res.body.interactionLanguageCode).toBe(deu);
    const source = await db()
      .selectFrom('template_languages')
      .select('attachment_id')
      .where('template_code', '=', templateCode)
      .where('language_code', '=', deu)
      .executeTakeFirstOrThrow();
    expect(res.body.attachmentId).not.toBeNull();
    expect(res.body.attachmentId).not.toBe(Number(source.attachment_id));
    const copy = await db().selectFrom('attachments').selectAll().where('id', '=', res.body.attachmentId).executeTakeFirstOrThrow();
    expect(copy.file_name).toBe('brief.txt');
    expect(Number(copy.read_only)).toBe(1);
    expect(Buffer.from(copy.content).toString()).toBe('Sehr geehrte');
    const original = await db()
      .selectFrom('attachments')
      .select('read_only')
      .where('id', '=', Number(source.attachment_id))
      .executeTakeFirstOrThrow();
    expect(Number(original.read_only)).toBe(0);

    const italian = await s.contact({ email: 'i@example.com', languageCode: await s.language() });
    const fallback = await log(italian);
    expect(fallback.body.interactionLanguageCode).toBe(enu);
    const english = await db()
      .selectFrom('attachments')
      .select('file_name')
      .where('id', '=', fallback.body.attachmentId)
      .executeTakeFirstOrThrow();
    expect(english.file_name).toBe('letter.txt');

    const noAttachment = await log(german, { languageCode: fra.toLowerCase() });
    expect(noAttachment.body.interactionLanguageCode).toBe(fra);
    expect(noAttachment.body.attachmentId).toBeNull();
    const blank = await log(german, { languageCode: null });
    expect(blank.body.interactionLanguageCode).toBeNull();
    expect(blank.body.attachmentId).toBeNull();

    const unknown = await log(german, { languageCode: 'XX' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('language_not_found');
    const noRow = await log(german, { languageCode: await s.language() });
    expect(noRow.status).toBe(404);
    expect(noRow.body.code).toBe('template_language_not_found');
  });

  it('stores comments as lines 10000, 20000… dated with the entry', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const res = await env().api('POST', URL, {
      body: {
        contactNo,
        interactionTemplateCode: templateCode,
        salespersonCode,
        date: '2026-11-25',
        comments: ['Wants a demo', 'Call back Monday'],
      },
    });
    expect(res.body.hasComments).toBe(true);
    const lines = await db()
      .selectFrom('entry_comments')
      .select(['line_no', 'date', 'comment'])
      .where('entry_no', '=', res.body.entryNo)
      .orderBy('line_no')
      .execute();
    expect(lines.map((l) => [Number(l.line_no), l.date, l.comment])).toEqual([
      [10000, '2026-11-25', 'Wants a demo'],
      [20000, '2026-11-25', 'Call back Monday'],
    ]);
    const tooLong = await env().api('POST', URL, {
      body: { contactNo, interactionTemplateCode: templateCode, comments: ['ok', 'x'.repeat(81)] },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('comments.1');
  });

  it('finds or creates the campaign entry: shared by single interactions, never a canceled one', async () => {
    const s = seed();
    const campaignNo = await s.campaign();
    const { templateCode, contactNo, salespersonCode } = await s.basics({ template: { campaignNo, campaignTarget: true } });
    const username = unique('camp');
    const token = await env().tokenFor('user', { username });
    const log = (extra: object = {}) =>
      env().api('POST', URL, { token, body: { contactNo, interactionTemplateCode: templateCode, salespersonCode, ...extra } });

    const first = await log({ date: '2026-11-21' });
    expect(first.body.campaignNo).toBe(campaignNo);
    expect(first.body.campaignTarget).toBe(true);
    const ce = await db().selectFrom('campaign_entries').selectAll().where('campaign_no', '=', campaignNo).execute();
    expect(ce).toHaveLength(1);
    expect(ce[0]).toMatchObject({
      description: 'Interactions',
      date: '2026-11-21',
      user_id: username,
      salesperson_code: salespersonCode,
      segment_no: null,
      document_type: null,
    });
    expect(first.body.campaignEntryNo).toBe(Number(ce[0]!.entry_no));

    const second = await log();
    expect(second.body.campaignEntryNo).toBe(first.body.campaignEntryNo);

    // decision a: a canceled campaign entry is not reused
    await db().updateTable('campaign_entries').set({ canceled: 1 }).where('entry_no', '=', first.body.campaignEntryNo).execute();
    const third = await log();
    expect(third.body.campaignEntryNo).not.toBe(first.body.campaignEntryNo);
    expect(await db().selectFrom('campaign_entries').select('entry_no').where('campaign_no', '=', campaignNo).execute()).toHaveLength(2);

    // api.md §13.9: of several non-canceled ones, the lowest is reused
    await db().updateTable('campaign_entries').set({ canceled: 0 }).where('entry_no', '=', first.body.campaignEntryNo).execute();
    expect((await log()).body.campaignEntryNo).toBe(first.body.campaignEntryNo);

    const none = await log({ campaignNo: null });
    expect(none.body.campaignNo).toBeNull();
    expect(none.body.campaignEntryNo).toBeNull();
    const unknown = await log({ campaignNo: 'NOPE' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('campaign_not_found');
  });

  it('shares one new campaign entry between concurrent interactions of one campaign', async () => {
    const s = seed();
    const campaignNo = await s.campaign();
    const { templateCode, contactNo, salespersonCode } = await s.basics({ template: { campaignNo } });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        env().api('POST', URL, { body: { contactNo, interactionTemplateCode: templateCode, salespersonCode } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.campaignEntryNo)).size).toBe(1);
    expect(await db().selectFrom('campaign_entries').select('entry_no').where('campaign_no', '=', campaignNo).execute()).toHaveLength(1);
  });

  it('checks referenced records in the documented order', async () => {
    const s = seed();
    const { templateCode, contactNo } = await s.basics();
    const all = {
      contactNo: 'NOCONTACT',
      interactionTemplateCode: 'NOTEMPLATE',
      salespersonCode: 'NOSP',
      languageCode: 'NOLANG',
      campaignNo: 'NOCAMP',
      opportunityNo: 'NOOPP',
      taskNo: 'NOTASK',
    };
    const expectCode = async (body: object, code: string) => {
      const res = await env().api('POST', URL, { body });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe(code);
      return res;
    };
    const c = await expectCode(all, 'contact_not_found');
    expect(c.body.detail).toBe('Contact NOCONTACT does not exist.');
    await expectCode({ ...all, contactNo }, 'template_not_found');
    await expectCode({ ...all, contactNo, interactionTemplateCode: templateCode }, 'salesperson_not_found');
    const sp = await s.salesperson();
    const base = { ...all, contactNo, interactionTemplateCode: templateCode, salespersonCode: sp };
    await expectCode(base, 'language_not_found');
    await expectCode({ ...base, languageCode: null }, 'campaign_not_found');
    await expectCode({ ...base, languageCode: null, campaignNo: null }, 'opportunity_not_found');
    const opportunityNo = await s.opportunity(contactNo);
    await expectCode({ ...base, languageCode: null, campaignNo: null, opportunityNo }, 'task_not_found');
    const taskNo = await s.task(contactNo);
    const ok = await env().api('POST', URL, {
      body: { ...base, languageCode: null, campaignNo: null, opportunityNo: opportunityNo.toLowerCase(), taskNo },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ opportunityNo, taskNo });
  });

  it('refuses privacy-blocked contacts and persons of a privacy-blocked company, before any other rule', async () => {
    const s = seed();
    const { templateCode, salespersonCode } = await s.basics();
    const blocked = await s.contact({ name: 'Secretive Ltd', privacyBlocked: true });
    const res = await env().api('POST', URL, {
      body: { contactNo: blocked, interactionTemplateCode: templateCode, date: null, salespersonCode: null },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('contact_privacy_blocked');
    expect(res.body.detail).toBe(`You cannot use contact ${blocked} Secretive Ltd because they are marked as blocked due to privacy.`);
    const person = await s.contact({ type: 'person', companyNo: blocked, email: 'p@example.com' });
    const viaCompany = await env().api('POST', URL, {
      body: { contactNo: person, interactionTemplateCode: templateCode, salespersonCode },
    });
    expect(viaCompany.status).toBe(422);
    expect(viaCompany.body.code).toBe('contact_privacy_blocked');
    const postponed = await env().api('POST', URL, { body: { contactNo: person, interactionTemplateCode: templateCode, postponed: true } });
    expect(postponed.body.code).toBe('contact_privacy_blocked');
  });

  it('applies the business rules in order: date, salesperson, description', async () => {
    const s = seed();
    const { templateCode, contactNo } = await s.basics();
    const noDescription = await s.template({ description: null });
    const before = await count();
    const post = (body: object) => env().api('POST', URL, { body: { contactNo, ...body } });
    const date = await post({ interactionTemplateCode: noDescription, date: null, salespersonCode: null });
    expect(date.status).toBe(422);
    expect(date.body.code).toBe('date_required');
    expect((await post({ interactionTemplateCode: noDescription, salespersonCode: null })).body.code).toBe('salesperson_required');
    const sp = await s.salesperson();
    const description = await post({ interactionTemplateCode: noDescription, salespersonCode: sp });
    expect(description.status).toBe(422);
    expect(description.body.code).toBe('description_required');
    expect((await post({ interactionTemplateCode: templateCode, salespersonCode: sp, description: '   ' })).body.code).toBe(
      'description_required',
    );
    expect(await count()).toBe(before);
    const given = await post({ interactionTemplateCode: noDescription, salespersonCode: sp, description: 'Visit' });
    expect(given.status).toBe(201);
    expect(given.body.subject).toBe('Visit');
  });

  it('validates the body: decimals, negative amounts, unknown fields, enums; nothing is stored', async () => {
    const { templateCode, contactNo } = await seed().basics();
    const before = await count();
    const res = await env().api('POST', URL, { body: { contactNo, interactionTemplateCode: templateCode, costLcy: 1.234, colour: 'red' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'costLcy', message: 'must have at most 2 decimals' },
        { path: 'colour', message: 'unknown field' },
      ]),
    );
    const negative = await env().api('POST', URL, {
      body: { contactNo, interactionTemplateCode: templateCode, costLcy: -1, durationMin: -5 },
    });
    expect(negative.status).toBe(400);
    expect(negative.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['costLcy', 'durationMin']);
    const badEnum = await env().api('POST', URL, {
      body: { contactNo, interactionTemplateCode: templateCode, evaluation: 'great', correspondenceType: 'fax' },
    });
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['correspondenceType', 'evaluation']);
    const missing = await env().api('POST', URL, { body: { description: 'no contact' } });
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['contactNo', 'interactionTemplateCode']);
    const nullBoolean = await env().api('POST', URL, { body: { contactNo, interactionTemplateCode: templateCode, attemptFailed: null } });
    expect(nullBoolean.status).toBe(400);
    expect(nullBoolean.body.errors[0].path).toBe('attemptFailed');
    expect(await count()).toBe(before);
  });

  it('lets users log and refuses viewers', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const viewer = await env().tokenFor('viewer');
    const res = await env().api('POST', URL, {
      token: viewer,
      body: { contactNo, interactionTemplateCode: templateCode, salespersonCode },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('takes an uploaded attachment, which becomes read-only; a read-only or missing one is refused', async () => {
    const s = seed();
    const { templateCode, contactNo, salespersonCode } = await s.basics();
    const uploaded = await s.attachment({ fileName: 'scan.pdf' });
    const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode };
    const res = await env().api('POST', URL, { body: { ...body, attachmentId: uploaded } });
    expect(res.status).toBe(201);
    expect(res.body.attachmentId).toBe(uploaded);
    const a = await db().selectFrom('attachments').select('read_only').where('id', '=', uploaded).executeTakeFirstOrThrow();
    expect(Number(a.read_only)).toBe(1);
    const again = await env().api('POST', URL, { body: { ...body, attachmentId: uploaded } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('attachment_read_only');
    expect(again.body.detail).toBe(`Attachment ${uploaded} is read-only because an interaction uses it.`);
    const missing = await env().api('POST', URL, { body: { ...body, attachmentId: 999999 } });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    // a state conflict (409) is answered before the business rules (422), privacy included
    const blocked = await s.contact({ privacyBlocked: true });
    const conflict = await env().api('POST', URL, { body: { ...body, contactNo: blocked, attachmentId: uploaded } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('attachment_read_only');
  });

  it('logs a plain interaction with one read of the contact, the template and the salesperson each, and one insert', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const token = await userToken(salespersonCode);
    const body = { contactNo, interactionTemplateCode: templateCode };
    let res: Awaited<ReturnType<TestEnv['api']>> | undefined;
    const plain = await statementsLoggingAnEntry(async () => (res = await env().api('POST', URL, { token, body })));
    expect(res?.status).toBe(201);
    // the salesperson is the user's, whose record is read once; the entry is answered without reading it back
    expect(plain, plain.join('\n')).toHaveLength(4);
    expect(res?.body).toMatchObject({ salespersonCode, contactName: `Contact ${contactNo}`, hasComments: false });
    const stored = await selectEntries(db()).where('e.entry_no', '=', res?.body.entryNo).executeTakeFirstOrThrow();
    expect(res?.body).toEqual(toLogEntryJson(toLogEntry(stored)));

    const withComments = await statementsLoggingAnEntry(
      async () => (res = await env().api('POST', URL, { token, body: { ...body, comments: ['one', 'two'] } })),
    );
    expect(withComments, withComments.join('\n')).toHaveLength(5);
    expect(res?.body.hasComments).toBe(true);
  });

  it('rounds the default time up to the whole minute; an exact minute stays', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    env().clock.set('2026-11-28T14:31:00.000Z');
    const exact = await env().api('POST', URL, { body: { contactNo, interactionTemplateCode: templateCode, salespersonCode } });
    expect(exact.body.timeOfInteraction).toBe('14:31:00');
    env().clock.set('2026-11-28T23:59:30.000Z');
    const late = await env().api('POST', URL, { body: { contactNo, interactionTemplateCode: templateCode, salespersonCode } });
    expect(late.body).toMatchObject({ date: '2026-11-28', timeOfInteraction: '23:59:00' });
    env().clock.set('2026-11-28T10:15:01.000Z');
  });
});

describeEachDialect(
  'POST /interactions in the configured time zone',
  (env) => {
    it('takes today and now in RAPPORT_TZ', async () => {
      const { templateCode, contactNo, salespersonCode } = await seeder(env().app.database.db).basics();
      const res = await env().api('POST', URL, {
        body: { contactNo, interactionTemplateCode: templateCode, salespersonCode, comments: ['late'] },
      });
      expect(res.body).toMatchObject({ date: '2026-11-29', timeOfInteraction: '00:31:00', createdAt: '2026-11-28T23:30:30.000Z' });
    });
  },
  { clock: () => testClock('2026-11-28T23:30:30.000Z', 'Europe/Berlin') },
);
