import { messageOf } from '../domain/shared/error-catalogue';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problem, type Problem } from '../edge/problem';
import { BARE_RESPONSE_HEADERS } from './security-headers';

// Errors Fastify and Node raise themselves, before or instead of a route, as catalogue problems:
// a client sees one error format whatever part of the stack refused the request (decision 0023).

const invalid = (detail: string, instance: string, path: string, message: string, status = 400): Problem =>
  problem('validation_failed', detail, instance, { errors: [{ path, message }] }, status);

/**
 * The problem of an error raised by Fastify's request pipeline (body parsing, static files), or
 * null when it is not one of those and so is an unexpected failure.
 */
export function pipelineProblem(err: FastifyError, instance: string): Problem | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return invalid('The request body is too large.', instance, '', 'is too large', 413);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return invalid('The Content-Type is not supported here.', instance, 'headers.content-type', 'is not supported', 415);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return invalid('The body does not match its Content-Length.', instance, 'headers.content-length', 'does not match the body');
  }
  const status = err.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  // @fastify/static's refusals (a missing file, a Range that cannot be satisfied) keep their status
  if (status === 404) return problem('not_found', 'The requested resource does not exist.', instance);
  return invalid(err.message, instance, '', err.message, status);
}

/** Fastify's `frameworkErrors`: a path that cannot be routed (bad percent-encoding, a parameter too long). */
export function answerFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const instance = req.url.split('?')[0] ?? req.url;
  const p =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? invalid('A path parameter is longer than 100 characters.', instance, 'params', 'is longer than 100 characters', 414)
      : err.code === 'FST_ERR_BAD_URL'
        ? invalid('The path is not valid percent-encoding.', instance, 'params', 'is not valid percent-encoding')
        : null;
  if (!p) req.log.error({ err }, 'unexpected routing error');
  const answer = p ?? problem('internal_error', messageOf('internal_error'), instance);
  // hooks have not run for these requests: the security headers are set here
  void reply.headers(BARE_RESPONSE_HEADERS).code(answer.status).type('application/problem+json').send(answer);
}

/** The answer to a request arriving while the server stops: the load balancer sends it elsewhere. */
export function answerStopping(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const instance = req.url.split('?')[0] ?? req.url;
  return reply
    .headers({ ...BARE_RESPONSE_HEADERS, connection: 'close', 'retry-after': '1' })
    .code(503)
    .type('application/problem+json')
    .send(problem('service_unavailable', messageOf('service_unavailable'), instance));
}

/**
 * Fastify's `clientErrorHandler`: Node could not parse the request at all (a malformed request
 * line, headers too large, a request that never finished), so there is no path and no reply
 * object, only the socket.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, p] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, invalid('The request headers are too large.', '', 'headers', 'are too large', 431)]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, invalid('The request did not arrive in time.', '', '', 'did not arrive in time', 408)]
        : [400, invalid('The request is not valid HTTP.', '', '', 'is not valid HTTP')];
  const body = JSON.stringify(p);
  if (socket.writable) {
    const headers = Object.entries({
      ...BARE_RESPONSE_HEADERS,
      'content-type': 'application/problem+json',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    })
      .map(([h, v]) => `${h}: ${v}\r\n`)
      .join('');
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n${body}`);
  }
  socket.destroy(err);
}
