import { z } from 'zod';
import type { App } from '../../app/create-app';
import { listQuery, page } from '../../contract/common';
import {
  reuseCriteriaBody,
  reuseCriteriaOut,
  saveCriteriaBody,
  savedCriteriaOut,
  toSavedCriteriaJson,
} from '../../contract/saved-criteria';
import {
  addedOut,
  applyToLinesQuery,
  attachmentQuery,
  createLineBody,
  createSegmentBody,
  createSegmentLanguageBody,
  criteriaActionOut,
  criteriaBody,
  goBackOut,
  keptOut,
  lineInput,
  lineOut,
  lineParams,
  logBody,
  logOut,
  logQuery,
  patchLineBody,
  patchSegmentBody,
  patchSegmentLanguageBody,
  previewOut,
  previewQuery,
  removedOut,
  segmentInput,
  segmentLanguageOut,
  segmentLanguageParams,
  segmentListQuery,
  segmentOut,
  segmentParams,
  toCriteriaActionJson,
  toLineJson,
  toPreviewJson,
  toSegmentJson,
} from '../../contract/segment';
import type { Principal } from '../../domain/account/account.service';
import { attachmentTooLarge, MAX_ATTACHMENT_BYTES } from '../../domain/segment/segment-language.service';
import { answer, type Router } from '../route';

const BASE = '/api/v1/segments';
const tags = ['segments'];
const actor = (p: Principal) => ({ username: p.user.username, salespersonCode: p.user.salespersonCode });
const location = (no: string, ...rest: (string | number)[]) =>
  `${BASE}/${[no, ...rest].map((p) => encodeURIComponent(String(p))).join('/')}`;

export function segmentRoutes(r: Router, app: App) {
  headerRoutes(r, app);
  lineRoutes(r, app);
  criteriaRoutes(r, app);
  languageRoutes(r, app);
  logRoutes(r, app);
}

function headerRoutes(r: Router, app: App) {
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

function lineRoutes(r: Router, app: App) {
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

function criteriaRoutes(r: Router, app: App) {
  const criteria = app.services.segments.criteria;
  const kinds = [
    ['add-contacts', 'add', addedOut, 'added', 'Add contacts by criteria (R43)'],
    ['reduce-contacts', 'reduce', removedOut, 'removed', 'Remove the lines whose contact matches (R44)'],
    ['refine-contacts', 'refine', keptOut, 'kept', 'Keep only the lines whose contact matches (R44)'],
  ] as const;
  for (const [path, kind, response, field, summary] of kinds) {
    r.route({
      method: 'POST',
      url: `${BASE}/:no/${path}`,
      access: 'user',
      summary,
      tags,
      params: segmentParams,
      body: criteriaBody,
      response,
      async handler({ params, body }) {
        const res = await criteria.apply(params.no, kind, body);
        return { [field]: res.affected, noOfLines: res.noOfLines };
      },
    });
  }
  r.route({
    method: 'GET',
    url: `${BASE}/:no/criteria`,
    access: 'viewer',
    summary: 'Criteria history of a segment (R45)',
    tags,
    params: segmentParams,
    query: z.strictObject(listQuery),
    response: page(criteriaActionOut),
    async handler({ params, query }) {
      const p = await criteria.list(params.no, { limit: query.limit ?? 50, cursor: query.cursor });
      return { items: p.items.map(toCriteriaActionJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'POST',
    url: `${BASE}/:no/go-back`,
    access: 'user',
    summary: 'Undo the last criteria action (R45)',
    tags,
    params: segmentParams,
    response: goBackOut,
    handler: ({ params }) => criteria.goBack(params.no),
  });
  const saved = app.services.segments.savedCriteria;
  r.route({
    method: 'POST',
    url: `${BASE}/:no/save-criteria`,
    access: 'user',
    summary: "Save the segment's criteria actions under a code",
    tags,
    params: segmentParams,
    body: saveCriteriaBody,
    response: savedCriteriaOut,
    status: 201,
    async handler({ params, body, principal }) {
      const c = await saved.save(params.no, body, actor(principal));
      return answer(201, toSavedCriteriaJson(c), { Location: `/api/v1/saved-criteria/${encodeURIComponent(c.code)}` });
    },
  });
  r.route({
    method: 'POST',
    url: `${BASE}/:no/reuse-criteria`,
    access: 'user',
    summary: 'Apply saved criteria to the segment, each action recorded in its history, all or nothing',
    tags,
    params: segmentParams,
    body: reuseCriteriaBody,
    response: reuseCriteriaOut,
    handler: ({ params, body }) => saved.reuse(params.no, body.code),
  });
}

function languageRoutes(r: Router, app: App) {
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

function logRoutes(r: Router, app: App) {
  const log = app.services.segments.log;
  r.route({
    method: 'GET',
    url: `${BASE}/:no/log-preview`,
    access: 'viewer',
    summary: 'What logging the segment would do, writing nothing',
    tags,
    params: segmentParams,
    query: previewQuery,
    response: previewOut,
    handler: async ({ params, query }) => toPreviewJson(await log.preview(params.no, query.sendAttachments ?? false)),
  });
  r.route({
    method: 'POST',
    url: `${BASE}/:no/log`,
    access: 'user',
    summary: 'Log a segment: one entry per line, all or nothing (R47)',
    tags,
    params: segmentParams,
    query: logQuery,
    body: logBody,
    response: logOut,
    status: 201,
    async handler({ params, query, body, principal }) {
      const options = { sendAttachments: body.sendAttachments ?? false, createFollowUpSegment: body.createFollowUpSegment ?? false };
      if (query.async) {
        const jobId = await log.logAsync(params.no, options, actor(principal));
        return answer(202, { jobId }, { Location: `/api/v1/jobs/${jobId}` });
      }
      const res = await log.log(params.no, options, actor(principal));
      return answer(201, res, { Location: `/api/v1/logged-segments/${res.loggedSegmentEntryNo}` });
    },
  });
}
