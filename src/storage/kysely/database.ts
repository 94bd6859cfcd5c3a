import type { Generated } from 'kysely';

// Row shapes of the tables created by the migrations. Booleans are 0/1, money integer cents,
// dates/times/instants ISO text (see migrations/0001-initial.ts).

type Flag = number;

export interface UsersTable {
  username: string;
  full_name: string | null;
  role: string;
  salesperson_code: string | null;
  disabled: Flag;
  password_hash: string;
  ui_language: string | null;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  username: string;
  csrf_token: string;
  created_at: string;
  last_used_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  username: string;
  name: string | null;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

export interface IdempotencyKeysTable {
  username: string;
  key: string;
  fingerprint: string;
  status: number;
  headers: string | null;
  body: string | null;
  created_at: string;
  /** `in_progress` while the claimant runs the request; `done` once its response is stored. */
  state: Generated<string>;
  claim: string | null;
}

export interface LoginFailuresTable {
  /** `u:<username>` or `a:<client address>`. */
  subject: string;
  failed_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  status: string;
  done: number;
  total: number | null;
  result: string | null;
  error: string | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
  payload: string | null;
  attempts: number;
  max_attempts: number;
  run_after: string | null;
  owner: string | null;
  heartbeat_at: string | null;
  started_at: string | null;
}

export interface JobSchedulesTable {
  name: string;
  cron: string;
  kind: string;
  payload: string;
  next_run_at: string;
}

export interface LanguagesTable {
  code: string;
  name: string;
}

export interface SalespeopleTable {
  code: string;
  name: string;
  email: string | null;
  phone_no: string | null;
  blocked: Flag;
}

export interface ContactsTable {
  no: string;
  type: string;
  name: string;
  search: string;
  company_no: string | null;
  email: string | null;
  phone_no: string | null;
  mobile_phone_no: string | null;
  salesperson_code: string | null;
  language_code: string | null;
  correspondence_type: string | null;
  exclude_from_segment: Flag;
  privacy_blocked: Flag;
  address: string | null;
  post_code: string | null;
  city: string | null;
  country_code: string | null;
  territory_code: string | null;
  customer_no: string | null;
  vendor_no: string | null;
}

export interface ContactCodesTable {
  contact_no: string;
  kind: 'industry_group' | 'business_relation' | 'mailing_group';
  code: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  file_name: string;
  content_type: string;
  size: number;
  read_only: Flag;
  content: Uint8Array;
  created_at: string;
}

export interface InteractionGroupsTable {
  code: string;
  description: string | null;
}

export interface InteractionTemplatesTable {
  code: string;
  interaction_group_code: string;
  description: string | null;
  unit_cost_cents: number;
  unit_duration_min: number;
  information_flow: string | null;
  initiated_by: string | null;
  campaign_no: string | null;
  campaign_target: Flag;
  campaign_response: Flag;
  correspondence_type_default: string | null;
  ignore_contact_correspondence_type: Flag;
  language_code_default: string | null;
  wizard_action: string | null;
}

export interface TemplateLanguagesTable {
  template_code: string;
  language_code: string;
  description: string | null;
  attachment_id: number | null;
}

export interface TemplateSetupTable {
  slot: string;
  template_code: string;
}

export interface CampaignsTable {
  no: string;
  description: string | null;
  starting_date: string | null;
  ending_date: string | null;
  salesperson_code: string | null;
}

export interface CampaignEntriesTable {
  entry_no: Generated<number>;
  campaign_no: string;
  description: string | null;
  date: string | null;
  user_id: string | null;
  segment_no: string | null;
  logged_segment_entry_no: number | null;
  salesperson_code: string | null;
  document_type: string | null;
  canceled: Flag;
}

export interface InteractionLogEntriesTable {
  entry_no: Generated<number>;
  contact_no: string | null;
  contact_company_no: string | null;
  date: string | null;
  time_of_interaction: string | null;
  description: string | null;
  subject: string | null;
  search: string;
  information_flow: string | null;
  initiated_by: string | null;
  interaction_group_code: string | null;
  interaction_template_code: string | null;
  interaction_language_code: string | null;
  cost_cents: number;
  duration_min: number;
  user_id: string;
  salesperson_code: string | null;
  campaign_no: string | null;
  campaign_entry_no: number | null;
  campaign_target: Flag;
  campaign_response: Flag;
  segment_no: string | null;
  logged_segment_entry_no: number | null;
  evaluation: string | null;
  attempt_failed: Flag;
  canceled: Flag;
  postponed: Flag;
  correspondence_type: string | null;
  delivery_status: string | null;
  document_type: string | null;
  document_no: string | null;
  version_no: number;
  doc_no_occurrence: number;
  contact_via: string | null;
  opportunity_no: string | null;
  task_no: string | null;
  attachment_id: number | null;
  has_comments: Flag;
  email_logged: Flag;
  created_at: string;
  origin: string;
}

export interface EntryStatsTable {
  dim: string;
  key: string;
  date: string;
  slot: number;
  n: number;
  cost_cents: number;
  duration_min: number;
  n_target: number;
  n_response: number;
}

export interface CommentLinesTable {
  entry_no: number;
  line_no: number;
  date: string;
  comment: string;
}

export interface OpportunitiesTable {
  no: string;
  description: string | null;
  contact_no: string | null;
  contact_company_no: string | null;
  salesperson_code: string | null;
  campaign_no: string | null;
  segment_no: string | null;
  creation_date: string;
  status: string;
}

export interface OpportunityCommentsTable {
  opportunity_no: string;
  line_no: number;
  date: string;
  comment: string;
}

export interface TasksTable {
  no: string;
  description: string;
  date: string;
  contact_no: string | null;
  contact_company_no: string | null;
  salesperson_code: string | null;
  campaign_no: string | null;
  opportunity_no: string | null;
  status: string;
}

export interface SegmentsTable {
  no: string;
  description: string | null;
  salesperson_code: string | null;
  date: string | null;
  campaign_no: string | null;
  campaign_target: Flag;
  campaign_response: Flag;
  interaction_template_code: string | null;
  interaction_group_code: string | null;
  language_code_default: string | null;
  subject_default: string | null;
  correspondence_type_default: string | null;
  ignore_contact_correspondence_type: Flag;
  unit_cost_cents: number;
  unit_duration_min: number;
  information_flow: string | null;
  initiated_by: string | null;
}

export interface SegmentLinesTable {
  segment_no: string;
  line_no: number;
  contact_no: string;
  contact_company_no: string | null;
  description: string | null;
  subject: string | null;
  date: string | null;
  time_of_interaction: string | null;
  salesperson_code: string | null;
  interaction_template_code: string | null;
  interaction_group_code: string | null;
  language_code: string | null;
  correspondence_type: string | null;
  information_flow: string | null;
  initiated_by: string | null;
  campaign_no: string | null;
  campaign_target: Flag;
  campaign_response: Flag;
  cost_cents: number;
  duration_min: number;
  evaluation: string | null;
  attempt_failed: Flag;
  contact_via: string | null;
  opportunity_no: string | null;
  attachment_id: number | null;
  attachment_source: string | null;
}

export interface SegmentLanguagesTable {
  segment_no: string;
  line_no: number;
  language_code: string;
  description: string | null;
  subject: string | null;
  attachment_id: number | null;
}

export interface CriteriaActionsTable {
  segment_no: string;
  action_no: number;
  kind: string;
  contact_filter: string;
  interaction_filter: string;
  options: string;
  affected: number;
  created_at: string;
}

export interface CriteriaActionContactsTable {
  segment_no: string;
  action_no: number;
  change: 'added' | 'removed';
  line_no: number;
  contact_no: string;
}

export interface SavedCriteriaTable {
  code: string;
  description: string | null;
  user_id: string;
  created_at: string;
}

export interface SavedCriteriaActionsTable {
  code: string;
  action_no: number;
  kind: string;
  contact_filter: string;
  interaction_filter: string;
  options: string;
}

export interface LoggedSegmentsTable {
  entry_no: Generated<number>;
  segment_no: string;
  description: string | null;
  creation_date: string;
  user_id: string;
  canceled: Flag;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  idempotency_keys: IdempotencyKeysTable;
  login_failures: LoginFailuresTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  languages: LanguagesTable;
  salespeople: SalespeopleTable;
  contacts: ContactsTable;
  contact_codes: ContactCodesTable;
  attachments: AttachmentsTable;
  interaction_groups: InteractionGroupsTable;
  interaction_templates: InteractionTemplatesTable;
  template_languages: TemplateLanguagesTable;
  template_setup: TemplateSetupTable;
  campaigns: CampaignsTable;
  campaign_entries: CampaignEntriesTable;
  interaction_log_entries: InteractionLogEntriesTable;
  entry_stats: EntryStatsTable;
  entry_comments: CommentLinesTable;
  opportunities: OpportunitiesTable;
  opportunity_comments: OpportunityCommentsTable;
  tasks: TasksTable;
  segments: SegmentsTable;
  segment_lines: SegmentLinesTable;
  segment_languages: SegmentLanguagesTable;
  criteria_actions: CriteriaActionsTable;
  criteria_action_contacts: CriteriaActionContactsTable;
  saved_criteria: SavedCriteriaTable;
  saved_criteria_actions: SavedCriteriaActionsTable;
  logged_segments: LoggedSegmentsTable;
}
