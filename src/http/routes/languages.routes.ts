import { z } from 'zod';
import type { App } from '../../app/create-app';
import { listQuery, page } from '../../contract/common';
import { createLanguageBody, languageOut, languageParams, patchLanguageBody } from '../../contract/language';
import { answer, type Router } from '../route';

export function languageRoutes(r: Router, app: App) {
  const languages = app.services.languages;
  const tags = ['set-up'];
  r.route({
    method: 'GET',
    url: '/api/v1/languages',
    access: 'viewer',
    summary: 'List languages',
    tags,
    query: z.strictObject(listQuery),
    response: page(languageOut),
    handler: ({ query }) => languages.list({ limit: query.limit ?? 50, cursor: query.cursor }),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/languages/:code',
    access: 'viewer',
    summary: 'One language',
    tags,
    params: languageParams,
    response: languageOut,
    handler: ({ params }) => languages.get(params.code),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/languages',
    access: 'admin',
    summary: 'Create a language',
    tags,
    body: createLanguageBody,
    response: languageOut,
    status: 201,
    async handler({ body }) {
      const l = await languages.create(body);
      return answer(201, l, { Location: `/api/v1/languages/${encodeURIComponent(l.code)}` });
    },
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/languages/:code',
    access: 'admin',
    summary: 'Change a language',
    tags,
    params: languageParams,
    body: patchLanguageBody,
    response: languageOut,
    handler: ({ params, body }) => languages.update(params.code, body),
  });
  r.route({
    method: 'DELETE',
    url: '/api/v1/languages/:code',
    access: 'admin',
    summary: 'Delete a language (codes stored elsewhere stay)',
    tags,
    params: languageParams,
    status: 204,
    async handler({ params }) {
      await languages.remove(params.code);
      return answer(204);
    },
  });
}
