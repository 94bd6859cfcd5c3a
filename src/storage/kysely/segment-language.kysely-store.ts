import type { SegmentLanguagePort } from '../../domain/segment/segment-language.store';
import { attachmentIdsOf, type SegDb } from './segment-row.kysely-store';

/** The language rows of segments (line 0) and of their lines. */
export function createSegmentLanguageStore(db: SegDb): SegmentLanguagePort {
  return {
    async languageRows(no, lineNo) {
      const rows = await db
        .selectFrom('segment_languages')
        .select(['language_code', 'description', 'subject', 'attachment_id'])
        .where('segment_no', '=', no)
        .where('line_no', '=', lineNo)
        .orderBy('language_code')
        .execute();
      return rows.map((r) => ({
        languageCode: r.language_code,
        description: r.description,
        subject: r.subject,
        attachmentId: r.attachment_id === null ? null : Number(r.attachment_id),
      }));
    },
    async insertLanguageRows(no, lineNo, rows) {
      if (rows.length === 0) return;
      await db
        .insertInto('segment_languages')
        .values(
          rows.map((r) => ({
            segment_no: no,
            line_no: lineNo,
            language_code: r.languageCode,
            description: r.description,
            subject: r.subject,
            attachment_id: r.attachmentId,
          })),
        )
        .execute();
    },
    async updateLanguageRow(no, lineNo, r) {
      await db
        .updateTable('segment_languages')
        .set({ description: r.description, subject: r.subject, attachment_id: r.attachmentId })
        .where('segment_no', '=', no)
        .where('line_no', '=', lineNo)
        .where('language_code', '=', r.languageCode)
        .execute();
    },
    async deleteLanguageRows(no, lineNo, languageCode) {
      let sel = db.selectFrom('segment_languages').select('attachment_id').where('segment_no', '=', no).where('line_no', '=', lineNo);
      let del = db.deleteFrom('segment_languages').where('segment_no', '=', no).where('line_no', '=', lineNo);
      if (languageCode !== undefined) {
        sel = sel.where('language_code', '=', languageCode);
        del = del.where('language_code', '=', languageCode);
      }
      const rows = await sel.execute();
      await del.execute();
      return attachmentIdsOf(rows);
    },
    async deleteOwnLanguageRows(no) {
      const rows = await db
        .selectFrom('segment_languages')
        .select('attachment_id')
        .where('segment_no', '=', no)
        .where('line_no', '<>', 0)
        .execute();
      await db.deleteFrom('segment_languages').where('segment_no', '=', no).where('line_no', '<>', 0).execute();
      return attachmentIdsOf(rows);
    },
  };
}
