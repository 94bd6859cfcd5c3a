import type { Stores } from '../stores';
import { decodeCursor, toPage } from '../shared/cursor';
import { notFound } from '../shared/errors';
import { newSalesperson, refuseBlocked } from '../salesperson/salesperson-assignment';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import {
  applyChanges,
  buildContact,
  deleteRefusal,
  resolveTypeAndCompany,
  type Contact,
  type ContactChanges,
  type ContactDraft,
} from './contact';
import { contactErrors } from './contact.errors';
import type { ContactFilter } from './contact.store';
import { createContactImport, type ContactCsvRows, type ContactImport } from './contact-import';
import { checkNewContact, storeLookups } from './new-contact';

export interface ContactService extends ContactImport {
  list(q: ContactFilter & { limit: number; cursor?: string | undefined }): Promise<Page<Contact>>;
  get(no: string): Promise<Contact>;
  create(draft: ContactDraft): Promise<Contact>;
  update(no: string, changes: ContactChanges): Promise<Contact>;
  remove(no: string): Promise<void>;
}

/** Contacts and their integrity rules (domain.md §3.3, R33–R35, R61). */
export function createContactService({ uow, csvRows }: { uow: UnitOfWork<Stores>; csvRows: ContactCsvRows }): ContactService {
  const must = async (s: Stores, no: string) => (await s.contacts.get(no)) ?? Promise.reject(notFound.contact(no));
  return {
    ...createContactImport({ uow, csvRows }),

    list: ({ limit, cursor, ...filter }) =>
      uow.read(async (s) => {
        const scope = { contacts: filter };
        const after = decodeCursor(cursor, scope);
        const rows = await s.contacts.list(filter, (after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (c) => [c.no], scope);
      }),

    get: (no) => uow.read((s) => must(s, no)),

    create: (draft) =>
      uow.transaction(async (s) => {
        // one writer of new contact numbers at a time, whether given or taken from the series
        await s.lock('series:contact');
        const company = await checkNewContact(draft, storeLookups(s.contacts));
        const no = draft.no ?? (await s.nextNumber('contact'));
        await s.contacts.insert([buildContact(no, draft, company)]);
        return must(s, no);
      }),

    update: (no, changes) =>
      uow.transaction(async (s) => {
        const cur = await must(s, no);
        const { type, companyNo, typeChanged, companyChanged } = resolveTypeAndCompany(cur, changes);

        // a company becoming a person may not keep its own number as its company (R34, R61)
        if (type === 'person' && companyNo !== null && (typeChanged || companyNo !== cur.companyNo)) {
          if (companyNo === no) throw contactErrors.companyIsPerson(no);
          const company = (await s.contacts.refs([companyNo])).get(companyNo);
          if (!company) throw notFound.contact(companyNo);
          if (company.type !== 'company') throw contactErrors.companyIsPerson(companyNo);
        }
        const salesperson = await newSalesperson(s, changes.salespersonCode, cur.salespersonCode);
        const lang = changes.languageCode;
        if (lang != null && lang !== cur.languageCode && !(await s.contacts.languages([lang])).has(lang)) throw notFound.language(lang);

        if (typeChanged && ((await s.contacts.hasEntries(no)) || (cur.type === 'company' && (await s.contacts.hasPersons(no)))))
          throw contactErrors.typeChangeBlocked(no);
        if (companyChanged && (await s.contacts.onSegmentLine(no))) throw contactErrors.companyChangeBlocked(no);
        refuseBlocked(salesperson);

        if (companyChanged) {
          // as BC: the history made under the old company stays with it
          if (cur.companyNo !== null) await s.contacts.leaveHistoryWithCompany(no, cur.companyNo);
          else if (companyNo !== null) await s.contacts.attachHistoryToCompany(no, companyNo);
        }
        await s.contacts.update(cur, applyChanges(cur, changes, { type, companyNo }));
        return must(s, no);
      }),

    remove: (no) =>
      uow.transaction(async (s) => {
        const cur = await must(s, no);
        const reason = deleteRefusal(await s.contacts.usage(no, cur.type));
        if (reason) throw contactErrors.inUse(no, reason);
        // as BC: entries are kept — a person's move to its company, a company's lose their contact
        if (cur.type === 'company') await s.contacts.detachCompanyHistory(no);
        else await s.contacts.repointPersonHistory(no, cur.companyNo);
        await s.contacts.delete(no);
      }),
  };
}
