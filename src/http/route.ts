import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleAllows, type Role } from '../domain/account/account';
import type { Principal } from '../domain/account/account.service';
import { DomainError, invalid, fail, failWith } from '../domain/shared/errors';
import type { App } from '../app/create-app';
import { idempotencyKey } from '../contract/common';
import { fingerprintOf, idempotently, type IdempotentAnswer } from '../edge/idempotency';
import { fieldErrors } from '../edge/zod-errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** `public`: no authentication; `any`: any signed-in user; else the lowest role allowed. */
export type Access = 'public' | 'any' | Role;

export interface RouteContext<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The signed-in user (a placeholder on public routes). */
  readonly principal: Principal;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/** A handler's answer: a status, a JSON body and headers; `streamed` when the handler sent it itself. */
export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}
export const STREAMED = Symbol('streamed');

export function answer(status: number, body?: unknown, headers?: Record<string, string>): Answer {
  return { status, body, ...(headers && { headers }) } as Answer;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteSpec<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | 'raw' | undefined> {
  readonly method: Method;
  /** Fastify path, e.g. `/api/v1/languages/:code`. */
  readonly url: string;
  readonly access: Access;
  readonly summary: string;
  readonly tags?: readonly string[];
  readonly params?: P;
  readonly query?: Q;
  /** A zod schema for a JSON body, or `raw` for bytes (uploads, CSV). */
  readonly body?: B;
  /** Content type documented for a raw body. */
  readonly rawContentType?: string;
  readonly response?: z.ZodType;
  /** Success status documented (default 200; 201 for creating POSTs). */
  readonly status?: number;
  readonly bodyLimit?: number;
  /** The code answered when the body is over `bodyLimit` (default validation_failed with 413). */
  readonly tooLarge?: () => DomainError;
  /** Whether `Idempotency-Key` is honoured (default: every POST). */
  readonly idempotent?: boolean;
  /** CSRF applies to cookie-authenticated writes except where a route says otherwise (login). */
  readonly csrf?: boolean;
  handler(ctx: RouteContext<Infer<P>, Infer<Q>, B extends 'raw' ? Buffer : Infer<B>>): Promise<Answer | typeof STREAMED | unknown>;
}

export type AnyRouteSpec = RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | 'raw' | undefined>;

export const SESSION_COOKIE = 'rapport_session';
export const CSRF_COOKIE = 'rapport_csrf';

const PUBLIC_PRINCIPAL: Principal = {
  user: { username: '', fullName: null, role: 'viewer', salespersonCode: null, disabled: false, createdAt: '' },
  csrfToken: null,
  via: 'token',
};

function parseOr400<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.output<T> {
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) throw invalid(fieldErrors(r.error, prefix));
  return r.data;
}

/**
 * NUL characters are refused in every JSON string, query and path parameter: PostgreSQL cannot
 * store them in text and SQLite would, so both dialects answer alike (400 validation_failed).
 */
function refuseNul(value: unknown, prefix: string): void {
  const found: { path: string; message: string }[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) found.push({ path, message: 'must not contain NUL characters' });
    } else if (Array.isArray(v)) v.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i)));
    else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v))
      for (const [k, item] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (k.includes('\u0000')) found.push({ path: at, message: 'must not contain NUL characters' });
        walk(item, at);
      }
  };
  walk(value, prefix);
  if (found.length) throw invalid(found);
}

export interface Router {
  route<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | 'raw' | undefined>(
    spec: RouteSpec<P, Q, B>,
  ): void;
  readonly specs: readonly AnyRouteSpec[];
}

/** Registers routes with authentication, roles, CSRF, validation and idempotency in one place. */
export function createRouter(fastify: FastifyInstance, app: App): Router {
  const specs: AnyRouteSpec[] = [];
  const services = app.services;
  // the principal found by the onRequest hook, for the handler of the same request
  const principals = new WeakMap<FastifyRequest, Principal>();

  async function authenticate(req: FastifyRequest): Promise<Principal> {
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    const sessionId = req.cookies?.[SESSION_COOKIE];
    return services.account.authenticate({ bearer, sessionId });
  }

  function route(spec: AnyRouteSpec) {
    specs.push(spec);
    const idempotent = spec.idempotent ?? spec.method === 'POST';
    const writes = spec.method !== 'GET';
    fastify.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit !== undefined && { bodyLimit: spec.bodyLimit }),
      config: { tooLarge: spec.tooLarge, raw: spec.body === 'raw' } as Record<string, unknown>,
      // Authentication, role and CSRF need only the headers: they are checked before the body is
      // read, so an unauthenticated upload is refused without the server buffering it.
      ...(spec.access !== 'public' && {
        onRequest: async (req: FastifyRequest) => {
          const principal = await authenticate(req);
          if (spec.access !== 'any' && !roleAllows(principal.user.role, spec.access as Role)) throw fail('forbidden');
          if (writes && principal.via === 'session' && spec.csrf !== false) {
            const sent = req.headers['x-csrf-token'];
            if (typeof sent !== 'string' || sent !== principal.csrfToken) throw fail('forbidden', 'csrf');
          }
          principals.set(req, principal);
        },
      }),
      handler: async (req, reply) => {
        const principal = spec.access === 'public' ? PUBLIC_PRINCIPAL : principals.get(req);
        if (!principal) throw fail('unauthenticated');
        refuseNul(req.params, 'params');
        refuseNul(req.query, 'query');
        const params = spec.params ? parseOr400(spec.params, req.params, 'params.') : undefined;
        const query = spec.query ? parseOr400(spec.query, req.query ?? {}, 'query.') : undefined;
        if (!spec.query && req.query && Object.keys(req.query as object).length)
          throw invalid(Object.keys(req.query as object).map((k) => ({ path: `query.${k}`, message: 'unknown field' })));
        let body: unknown;
        const isJson = /^application\/(.+\+)?json\b/i.test(req.headers['content-type'] ?? '');
        if (spec.body === 'raw') {
          body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        } else if (spec.body) {
          if (req.body !== undefined && !isJson)
            throw failWith(
              'validation_failed',
              { status: 415, errors: [{ path: 'headers.content-type', message: 'must be application/json' }] },
              'The request body must be JSON (Content-Type: application/json).',
            );
          refuseNul(req.body, '');
          body = parseOr400(spec.body, req.body ?? {}, '');
        } else if (req.body !== undefined && !(Buffer.isBuffer(req.body) && req.body.length === 0)) {
          if (!isJson || (req.body !== null && typeof req.body === 'object' && Object.keys(req.body as object).length > 0))
            throw invalid([{ path: '', message: 'this request takes no body' }]);
        }

        const run = async (): Promise<IdempotentAnswer | null> => {
          const out = await spec.handler({ params, query, body, principal, request: req, reply } as never);
          if (out === STREAMED) return null;
          const a: Answer =
            out &&
            typeof out === 'object' &&
            'status' in out &&
            typeof (out as Answer).status === 'number' &&
            Object.keys(out).every((k) => ['status', 'body', 'headers'].includes(k))
              ? (out as Answer)
              : { status: spec.status ?? 200, body: out };
          return { status: a.status, headers: a.headers ?? {}, body: a.body === undefined ? null : JSON.stringify(a.body) };
        };
        const rawKey = req.headers['idempotency-key'];
        let result: { answer: IdempotentAnswer | null; replayed: boolean };
        if (idempotent && rawKey !== undefined) {
          const key = parseOr400(idempotencyKey, rawKey, 'headers.idempotency-key.');
          const [path = '', qs = ''] = req.url.split('?');
          const fingerprint = fingerprintOf({ method: spec.method, path, query: qs, body });
          result = await idempotently(services.idempotency, { username: principal.user.username, key, fingerprint }, run);
        } else {
          result = { answer: await run(), replayed: false };
        }
        const a = result.answer;
        if (a === null) return reply;
        if (result.replayed) reply.header('Idempotent-Replayed', 'true');
        for (const [h, v] of Object.entries(a.headers)) reply.header(h, v);
        reply.code(a.status);
        if (a.body === null) return reply.send();
        return reply.type('application/json; charset=utf-8').send(a.body);
      },
    });
  }

  return { route: route as Router['route'], specs };
}
