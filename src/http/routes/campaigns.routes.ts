import { z } from 'zod';
import type { App } from '../../app/create-app';
import {
  campaignEntriesQuery,
  campaignEntryNosBody,
  campaignEntryOut,
  campaignEntryParams,
  campaignOut,
  campaignParams,
  createCampaignBody,
  deleteCanceledCampaignEntriesBody,
  patchCampaignBody,
} from '../../contract/campaign';
import { toCampaignEntryJson } from '../../edge/json/campaign';
import { listQuery, page } from '../../contract/common';
import { answer, type Router } from '../route';

export function campaignRoutes(r: Router, app: App) {
  const campaigns = app.services.campaigns;
  const entries = app.services.campaignEntries;
  const tags = ['campaigns'];
  r.route({
    method: 'GET',
    url: '/api/v1/campaigns',
    access: 'viewer',
    summary: 'List campaigns',
    tags,
    query: z.strictObject(listQuery),
    response: page(campaignOut),
    handler: ({ query }) => campaigns.list({ limit: query.limit ?? 50, cursor: query.cursor }),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/campaigns/:no',
    access: 'viewer',
    summary: 'One campaign',
    tags,
    params: campaignParams,
    response: campaignOut,
    handler: ({ params }) => campaigns.get(params.no),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/campaigns',
    access: 'user',
    summary: 'Create a campaign (next CP number when `no` is omitted)',
    tags,
    body: createCampaignBody,
    response: campaignOut,
    status: 201,
    async handler({ body }) {
      const c = await campaigns.create(body);
      return answer(201, c, { Location: `/api/v1/campaigns/${encodeURIComponent(c.no)}` });
    },
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/campaigns/:no',
    access: 'user',
    summary: 'Change a campaign',
    tags,
    params: campaignParams,
    body: patchCampaignBody,
    response: campaignOut,
    handler: ({ params, body }) => campaigns.update(params.no, body),
  });
  r.route({
    method: 'DELETE',
    url: '/api/v1/campaigns/:no',
    access: 'user',
    summary: 'Delete a campaign with its campaign entries (log entries keep their values)',
    tags,
    params: campaignParams,
    status: 204,
    async handler({ params }) {
      await campaigns.remove(params.no);
      return answer(204);
    },
  });

  r.route({
    method: 'GET',
    url: '/api/v1/campaigns/:no/entries',
    access: 'viewer',
    summary: "List a campaign's campaign entries",
    tags,
    params: campaignParams,
    query: campaignEntriesQuery,
    response: page(campaignEntryOut),
    async handler({ params, query }) {
      const { limit, cursor, ...filter } = query;
      const p = await entries.list(params.no, { filter, limit: limit ?? 50, cursor });
      return { items: p.items.map(toCampaignEntryJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'GET',
    url: '/api/v1/campaigns/:no/entries/:entryNo',
    access: 'viewer',
    summary: 'One campaign entry',
    tags,
    params: campaignEntryParams,
    response: campaignEntryOut,
    handler: async ({ params }) => toCampaignEntryJson(await entries.get(params.no, params.entryNo)),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/campaigns/:no/entries/cancel',
    access: 'user',
    summary: 'Cancel campaign entries and their log entries',
    tags,
    params: campaignParams,
    body: campaignEntryNosBody,
    response: z.object({ items: z.array(campaignEntryOut) }),
    handler: async ({ params, body }) => ({ items: (await entries.cancel(params.no, body.entryNos)).map(toCampaignEntryJson) }),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/campaigns/:no/entries/uncancel',
    access: 'user',
    summary: 'Uncancel campaign entries and their log entries',
    tags,
    params: campaignParams,
    body: campaignEntryNosBody,
    response: z.object({ items: z.array(campaignEntryOut) }),
    handler: async ({ params, body }) => ({ items: (await entries.uncancel(params.no, body.entryNos)).map(toCampaignEntryJson) }),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/campaigns/:no/entries/delete-canceled',
    access: 'user',
    summary: 'Delete canceled campaign entries with their log entries',
    tags,
    params: campaignParams,
    body: deleteCanceledCampaignEntriesBody,
    response: z.object({ deleted: z.number().int() }),
    handler: async ({ params, body }) => ({
      deleted: await entries.deleteCanceled(params.no, { from: body.entryNoFrom, to: body.entryNoTo }),
    }),
  });
}
