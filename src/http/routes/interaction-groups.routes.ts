import { z } from 'zod';
import type { App } from '../../app/create-app';
import { listQuery, page } from '../../contract/common';
import {
  createInteractionGroupBody,
  interactionGroupOut,
  interactionGroupParams,
  patchInteractionGroupBody,
} from '../../contract/interaction-group';
import { answer, type Router } from '../route';

export function interactionGroupRoutes(r: Router, app: App) {
  const groups = app.services.interactionGroups;
  const tags = ['set-up'];
  r.route({
    method: 'GET',
    url: '/api/v1/interaction-groups',
    access: 'viewer',
    summary: 'List interaction groups',
    tags,
    query: z.strictObject(listQuery),
    response: page(interactionGroupOut),
    handler: ({ query }) => groups.list({ limit: query.limit ?? 50, cursor: query.cursor }),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/interaction-groups/:code',
    access: 'viewer',
    summary: 'One interaction group',
    tags,
    params: interactionGroupParams,
    response: interactionGroupOut,
    handler: ({ params }) => groups.get(params.code),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/interaction-groups',
    access: 'admin',
    summary: 'Create an interaction group',
    tags,
    body: createInteractionGroupBody,
    response: interactionGroupOut,
    status: 201,
    async handler({ body }) {
      const g = await groups.create(body);
      return answer(201, g, { Location: `/api/v1/interaction-groups/${encodeURIComponent(g.code)}` });
    },
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/interaction-groups/:code',
    access: 'admin',
    summary: 'Change an interaction group',
    tags,
    params: interactionGroupParams,
    body: patchInteractionGroupBody,
    response: interactionGroupOut,
    handler: ({ params, body }) => groups.update(params.code, body),
  });
  r.route({
    method: 'DELETE',
    url: '/api/v1/interaction-groups/:code',
    access: 'admin',
    summary: 'Delete an interaction group that no template or entry uses',
    tags,
    params: interactionGroupParams,
    status: 204,
    async handler({ params }) {
      await groups.remove(params.code);
      return answer(204);
    },
  });
}
