import { z } from 'zod';
import type { App } from '../../app/create-app';
import { parseUpload } from './attachments.routes';
import { listQuery, page } from '../../contract/common';
import { uploadQuery } from '../../contract/attachment';
import {
  createTemplateBody,
  createTemplateLanguageBody,
  patchTemplateBody,
  patchTemplateLanguageBody,
  templateLanguageOut,
  templateLanguageParams,
  templateListQuery,
  templateOut,
  templateParams,
} from '../../contract/interaction-template';
import { toTemplateJson, toTemplateLanguageJson } from '../../edge/json/interaction-template';
import { attachmentTooLarge, MAX_ATTACHMENT_BYTES } from '../../domain/attachment/attachment';
import { answer, type Router } from '../route';

const enc = encodeURIComponent;

export function interactionTemplateRoutes(r: Router, app: App) {
  const templates = app.services.templates;
  const languages = app.services.templateLanguages;
  const tags = ['set-up'];
  const base = '/api/v1/interaction-templates';

  r.route({
    method: 'GET',
    url: base,
    access: 'viewer',
    summary: 'List interaction templates',
    tags,
    query: templateListQuery,
    response: page(templateOut),
    async handler({ query }) {
      const p = await templates.list({ interactionGroupCode: query.interactionGroupCode, limit: query.limit ?? 50, cursor: query.cursor });
      return { items: p.items.map(toTemplateJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'GET',
    url: `${base}/:code`,
    access: 'viewer',
    summary: 'One interaction template',
    tags,
    params: templateParams,
    response: templateOut,
    handler: async ({ params }) => toTemplateJson(await templates.get(params.code)),
  });
  r.route({
    method: 'POST',
    url: base,
    access: 'admin',
    summary: 'Create an interaction template',
    tags,
    body: createTemplateBody,
    response: templateOut,
    status: 201,
    async handler({ body }) {
      const { attachmentId: _readOnly, unitCostLcy, ...rest } = body;
      const t = await templates.create({ ...rest, unitCostCents: unitCostLcy });
      return answer(201, toTemplateJson(t), { Location: `${base}/${enc(t.code)}` });
    },
  });
  r.route({
    method: 'PATCH',
    url: `${base}/:code`,
    access: 'admin',
    summary: 'Change an interaction template',
    tags,
    params: templateParams,
    body: patchTemplateBody,
    response: templateOut,
    async handler({ params, body }) {
      const { attachmentId: _readOnly, code: _key, unitCostLcy, ...rest } = body;
      return toTemplateJson(
        await templates.update(params.code, { ...rest, ...(unitCostLcy !== undefined && { unitCostCents: unitCostLcy }) }),
      );
    },
  });
  r.route({
    method: 'DELETE',
    url: `${base}/:code`,
    access: 'admin',
    summary: 'Delete an unused interaction template with its languages',
    tags,
    params: templateParams,
    status: 204,
    async handler({ params }) {
      await templates.remove(params.code);
      return answer(204);
    },
  });

  const langs = `${base}/:code/languages`;
  r.route({
    method: 'GET',
    url: langs,
    access: 'viewer',
    summary: 'List the languages of a template',
    tags,
    params: templateParams,
    query: z.strictObject(listQuery),
    response: page(templateLanguageOut),
    async handler({ params, query }) {
      const p = await languages.list(params.code, { limit: query.limit ?? 50, cursor: query.cursor });
      return { items: p.items.map(toTemplateLanguageJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'GET',
    url: `${langs}/:languageCode`,
    access: 'viewer',
    summary: 'One language of a template',
    tags,
    params: templateLanguageParams,
    response: templateLanguageOut,
    handler: async ({ params }) => toTemplateLanguageJson(await languages.get(params.code, params.languageCode)),
  });
  r.route({
    method: 'POST',
    url: langs,
    access: 'admin',
    summary: 'Add a language to a template',
    tags,
    params: templateParams,
    body: createTemplateLanguageBody,
    response: templateLanguageOut,
    status: 201,
    async handler({ params, body }) {
      const row = await languages.create(params.code, { languageCode: body.languageCode, description: body.description });
      return answer(201, toTemplateLanguageJson(row), { Location: `${base}/${enc(params.code)}/languages/${enc(row.languageCode)}` });
    },
  });
  r.route({
    method: 'PATCH',
    url: `${langs}/:languageCode`,
    access: 'admin',
    summary: 'Change the description of a template language',
    tags,
    params: templateLanguageParams,
    body: patchTemplateLanguageBody,
    response: templateLanguageOut,
    handler: async ({ params, body }) =>
      toTemplateLanguageJson(await languages.update(params.code, params.languageCode, { description: body.description })),
  });
  r.route({
    method: 'DELETE',
    url: `${langs}/:languageCode`,
    access: 'admin',
    summary: 'Delete a template language with its attachment',
    tags,
    params: templateLanguageParams,
    status: 204,
    async handler({ params }) {
      await languages.remove(params.code, params.languageCode);
      return answer(204);
    },
  });

  r.route({
    method: 'PUT',
    url: `${langs}/:languageCode/attachment`,
    access: 'admin',
    summary: 'Set or replace the attachment of a template language',
    tags,
    params: templateLanguageParams,
    query: uploadQuery,
    body: 'raw',
    rawContentType: '*/*',
    response: templateLanguageOut,
    bodyLimit: MAX_ATTACHMENT_BYTES,
    tooLarge: attachmentTooLarge,
    async handler({ params, query, body, request }) {
      const row = await languages.putAttachment(params.code, params.languageCode, parseUpload(query.fileName, body, request));
      return toTemplateLanguageJson(row);
    },
  });
  r.route({
    method: 'DELETE',
    url: `${langs}/:languageCode/attachment`,
    access: 'admin',
    summary: 'Remove the attachment of a template language',
    tags,
    params: templateLanguageParams,
    status: 204,
    async handler({ params }) {
      await languages.removeAttachment(params.code, params.languageCode);
      return answer(204);
    },
  });
}
