import { z } from 'zod';
import type { App } from '../../app/create-app';
import { listQuery, page } from '../../contract/common';
import { segmentParams } from '../../contract/segment-header';
import { createLineBody, lineOut, lineParams, patchLineBody } from '../../contract/segment-line';
import { lineInput, toLineJson } from '../../edge/json/segment-line';
import { answer, type Router } from '../route';
import { BASE, location, tags } from './segments-support';

// /segments/{no}/lines (api.md §9).

export function lineRoutes(r: Router, app: App) {
  const lines = app.services.segments.lines;
  r.route({
    method: 'GET',
    url: `${BASE}/:no/lines`,
    access: 'viewer',
    summary: 'Lines of a segment',
    tags,
    params: segmentParams,
    query: z.strictObject(listQuery),
    response: page(lineOut),
    async handler({ params, query }) {
      const p = await lines.list(params.no, { limit: query.limit ?? 50, cursor: query.cursor });
      return { items: p.items.map(toLineJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'POST',
    url: `${BASE}/:no/lines`,
    access: 'user',
    summary: 'Add a line, resolved from the header and its contact (R41)',
    tags,
    params: segmentParams,
    body: createLineBody,
    response: lineOut,
    status: 201,
    async handler({ params, body }) {
      const l = await lines.create(params.no, { ...lineInput(body), contactNo: body.contactNo });
      return answer(201, toLineJson(l), { Location: location(params.no, 'lines', l.lineNo) });
    },
  });
  r.route({
    method: 'GET',
    url: `${BASE}/:no/lines/:lineNo`,
    access: 'viewer',
    summary: 'One segment line',
    tags,
    params: lineParams,
    response: lineOut,
    handler: async ({ params }) => toLineJson(await lines.get(params.no, params.lineNo)),
  });
  r.route({
    method: 'PATCH',
    url: `${BASE}/:no/lines/:lineNo`,
    access: 'user',
    summary: 'Change or personalise a segment line (R41)',
    tags,
    params: lineParams,
    body: patchLineBody,
    response: lineOut,
    handler: async ({ params, body }) => toLineJson(await lines.update(params.no, params.lineNo, lineInput(body))),
  });
  r.route({
    method: 'DELETE',
    url: `${BASE}/:no/lines/:lineNo`,
    access: 'user',
    summary: 'Delete a segment line',
    tags,
    params: lineParams,
    status: 204,
    async handler({ params }) {
      await lines.remove(params.no, params.lineNo);
      return answer(204);
    },
  });
}
