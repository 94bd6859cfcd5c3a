import type { App } from '../../app/create-app';
import { documentEventBody, documentEventOut } from '../../contract/interaction';
import { toLogEntryJson } from '../../edge/json/log-entry';
import { answer, type Router } from '../route';
import { actorOf } from './interactions.routes';

export function documentEventRoutes(r: Router, app: App) {
  r.route({
    method: 'POST',
    url: '/api/v1/document-events',
    access: 'user',
    summary: 'Record a sent, printed or posted document as an interaction',
    tags: ['interactions'],
    body: documentEventBody,
    response: documentEventOut,
    status: 201,
    async handler({ body, principal }) {
      const result = await app.services.logging.recordDocument(actorOf(principal), body);
      if (!result.logged) return answer(200, result);
      const entry = toLogEntryJson(result.entry);
      return answer(201, { logged: true, entry }, { Location: `/api/v1/interaction-log-entries/${entry.entryNo}` });
    },
  });
}
