import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app/create-app';
import { listQuery, page } from '../../contract/common';
import {
  asyncQuery,
  cancelBody,
  commentOut,
  commentParams,
  createCommentBody,
  deleteCanceledBody,
  deletedOut,
  entriesOut,
  entryListQuery,
  entryParams,
  evaluateBody,
  historyEntryOut,
  historyQuery,
  patchCommentBody,
  patchEntryBody,
  uncancelBody,
} from '../../contract/interaction-log';
import { toLogEntryCells } from '../../edge/json/interaction-log';
import { contactParams, jobAcceptedOut } from '../../contract/contact';
import { logEntryOut } from '../../contract/log-entry';
import { toLogEntryJson } from '../../edge/json/log-entry';
import { type LogEntry } from '../../domain/interaction-log/interaction-log';
import { LOG_ENTRY_FIELDS } from '../../edge/json/interaction-log';
import { csvChunks, jsonArrayChunks } from '../../edge/csv';
import { answer, STREAMED, type Router } from '../route';

const BASE = '/api/v1/interaction-log-entries';
const items = (entries: readonly LogEntry[]) => ({ items: entries.map(toLogEntryJson) });

/** Streams a download of entries (api.md §1.5) as `<name>.csv` or `<name>.json`. */
export function sendEntries(
  reply: FastifyReply,
  format: 'csv' | 'json',
  batches: AsyncIterable<readonly LogEntry[]>,
  name: string,
): typeof STREAMED {
  const chunks = format === 'csv' ? csvChunks(batches, LOG_ENTRY_FIELDS, toLogEntryCells) : jsonArrayChunks(batches, toLogEntryJson);
  void reply
    .code(200)
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${name}.${format}"`)
    .send(Readable.from(chunks));
  return STREAMED;
}

export function interactionLogEntryRoutes(r: Router, app: App) {
  const entries = app.services.entries;
  const tags = ['interaction log entries'];

  r.route({
    method: 'GET',
    url: BASE,
    access: 'viewer',
    tags,
    summary: 'List log entries (never postponed); format=csv|json downloads the whole filtered set',
    query: entryListQuery,
    response: page(logEntryOut),
    async handler({ query, reply }) {
      const { sort = '-entryNo', limit = 50, cursor, format, ...filter } = query;
      if (format) return sendEntries(reply, format, entries.exportBatches(filter, sort), 'interaction-log-entries');
      const p = await entries.list({ filter, sort, limit, cursor });
      return { ...items(p.items), nextCursor: p.nextCursor };
    },
  });

  r.route({
    method: 'GET',
    url: `${BASE}/:entryNo`,
    access: 'viewer',
    summary: 'One log entry',
    tags,
    params: entryParams,
    response: logEntryOut,
    handler: async ({ params }) => toLogEntryJson(await entries.get(params.entryNo)),
  });

  r.route({
    method: 'PATCH',
    url: `${BASE}/:entryNo`,
    access: 'user',
    tags,
    summary: 'Change description, evaluation, attempt failed, cost or duration of an entry',
    params: entryParams,
    body: patchEntryBody,
    response: logEntryOut,
    async handler({ params, body }) {
      const { costLcy, ...rest } = body;
      return toLogEntryJson(await entries.update(params.entryNo, { ...rest, ...(costLcy !== undefined && { costCents: costLcy }) }));
    },
  });

  r.route({
    method: 'POST',
    url: `${BASE}/cancel`,
    access: 'user',
    summary: 'Cancel entries (all or nothing)',
    tags,
    body: cancelBody,
    response: entriesOut,
    handler: async ({ body }) =>
      items(await entries.cancel(body.entryNos, { removeUniqueAttachments: body.removeUniqueAttachments ?? false })),
  });
  r.route({
    method: 'POST',
    url: `${BASE}/uncancel`,
    access: 'user',
    summary: 'Uncancel entries (all or nothing)',
    tags,
    body: uncancelBody,
    response: entriesOut,
    handler: async ({ body }) => items(await entries.uncancel(body.entryNos)),
  });
  r.route({
    method: 'POST',
    url: `${BASE}/evaluate`,
    access: 'user',
    summary: 'Set or clear the evaluation of entries',
    tags,
    body: evaluateBody,
    response: entriesOut,
    handler: async ({ body }) => items(await entries.evaluate(body.entryNos, body.evaluation)),
  });

  r.route({
    method: 'POST',
    url: `${BASE}/delete-canceled`,
    access: 'user',
    tags,
    summary: 'Delete canceled entries matching the filters; async=true runs it as a job',
    query: asyncQuery,
    body: deleteCanceledBody,
    response: z.union([deletedOut, jobAcceptedOut]),
    async handler({ query, body, principal }) {
      if (!query.async) return entries.deleteCanceled(body);
      const jobId = await app.services.jobs.start('entries_delete_canceled', { filter: body }, { createdBy: principal.user.username });
      return answer(202, { jobId }, { Location: `/api/v1/jobs/${jobId}` });
    },
  });

  r.route({
    method: 'GET',
    url: `${BASE}/:entryNo/comments`,
    access: 'viewer',
    summary: 'Comment lines of an entry',
    tags,
    params: entryParams,
    query: z.strictObject(listQuery),
    response: page(commentOut),
    handler: ({ params, query }) => entries.comments.list(params.entryNo, { limit: query.limit ?? 50, cursor: query.cursor }),
  });
  r.route({
    method: 'POST',
    url: `${BASE}/:entryNo/comments`,
    access: 'user',
    summary: 'Add a comment line',
    tags,
    params: entryParams,
    body: createCommentBody,
    response: commentOut,
    status: 201,
    handler: async ({ params, body }) => answer(201, await entries.comments.add(params.entryNo, body)),
  });
  r.route({
    method: 'PATCH',
    url: `${BASE}/:entryNo/comments/:lineNo`,
    access: 'user',
    summary: 'Change a comment line',
    tags,
    params: commentParams,
    body: patchCommentBody,
    response: commentOut,
    handler: ({ params, body }) => entries.comments.update(params.entryNo, params.lineNo, body),
  });
  r.route({
    method: 'DELETE',
    url: `${BASE}/:entryNo/comments/:lineNo`,
    access: 'user',
    summary: 'Delete a comment line',
    tags,
    params: commentParams,
    status: 204,
    async handler({ params }) {
      await entries.comments.remove(params.entryNo, params.lineNo);
      return answer(204);
    },
  });

  r.route({
    method: 'GET',
    url: '/api/v1/contacts/:no/history',
    access: 'viewer',
    tags: ['contacts'],
    summary: "A contact's interaction history (a company's includes its persons'), canceled included",
    params: contactParams,
    query: historyQuery,
    response: page(historyEntryOut),
    async handler({ params, query }) {
      const { sort = '-entryNo', limit = 50, ...rest } = query;
      const p = await entries.history(params.no, { ...rest, sort, limit });
      return { items: p.items.map((e) => ({ ...toLogEntryJson(e), title: e.title })), nextCursor: p.nextCursor };
    },
  });
}
