import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { Attachment } from '../../domain/attachment/attachment';
import type { AttachmentStore } from '../../domain/attachment/attachment.store';
import { notFound } from '../../domain/shared/errors';
import { fromFlag, toFlag } from './codec';
import type { AttachmentsTable, Database } from './database';

const META = ['id', 'file_name', 'content_type', 'size', 'read_only', 'created_at'] as const;

function toAttachment(r: Omit<Selectable<AttachmentsTable>, 'content'>): Attachment {
  return {
    id: Number(r.id),
    fileName: r.file_name,
    contentType: r.content_type,
    size: Number(r.size),
    readOnly: fromFlag(r.read_only),
    createdAt: r.created_at,
  };
}

/**
 * Every record that can hold an attachment: entries, template languages, segment lines, segment
 * languages. Entries are probed through their attachment index; the other tables, which have no
 * such index, are read once per statement (uncorrelated IN) rather than once per attachment.
 */
function used(eb: ExpressionBuilder<Database, 'attachments'>) {
  const one = sql<number>`1`.as('one');
  const holders = (['template_languages', 'segment_lines', 'segment_languages'] as const).map((table) =>
    eb(
      'attachments.id',
      'in',
      eb.selectFrom(table).select('attachment_id').where('attachment_id', 'is not', null).$narrowType<{ attachment_id: number }>(),
    ),
  );
  return eb.or([
    eb.exists(eb.selectFrom('interaction_log_entries as e').select(one).whereRef('e.attachment_id', '=', 'attachments.id')),
    ...holders,
  ]);
}

/** Ids per statement: well under both dialects' limits on bound parameters. */
const IDS_PER_STATEMENT = 1000;

const bytes = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

export function createAttachmentStore(db: Kysely<Database>): AttachmentStore {
  return {
    async get(id) {
      const r = await db.selectFrom('attachments').select(META).where('id', '=', id).executeTakeFirst();
      return r ? toAttachment(r) : null;
    },
    async getContent(id) {
      const r = await db
        .selectFrom('attachments')
        .select([...META, 'content'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? { ...toAttachment(r), content: r.content } : null;
    },
    async insert(f) {
      const r = await db
        .insertInto('attachments')
        .values({
          file_name: f.fileName,
          content_type: f.contentType,
          size: f.content.byteLength,
          read_only: toFlag(f.readOnly),
          content: bytes(f.content),
          created_at: f.createdAt,
        })
        .returning(META)
        .executeTakeFirstOrThrow();
      return toAttachment(r);
    },
    async copyAsReadOnly(id, createdAt) {
      const r = await db
        .insertInto('attachments')
        .columns(['file_name', 'content_type', 'size', 'read_only', 'content', 'created_at'])
        .expression(
          db
            .selectFrom('attachments')
            .select([
              'file_name',
              'content_type',
              'size',
              sql<number>`1`.as('read_only'),
              'content',
              createdAt === undefined ? 'created_at' : sql<string>`${createdAt}`.as('created_at'),
            ])
            .where('id', '=', id),
        )
        .returning('id')
        .executeTakeFirst();
      if (!r) throw notFound.generic();
      return Number(r.id);
    },
    async markReadOnly(id) {
      await db.updateTable('attachments').set({ read_only: 1 }).where('id', '=', id).execute();
    },
    async isUsed(id) {
      const r = await db.selectFrom('attachments').select('id').where('id', '=', id).where(used).executeTakeFirst();
      return r !== undefined;
    },
    async deleteIfUnused(ids) {
      if (ids.length === 0) return 0;
      const r = await db
        .deleteFrom('attachments')
        .where('id', 'in', [...ids])
        .where('read_only', '=', 0)
        .where((eb) => eb.not(used(eb)))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteReleased(ids) {
      const unique = [...new Set(ids)];
      let deleted = 0;
      for (let i = 0; i < unique.length; i += IDS_PER_STATEMENT) {
        const r = await db
          .deleteFrom('attachments')
          .where('id', 'in', unique.slice(i, i + IDS_PER_STATEMENT))
          .where((eb) => eb.not(used(eb)))
          .executeTakeFirst();
        deleted += Number(r.numDeletedRows);
      }
      return deleted;
    },
    async purgeUnused(createdBefore) {
      const r = await db
        .deleteFrom('attachments')
        .where('read_only', '=', 0)
        .where('created_at', '<', createdBefore)
        .where((eb) => eb.not(used(eb)))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
