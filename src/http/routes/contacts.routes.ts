import { page } from '../../contract/common';
import {
  contactOut,
  contactParams,
  createContactBody,
  importContactsQuery,
  importResultOut,
  listContactsQuery,
  patchContactBody,
} from '../../contract/contact';
import { toContactJson } from '../../edge/json/contact';
import type { App } from '../../app/create-app';
import { failWith } from '../../domain/shared/errors';
import { answer, type Router } from '../route';

const IMPORT_LIMIT = 20 * 1024 * 1024;

export function contactRoutes(r: Router, app: App) {
  const contacts = app.services.contacts;
  const tags = ['contacts'];
  const location = (no: string) => `/api/v1/contacts/${encodeURIComponent(no)}`;

  r.route({
    method: 'GET',
    url: '/api/v1/contacts',
    access: 'viewer',
    summary: 'List contacts',
    tags,
    query: listContactsQuery,
    response: page(contactOut),
    async handler({ query }) {
      const { limit, cursor, companyNo, salespersonCode, ...filter } = query;
      const p = await contacts.list({
        ...filter,
        ...(companyNo != null && { companyNo }),
        ...(salespersonCode != null && { salespersonCode }),
        limit: limit ?? 50,
        cursor,
      });
      return { items: p.items.map(toContactJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/contacts/:no',
    access: 'viewer',
    summary: 'One contact',
    tags,
    params: contactParams,
    response: contactOut,
    handler: async ({ params }) => toContactJson(await contacts.get(params.no)),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/contacts',
    access: 'user',
    summary: 'Create a contact (number from the CT series when omitted)',
    tags,
    body: createContactBody,
    response: contactOut,
    status: 201,
    async handler({ body }) {
      const { companyName: _computed, ...draft } = body;
      const c = await contacts.create(draft);
      return answer(201, toContactJson(c), { Location: location(c.no) });
    },
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/contacts/:no',
    access: 'user',
    summary: 'Change a contact (type and company as R34, R35)',
    tags,
    params: contactParams,
    body: patchContactBody,
    response: contactOut,
    async handler({ params, body }) {
      const { no: _key, companyName: _computed, ...changes } = body;
      return toContactJson(await contacts.update(params.no, changes));
    },
  });
  r.route({
    method: 'DELETE',
    url: '/api/v1/contacts/:no',
    access: 'user',
    summary: 'Delete a contact; its entries are kept (R33)',
    tags,
    params: contactParams,
    status: 204,
    async handler({ params }) {
      await contacts.remove(params.no);
      return answer(204);
    },
  });
  r.route({
    method: 'POST',
    url: '/api/v1/contacts/import',
    access: 'user',
    summary: 'Import contacts from a CSV file',
    tags,
    query: importContactsQuery,
    body: 'raw',
    rawContentType: 'text/csv',
    bodyLimit: IMPORT_LIMIT,
    response: importResultOut,
    async handler({ query, body, request, principal }) {
      if (!/^text\/csv\s*(;|$)/i.test(request.headers['content-type'] ?? ''))
        throw failWith(
          'validation_failed',
          { status: 415, errors: [{ path: 'headers.content-type', message: 'must be text/csv' }] },
          'The request body must be a CSV file (Content-Type: text/csv).',
        );
      const skipInvalid = query.skipInvalid ?? false;
      if (query.async) {
        // the file is stored with the job, so that any instance can run it (again)
        const csvBase64 = Buffer.from(body).toString('base64');
        const jobId = await app.services.jobs.start('contacts_import', { csvBase64, skipInvalid }, { createdBy: principal.user.username });
        return answer(202, { jobId }, { Location: `/api/v1/jobs/${jobId}` });
      }
      return contacts.importCsv(body, { skipInvalid });
    },
  });
}
