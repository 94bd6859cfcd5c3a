import type { App } from '../../app/create-app';
import { page } from '../../contract/common';
import { toLogEntryJson } from '../../edge/json/log-entry';
import {
  createOpportunityBody,
  createTaskBody,
  createdOpportunityOut,
  createdTaskOut,
  entryNoParams,
  opportunitiesQuery,
  opportunityOut,
  opportunityParams,
  patchOpportunityBody,
  patchTaskBody,
  taskOut,
  taskParams,
  tasksQuery,
} from '../../contract/opportunity';
import { answer, type Router } from '../route';

const opportunityUrl = (no: string) => `/api/v1/opportunities/${encodeURIComponent(no)}`;
const taskUrl = (no: string) => `/api/v1/tasks/${encodeURIComponent(no)}`;

/** Opportunities and tasks: read, closed, and created from an interaction log entry (api.md §7.7). */
export function opportunityRoutes(r: Router, app: App) {
  const { opportunities, tasks, entryFollowUps } = app.services;
  const tags = ['opportunities and tasks'];
  r.route({
    method: 'GET',
    url: '/api/v1/opportunities',
    access: 'viewer',
    summary: 'List opportunities',
    tags,
    query: opportunitiesQuery,
    response: page(opportunityOut),
    handler: ({ query: { limit, cursor, ...filter } }) => opportunities.list({ filter, limit: limit ?? 50, cursor }),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/opportunities/:no',
    access: 'viewer',
    summary: 'One opportunity',
    tags,
    params: opportunityParams,
    response: opportunityOut,
    handler: ({ params }) => opportunities.get(params.no),
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/opportunities/:no',
    access: 'user',
    summary: 'Change the status (close) and description of an opportunity',
    tags,
    params: opportunityParams,
    body: patchOpportunityBody,
    response: opportunityOut,
    handler: ({ params, body }) => opportunities.update(params.no, body),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/tasks',
    access: 'viewer',
    summary: 'List tasks',
    tags,
    query: tasksQuery,
    response: page(taskOut),
    handler: ({ query: { limit, cursor, ...filter } }) => tasks.list({ filter, limit: limit ?? 50, cursor }),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/tasks/:no',
    access: 'viewer',
    summary: 'One task',
    tags,
    params: taskParams,
    response: taskOut,
    handler: ({ params }) => tasks.get(params.no),
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/tasks/:no',
    access: 'user',
    summary: 'Change the status (close), description and date of a task',
    tags,
    params: taskParams,
    body: patchTaskBody,
    response: taskOut,
    handler: ({ params, body }) => tasks.update(params.no, body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/interaction-log-entries/:entryNo/create-opportunity',
    access: 'user',
    summary: 'Create an opportunity from an entry and link it',
    tags,
    params: entryNoParams,
    body: createOpportunityBody,
    response: createdOpportunityOut,
    status: 201,
    async handler({ params, body }) {
      const { opportunity, entry } = await entryFollowUps.createOpportunity(params.entryNo, body);
      return answer(201, { opportunity, entry: toLogEntryJson(entry) }, { Location: opportunityUrl(opportunity.no) });
    },
  });
  r.route({
    method: 'POST',
    url: '/api/v1/interaction-log-entries/:entryNo/create-task',
    access: 'user',
    summary: 'Create a task from an entry',
    tags,
    params: entryNoParams,
    body: createTaskBody,
    response: createdTaskOut,
    status: 201,
    async handler({ params, body }) {
      const task = await entryFollowUps.createTask(params.entryNo, body);
      return answer(201, { task }, { Location: taskUrl(task.no) });
    },
  });
}
