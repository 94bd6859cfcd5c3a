import type { App } from '../../app/create-app';
import { page } from '../../contract/common';
import { jobOut, jobParams, listJobsQuery, type JobJson } from '../../contract/job';
import type { Job } from '../../domain/job/job';
import type { Router } from '../route';

const tags = ['jobs'];
const toJobJson = ({ createdBy: _c, ...job }: Job): JobJson => job;

/** Background jobs (api.md §11): one job, the admin's list, and canceling a queued job. */
export function jobRoutes(r: Router, app: App) {
  const jobs = app.services.jobs;
  r.route({
    method: 'GET',
    url: '/api/v1/jobs',
    access: 'admin',
    summary: 'Every background job, newest first',
    tags,
    query: listJobsQuery,
    response: page(jobOut),
    async handler({ query }) {
      const p = await jobs.list({ limit: query.limit ?? 50, cursor: query.cursor, ...(query.status && { status: query.status }) });
      return { items: p.items.map(toJobJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/jobs/:id',
    access: 'viewer',
    summary: 'A background job and its progress',
    tags,
    params: jobParams,
    response: jobOut,
    handler: async ({ params, principal }) => toJobJson(await jobs.get(params.id, principal.user)),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/jobs/:id/cancel',
    access: 'user',
    summary: 'Cancel a queued job (its creator or an admin)',
    tags,
    params: jobParams,
    response: jobOut,
    handler: async ({ params, principal }) => toJobJson(await jobs.cancel(params.id, principal.user)),
  });
}
