import { z } from 'zod';
import type { App } from '../../app/create-app';
import { listQuery, page } from '../../contract/common';
import { savedCriteriaDetailOut, savedCriteriaOut, savedCriteriaParams } from '../../contract/saved-criteria';
import { toSavedCriteriaDetailJson, toSavedCriteriaJson } from '../../edge/json/saved-criteria';
import { answer, type Router } from '../route';

const BASE = '/api/v1/saved-criteria';
const tags = ['segments'];

/** Saved criteria; saving and reusing them are segment actions (segments.routes.ts). */
export function savedCriteriaRoutes(r: Router, app: App) {
  const saved = app.services.segments.savedCriteria;
  r.route({
    method: 'GET',
    url: BASE,
    access: 'viewer',
    summary: 'List saved criteria',
    tags,
    query: z.strictObject(listQuery),
    response: page(savedCriteriaOut),
    async handler({ query }) {
      const p = await saved.list({ limit: query.limit ?? 50, cursor: query.cursor });
      return { items: p.items.map(toSavedCriteriaJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'GET',
    url: `${BASE}/:code`,
    access: 'viewer',
    summary: 'Saved criteria with their actions',
    tags,
    params: savedCriteriaParams,
    response: savedCriteriaDetailOut,
    handler: async ({ params }) => toSavedCriteriaDetailJson(await saved.get(params.code)),
  });
  r.route({
    method: 'DELETE',
    url: `${BASE}/:code`,
    access: 'user',
    summary: 'Delete saved criteria',
    tags,
    params: savedCriteriaParams,
    status: 204,
    async handler({ params }) {
      await saved.remove(params.code);
      return answer(204);
    },
  });
}
