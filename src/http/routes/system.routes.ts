import { z } from 'zod';
import type { App } from '../../app/create-app';
import { answer, type Router } from '../route';

export function systemRoutes(r: Router, app: App) {
  r.route({
    method: 'GET',
    url: '/healthz',
    access: 'public',
    summary: 'Health: whether the database answers',
    tags: ['service'],
    response: z.object({ status: z.enum(['ok', 'error']) }),
    async handler() {
      try {
        await app.services.health.ping();
        return { status: 'ok' };
      } catch {
        return answer(503, { status: 'error' });
      }
    },
  });
}
