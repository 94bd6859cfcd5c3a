import { CONTACT_CSV_COLUMNS, parseContactCsvRow } from '../contract/contact';
import type { ContactCsvRows } from '../domain/contact/contact-import';

/** The contract's CSV columns and create schema, handed to the contact import (api.md §5.1). */
export const contactCsvRows: ContactCsvRows = { columns: CONTACT_CSV_COLUMNS, parse: parseContactCsvRow };
