import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import {
  byDate,
  type DeleteCanceledFilter,
  type EntryFilter,
  type EntryKey,
  type EntrySort,
} from '../../domain/interaction-log/entry-query';
import type { InteractionLogStore } from '../../domain/interaction-log/interaction-log.store';
import { fold, likeContains, toFlag } from './codec';
import type { Database, InteractionLogEntriesTable } from './database';
import { selectEntries, toLogEntry } from './log-entry-row';
import type { SqlDialect } from './sql-dialect';
import type { Wrote } from './written-rows';

// Column names are left unqualified so that one predicate serves the aliased list query and the
// plain update and delete statements alike.
const col = (name: keyof InteractionLogEntriesTable) => sql.ref(name);

const EQUALS: readonly [keyof EntryFilter, keyof InteractionLogEntriesTable][] = [
  ['contactNo', 'contact_no'],
  ['contactCompanyNo', 'contact_company_no'],
  ['interactionTemplateCode', 'interaction_template_code'],
  ['interactionGroupCode', 'interaction_group_code'],
  ['salespersonCode', 'salesperson_code'],
  ['campaignNo', 'campaign_no'],
  ['segmentNo', 'segment_no'],
  ['loggedSegmentEntryNo', 'logged_segment_entry_no'],
  ['evaluation', 'evaluation'],
  ['documentType', 'document_type'],
  ['documentNo', 'document_no'],
  ['campaignEntryNo', 'campaign_entry_no'],
  ['opportunityNo', 'opportunity_no'],
  ['taskNo', 'task_no'],
  ['correspondenceType', 'correspondence_type'],
  ['deliveryStatus', 'delivery_status'],
  ['informationFlow', 'information_flow'],
  ['initiatedBy', 'initiated_by'],
  ['origin', 'origin'],
];

// SQLite plans without statistics and takes any index that matches a predicate, even when it then
// has to sort a large part of the log. There an operand wrapped in a no-op expression keeps its
// column from driving the plan, so that the index of the sort order does (an entryNo sort walks the
// primary key, a date sort the date index) and a page stays a short walk whatever the table size.
// PostgreSQL keeps statistics and plans these well by itself; a wrapped operand would only blind it.
const noIndexText = (name: keyof InteractionLogEntriesTable) => sql`(${col(name)} || '')`;
const noIndexInt = (name: keyof InteractionLogEntriesTable) => sql`(${col(name)} + 0)`;

// A postponed entry may have no date: it counts as the empty text, before every date, on both
// dialects (as BC: a blank date is the lowest). Logged entries always have a date, so the log keeps
// the plain column and its (date, entry_no) index.
const dateKey = (f: EntryFilter) => (f.postponed ? sql`coalesce(${col('date')}, '')` : col('date'));

/** Every given filter AND only the entries of the chosen set: the log or the postponed ones (R20). */
function matches(f: EntryFilter, sort: EntrySort, steer: boolean): Expression<SqlBool> {
  const dateSort = byDate(sort);
  // no index serves the postponed set; steering would only keep a filter's index from narrowing it
  const steering = steer && !f.postponed;
  const flag = steering && dateSort ? noIndexInt : col;
  const date = steering && !dateSort ? noIndexText('date') : dateKey(f);
  const c: RawBuilder<unknown>[] = [sql`${col('postponed')} = ${sql.lit(toFlag(f.postponed === true))}`];
  for (const [key, name] of EQUALS) {
    const v = f[key];
    if (v !== undefined && v !== null) c.push(sql`${col(name)} = ${v}`);
  }
  if (f.canceled !== undefined) c.push(sql`${flag('canceled')} = ${toFlag(f.canceled)}`);
  if (f.attemptFailed !== undefined) c.push(sql`${flag('attempt_failed')} = ${toFlag(f.attemptFailed)}`);
  if (f.dateFrom !== undefined) c.push(sql`${date} >= ${f.dateFrom}`);
  if (f.dateTo !== undefined) c.push(sql`${date} <= ${f.dateTo}`);
  if (f.entryNoFrom !== undefined) c.push(sql`${col('entry_no')} >= ${f.entryNoFrom}`);
  if (f.entryNoTo !== undefined) c.push(sql`${col('entry_no')} <= ${f.entryNoTo}`);
  if (f.q) c.push(sql`${col('search')} like ${likeContains(fold(f.q))} escape '\\'`);
  return sql<SqlBool>`(${sql.join(c, sql` and `)})`;
}

/** Rows after the cursor key in the sort order; row values keep the (date, entry_no) index usable. */
function startsAfter(f: EntryFilter, sort: EntrySort, after: EntryKey): Expression<SqlBool> {
  const op = sort.startsWith('-') ? sql`<` : sql`>`;
  if (byDate(sort)) return sql<SqlBool>`(${dateKey(f)}, ${col('entry_no')}) ${op} (${after.date ?? ''}, ${after.entryNo})`;
  return sql<SqlBool>`${col('entry_no')} ${op} ${after.entryNo}`;
}

function ordered(f: EntryFilter, sort: EntrySort): RawBuilder<unknown> {
  const dir = sort.startsWith('-') ? sql`desc` : sql`asc`;
  return byDate(sort) ? sql`${dateKey(f)} ${dir}, ${col('entry_no')} ${dir}` : sql`${col('entry_no')} ${dir}`;
}

/** A bulk delete sets the contact-ordered indexes aside from this many entries (SQLite). */
const BULK_DELETE_MIN = 50_000;
const CONTACT_ORDER_INDEXES = ['entries_contact', 'entries_company', 'entries_contact_date', 'entries_company_date'];

export function createInteractionLogStore(db: Kysely<Database>, dialect: SqlDialect, wrote: Wrote): InteractionLogStore {
  const steer = dialect.steersEntryIndexes;
  /** The canceled entries a delete-canceled run may take (R27), walked by entry number. */
  const deletable = (f: DeleteCanceledFilter) => matches({ ...f, canceled: true }, 'entryNo', steer);
  function page(filter: EntryFilter, sort: EntrySort, after: EntryKey | null, limit: number) {
    let q = selectEntries(db).where(matches(filter, sort, steer));
    if (after) q = q.where(startsAfter(filter, sort, after));
    return q.orderBy(ordered(filter, sort)).limit(limit);
  }
  /**
   * Attachments the set-up rows use (template languages, segment languages, segment lines), read
   * once per statement as an uncorrelated NOT IN: these tables have no attachment index.
   */
  const setUpUses = (table: 'template_languages' | 'segment_languages' | 'segment_lines') =>
    db.selectFrom(table).select('attachment_id').where('attachment_id', 'is not', null).$narrowType<{ attachment_id: number }>();
  const setHasComments = (entryNo: number) =>
    db
      .updateTable('interaction_log_entries')
      .set({ has_comments: sql<number>`case when exists (select 1 from entry_comments c where c.entry_no = ${entryNo}) then 1 else 0 end` })
      .where('entry_no', '=', entryNo)
      .execute();

  return {
    list: async (filter, sort, after, limit) => (await page(filter, sort, after, limit).execute()).map(toLogEntry),

    async history(filter, sort, after, limit) {
      const rows = await page(filter, sort, after, limit)
        .select([
          sql<string | null>`(select t.description from interaction_templates t where t.code = e.interaction_template_code)`.as(
            'template_description',
          ),
          sql<string | null>`(select p.name from salespeople p where p.code = e.salesperson_code)`.as('salesperson_name'),
          sql<string | null>`(select u.full_name from users u where u.username = e.user_id)`.as('user_full_name'),
        ])
        .execute();
      return rows.map((r) => ({
        entry: toLogEntry(r),
        templateDescription: r.template_description,
        salespersonName: r.salesperson_name,
        userFullName: r.user_full_name,
      }));
    },

    async count(filter) {
      const r = await db
        .selectFrom('interaction_log_entries')
        .select(sql<number>`count(*)`.as('n'))
        .where(matches(filter, '-entryNo', steer))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async getMany(entryNos) {
      if (!entryNos.length) return [];
      const rows = await selectEntries(db)
        .where('e.entry_no', 'in', [...entryNos])
        .where('e.postponed', '=', 0)
        .orderBy('e.entry_no')
        .execute();
      return rows.map(toLogEntry);
    },

    async contactType(contactNo) {
      const r = await db.selectFrom('contacts').select('type').where('no', '=', contactNo).executeTakeFirst();
      return r ? (r.type as 'company' | 'person') : null;
    },

    async update(entryNo, c) {
      const set: {
        description?: string;
        search?: string;
        evaluation?: string | null;
        attempt_failed?: number;
        cost_cents?: number;
        duration_min?: number;
      } = {};
      if (c.description !== undefined) {
        const { subject } = await db
          .selectFrom('interaction_log_entries')
          .select('subject')
          .where('entry_no', '=', entryNo)
          .executeTakeFirstOrThrow();
        // the search column follows the texts it folds (api.md §13.4)
        set.description = c.description;
        set.search = fold(c.description, subject);
      }
      if (c.evaluation !== undefined) set.evaluation = c.evaluation;
      if (c.attemptFailed !== undefined) set.attempt_failed = toFlag(c.attemptFailed);
      if (c.costCents !== undefined) set.cost_cents = c.costCents;
      if (c.durationMin !== undefined) set.duration_min = c.durationMin;
      if (Object.keys(set).length) await db.updateTable('interaction_log_entries').set(set).where('entry_no', '=', entryNo).execute();
    },

    async setCanceled(entryNos, canceled) {
      if (!entryNos.length) return;
      await db
        .updateTable('interaction_log_entries')
        .set({ canceled: toFlag(canceled) })
        .where('entry_no', 'in', [...entryNos])
        .execute();
    },

    async setEvaluation(entryNos, evaluation) {
      if (!entryNos.length) return;
      await db
        .updateTable('interaction_log_entries')
        .set({ evaluation })
        .where('entry_no', 'in', [...entryNos])
        .execute();
    },

    async canceledLoggedSegments(entryNos) {
      if (!entryNos.length) return new Set();
      const rows = await db
        .selectFrom('logged_segments')
        .select('entry_no')
        .where('entry_no', 'in', [...entryNos])
        .where('canceled', '=', 1)
        .execute();
      return new Set(rows.map((r) => Number(r.entry_no)));
    },

    async canceledCampaignEntries(entryNos) {
      if (!entryNos.length) return new Set();
      const rows = await db
        .selectFrom('campaign_entries')
        .select('entry_no')
        .where('entry_no', 'in', [...entryNos])
        .where('canceled', '=', 1)
        .execute();
      return new Set(rows.map((r) => Number(r.entry_no)));
    },

    async removeUniqueAttachments(entryNos) {
      if (!entryNos.length) return;
      const unique = await db
        .selectFrom('interaction_log_entries as e')
        .select(['e.entry_no', 'e.attachment_id'])
        .where('e.entry_no', 'in', [...entryNos])
        .where('e.attachment_id', 'is not', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('interaction_log_entries as o')
                .select('o.entry_no')
                .whereRef('o.attachment_id', '=', 'e.attachment_id')
                .whereRef('o.entry_no', '<>', 'e.entry_no'),
            ),
          ),
        )
        .where('e.attachment_id', 'not in', setUpUses('template_languages'))
        .where('e.attachment_id', 'not in', setUpUses('segment_languages'))
        .where('e.attachment_id', 'not in', setUpUses('segment_lines'))
        .execute();
      if (!unique.length) return;
      await db
        .updateTable('interaction_log_entries')
        .set({ attachment_id: null })
        .where(
          'entry_no',
          'in',
          unique.map((r) => Number(r.entry_no)),
        )
        .execute();
      await db
        .deleteFrom('attachments')
        .where(
          'id',
          'in',
          unique.map((r) => Number(r.attachment_id)),
        )
        .execute();
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

    async comment(entryNo, lineNo) {
      const r = await db
        .selectFrom('entry_comments')
        .select(['line_no', 'date', 'comment'])
        .where('entry_no', '=', entryNo)
        .where('line_no', '=', lineNo)
        .executeTakeFirst();
      return r ? { lineNo: Number(r.line_no), date: r.date, comment: r.comment } : null;
    },

    async addComment(entryNo, line) {
      const last = await db
        .selectFrom('entry_comments')
        .select(sql<number | null>`max(line_no)`.as('n'))
        .where('entry_no', '=', entryNo)
        .executeTakeFirst();
      const lineNo = Number(last?.n ?? 0) + 10000;
      await db
        .insertInto('entry_comments')
        .values({ entry_no: entryNo, line_no: lineNo, date: line.date, comment: line.comment })
        .execute();
      await db.updateTable('interaction_log_entries').set({ has_comments: 1 }).where('entry_no', '=', entryNo).execute();
      return { lineNo, ...line };
    },

    async updateComment(entryNo, lineNo, changes) {
      if (!Object.keys(changes).length) return;
      await db.updateTable('entry_comments').set(changes).where('entry_no', '=', entryNo).where('line_no', '=', lineNo).execute();
    },

    async deleteComment(entryNo, lineNo) {
      await db.deleteFrom('entry_comments').where('entry_no', '=', entryNo).where('line_no', '=', lineNo).execute();
      await setHasComments(entryNo);
    },

    async countCanceled(filter) {
      const r = await db
        .selectFrom('interaction_log_entries')
        .select(sql<number>`count(*)`.as('n'))
        .where(deletable(filter))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async prepareBulkDelete(count) {
      const none = { restore: async () => undefined };
      const setAside = dialect.setIndexesAside;
      if (!setAside || count < BULK_DELETE_MIN) return none;
      const all = await db
        .selectFrom('interaction_log_entries')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      if (count * 4 < Number(all.n)) return none;
      // Deleting in entry order touches these four indexes in contact order, a different page for
      // almost every row; building them again from the rows that stay is a sort and one pass.
      return { restore: await setAside(db, 'interaction_log_entries', CONTACT_ORDER_INDEXES) };
    },

    async deleteCanceledChunk(filter, afterEntryNo, size) {
      // The chunk is a range of entry numbers ending at the size-th match: the delete then walks the
      // primary key, whatever the planner knows about freshly written rows. The predicate on the
      // delete itself decides, and RETURNING tells exactly which rows went.
      const from = afterEntryNo ?? 0;
      const end = await db
        .selectFrom('interaction_log_entries')
        .select('entry_no')
        .where(deletable(filter))
        .where('entry_no', '>', from)
        .orderBy('entry_no')
        .offset(size - 1)
        .limit(1)
        .executeTakeFirst();
      let q = db.deleteFrom('interaction_log_entries').where(deletable(filter)).where('entry_no', '>', from);
      if (end) q = q.where('entry_no', '<=', Number(end.entry_no));
      const gone = await q.returning(['entry_no', 'attachment_id', 'has_comments']).execute();
      if (!gone.length) return { deleted: 0, lastEntryNo: null, attachmentIds: [] };
      wrote('interaction_log_entries', gone.length);
      const withComments = gone.filter((r) => Number(r.has_comments) === 1).map((r) => Number(r.entry_no));
      if (withComments.length) await db.deleteFrom('entry_comments').where('entry_no', 'in', withComments).execute();
      const attachmentIds = [...new Set(gone.filter((r) => r.attachment_id !== null).map((r) => Number(r.attachment_id)))];
      return { deleted: gone.length, lastEntryNo: Math.max(...gone.map((r) => Number(r.entry_no))), attachmentIds };
    },

    async deleteUnusedAttachments(ids) {
      if (!ids.length) return;
      // Entries are checked through their attachment index, the set-up tables once per statement.
      await db
        .deleteFrom('attachments')
        .where('id', 'in', [...ids])
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('interaction_log_entries as e').select('e.entry_no').whereRef('e.attachment_id', '=', 'attachments.id'))),
        )
        .where('id', 'not in', setUpUses('template_languages'))
        .where('id', 'not in', setUpUses('segment_languages'))
        .where('id', 'not in', setUpUses('segment_lines'))
        .execute();
    },
  };
}
