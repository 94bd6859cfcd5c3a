import type { Contact, ContactPrivacy, ContactRecord, ContactRef, ContactType, ContactUsage } from './contact';

export interface ContactFilter {
  readonly type?: ContactType | undefined;
  /** The company and its persons. */
  readonly companyNo?: string | undefined;
  readonly salespersonCode?: string | undefined;
  /** Case-insensitive substring of name or e-mail. */
  readonly q?: string | undefined;
}

/** What contacts need from storage. */
export interface ContactStore {
  get(no: string): Promise<Contact | null>;
  /** Contacts by `no` ascending (binary order) after `afterNo`. */
  list(filter: ContactFilter, afterNo: string | null, limit: number): Promise<Contact[]>;
  /** The named contacts that exist, keyed by `no` (one query for a whole batch). */
  refs(nos: readonly string[]): Promise<Map<string, ContactRef>>;
  /** The named salespeople that exist, with their blocked flag. */
  salespeople(codes: readonly string[]): Promise<Map<string, { readonly blocked: boolean }>>;
  /** The named languages that exist. */
  languages(codes: readonly string[]): Promise<Set<string>>;
  /** Inserts new contacts with their code lists (in chunks). */
  insert(contacts: readonly ContactRecord[]): Promise<void>;
  /** Writes the changed record; code lists are replaced where they differ. */
  update(before: ContactRecord, after: ContactRecord): Promise<void>;
  delete(no: string): Promise<void>;

  /** Whether any entry (postponed included) names the contact as contact or company. */
  hasEntries(no: string): Promise<boolean>;
  /** Whether persons belong to the company. */
  hasPersons(companyNo: string): Promise<boolean>;
  /** Whether the contact is on any segment line. */
  onSegmentLine(no: string): Promise<boolean>;
  usage(no: string, type: ContactType): Promise<ContactUsage>;
  /** The contact with its privacy state (its own flag or its company's), or null when it does not exist. */
  privacy(no: string): Promise<ContactPrivacy | null>;

  /** R35 with an old company: the person's history under it stays with that company. */
  leaveHistoryWithCompany(personNo: string, oldCompanyNo: string): Promise<void>;
  /** R35 without an old company: the person's history without company joins the new one. */
  attachHistoryToCompany(personNo: string, newCompanyNo: string): Promise<void>;
  /** R33 for a person: entries, closed tasks and closed opportunities move to its company (or none). */
  repointPersonHistory(personNo: string, companyNo: string | null): Promise<void>;
  /** R33 for a company: its entries, closed tasks and closed opportunities lose their contact. */
  detachCompanyHistory(companyNo: string): Promise<void>;
}
