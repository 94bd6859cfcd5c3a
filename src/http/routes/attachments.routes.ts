import type { FastifyRequest } from 'fastify';
import type { App } from '../../app/create-app';
import { attachmentOut, attachmentParams, contentType, uploadQuery } from '../../contract/attachment';
import { toAttachmentJson } from '../../edge/json/attachment';
import { attachmentTooLarge, DEFAULT_CONTENT_TYPE, MAX_ATTACHMENT_BYTES, type NewFile } from '../../domain/attachment/attachment';
import { invalid } from '../../domain/shared/errors';
import { fieldErrors } from '../../edge/zod-errors';
import { answer, STREAMED, type Router } from '../route';

/** An uploaded file from the query's file name, the raw body and the request's Content-Type. */
export function parseUpload(fileName: string, body: Buffer, request: FastifyRequest): NewFile {
  const header = request.headers['content-type'];
  if (header === undefined || header.trim() === '') return { fileName, contentType: DEFAULT_CONTENT_TYPE, content: body };
  const parsed = contentType.safeParse(header);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error, 'headers.content-type.'));
  return { fileName, contentType: parsed.data, content: body };
}

/**
 * `Content-Disposition: attachment` with the file name: plain when it is printable ASCII, else an
 * ASCII fallback plus the UTF-8 name (RFC 6266, RFC 5987).
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (fallback === fileName) return `attachment; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function attachmentRoutes(r: Router, app: App) {
  const attachments = app.services.attachments;
  const tags = ['attachments'];
  r.route({
    method: 'GET',
    url: '/api/v1/attachments/:id',
    access: 'viewer',
    summary: 'One attachment (metadata)',
    tags,
    params: attachmentParams,
    response: attachmentOut,
    handler: async ({ params }) => toAttachmentJson(await attachments.get(params.id)),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/attachments/:id/content',
    access: 'viewer',
    summary: 'Download an attachment',
    tags,
    params: attachmentParams,
    async handler({ params, reply }) {
      const { attachment, content } = await attachments.download(params.id);
      // served as a download, never rendered by the browser as our own page
      await reply
        .code(200)
        .header('Content-Type', attachment.contentType)
        .header('Content-Disposition', contentDisposition(attachment.fileName))
        .header('X-Content-Type-Options', 'nosniff')
        .send(Buffer.from(content));
      return STREAMED;
    },
  });
  r.route({
    method: 'POST',
    url: '/api/v1/attachments',
    access: 'user',
    summary: 'Upload a file for an interaction (kept 24 hours unless used)',
    tags,
    query: uploadQuery,
    body: 'raw',
    rawContentType: '*/*',
    response: attachmentOut,
    status: 201,
    bodyLimit: MAX_ATTACHMENT_BYTES,
    tooLarge: attachmentTooLarge,
    async handler({ query, body, request }) {
      const a = await attachments.upload(parseUpload(query.fileName, body, request));
      return answer(201, toAttachmentJson(a), { Location: `/api/v1/attachments/${a.id}` });
    },
  });
}
