import type { App } from '../../app/create-app';
import { segmentParams } from '../../contract/segment-header';
import { logBody, logOut, logQuery, previewOut, previewQuery } from '../../contract/segment-log';
import { toPreviewJson } from '../../edge/json/segment-log';
import { answer, type Router } from '../route';
import { actor, BASE, tags } from './segments-support';

// Log preview and log of a segment (api.md §9).

export function logRoutes(r: Router, app: App) {
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
