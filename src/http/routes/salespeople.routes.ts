import { z } from 'zod';
import type { App } from '../../app/create-app';
import { listQuery, page } from '../../contract/common';
import { createSalespersonBody, patchSalespersonBody, salespersonOut, salespersonParams } from '../../contract/salesperson';
import { answer, type Router } from '../route';

export function salespersonRoutes(r: Router, app: App) {
  const salespeople = app.services.salespeople;
  const tags = ['set-up'];
  r.route({
    method: 'GET',
    url: '/api/v1/salespeople',
    access: 'viewer',
    summary: 'List salespeople',
    tags,
    query: z.strictObject(listQuery),
    response: page(salespersonOut),
    handler: ({ query }) => salespeople.list({ limit: query.limit ?? 50, cursor: query.cursor }),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/salespeople/:code',
    access: 'viewer',
    summary: 'One salesperson',
    tags,
    params: salespersonParams,
    response: salespersonOut,
    handler: ({ params }) => salespeople.get(params.code),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/salespeople',
    access: 'admin',
    summary: 'Create a salesperson',
    tags,
    body: createSalespersonBody,
    response: salespersonOut,
    status: 201,
    async handler({ body }) {
      const sp = await salespeople.create(body);
      return answer(201, sp, { Location: `/api/v1/salespeople/${encodeURIComponent(sp.code)}` });
    },
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/salespeople/:code',
    access: 'admin',
    summary: 'Change a salesperson',
    tags,
    params: salespersonParams,
    body: patchSalespersonBody,
    response: salespersonOut,
    handler: ({ params, body }) => salespeople.update(params.code, body),
  });
  r.route({
    method: 'DELETE',
    url: '/api/v1/salespeople/:code',
    access: 'admin',
    summary: 'Delete a salesperson (codes stored elsewhere stay)',
    tags,
    params: salespersonParams,
    status: 204,
    async handler({ params }) {
      await salespeople.remove(params.code);
      return answer(204);
    },
  });
}
