import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/app/config';
import { createApp } from '../../src/app/create-app';
import { createLogger } from '../../src/app/logger';
import { openDatabase, type DatabaseHandle } from '../../src/storage/open-database';
import { seeder } from '../support/seed';
import { ADMIN_PASSWORD, freshDatabase } from '../support/test-app';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('rapport log, call and record-document', () => {
  let database: { url: string; drop(): Promise<void> };
  let handle: DatabaseHandle;
  const ids = {
    contact: 'CLI-C1',
    noEmail: 'CLI-C2',
    template: 'CLI-T',
    sp: 'CLI-SP',
    userSp: 'CLI-USP',
    task: 'CLI-TD1',
    campaign: 'CLI-CP',
  };

  const rapport = (...args: string[]) =>
    new Promise<Run>((resolve) => {
      execFile(
        process.execPath,
        ['bin/rapport.js', ...args],
        { cwd: root, env: { ...process.env, RAPPORT_DATABASE_URL: database.url, RAPPORT_LOG_LEVEL: 'silent', RAPPORT_TZ: 'UTC' } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const entryNoOf = (r: Run) => {
    const m = /^Entry (\d+) (logged|postponed)\.\n$/.exec(r.stdout);
    expect(m, `${r.stdout}${r.stderr}`).not.toBeNull();
    return Number(m![1]);
  };
  const entry = (entryNo: number) =>
    handle.db.selectFrom('interaction_log_entries').selectAll().where('entry_no', '=', entryNo).executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    const config: Config = {
      databaseUrl: database.url,
      port: 0,
      host: '127.0.0.1',
      timeZone: 'UTC',
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'silent',
      smtpUrl: null,
    };
    const app = await createApp(config, createLogger(config));
    const s = seeder(app.database.db);
    await s.salesperson({ code: ids.sp });
    await s.salesperson({ code: ids.userSp });
    await s.campaign(ids.campaign);
    await s.template({ code: ids.template, description: 'Visit', unitCostCents: 500, campaignNo: ids.campaign, campaignTarget: true });
    await s.contact({ no: ids.contact, email: 'c@example.com', phoneNo: '+46 8 1', salespersonCode: ids.sp, customerNo: 'CUST-1' });
    await s.contact({ no: ids.noEmail });
    await s.task(ids.contact, ids.task);
    const call = await s.template({ description: 'Call' });
    await s.slot('outgoingCalls', call);
    const invoice = await s.template({ description: 'Invoice sent' });
    await s.slot('salesInvoices', invoice);
    await app.services.account.createUser({ username: 'cli-user', password: 'password-123', role: 'user', salespersonCode: ids.userSp });
    await app.close();
    handle = openDatabase(database.url);
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('logs with every option, `none` for blanks and --no-<flag> for false; prints the entry number', async () => {
    const r = await rapport(
      'log',
      '--contact',
      ids.contact.toLowerCase(),
      '--template',
      ids.template,
      '--salesperson',
      ids.sp,
      '--description',
      'Demo visit',
      '--subject',
      'Re: demo',
      '--date',
      '2026-11-20',
      '--time',
      '09:30:00',
      '--cost',
      '1.50',
      '--duration',
      '30',
      '--evaluation',
      'positive',
      '--failed',
      '--via',
      '+46 8 1',
      '--comment',
      'one',
      '--comment',
      'two',
      '--campaign',
      'none',
      '--no-campaign-target',
      '--campaign-response',
      '--information-flow',
      'inbound',
      '--initiated-by',
      'them',
      '--correspondence-type',
      'hard_copy',
      '--language',
      'none',
      '--opportunity',
      'none',
      '--task',
      ids.task,
      '--no-postponed',
      '--no-deliver',
    );
    expect(r.code).toBe(0);
    const e = await entry(entryNoOf(r));
    expect(e).toMatchObject({
      contact_no: ids.contact,
      description: 'Demo visit',
      subject: 'Re: demo',
      date: '2026-11-20',
      time_of_interaction: '09:30:00',
      evaluation: 'positive',
      contact_via: '+46 8 1',
      campaign_no: null,
      information_flow: 'inbound',
      initiated_by: 'them',
      correspondence_type: 'hard_copy',
      interaction_language_code: null,
      task_no: ids.task,
      user_id: 'admin',
      origin: 'interaction',
    });
    expect([
      Number(e.cost_cents),
      Number(e.duration_min),
      Number(e.attempt_failed),
      Number(e.campaign_target),
      Number(e.campaign_response),
      Number(e.postponed),
    ]).toEqual([150, 30, 1, 0, 1, 0]);
    const comments = await handle.db
      .selectFrom('entry_comments')
      .select('comment')
      .where('entry_no', '=', Number(e.entry_no))
      .orderBy('line_no')
      .execute();
    expect(comments.map((c) => c.comment)).toEqual(['one', 'two']);
  }, 120_000);

  it('prints the API body with --json and records the user named by --as', async () => {
    const json = await rapport('--json', '--as', 'cli-user', 'log', '--contact', ids.contact, '--template', ids.template);
    const postponed = await rapport('log', '--contact', ids.noEmail, '--template', ids.template, '--postponed', '--salesperson', 'none');
    expect(json.code).toBe(0);
    const body = JSON.parse(json.stdout);
    expect(Object.keys(body)).toHaveLength(42);
    expect(body).toMatchObject({
      contactNo: ids.contact,
      userId: 'cli-user',
      salespersonCode: ids.userSp,
      costLcy: 5,
      description: 'Visit',
      campaignNo: ids.campaign,
      campaignTarget: true,
      postponed: false,
    });
    expect(body.campaignEntryNo).toEqual(expect.any(Number));
    expect(postponed.code).toBe(0);
    expect(postponed.stdout).toMatch(/^Entry \d+ postponed\.\n$/);
  }, 120_000);

  it('maps refusals to exit codes: 4 not found, 3 business rule, 2 invalid input', async () => {
    const missing = await rapport('log', '--contact', 'NOBODY', '--template', ids.template);
    const rule = await rapport('log', '--contact', ids.contact, '--template', ids.template, '--salesperson', 'none');
    const invalid = await rapport('log', '--contact', ids.contact, '--template', ids.template, '--cost', '1.234');
    const asNobody = await rapport('--as', 'nobody', 'log', '--contact', ids.contact, '--template', ids.template);
    const asJson = await rapport('--json', 'call', '--contact', ids.noEmail);
    expect([missing.code, rule.code, invalid.code, asNobody.code, asJson.code]).toEqual([4, 3, 2, 4, 3]);
    expect(missing.stderr).toContain('error contact_not_found: Contact NOBODY does not exist.');
    expect(rule.stderr).toContain('error salesperson_required:');
    expect(invalid.stderr).toContain('costLcy: must have at most 2 decimals');
    expect(JSON.parse(asJson.stdout)).toMatchObject({ code: 'phone_number_required', status: 422 });
  }, 120_000);

  it('replays a command with the same --idempotency-key and refuses the key for another one', async () => {
    const first = await rapport(
      'log',
      '--contact',
      ids.contact,
      '--template',
      ids.template,
      '--salesperson',
      ids.sp,
      '--idempotency-key',
      'cli-once',
    );
    const again = await rapport(
      'log',
      '--contact',
      ids.contact,
      '--template',
      ids.template,
      '--salesperson',
      ids.sp,
      '--idempotency-key',
      'cli-once',
    );
    expect(entryNoOf(again)).toBe(entryNoOf(first));
    const rows = await handle.db
      .selectFrom('interaction_log_entries')
      .select('entry_no')
      .where('entry_no', '>=', entryNoOf(first))
      .execute();
    expect(rows).toHaveLength(1);
    const other = await rapport('log', '--contact', ids.contact, '--template', ids.template, '--idempotency-key', 'cli-once');
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('error idempotency_key_reused:');
  }, 120_000);

  it('logs a phone call for a task and records documents; "not logged" exits 0', async () => {
    await seeder(handle.db).slot('salesQuotes', null);
    const call = await rapport('call', '--contact', ids.contact, '--task', ids.task, '--failed', '--comment', 'busy', '--cost', '0.25');
    // `--version 1` would be taken by the program's own --version flag, which is recognised anywhere
    const doc = await rapport(
      'record-document',
      '--type',
      'sales_invoice',
      '--no',
      'si-1',
      '--customer',
      'cust-1',
      '--version=1',
      '--occurrence',
      '2',
    );
    const notLogged = await rapport('record-document', '--type', 'sales_quote', '--no', 'Q1', '--contact', ids.contact);
    const notLoggedJson = await rapport('--json', 'record-document', '--type', 'sales_invoice', '--no', 'SI2', '--vendor', 'NO-VENDOR');
    expect(call.code).toBe(0);
    const c = await entry(entryNoOf(call));
    expect(c).toMatchObject({
      origin: 'phone_call',
      task_no: ids.task,
      contact_via: '+46 8 1',
      description: 'Call',
      salesperson_code: ids.sp,
    });
    expect([Number(c.attempt_failed), Number(c.cost_cents), Number(c.has_comments)]).toEqual([1, 25, 1]);
    expect(doc.code).toBe(0);
    const d = await entry(entryNoOf(doc));
    expect(d).toMatchObject({
      origin: 'document',
      document_type: 'sales_invoice',
      document_no: 'SI-1',
      contact_no: ids.contact,
      description: 'Invoice sent',
    });
    expect([Number(d.version_no), Number(d.doc_no_occurrence)]).toEqual([1, 2]);
    expect(notLogged).toMatchObject({ code: 0, stdout: 'not logged: no_template_for_document_type\n' });
    expect(notLoggedJson.code).toBe(0);
    expect(JSON.parse(notLoggedJson.stdout)).toEqual({ logged: false, reason: 'no_contact_found' });
  }, 120_000);
});
