import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { BulkResolution, LanguageChoice } from '../../domain/segment/line-resolution';
import type { LineValues, SegmentHeader, SegmentLine } from '../../domain/segment/segment';
import { fold, fromFlag, toFlag } from './codec';
import type { Database, SegmentLinesTable, SegmentsTable } from './database';

// Row codec and SQL fragments shared by the segment stores.

/** The database as the segment stores see it: segments carry a folded search column (migration 0008). */
export type SegmentDatabase = Omit<Database, 'segments'> & { segments: SegmentsTable & { search: string } };
export type SegDb = Kysely<SegmentDatabase>;

export const asSegDb = (db: Kysely<Database>): SegDb => db as unknown as SegDb;

export function toHeader(r: Selectable<SegmentsTable>): SegmentHeader {
  return {
    no: r.no,
    description: r.description,
    salespersonCode: r.salesperson_code,
    date: r.date,
    campaignNo: r.campaign_no,
    campaignTarget: fromFlag(r.campaign_target),
    campaignResponse: fromFlag(r.campaign_response),
    interactionTemplateCode: r.interaction_template_code,
    interactionGroupCode: r.interaction_group_code,
    languageCodeDefault: r.language_code_default,
    subjectDefault: r.subject_default,
    correspondenceTypeDefault: r.correspondence_type_default as SegmentHeader['correspondenceTypeDefault'],
    ignoreContactCorrespondenceType: fromFlag(r.ignore_contact_correspondence_type),
    unitCostCents: Number(r.unit_cost_cents),
    unitDurationMin: Number(r.unit_duration_min),
    informationFlow: r.information_flow as SegmentHeader['informationFlow'],
    initiatedBy: r.initiated_by as SegmentHeader['initiatedBy'],
  };
}

export function headerRow(h: SegmentHeader): SegmentsTable & { search: string } {
  return {
    no: h.no,
    description: h.description,
    search: fold(h.description),
    salesperson_code: h.salespersonCode,
    date: h.date,
    campaign_no: h.campaignNo,
    campaign_target: toFlag(h.campaignTarget),
    campaign_response: toFlag(h.campaignResponse),
    interaction_template_code: h.interactionTemplateCode,
    interaction_group_code: h.interactionGroupCode,
    language_code_default: h.languageCodeDefault,
    subject_default: h.subjectDefault,
    correspondence_type_default: h.correspondenceTypeDefault,
    ignore_contact_correspondence_type: toFlag(h.ignoreContactCorrespondenceType),
    unit_cost_cents: h.unitCostCents,
    unit_duration_min: h.unitDurationMin,
    information_flow: h.informationFlow,
    initiated_by: h.initiatedBy,
  };
}

export function lineRow(v: LineValues): Omit<SegmentLinesTable, 'segment_no' | 'line_no'> {
  return {
    contact_no: v.contactNo,
    contact_company_no: v.contactCompanyNo,
    description: v.description,
    subject: v.subject,
    date: v.date,
    time_of_interaction: v.timeOfInteraction,
    salesperson_code: v.salespersonCode,
    interaction_template_code: v.interactionTemplateCode,
    interaction_group_code: v.interactionGroupCode,
    language_code: v.languageCode,
    correspondence_type: v.correspondenceType,
    information_flow: v.informationFlow,
    initiated_by: v.initiatedBy,
    campaign_no: v.campaignNo,
    campaign_target: toFlag(v.campaignTarget),
    campaign_response: toFlag(v.campaignResponse),
    cost_cents: v.costCents,
    duration_min: v.durationMin,
    evaluation: v.evaluation,
    attempt_failed: toFlag(v.attemptFailed),
    contact_via: v.contactVia,
    opportunity_no: v.opportunityNo,
    attachment_id: v.attachmentId,
    attachment_source: v.attachmentSource,
  };
}

function toLineValues(r: Selectable<SegmentLinesTable>): LineValues {
  return {
    contactNo: r.contact_no,
    contactCompanyNo: r.contact_company_no,
    description: r.description,
    subject: r.subject,
    date: r.date,
    timeOfInteraction: r.time_of_interaction,
    salespersonCode: r.salesperson_code,
    interactionTemplateCode: r.interaction_template_code,
    interactionGroupCode: r.interaction_group_code,
    languageCode: r.language_code,
    correspondenceType: r.correspondence_type as LineValues['correspondenceType'],
    informationFlow: r.information_flow as LineValues['informationFlow'],
    initiatedBy: r.initiated_by as LineValues['initiatedBy'],
    campaignNo: r.campaign_no,
    campaignTarget: fromFlag(r.campaign_target),
    campaignResponse: fromFlag(r.campaign_response),
    costCents: Number(r.cost_cents),
    durationMin: Number(r.duration_min),
    evaluation: r.evaluation as LineValues['evaluation'],
    attemptFailed: fromFlag(r.attempt_failed),
    contactVia: r.contact_via,
    opportunityNo: r.opportunity_no,
    attachmentId: r.attachment_id === null ? null : Number(r.attachment_id),
    attachmentSource: r.attachment_source as LineValues['attachmentSource'],
  };
}

type LineReadRow = Selectable<SegmentLinesTable> & {
  contact_name: string | null;
  current_company_no: string | null;
  company_name: string | null;
  contact_email: string | null;
  contact_phone_no: string | null;
};

/** Lines with the current name, company, e-mail and phone of their contact. */
export function selectLines(db: SegDb) {
  return db
    .selectFrom('segment_lines as l')
    .leftJoin('contacts as c', 'c.no', 'l.contact_no')
    .leftJoin('contacts as k', 'k.no', 'c.company_no')
    .selectAll('l')
    .select([
      'c.name as contact_name',
      'c.company_no as current_company_no',
      'k.name as company_name',
      'c.email as contact_email',
      'c.phone_no as contact_phone_no',
    ]);
}

export function toLine(r: LineReadRow): SegmentLine {
  const v = toLineValues(r);
  return {
    ...v,
    lineNo: Number(r.line_no),
    contactCompanyNo: r.contact_name === null ? v.contactCompanyNo : r.current_company_no,
    contactName: r.contact_name,
    contactCompanyName: r.company_name,
    contactEmail: r.contact_email,
    contactPhoneNo: r.contact_phone_no,
  };
}

// Parameters get explicit types: PostgreSQL cannot infer the type of a bare parameter in a select list.
export const txt = (v: string | null): RawBuilder<string | null> => sql<string | null>`cast(${v} as text)`;
export const int = (v: number | null): RawBuilder<number | null> => sql<number | null>`cast(${v} as bigint)`;

/**
 * The contact `c` and, for a person, its company are not privacy-blocked (decision i); one record at
 * a time this is `checkPrivacy` (logging.ts, docs/decisions/0012-rule-homes.md).
 */
export const notPrivacyBlocked = (c: string): RawBuilder<boolean> =>
  sql<boolean>`(${sql.ref(`${c}.privacy_blocked`)} = 0 and not exists (select 1 from contacts pb where pb.no = ${sql.ref(`${c}.company_no`)} and pb.no <> ${sql.ref(`${c}.no`)} and pb.privacy_blocked <> 0))`;

function byLanguage(r: BulkResolution, pick: (l: LanguageChoice) => RawBuilder<unknown>): RawBuilder<unknown> {
  if (r.byContactLanguage.length === 0) return pick(r.otherLanguage);
  const whens = r.byContactLanguage.map(([code, choice]) => sql`when c.language_code = ${txt(code)} then ${pick(choice)}`);
  return sql`(case ${sql.join(whens, sql` `)} else ${pick(r.otherLanguage)} end)`;
}

/** Column expressions of a line resolved by `r` for the contact aliased `c` (R41, set-based). */
export function resolvedTemplateColumns(r: BulkResolution) {
  const v = r.values;
  const corr = r.byContactCorrespondence;
  return {
    description: txt(v.description),
    interaction_template_code: txt(v.interactionTemplateCode),
    interaction_group_code: txt(v.interactionGroupCode),
    information_flow: txt(v.informationFlow),
    initiated_by: txt(v.initiatedBy),
    campaign_no: txt(v.campaignNo),
    campaign_target: int(toFlag(v.campaignTarget)),
    campaign_response: int(toFlag(v.campaignResponse)),
    cost_cents: int(v.costCents),
    duration_min: int(v.durationMin),
    correspondence_type: sql`(case when c.correspondence_type = 'hard_copy' then ${txt(corr.hard_copy)} when c.correspondence_type = 'email' then ${txt(corr.email)} else ${txt(corr.none)} end)`,
    ...resolvedLanguageColumns(r),
  };
}

export function resolvedLanguageColumns(r: BulkResolution) {
  return {
    language_code: byLanguage(r, (l) => txt(l.languageCode)),
    subject: byLanguage(r, (l) => txt(l.subject)),
    attachment_id: byLanguage(r, (l) => int(l.attachmentId)),
    attachment_source: byLanguage(r, (l) => txt(l.attachmentSource)),
  };
}

/**
 * R9 for a new line: the header's salesperson, else the contact's unless it is blocked (api.md §13.6);
 * the one-line twin is `contactSalesperson` (line-resolution.ts, docs/decisions/0012-rule-homes.md).
 */
export function resolvedSalesperson(r: BulkResolution): RawBuilder<unknown> {
  if (r.salespersonCode !== null) return txt(r.salespersonCode);
  return sql`(case when exists (select 1 from salespeople bs where bs.code = c.salesperson_code and bs.blocked <> 0) then null else c.salesperson_code end)`;
}

/** `col = expr, …` for an UPDATE. */
export function assignments(cols: Record<string, RawBuilder<unknown>>): RawBuilder<unknown> {
  return sql.join(
    Object.entries(cols).map(([k, e]) => sql`${sql.raw(k)} = ${e}`),
    sql`, `,
  );
}

/** The attachment ids of deleted rows, for releasing those nothing uses any more. */
export const attachmentIdsOf = (rows: readonly { attachment_id: number | null }[]) =>
  rows.flatMap((r) => (r.attachment_id === null ? [] : [Number(r.attachment_id)]));
