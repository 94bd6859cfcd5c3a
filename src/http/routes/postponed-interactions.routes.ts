import type { App } from '../../app/create-app';
import { page } from '../../contract/common';
import { commentLineOut, commentLinesQuery, entryNoParams, resumeInteractionBody } from '../../contract/interaction';
import { entryListQuery } from '../../contract/interaction-log';
import { logEntryOut } from '../../contract/log-entry';
import { toLogEntryJson } from '../../edge/json/log-entry';
import { answer, type Router } from '../route';
import { sendEntries } from './interaction-log-entries.routes';
import { actorOf } from './interactions.routes';

export function postponedInteractionRoutes(r: Router, app: App) {
  const logging = app.services.logging;
  const tags = ['interactions'];
  const base = '/api/v1/postponed-interactions';
  r.route({
    method: 'GET',
    url: base,
    access: 'viewer',
    summary: 'List postponed interactions with the filters and sorts of the log; format=csv|json downloads the whole filtered set',
    tags,
    query: entryListQuery,
    response: page(logEntryOut),
    async handler({ query, reply }) {
      const { sort = '-entryNo', limit = 50, cursor, format, ...filter } = query;
      if (format) return sendEntries(reply, format, logging.exportPostponed(filter, sort), 'postponed-interactions');
      const p = await logging.listPostponed({ filter, sort, limit, cursor });
      return { items: p.items.map(toLogEntryJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'GET',
    url: `${base}/:entryNo`,
    access: 'viewer',
    summary: 'One postponed interaction',
    tags,
    params: entryNoParams,
    response: logEntryOut,
    handler: async ({ params }) => toLogEntryJson(await logging.getPostponed(params.entryNo)),
  });
  r.route({
    method: 'GET',
    url: `${base}/:entryNo/comments`,
    access: 'viewer',
    summary: 'Comments of a postponed interaction',
    tags,
    params: entryNoParams,
    query: commentLinesQuery,
    response: page(commentLineOut),
    handler: ({ params, query }) => logging.postponedComments(params.entryNo, { limit: query.limit ?? 50, cursor: query.cursor }),
  });
  r.route({
    method: 'POST',
    url: `${base}/:entryNo/resume`,
    access: 'user',
    summary: 'Resume a postponed interaction',
    tags,
    params: entryNoParams,
    body: resumeInteractionBody,
    response: logEntryOut,
    handler: async ({ params, body, principal }) => toLogEntryJson(await logging.resume(actorOf(principal), params.entryNo, body)),
  });
  r.route({
    method: 'DELETE',
    url: `${base}/:entryNo`,
    access: 'user',
    summary: 'Delete a postponed interaction with its comments and attachment',
    tags,
    params: entryNoParams,
    status: 204,
    async handler({ params }) {
      await logging.deletePostponed(params.entryNo);
      return answer(204);
    },
  });
}
