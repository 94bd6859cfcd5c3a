import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Booleans are stored as 0/1 integers and dates, times and instants as ISO text on both
// dialects, so that rows read the same from SQLite and PostgreSQL. Money is integer cents.

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const pg = dialect === 'postgres';
  // Codes compare and sort in binary order on both databases (api.md §1.2), whatever the
  // server's default collation.
  const text = pg ? sql`text collate "C"` : 'text';
  const serial = pg ? 'bigserial' : 'integer';
  const big = 'bigint';
  const blob = pg ? 'bytea' : 'blob';
  const flag = (c: any) => c.notNull().defaultTo(0);
  const auto = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('users')
    .addColumn('username', text, (c) => c.primaryKey())
    .addColumn('full_name', text)
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('salesperson_code', text)
    .addColumn('disabled', 'integer', flag)
    .addColumn('password_hash', text, (c) => c.notNull())
    .addColumn('ui_language', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', text, (c) => c.primaryKey())
    .addColumn('username', text, (c) => c.notNull().references('users.username').onDelete('cascade'))
    .addColumn('csrf_token', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_used_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_username').on('sessions').column('username').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', serial, auto)
    .addColumn('username', text, (c) => c.notNull().references('users.username').onDelete('cascade'))
    .addColumn('name', text)
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text)
    .addColumn('last_used_at', text)
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('username', text, (c) => c.notNull())
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('fingerprint', text, (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('headers', text)
    .addColumn('body', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['username', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('done', big, (c) => c.notNull().defaultTo(0))
    .addColumn('total', big)
    .addColumn('result', text)
    .addColumn('error', text)
    .addColumn('created_by', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('finished_at', text)
    .execute();

  await db.schema
    .createTable('languages')
    .addColumn('code', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('salespeople')
    .addColumn('code', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('email', text)
    .addColumn('phone_no', text)
    .addColumn('blocked', 'integer', flag)
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('no', text, (c) => c.primaryKey())
    .addColumn('type', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('search', text, (c) => c.notNull())
    .addColumn('company_no', text)
    .addColumn('email', text)
    .addColumn('phone_no', text)
    .addColumn('mobile_phone_no', text)
    .addColumn('salesperson_code', text)
    .addColumn('language_code', text)
    .addColumn('correspondence_type', text)
    .addColumn('exclude_from_segment', 'integer', flag)
    .addColumn('privacy_blocked', 'integer', flag)
    .addColumn('address', text)
    .addColumn('post_code', text)
    .addColumn('city', text)
    .addColumn('country_code', text)
    .addColumn('territory_code', text)
    .addColumn('customer_no', text)
    .addColumn('vendor_no', text)
    .execute();
  await db.schema.createIndex('contacts_company').on('contacts').columns(['company_no', 'no']).execute();
  await db.schema.createIndex('contacts_customer').on('contacts').columns(['customer_no', 'no']).execute();
  await db.schema.createIndex('contacts_vendor').on('contacts').columns(['vendor_no', 'no']).execute();
  await db.schema.createIndex('contacts_salesperson').on('contacts').columns(['salesperson_code', 'no']).execute();

  // Industry groups, business relations and mailing groups of a contact: one row per code.
  await db.schema
    .createTable('contact_codes')
    .addColumn('contact_no', text, (c) => c.notNull().references('contacts.no').onDelete('cascade'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('code', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_codes_pk', ['contact_no', 'kind', 'code'])
    .execute();
  await db.schema.createIndex('contact_codes_code').on('contact_codes').columns(['kind', 'code', 'contact_no']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', serial, auto)
    .addColumn('file_name', text, (c) => c.notNull())
    .addColumn('content_type', text, (c) => c.notNull())
    .addColumn('size', big, (c) => c.notNull())
    .addColumn('read_only', 'integer', flag)
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('interaction_groups')
    .addColumn('code', text, (c) => c.primaryKey())
    .addColumn('description', text)
    .execute();

  await db.schema
    .createTable('interaction_templates')
    .addColumn('code', text, (c) => c.primaryKey())
    .addColumn('interaction_group_code', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('unit_cost_cents', big, (c) => c.notNull().defaultTo(0))
    .addColumn('unit_duration_min', big, (c) => c.notNull().defaultTo(0))
    .addColumn('information_flow', text)
    .addColumn('initiated_by', text)
    .addColumn('campaign_no', text)
    .addColumn('campaign_target', 'integer', flag)
    .addColumn('campaign_response', 'integer', flag)
    .addColumn('correspondence_type_default', text)
    .addColumn('ignore_contact_correspondence_type', 'integer', flag)
    .addColumn('language_code_default', text)
    .addColumn('wizard_action', text)
    .execute();
  await db.schema.createIndex('templates_group').on('interaction_templates').column('interaction_group_code').execute();

  await db.schema
    .createTable('template_languages')
    .addColumn('template_code', text, (c) => c.notNull().references('interaction_templates.code').onDelete('cascade'))
    .addColumn('language_code', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('attachment_id', big)
    .addPrimaryKeyConstraint('template_languages_pk', ['template_code', 'language_code'])
    .execute();

  await db.schema
    .createTable('template_setup')
    .addColumn('slot', text, (c) => c.primaryKey())
    .addColumn('template_code', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('no', text, (c) => c.primaryKey())
    .addColumn('description', text)
    .addColumn('starting_date', text)
    .addColumn('ending_date', text)
    .addColumn('salesperson_code', text)
    .execute();

  await db.schema
    .createTable('campaign_entries')
    .addColumn('entry_no', serial, auto)
    .addColumn('campaign_no', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('date', text)
    .addColumn('user_id', text)
    .addColumn('segment_no', text)
    .addColumn('logged_segment_entry_no', big)
    .addColumn('salesperson_code', text)
    .addColumn('document_type', text)
    .addColumn('canceled', 'integer', flag)
    .execute();
  await db.schema.createIndex('campaign_entries_campaign').on('campaign_entries').columns(['campaign_no', 'entry_no']).execute();
  await db.schema.createIndex('campaign_entries_logged').on('campaign_entries').column('logged_segment_entry_no').execute();

  await db.schema
    .createTable('interaction_log_entries')
    .addColumn('entry_no', serial, auto)
    .addColumn('contact_no', text)
    .addColumn('contact_company_no', text)
    .addColumn('date', text)
    .addColumn('time_of_interaction', text)
    .addColumn('description', text)
    .addColumn('subject', text)
    .addColumn('search', text, (c) => c.notNull().defaultTo(''))
    .addColumn('information_flow', text)
    .addColumn('initiated_by', text)
    .addColumn('interaction_group_code', text)
    .addColumn('interaction_template_code', text)
    .addColumn('interaction_language_code', text)
    .addColumn('cost_cents', big, (c) => c.notNull().defaultTo(0))
    .addColumn('duration_min', big, (c) => c.notNull().defaultTo(0))
    .addColumn('user_id', text, (c) => c.notNull())
    .addColumn('salesperson_code', text)
    .addColumn('campaign_no', text)
    .addColumn('campaign_entry_no', big)
    .addColumn('campaign_target', 'integer', flag)
    .addColumn('campaign_response', 'integer', flag)
    .addColumn('segment_no', text)
    .addColumn('logged_segment_entry_no', big)
    .addColumn('evaluation', text)
    .addColumn('attempt_failed', 'integer', flag)
    .addColumn('canceled', 'integer', flag)
    .addColumn('postponed', 'integer', flag)
    .addColumn('correspondence_type', text)
    .addColumn('delivery_status', text)
    .addColumn('document_type', text)
    .addColumn('document_no', text)
    .addColumn('version_no', 'integer', flag)
    .addColumn('doc_no_occurrence', 'integer', flag)
    .addColumn('contact_via', text)
    .addColumn('opportunity_no', text)
    .addColumn('task_no', text)
    .addColumn('attachment_id', big)
    .addColumn('has_comments', 'integer', flag)
    .addColumn('email_logged', 'integer', flag)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('origin', text, (c) => c.notNull())
    .execute();
  const entryIndex = (name: string, cols: string[]) => db.schema.createIndex(name).on('interaction_log_entries').columns(cols).execute();
  await entryIndex('entries_contact', ['contact_no', 'entry_no']);
  await entryIndex('entries_company', ['contact_company_no', 'entry_no']);
  await entryIndex('entries_template', ['interaction_template_code', 'entry_no']);
  await entryIndex('entries_group', ['interaction_group_code', 'entry_no']);
  await entryIndex('entries_salesperson', ['salesperson_code', 'entry_no']);
  await entryIndex('entries_campaign', ['campaign_no', 'entry_no']);
  await entryIndex('entries_date', ['date', 'entry_no']);
  await entryIndex('entries_logged_segment', ['logged_segment_entry_no', 'entry_no']);
  await entryIndex('entries_campaign_entry', ['campaign_entry_no']);
  await entryIndex('entries_canceled', ['canceled', 'entry_no']);
  await entryIndex('entries_attachment', ['attachment_id']);

  // Maintained sums per key and day (Business Central's SumIndexFields), kept in the same
  // transaction as every change to entries so that statistics never scan the log.
  // dim: contact | company | template | group | salesperson | campaign.
  // n, cost_cents, duration_min, n_target, n_response cover active entries (not canceled, not
  // postponed); n_succeeded counts non-postponed entries without a failed attempt and n_us
  // non-postponed entries initiated by us (canceled included), for the contact "last date" figures.
  await db.schema
    .createTable('entry_stats')
    .addColumn('dim', text, (c) => c.notNull())
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('n', big, (c) => c.notNull().defaultTo(0))
    .addColumn('cost_cents', big, (c) => c.notNull().defaultTo(0))
    .addColumn('duration_min', big, (c) => c.notNull().defaultTo(0))
    .addColumn('n_target', big, (c) => c.notNull().defaultTo(0))
    .addColumn('n_response', big, (c) => c.notNull().defaultTo(0))
    .addColumn('n_succeeded', big, (c) => c.notNull().defaultTo(0))
    .addColumn('n_us', big, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('entry_stats_pk', ['dim', 'key', 'date'])
    .execute();

  await db.schema
    .createTable('entry_comments')
    .addColumn('entry_no', big, (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('comment', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('entry_comments_pk', ['entry_no', 'line_no'])
    .execute();

  await db.schema
    .createTable('opportunities')
    .addColumn('no', text, (c) => c.primaryKey())
    .addColumn('description', text)
    .addColumn('contact_no', text)
    .addColumn('contact_company_no', text)
    .addColumn('salesperson_code', text)
    .addColumn('campaign_no', text)
    .addColumn('segment_no', text)
    .addColumn('creation_date', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('opportunities_contact').on('opportunities').columns(['contact_no', 'status']).execute();

  await db.schema
    .createTable('opportunity_comments')
    .addColumn('opportunity_no', text, (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('comment', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('opportunity_comments_pk', ['opportunity_no', 'line_no'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('no', text, (c) => c.primaryKey())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('contact_no', text)
    .addColumn('contact_company_no', text)
    .addColumn('salesperson_code', text)
    .addColumn('campaign_no', text)
    .addColumn('opportunity_no', text)
    .addColumn('status', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_contact').on('tasks').columns(['contact_no', 'status']).execute();

  await db.schema
    .createTable('segments')
    .addColumn('no', text, (c) => c.primaryKey())
    .addColumn('description', text)
    .addColumn('salesperson_code', text)
    .addColumn('date', text)
    .addColumn('campaign_no', text)
    .addColumn('campaign_target', 'integer', flag)
    .addColumn('campaign_response', 'integer', flag)
    .addColumn('interaction_template_code', text)
    .addColumn('interaction_group_code', text)
    .addColumn('language_code_default', text)
    .addColumn('subject_default', text)
    .addColumn('correspondence_type_default', text)
    .addColumn('ignore_contact_correspondence_type', 'integer', flag)
    .addColumn('unit_cost_cents', big, (c) => c.notNull().defaultTo(0))
    .addColumn('unit_duration_min', big, (c) => c.notNull().defaultTo(0))
    .addColumn('information_flow', text)
    .addColumn('initiated_by', text)
    .execute();

  await db.schema
    .createTable('segment_lines')
    .addColumn('segment_no', text, (c) => c.notNull().references('segments.no').onDelete('cascade'))
    .addColumn('line_no', big, (c) => c.notNull())
    .addColumn('contact_no', text, (c) => c.notNull())
    .addColumn('contact_company_no', text)
    .addColumn('description', text)
    .addColumn('subject', text)
    .addColumn('date', text)
    .addColumn('time_of_interaction', text)
    .addColumn('salesperson_code', text)
    .addColumn('interaction_template_code', text)
    .addColumn('interaction_group_code', text)
    .addColumn('language_code', text)
    .addColumn('correspondence_type', text)
    .addColumn('information_flow', text)
    .addColumn('initiated_by', text)
    .addColumn('campaign_no', text)
    .addColumn('campaign_target', 'integer', flag)
    .addColumn('campaign_response', 'integer', flag)
    .addColumn('cost_cents', big, (c) => c.notNull().defaultTo(0))
    .addColumn('duration_min', big, (c) => c.notNull().defaultTo(0))
    .addColumn('evaluation', text)
    .addColumn('attempt_failed', 'integer', flag)
    .addColumn('contact_via', text)
    .addColumn('opportunity_no', text)
    .addColumn('attachment_id', big)
    .addColumn('attachment_source', text)
    .addPrimaryKeyConstraint('segment_lines_pk', ['segment_no', 'line_no'])
    .execute();
  await db.schema.createIndex('segment_lines_contact').on('segment_lines').columns(['contact_no', 'segment_no']).execute();

  await db.schema
    .createTable('segment_languages')
    .addColumn('segment_no', text, (c) => c.notNull().references('segments.no').onDelete('cascade'))
    .addColumn('line_no', big, (c) => c.notNull())
    .addColumn('language_code', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('subject', text)
    .addColumn('attachment_id', big)
    .addPrimaryKeyConstraint('segment_languages_pk', ['segment_no', 'line_no', 'language_code'])
    .execute();

  await db.schema
    .createTable('criteria_actions')
    .addColumn('segment_no', text, (c) => c.notNull().references('segments.no').onDelete('cascade'))
    .addColumn('action_no', 'integer', (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('contact_filter', text, (c) => c.notNull())
    .addColumn('interaction_filter', text, (c) => c.notNull())
    .addColumn('options', text, (c) => c.notNull())
    .addColumn('affected', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('criteria_actions_pk', ['segment_no', 'action_no'])
    .execute();

  // What each criteria action added and removed, so that "go back" can undo it exactly.
  await db.schema
    .createTable('criteria_action_contacts')
    .addColumn('segment_no', text, (c) => c.notNull().references('segments.no').onDelete('cascade'))
    .addColumn('action_no', 'integer', (c) => c.notNull())
    .addColumn('change', text, (c) => c.notNull())
    .addColumn('line_no', big, (c) => c.notNull())
    .addColumn('contact_no', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('criteria_action_contacts_action')
    .on('criteria_action_contacts')
    .columns(['segment_no', 'action_no'])
    .execute();

  await db.schema
    .createTable('logged_segments')
    .addColumn('entry_no', serial, auto)
    .addColumn('segment_no', text, (c) => c.notNull().unique())
    .addColumn('description', text)
    .addColumn('creation_date', text, (c) => c.notNull())
    .addColumn('user_id', text, (c) => c.notNull())
    .addColumn('canceled', 'integer', flag)
    .execute();
}
