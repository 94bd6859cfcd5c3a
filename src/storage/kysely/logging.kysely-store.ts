import type { Kysely } from 'kysely';
import type { CorrespondenceType, InformationFlow, InitiatedBy } from '../../domain/interaction-log/interaction-log';
import type { LoggingStore, NewComment } from '../../domain/interaction-log/logging.store';
import { fromFlag, toFlag } from './codec';
import type { Database } from './database';
import { selectEntries, toEntryRow, toLogEntry } from './log-entry-row';
import { prepared, type Param } from './prepared';

// The statements of logging one interaction, compiled once (prepared.ts).

// one statement: the contact, its company (name and privacy flag) and its salesperson
const contactQuery = prepared((db, p: Param<{ no: string }>) =>
  db
    .selectFrom('contacts as c')
    .leftJoin('contacts as k', 'k.no', 'c.company_no')
    .leftJoin('salespeople as sp', 'sp.code', 'c.salesperson_code')
    .select([
      'c.no',
      'c.name',
      'c.company_no',
      'c.email',
      'c.phone_no',
      'c.mobile_phone_no',
      'c.language_code',
      'c.correspondence_type',
      'c.salesperson_code',
      'c.privacy_blocked',
      'k.name as company_name',
      'k.privacy_blocked as company_privacy_blocked',
      'sp.code as sp_code',
      'sp.name as sp_name',
      'sp.email as sp_email',
      'sp.phone_no as sp_phone_no',
      'sp.blocked as sp_blocked',
    ])
    .where('c.no', '=', p('no')),
);

// one statement: a row per language row (one row without language when there is none)
const templateQuery = prepared((db, p: Param<{ code: string }>) =>
  db
    .selectFrom('interaction_templates as t')
    .leftJoin('template_languages as l', 'l.template_code', 't.code')
    .selectAll('t')
    .select(['l.language_code', 'l.attachment_id'])
    .where('t.code', '=', p('code'))
    .orderBy('l.language_code'),
);

type EntryRow = ReturnType<typeof toEntryRow>;
const insertEntryQuery = prepared((db, p: Param<EntryRow>, columns) =>
  db
    .insertInto('interaction_log_entries')
    .values(Object.fromEntries(columns.map((c) => [c, p(c)])) as EntryRow)
    .returning('entry_no'),
);
const insertCommentQuery = prepared((db, p: Param<{ entry_no: number; line_no: number; date: string; comment: string }>) =>
  db.insertInto('entry_comments').values({ entry_no: p('entry_no'), line_no: p('line_no'), date: p('date'), comment: p('comment') }),
);

export function createLoggingStore(db: Kysely<Database>): LoggingStore {
  const exists = async (table: 'campaigns' | 'opportunities' | 'tasks', no: string) =>
    (await db.selectFrom(table).select('no').where('no', '=', no).executeTakeFirst()) !== undefined;
  /** R15: lines 10000, 20000, … in the given order. */
  const insertComments = async (entryNo: number, comments: readonly NewComment[]) => {
    const [only] = comments;
    if (comments.length === 1 && only)
      await insertCommentQuery.run(db, { entry_no: entryNo, line_no: 10000, date: only.date, comment: only.comment });
    else if (comments.length)
      await db
        .insertInto('entry_comments')
        .values(comments.map((c, i) => ({ entry_no: entryNo, line_no: (i + 1) * 10000, date: c.date, comment: c.comment })))
        .execute();
  };

  return {
    async contact(no) {
      const r = await contactQuery.first(db, { no });
      if (!r) return null;
      return {
        no: r.no,
        name: r.name,
        companyNo: r.company_no,
        companyName: r.company_name,
        email: r.email,
        phoneNo: r.phone_no,
        mobilePhoneNo: r.mobile_phone_no,
        languageCode: r.language_code,
        correspondenceType: r.correspondence_type as CorrespondenceType | null,
        salespersonCode: r.salesperson_code,
        privacyBlocked: fromFlag(r.privacy_blocked) || fromFlag(r.company_privacy_blocked),
        salesperson:
          r.sp_code === null
            ? null
            : { code: r.sp_code, name: r.sp_name ?? '', email: r.sp_email, phoneNo: r.sp_phone_no, blocked: fromFlag(r.sp_blocked) },
      };
    },
    async contactNoByLink(link, no) {
      const column = link === 'customerNo' ? 'customer_no' : 'vendor_no';
      const r = await db.selectFrom('contacts').select('no').where(column, '=', no).orderBy('no').limit(1).executeTakeFirst();
      return r?.no ?? null;
    },
    async template(code) {
      const rows = await templateQuery.all(db, { code });
      const t = rows[0];
      if (!t) return null;
      return {
        code: t.code,
        interactionGroupCode: t.interaction_group_code,
        description: t.description,
        unitCostCents: Number(t.unit_cost_cents),
        unitDurationMin: Number(t.unit_duration_min),
        informationFlow: t.information_flow as InformationFlow | null,
        initiatedBy: t.initiated_by as InitiatedBy | null,
        campaignNo: t.campaign_no,
        campaignTarget: fromFlag(t.campaign_target),
        campaignResponse: fromFlag(t.campaign_response),
        correspondenceTypeDefault: t.correspondence_type_default as CorrespondenceType | null,
        ignoreContactCorrespondenceType: fromFlag(t.ignore_contact_correspondence_type),
        languageCodeDefault: t.language_code_default,
        languages: rows.flatMap((l) =>
          l.language_code === null
            ? []
            : [{ languageCode: l.language_code, attachmentId: l.attachment_id === null ? null : Number(l.attachment_id) }],
        ),
      };
    },
    async slotTemplate(slot) {
      const r = await db.selectFrom('template_setup').select('template_code').where('slot', '=', slot).executeTakeFirst();
      return r?.template_code ?? null;
    },
    campaignExists: (no) => exists('campaigns', no),
    opportunityExists: (no) => exists('opportunities', no),
    taskExists: (no) => exists('tasks', no),

    async openCampaignEntry(campaignNo, documentType) {
      const r = await db
        .selectFrom('campaign_entries')
        .select('entry_no')
        .where('campaign_no', '=', campaignNo)
        .where('segment_no', 'is', null)
        .where('document_type', documentType === null ? 'is' : '=', documentType)
        .where('canceled', '=', 0)
        .orderBy('entry_no')
        .limit(1)
        .executeTakeFirst();
      return r ? Number(r.entry_no) : null;
    },
    async insertCampaignEntry(e) {
      const r = await db
        .insertInto('campaign_entries')
        .values({
          campaign_no: e.campaignNo,
          description: e.description,
          date: e.date,
          user_id: e.userId,
          segment_no: null,
          logged_segment_entry_no: null,
          salesperson_code: e.salespersonCode,
          document_type: e.documentType,
          canceled: 0,
        })
        .returning('entry_no')
        .executeTakeFirstOrThrow();
      return Number(r.entry_no);
    },

    async insertEntry(entry, comments) {
      const [r] = await insertEntryQuery.all(db, { ...toEntryRow(entry), has_comments: toFlag(comments.length > 0) });
      if (!r) throw new Error('the entry insert answered no entry number');
      const entryNo = Number(r.entry_no);
      await insertComments(entryNo, comments);
      return entryNo;
    },
    async updateEntry(entryNo, entry, comments) {
      const { has_comments: _kept, ...row } = toEntryRow(entry);
      await db
        .updateTable('interaction_log_entries')
        .set(comments === undefined ? row : { ...row, has_comments: toFlag(comments.length > 0) })
        .where('entry_no', '=', entryNo)
        .execute();
      if (comments === undefined) return;
      await db.deleteFrom('entry_comments').where('entry_no', '=', entryNo).execute();
      await insertComments(entryNo, comments);
    },
    async entry(entryNo) {
      const r = await selectEntries(db).where('e.entry_no', '=', entryNo).executeTakeFirst();
      return r ? toLogEntry(r) : null;
    },
    async comments(entryNo, afterLineNo, limit) {
      let q = db
        .selectFrom('entry_comments')
        .select(['line_no', 'date', 'comment'])
        .where('entry_no', '=', entryNo)
        .orderBy('line_no')
        .limit(limit);
      if (afterLineNo !== null) q = q.where('line_no', '>', afterLineNo);
      return (await q.execute()).map((r) => ({ lineNo: Number(r.line_no), date: r.date, comment: r.comment }));
    },
    async deleteEntry(entryNo) {
      await db.deleteFrom('entry_comments').where('entry_no', '=', entryNo).execute();
      await db.deleteFrom('interaction_log_entries').where('entry_no', '=', entryNo).execute();
    },
  };
}
