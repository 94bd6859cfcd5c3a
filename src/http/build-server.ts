import { messageOf } from '../domain/shared/error-catalogue';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { App } from '../app/create-app';
import { DomainError, invalid } from '../domain/shared/errors';
import { buildOpenApi } from './openapi';
import { answerClientError, answerFrameworkError, answerStopping, pipelineProblem } from './framework-errors';
import { problem, statusOf } from '../edge/problem';
import { createRouter, type AnyRouteSpec } from './route';
import { registerRoutes } from './routes';
import { registerSecurityHeaders } from './security-headers';
import { uiRoutes } from './ui';

const MiB = 1024 * 1024;

export interface Server {
  readonly fastify: FastifyInstance;
  /** The route table (for the OpenAPI document and the authentication test). */
  readonly routes: readonly AnyRouteSpec[];
}

/** Fastify's trustProxy: a number of hops trusts that many proxies next to the server. */
const trustProxyOf = (t: boolean | number | readonly string[] | undefined) =>
  t === undefined ? false : typeof t === 'number' ? (_address: string, hop: number) => hop < t : typeof t === 'object' ? [...t] : t;

/** Builds the HTTP app over the services; never listens (main.ts does, tests use inject()). */
export async function buildServer(app: App): Promise<Server> {
  const fastify = Fastify({
    loggerInstance: app.logger as FastifyBaseLogger,
    bodyLimit: MiB,
    // behind a proxy (RAPPORT_TRUST_PROXY) the client address, protocol and host follow X-Forwarded-*
    trustProxy: trustProxyOf(app.config.trustProxy),
    // what Fastify and Node refuse before a route runs is answered as a problem too
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // while the server stops, a request on a connection kept alive gets our 503 problem (below)
    return503OnClosing: false,
    // a path parameter of any length reaches its route, whose validation names it (params.no must
    // have at most 20 characters); Fastify's default of 100 would hand it to the UI's catch-all
    routerOptions: { maxParamLength: 16 * 1024 },
  });
  let stopping = false;
  fastify.addHook('preClose', () => {
    stopping = true;
  });
  fastify.addHook('onRequest', (req, reply, done) => {
    if (stopping) return answerStopping(req, reply);
    done();
  });
  // a connection kept alive would hold the stop up until its client closes it
  fastify.addHook('onSend', (_req, reply, _payload, done) => {
    if (stopping) void reply.header('connection', 'close');
    done();
  });
  await registerSecurityHeaders(fastify);
  await fastify.register(cookie);

  // JSON is parsed here so an empty body means "no body" and malformed JSON gets our problem.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(/^application\/(.+\+)?json/i, { parseAs: 'buffer' }, (req, bytes, done) => {
    // a route that takes raw bytes (uploads) gets a JSON file as it was sent
    if ((req.routeOptions.config as { raw?: boolean } | undefined)?.raw) return done(null, bytes);
    const text = (bytes as Buffer).toString('utf8');
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(invalid([{ path: '', message: 'is not valid JSON' }], 'The request body is not valid JSON.'), undefined);
    }
  });
  // Every other content type arrives as bytes; each route decides whether it takes them.
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 20 * MiB }, (_req, body, done) => done(null, body));

  fastify.setNotFoundHandler((req, reply) => {
    void reply
      .code(404)
      .type('application/problem+json')
      .send(problem('not_found', 'The requested resource does not exist.', req.url.split('?')[0] ?? req.url));
  });

  fastify.setErrorHandler((err: FastifyError | DomainError, req, reply) => {
    const instance = req.url.split('?')[0] ?? req.url;
    const send = (p: ReturnType<typeof problem>, headers: Record<string, string> = {}) => {
      for (const [h, v] of Object.entries(headers)) void reply.header(h, v);
      return reply.code(p.status).type('application/problem+json').send(p);
    };
    if (err instanceof DomainError) {
      const { status, errors, ...extra } = err.extra as { status?: number; errors?: unknown };
      const withErrors = err.code === 'validation_failed' ? { errors: errors ?? [{ path: '', message: err.detail }] } : {};
      const headers: Record<string, string> = err.code === 'rate_limited' ? { 'Retry-After': String(extra['retryAfter' as never]) } : {};
      return send(problem(err.code, err.detail, instance, { ...extra, ...withErrors }, status ?? statusOf(err.code)), headers);
    }
    if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const tooLarge = (req.routeOptions.config as { tooLarge?: () => DomainError } | undefined)?.tooLarge?.();
      if (tooLarge) return send(problem(tooLarge.code, tooLarge.detail, instance, { errors: [{ path: '', message: 'is too large' }] }));
    }
    const refused = pipelineProblem(err as FastifyError, instance);
    if (refused) return send(refused);
    req.log.error({ err }, 'unexpected error');
    return send(problem('internal_error', messageOf('internal_error'), instance));
  });

  const router = createRouter(fastify, app);
  registerRoutes(router, app);

  const document = buildOpenApi(router.specs, '1.0.0');
  fastify.get('/openapi.json', async () => document);
  await fastify.register(swagger, { mode: 'static', specification: { document: document as never } });
  await fastify.register(swaggerUi, { routePrefix: '/docs' });
  await uiRoutes(fastify);

  return { fastify, routes: router.specs };
}
