import type { App } from '../../app/create-app';
import { page } from '../../contract/common';
import { segmentOut } from '../../contract/segment-header';
import { toSegmentJson } from '../../edge/json/segment-header';
import {
  deleteCanceledLoggedBody,
  deletedOut,
  entryNosBody,
  loggedSegmentListQuery,
  loggedSegmentOut,
  loggedSegmentParams,
  reuseBody,
} from '../../contract/segment-logged';
import { toLoggedSegmentJson } from '../../edge/json/segment-logged';
import { z } from 'zod';
import { answer, type Router } from '../route';

const BASE = '/api/v1/logged-segments';
const tags = ['logged segments'];
const items = z.object({ items: z.array(loggedSegmentOut) });

export function loggedSegmentRoutes(r: Router, app: App) {
  const logged = app.services.segments.logged;
  r.route({
    method: 'GET',
    url: BASE,
    access: 'viewer',
    summary: 'List logged segments, newest first',
    tags,
    query: loggedSegmentListQuery,
    response: page(loggedSegmentOut),
    async handler({ query }) {
      const p = await logged.list({
        limit: query.limit ?? 50,
        cursor: query.cursor,
        segmentNo: query.segmentNo ?? null,
        canceled: query.canceled ?? null,
        dateFrom: query.dateFrom ?? null,
        dateTo: query.dateTo ?? null,
      });
      return { items: p.items.map(toLoggedSegmentJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'GET',
    url: `${BASE}/:entryNo`,
    access: 'viewer',
    summary: 'One logged segment',
    tags,
    params: loggedSegmentParams,
    response: loggedSegmentOut,
    handler: async ({ params }) => toLoggedSegmentJson(await logged.get(params.entryNo)),
  });
  for (const [path, canceled] of [
    ['cancel', true],
    ['uncancel', false],
  ] as const) {
    r.route({
      method: 'POST',
      url: `${BASE}/${path}`,
      access: 'user',
      summary: `${canceled ? 'Cancel' : 'Uncancel'} logged segments with their entries and campaign entries (R49)`,
      tags,
      body: entryNosBody,
      response: items,
      handler: async ({ body }) => ({ items: (await logged.setCanceled(body.entryNos, canceled)).map(toLoggedSegmentJson) }),
    });
  }
  r.route({
    method: 'POST',
    url: `${BASE}/delete-canceled`,
    access: 'user',
    summary: 'Delete canceled logged segments; their entries stay, unlinked (R50)',
    tags,
    body: deleteCanceledLoggedBody,
    response: deletedOut,
    handler: async ({ body }) => ({
      deleted: await logged.deleteCanceled({
        entryNoFrom: body.entryNoFrom ?? null,
        entryNoTo: body.entryNoTo ?? null,
        segmentNo: body.segmentNo ?? null,
      }),
    }),
  });
  r.route({
    method: 'POST',
    url: `${BASE}/:entryNo/reuse`,
    access: 'user',
    summary: 'Reuse a logged segment as a new segment (R46)',
    tags,
    params: loggedSegmentParams,
    body: reuseBody,
    response: segmentOut,
    status: 201,
    async handler({ params, body, principal }) {
      const s = await logged.reuse(params.entryNo, body, {
        username: principal.user.username,
        salespersonCode: principal.user.salespersonCode,
      });
      return answer(201, toSegmentJson(s), { Location: `/api/v1/segments/${encodeURIComponent(s.no)}` });
    },
  });
}
