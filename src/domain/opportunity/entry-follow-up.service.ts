import { contactErrors } from '../contact/contact.errors';
import type { LogEntry } from '../interaction-log/interaction-log';
import type { Stores } from '../stores';
import type { Clock } from '../shared/clock';
import { notFound, fail } from '../shared/errors';
import type { UnitOfWork } from '../shared/unit-of-work';
import type { Opportunity, Task } from './opportunity';

export interface EntryFollowUpService {
  /** R52: a new opportunity from a log entry, which is linked to it. */
  createOpportunity(
    entryNo: number,
    input: { description?: string | null | undefined },
  ): Promise<{ opportunity: Opportunity; entry: LogEntry }>;
  /** R53: a new task from a log entry; the entry itself is not changed. */
  createTask(entryNo: number, input: { description?: string | null | undefined; date?: string | null | undefined }): Promise<Task>;
}

/** The entry named in the path: postponed entries count as not existing (R20). */
async function existingEntry(s: Stores, entryNo: number): Promise<LogEntry> {
  const entry = await s.opportunities.entry(entryNo);
  if (!entry || entry.postponed) throw notFound.entry(entryNo);
  return entry;
}

/** The rules R52 and R53 share: not canceled, still a contact, and that contact not privacy-blocked. */
async function mayFollowUp(s: Stores, entry: LogEntry): Promise<LogEntry & { contactNo: string }> {
  const { entryNo, contactNo } = entry;
  if (entry.canceled) throw fail('entry_canceled', entryNo);
  const contact = contactNo === null ? null : await s.contacts.privacy(contactNo);
  if (contactNo === null || !contact) throw fail('entry_has_no_contact', entryNo);
  // decision i: a privacy-blocked contact, or a person of a privacy-blocked company, gets nothing new
  if (contact.privacyBlocked) throw contactErrors.privacyBlocked(contact.no, contact.name);
  return { ...entry, contactNo };
}

/** Opportunities and tasks created from an interaction log entry (R52, R53). */
export function createEntryFollowUpService({ uow, clock }: { uow: UnitOfWork<Stores>; clock: Clock }): EntryFollowUpService {
  return {
    createOpportunity: (entryNo, input) =>
      uow.transaction(async (s) => {
        // two requests for one entry must not both create an opportunity
        await s.lock(`entry:${entryNo}`);
        const found = await existingEntry(s, entryNo);
        if (found.opportunityNo !== null) throw fail('opportunity_already_linked', entryNo, found.opportunityNo);
        const entry = await mayFollowUp(s, found);
        const opportunity: Opportunity = {
          no: await s.nextNumber('opportunity'),
          description: input.description !== undefined ? input.description : entry.description,
          contactNo: entry.contactNo,
          contactCompanyNo: entry.contactCompanyNo,
          salespersonCode: entry.salespersonCode,
          campaignNo: entry.campaignNo,
          segmentNo: entry.segmentNo,
          creationDate: clock.today(),
          status: 'not_started',
        };
        await s.opportunities.insertOpportunity(opportunity);
        await s.opportunities.copyEntryComments(entryNo, opportunity.no);
        await s.opportunities.linkEntry(entryNo, opportunity.no);
        return { opportunity, entry: (await s.opportunities.entry(entryNo))! };
      }),
    createTask: (entryNo, input) =>
      uow.transaction(async (s) => {
        const entry = await mayFollowUp(s, await existingEntry(s, entryNo));
        const date = input.date !== undefined ? input.date : clock.today();
        if (date === null) throw fail('date_required');
        const description = input.description !== undefined ? input.description : entry.description;
        if (description === null) throw fail('description_required');
        const task: Task = {
          no: await s.nextNumber('task'),
          description,
          date,
          contactNo: entry.contactNo,
          contactCompanyNo: entry.contactCompanyNo,
          salespersonCode: entry.salespersonCode,
          campaignNo: entry.campaignNo,
          opportunityNo: entry.opportunityNo,
          status: 'open',
        };
        await s.opportunities.insertTask(task);
        return task;
      }),
  };
}
