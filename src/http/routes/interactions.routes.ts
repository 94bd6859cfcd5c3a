import type { App } from '../../app/create-app';
import { createInteractionBody, phoneCallBody } from '../../contract/interaction';
import { logEntryOut } from '../../contract/log-entry';
import { toLogEntryJson } from '../../edge/json/log-entry';
import type { Principal } from '../../domain/account/account.service';
import type { LogEntry } from '../../domain/interaction-log/interaction-log';
import { answer, type Router } from '../route';

/** The user who logs: the signed-in user and the salesperson linked to them (R9). */
export const actorOf = (p: Principal) => ({ username: p.user.username, salespersonCode: p.user.salespersonCode });

/** 201 with the entry's address: the log's, or the postponed list's while postponed. */
function created(e: LogEntry) {
  const where = e.postponed ? 'postponed-interactions' : 'interaction-log-entries';
  return answer(201, toLogEntryJson(e), { Location: `/api/v1/${where}/${e.entryNo}` });
}

export function interactionRoutes(r: Router, app: App) {
  const logging = app.services.logging;
  const tags = ['interactions'];
  r.route({
    method: 'POST',
    url: '/api/v1/interactions',
    access: 'user',
    summary: 'Log one interaction (the Create Interaction guide)',
    tags,
    body: createInteractionBody,
    response: logEntryOut,
    status: 201,
    handler: async ({ body, principal }) => created(await logging.logInteraction(actorOf(principal), body)),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/interactions/phone-call',
    access: 'user',
    summary: 'Log a phone call (the Make Phone Call guide)',
    tags,
    body: phoneCallBody,
    response: logEntryOut,
    status: 201,
    handler: async ({ body, principal }) => created(await logging.phoneCall(actorOf(principal), body)),
  });
}
