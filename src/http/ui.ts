import type { FastifyInstance } from 'fastify';

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
a{color:#0f6cbd}code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}</style></head>
<body><h1>Rapport</h1>
<p>Every interaction with your contacts — letters, calls, meetings, e-mails and documents — in one log.</p>
<ul><li><a href="/docs">API documentation</a> (<a href="/openapi.json">OpenAPI document</a>)</li>
<li>Command line: <code>npx rapport --help</code></li></ul>
</body></html>`;

/** The static web UI (no authentication). */
export async function uiRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(PLACEHOLDER));
}
