import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The web UI is a single-page app built into web/dist (`npm run build`). It is served without
// authentication: every page asks the API, which authenticates each request.

// This module runs from src/http/ (the sources) or from a file of the build under dist/, so web/dist
// is found from the package's root: the nearest folder above with a package.json.
function webDist(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'web', 'dist') + sep;
}

const DIST = webDist();

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>Rapport</h1><p>The web UI has not been built yet: run <code>npm run build</code> and restart the server.</p>
<ul><li><a href="/docs">API documentation</a></li></ul></body></html>`;

/** Paths that belong to the API or its documentation, never to the UI's fallback. */
const isServerPath = (path: string) =>
  path.startsWith('/api/') || path === '/api' || path.startsWith('/docs') || path === '/openapi.json' || path === '/healthz';

const STATIC_FILE = /\.(js|css|map|ico|png|svg|txt|webmanifest|woff2?)$/i;

/** Serves the built UI; any other GET that is not an API path gets index.html (client-side routes). */
export async function uiRoutes(fastify: FastifyInstance, root = DIST): Promise<void> {
  const built = existsSync(`${root}index.html`);
  if (built) {
    await fastify.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      cacheControl: false,
      // hashed file names under assets/ never change; index.html is always asked for afresh
      setHeaders(res, path) {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const spa = async (reply: FastifyReply) => {
    if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', root);
  };
  fastify.get('/', (_req, reply) => spa(reply));
  fastify.get('/*', (req, reply) => {
    const path = req.url.split('?')[0] ?? req.url;
    // a missing built file is a 404; a code in a page address may contain a dot (CT.01)
    if (isServerPath(path) || path.startsWith('/assets/') || STATIC_FILE.test(path)) return reply.callNotFound();
    return spa(reply);
  });
}
