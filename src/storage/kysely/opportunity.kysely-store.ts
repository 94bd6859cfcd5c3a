import type { Kysely } from 'kysely';
import type { FollowUpFilter, Opportunity, Task } from '../../domain/opportunity/opportunity';
import type { OpportunityStore } from '../../domain/opportunity/opportunity.store';
import type { Database, OpportunitiesTable, TasksTable } from './database';
import { selectEntries, toLogEntry } from './log-entry-row';

const toOpportunity = (r: OpportunitiesTable): Opportunity => ({
  no: r.no,
  description: r.description,
  contactNo: r.contact_no,
  contactCompanyNo: r.contact_company_no,
  salespersonCode: r.salesperson_code,
  campaignNo: r.campaign_no,
  segmentNo: r.segment_no,
  creationDate: r.creation_date,
  status: r.status as Opportunity['status'],
});

const toTask = (r: TasksTable): Task => ({
  no: r.no,
  description: r.description,
  date: r.date,
  contactNo: r.contact_no,
  contactCompanyNo: r.contact_company_no,
  salespersonCode: r.salesperson_code,
  campaignNo: r.campaign_no,
  opportunityNo: r.opportunity_no,
  status: r.status as Task['status'],
});

/** The list filters and keyset shared by opportunities and tasks, whose columns are alike. */
function listOf(db: Kysely<Database>, table: 'opportunities' | 'tasks', f: FollowUpFilter<string>, after: string | null, limit: number) {
  let q = db.selectFrom(table).selectAll().orderBy('no').limit(limit);
  if (f.contactNo !== undefined) q = q.where('contact_no', '=', f.contactNo);
  if (f.contactCompanyNo !== undefined) q = q.where('contact_company_no', '=', f.contactCompanyNo);
  if (f.salespersonCode !== undefined) q = q.where('salesperson_code', '=', f.salespersonCode);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (after !== null) q = q.where('no', '>', after);
  return q.execute();
}

export function createOpportunityStore(db: Kysely<Database>): OpportunityStore {
  return {
    async getOpportunity(no) {
      const r = await db.selectFrom('opportunities').selectAll().where('no', '=', no).executeTakeFirst();
      return r ? toOpportunity(r) : null;
    },
    async listOpportunities(filter, after, limit) {
      return (await listOf(db, 'opportunities', filter, after, limit)).map((r) => toOpportunity(r as OpportunitiesTable));
    },
    async insertOpportunity(o) {
      await db
        .insertInto('opportunities')
        .values({
          no: o.no,
          description: o.description,
          contact_no: o.contactNo,
          contact_company_no: o.contactCompanyNo,
          salesperson_code: o.salespersonCode,
          campaign_no: o.campaignNo,
          segment_no: o.segmentNo,
          creation_date: o.creationDate,
          status: o.status,
        })
        .execute();
    },
    async updateOpportunity(no, c) {
      await db
        .updateTable('opportunities')
        .set({ status: c.status, ...(c.description !== undefined && { description: c.description }) })
        .where('no', '=', no)
        .execute();
    },
    async copyEntryComments(entryNo, opportunityNo) {
      await db
        .insertInto('opportunity_comments')
        .columns(['opportunity_no', 'line_no', 'date', 'comment'])
        .expression((eb) =>
          eb
            .selectFrom('entry_comments')
            .select((s) => [s.val(opportunityNo).as('opportunity_no'), 'line_no', 'date', 'comment'])
            .where('entry_no', '=', entryNo),
        )
        .execute();
    },

    async getTask(no) {
      const r = await db.selectFrom('tasks').selectAll().where('no', '=', no).executeTakeFirst();
      return r ? toTask(r) : null;
    },
    async listTasks(filter, after, limit) {
      return (await listOf(db, 'tasks', filter, after, limit)).map((r) => toTask(r as TasksTable));
    },
    async insertTask(t) {
      await db
        .insertInto('tasks')
        .values({
          no: t.no,
          description: t.description,
          date: t.date,
          contact_no: t.contactNo,
          contact_company_no: t.contactCompanyNo,
          salesperson_code: t.salespersonCode,
          campaign_no: t.campaignNo,
          opportunity_no: t.opportunityNo,
          status: t.status,
        })
        .execute();
    },
    async updateTask(no, c) {
      await db
        .updateTable('tasks')
        .set({
          status: c.status,
          ...(c.description !== undefined && { description: c.description }),
          ...(c.date !== undefined && { date: c.date }),
        })
        .where('no', '=', no)
        .execute();
    },

    async entry(entryNo) {
      const r = await selectEntries(db).where('e.entry_no', '=', entryNo).executeTakeFirst();
      return r ? toLogEntry(r) : null;
    },
    async linkEntry(entryNo, opportunityNo) {
      await db.updateTable('interaction_log_entries').set({ opportunity_no: opportunityNo }).where('entry_no', '=', entryNo).execute();
    },
  };
}
