import { z } from 'zod';
import type { App } from '../../app/create-app';
import { listQuery, page } from '../../contract/common';
import { applyToLinesQuery, segmentParams } from '../../contract/segment-header';
import {
  attachmentQuery,
  createSegmentLanguageBody,
  patchSegmentLanguageBody,
  segmentLanguageOut,
  segmentLanguageParams,
} from '../../contract/segment-language';
import { attachmentTooLarge, MAX_ATTACHMENT_BYTES } from '../../domain/attachment/attachment';
import { answer, type Router } from '../route';
import { BASE, location, tags } from './segments-support';

// /segments/{no}/languages and their attachments (api.md §9).

export function languageRoutes(r: Router, app: App) {
  const languages = app.services.segments.languages;
  r.route({
    method: 'GET',
    url: `${BASE}/:no/languages`,
    access: 'viewer',
    summary: 'Segment language rows',
    tags,
    params: segmentParams,
    query: z.strictObject(listQuery),
    response: page(segmentLanguageOut),
    handler: ({ params, query }) => languages.list(params.no, { limit: query.limit ?? 50, cursor: query.cursor }),
  });
  r.route({
    method: 'POST',
    url: `${BASE}/:no/languages`,
    access: 'user',
    summary: 'Add a segment language row (R42)',
    tags,
    params: segmentParams,
    body: createSegmentLanguageBody,
    response: segmentLanguageOut,
    status: 201,
    async handler({ params, body }) {
      const row = await languages.create(params.no, body);
      return answer(201, row, { Location: location(params.no, 'languages', row.languageCode) });
    },
  });
  r.route({
    method: 'GET',
    url: `${BASE}/:no/languages/:languageCode`,
    access: 'viewer',
    summary: 'One segment language row',
    tags,
    params: segmentLanguageParams,
    response: segmentLanguageOut,
    handler: ({ params }) => languages.get(params.no, params.languageCode),
  });
  r.route({
    method: 'PATCH',
    url: `${BASE}/:no/languages/:languageCode`,
    access: 'user',
    summary: 'Change a segment language row',
    tags,
    params: segmentLanguageParams,
    query: applyToLinesQuery,
    body: patchSegmentLanguageBody,
    response: segmentLanguageOut,
    handler: ({ params, query, body }) => languages.update(params.no, params.languageCode, body, query.applyToLines ?? true),
  });
  r.route({
    method: 'DELETE',
    url: `${BASE}/:no/languages/:languageCode`,
    access: 'user',
    summary: 'Delete a segment language row (R42)',
    tags,
    params: segmentLanguageParams,
    status: 204,
    async handler({ params }) {
      await languages.remove(params.no, params.languageCode);
      return answer(204);
    },
  });
  r.route({
    method: 'PUT',
    url: `${BASE}/:no/languages/:languageCode/attachment`,
    access: 'user',
    summary: 'Set or replace the attachment of a segment language row',
    tags,
    params: segmentLanguageParams,
    query: attachmentQuery,
    body: 'raw',
    rawContentType: '*/*',
    response: segmentLanguageOut,
    bodyLimit: MAX_ATTACHMENT_BYTES,
    tooLarge: attachmentTooLarge,
    handler: ({ params, query, body, request }) =>
      languages.putAttachment(params.no, params.languageCode, {
        fileName: query.fileName,
        contentType: request.headers['content-type']?.trim() || 'application/octet-stream',
        content: body,
      }),
  });
  r.route({
    method: 'DELETE',
    url: `${BASE}/:no/languages/:languageCode/attachment`,
    access: 'user',
    summary: 'Remove the attachment of a segment language row',
    tags,
    params: segmentLanguageParams,
    status: 204,
    async handler({ params }) {
      await languages.removeAttachment(params.no, params.languageCode);
      return answer(204);
    },
  });
}
