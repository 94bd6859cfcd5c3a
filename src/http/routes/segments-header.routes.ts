import type { App } from '../../app/create-app';
import { page } from '../../contract/common';
import {
  applyToLinesQuery,
  createSegmentBody,
  patchSegmentBody,
  segmentListQuery,
  segmentOut,
  segmentParams,
} from '../../contract/segment-header';
import { segmentInput, toSegmentJson } from '../../edge/json/segment-header';
import { answer, type Router } from '../route';
import { actor, BASE, location, tags } from './segments-support';

// GET, POST /segments; GET, PATCH, DELETE /segments/{no} (api.md §9).

export function headerRoutes(r: Router, app: App) {
  const headers = app.services.segments.headers;
  r.route({
    method: 'GET',
    url: BASE,
    access: 'viewer',
    summary: 'List segments',
    tags,
    query: segmentListQuery,
    response: page(segmentOut),
    async handler({ query }) {
      const p = await headers.list({
        limit: query.limit ?? 50,
        cursor: query.cursor,
        q: query.q?.trim() || null,
        campaignNo: query.campaignNo ?? null,
        salespersonCode: query.salespersonCode ?? null,
      });
      return { items: p.items.map(toSegmentJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'POST',
    url: BASE,
    access: 'user',
    summary: 'Create a segment (a template copies its values, R39)',
    tags,
    body: createSegmentBody,
    response: segmentOut,
    status: 201,
    async handler({ body, principal }) {
      const { no, ...rest } = body;
      const s = await headers.create({ ...segmentInput(rest), ...(no !== undefined && { no }) }, actor(principal));
      return answer(201, toSegmentJson(s), { Location: location(s.no) });
    },
  });
  r.route({
    method: 'GET',
    url: `${BASE}/:no`,
    access: 'viewer',
    summary: 'One segment',
    tags,
    params: segmentParams,
    response: segmentOut,
    handler: async ({ params }) => toSegmentJson(await headers.get(params.no)),
  });
  r.route({
    method: 'PATCH',
    url: `${BASE}/:no`,
    access: 'user',
    summary: 'Change a segment; applyToLines pushes the changes to its lines (R40)',
    tags,
    params: segmentParams,
    query: applyToLinesQuery,
    body: patchSegmentBody,
    response: segmentOut,
    handler: async ({ params, query, body }) =>
      toSegmentJson(await headers.update(params.no, segmentInput(body), query.applyToLines ?? true)),
  });
  r.route({
    method: 'DELETE',
    url: `${BASE}/:no`,
    access: 'user',
    summary: 'Delete a segment with its lines, language rows and criteria actions',
    tags,
    params: segmentParams,
    status: 204,
    async handler({ params }) {
      await headers.remove(params.no);
      return answer(204);
    },
  });
}
