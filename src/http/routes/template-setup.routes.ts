import type { App } from '../../app/create-app';
import { patchTemplateSetupBody, templateSetupOut } from '../../contract/template-setup';
import type { Router } from '../route';

export function templateSetupRoutes(r: Router, app: App) {
  const setup = app.services.templateSetup;
  const tags = ['set-up'];
  r.route({
    method: 'GET',
    url: '/api/v1/interaction-template-setup',
    access: 'viewer',
    summary: 'The interaction template setup (30 slots)',
    tags,
    response: templateSetupOut,
    handler: () => setup.get(),
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/interaction-template-setup',
    access: 'admin',
    summary: 'Set slots of the interaction template setup',
    tags,
    body: patchTemplateSetupBody,
    response: templateSetupOut,
    handler: ({ body }) => setup.update(body),
  });
}
