import { z } from 'zod';
import type { App } from '../../app/create-app';
import { jobStatus } from '../../contract/common';
import { answer, type Router } from '../route';

export function systemRoutes(r: Router, app: App) {
  r.route({
    method: 'GET',
    url: '/healthz',
    access: 'public',
    summary: 'Health: whether the database answers',
    tags: ['service'],
    response: z.object({ status: z.enum(['ok', 'error']) }),
    async handler() {
      try {
        await app.services.health.ping();
        return { status: 'ok' };
      } catch {
        return answer(503, { status: 'error' });
      }
    },
  });

  r.route({
    method: 'GET',
    url: '/api/v1/jobs/:id',
    access: 'viewer',
    summary: 'A background job and its progress',
    tags: ['jobs'],
    params: z.strictObject({ id: z.string().max(100) }),
    response: z.object({
      id: z.string(),
      kind: z.enum(['segment_log', 'contacts_import', 'entries_delete_canceled']),
      status: jobStatus,
      done: z.number().int(),
      total: z.number().int().nullable(),
      result: z.unknown(),
      error: z.unknown(),
      createdAt: z.string(),
      finishedAt: z.string().nullable(),
    }),
    async handler({ params, principal }) {
      const job = await app.services.jobs.get(params.id, principal.user);
      const { createdBy: _c, ...out } = job;
      return out;
    },
  });
}
