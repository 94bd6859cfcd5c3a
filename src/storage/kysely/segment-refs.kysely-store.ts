import { sql, type Kysely } from 'kysely';
import type { SegmentRefsPort } from '../../domain/segment/segment-refs.store';
import { fromFlag } from './codec';
import type { Database } from './database';
import { createLoggingStore } from './logging.kysely-store';
import { createSalespersonStore } from './salesperson.kysely-store';

const CHUNK = 500;

/** Reads of contacts, templates, salespeople, campaigns, languages and attachments for segments. */
export function createSegmentRefsStore(db: Kysely<Database>): SegmentRefsPort {
  const logging = createLoggingStore(db);
  const salespeople = createSalespersonStore(db);
  return {
    // one home for each record's reading: the contact and template as logging reads them, the salesperson as its store does
    contact: logging.contact,
    template: logging.template,
    salesperson: salespeople.get,
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
    campaignExists: async (no) => !!(await db.selectFrom('campaigns').select('no').where('no', '=', no).executeTakeFirst()),
    languageExists: async (code) => !!(await db.selectFrom('languages').select('code').where('code', '=', code).executeTakeFirst()),
    opportunityExists: async (no) => !!(await db.selectFrom('opportunities').select('no').where('no', '=', no).executeTakeFirst()),
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
