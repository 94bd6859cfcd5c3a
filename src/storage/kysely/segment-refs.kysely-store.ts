import { sql } from 'kysely';
import type { SegmentRefsPort } from '../../domain/segment/segment.store';
import type { TemplateInfo } from '../../domain/segment/line-resolution';
import { fromFlag } from './codec';
import type { SegDb } from './segment-row.kysely-store';

const CHUNK = 500;

/** Reads of contacts, templates, salespeople, campaigns, languages and attachments for segments. */
export function createSegmentRefsStore(db: SegDb): SegmentRefsPort {
  return {
    async template(code) {
      const t = await db.selectFrom('interaction_templates').selectAll().where('code', '=', code).executeTakeFirst();
      if (!t) return null;
      return {
        code: t.code,
        interactionGroupCode: t.interaction_group_code,
        description: t.description,
        unitCostCents: Number(t.unit_cost_cents),
        unitDurationMin: Number(t.unit_duration_min),
        informationFlow: t.information_flow as TemplateInfo['informationFlow'],
        initiatedBy: t.initiated_by as TemplateInfo['initiatedBy'],
        campaignNo: t.campaign_no,
        campaignTarget: fromFlag(t.campaign_target),
        campaignResponse: fromFlag(t.campaign_response),
        correspondenceTypeDefault: t.correspondence_type_default as TemplateInfo['correspondenceTypeDefault'],
        ignoreContactCorrespondenceType: fromFlag(t.ignore_contact_correspondence_type),
        languageCodeDefault: t.language_code_default,
      };
    },
    async templateRows(code) {
      const rows = await db
        .selectFrom('template_languages')
        .select(['language_code', 'description', 'attachment_id'])
        .where('template_code', '=', code)
        .orderBy('language_code')
        .execute();
      return rows.map((r) => ({
        languageCode: r.language_code,
        description: r.description,
        subject: null,
        attachmentId: r.attachment_id === null ? null : Number(r.attachment_id),
      }));
    },
    async salesperson(code) {
      const s = await db.selectFrom('salespeople').select('blocked').where('code', '=', code).executeTakeFirst();
      return s ? { blocked: fromFlag(s.blocked) } : null;
    },
    campaignExists: async (no) => !!(await db.selectFrom('campaigns').select('no').where('no', '=', no).executeTakeFirst()),
    languageExists: async (code) => !!(await db.selectFrom('languages').select('code').where('code', '=', code).executeTakeFirst()),
    opportunityExists: async (no) => !!(await db.selectFrom('opportunities').select('no').where('no', '=', no).executeTakeFirst()),
    async contact(no) {
      const c = await db
        .selectFrom('contacts as c')
        .select([
          'c.no',
          'c.name',
          'c.company_no',
          'c.email',
          'c.language_code',
          'c.correspondence_type',
          'c.salesperson_code',
          'c.privacy_blocked',
        ])
        .select([
          sql<number | null>`(select k.privacy_blocked from contacts k where k.no = c.company_no and k.no <> c.no)`.as('company_blocked'),
          sql<number | null>`(select s.blocked from salespeople s where s.code = c.salesperson_code)`.as('salesperson_blocked'),
        ])
        .where('c.no', '=', no)
        .executeTakeFirst();
      if (!c) return null;
      return {
        no: c.no,
        name: c.name,
        companyNo: c.company_no,
        email: c.email,
        languageCode: c.language_code,
        correspondenceType: c.correspondence_type as 'hard_copy' | 'email' | null,
        usableSalespersonCode: fromFlag(c.salesperson_blocked) ? null : c.salesperson_code,
        privacyBlocked: fromFlag(c.privacy_blocked) || fromFlag(c.company_blocked),
      };
    },
    async copyAttachment(id, createdAt) {
      const r = await db
        .insertInto('attachments')
        .columns(['file_name', 'content_type', 'size', 'read_only', 'content', 'created_at'])
        .expression((eb) =>
          eb
            .selectFrom('attachments')
            .select([
              'file_name',
              'content_type',
              'size',
              sql<number>`0`.as('read_only'),
              'content',
              sql<string>`${createdAt}`.as('created_at'),
            ])
            .where('id', '=', id),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },
    async insertAttachment(a) {
      const r = await db
        .insertInto('attachments')
        .values({
          file_name: a.fileName,
          content_type: a.contentType,
          size: a.content.byteLength,
          read_only: 0,
          content: a.content,
          created_at: a.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },
    attachmentReadOnly: async (id) =>
      fromFlag((await db.selectFrom('attachments').select('read_only').where('id', '=', id).executeTakeFirst())?.read_only),
    async releaseAttachments(ids) {
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += CHUNK) {
        // A line's attachment is always one of a language row's, so the rows and entries tell what is in use.
        await sql`delete from attachments where id in (${sql.join(unique.slice(i, i + CHUNK))}) and read_only = 0
          and not exists (select 1 from interaction_log_entries e where e.attachment_id = attachments.id)
          and not exists (select 1 from template_languages t where t.attachment_id = attachments.id)
          and not exists (select 1 from segment_languages s where s.attachment_id = attachments.id)`.execute(db);
      }
    },
  };
}
