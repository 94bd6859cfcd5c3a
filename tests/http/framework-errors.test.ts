import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv } from '../support/test-app';

// Errors Fastify and Node raise before a route runs: the same problem documents as every other
// error, with a catalogue code. They do not depend on the database: one dialect is enough.
let env: TestEnv & { stop(): Promise<void> };
beforeAll(async () => {
  env = await startTestEnv('sqlite');
}, 60_000);
afterAll(() => env.stop());

function expectProblem(res: { status: number; headers: Record<string, unknown>; body: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.body).toMatchObject({ type: `urn:rapport:problem:${code}`, code, status });
  expect(typeof res.body.title).toBe('string');
  expect(typeof res.body.detail).toBe('string');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
}

describe('errors raised by the framework', () => {
  it('answers a path with bad percent-encoding with validation_failed', async () => {
    const res = await env.api('GET', '/api/v1/contacts/%E0%A4%A');
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.instance).toBe('/api/v1/contacts/%E0%A4%A');
    expect(res.body.errors).toEqual([{ path: 'params', message: 'is not valid percent-encoding' }]);
  });

  it('answers a path parameter over 100 characters with validation_failed naming the parameter', async () => {
    const res = await env.api('GET', `/api/v1/contacts/${'A'.repeat(101)}`);
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'params.no' })]);
  });

  it('answers malformed JSON with validation_failed on the body as a whole', async () => {
    const res = await env.api('POST', '/api/v1/languages', { payload: '{"code": "EN",', headers: { 'content-type': 'application/json' } });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors).toEqual([{ path: '', message: 'is not valid JSON' }]);
  });

  it('answers another Content-Type with 415 validation_failed', async () => {
    const res = await env.api('POST', '/api/v1/languages', {
      payload: 'code=EN',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(res, 415, 'validation_failed');
    expect(res.body.errors[0].path).toBe('headers.content-type');
  });

  it('answers a JSON body over 1 MiB with 413 validation_failed', async () => {
    const res = await env.api('POST', '/api/v1/languages', {
      payload: JSON.stringify({ code: 'EN', name: 'x'.repeat(1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 413, 'validation_failed');
  });

  it('answers unknown routes and methods with not_found', async () => {
    expectProblem(await env.api('GET', '/api/v1/nothing-here'), 404, 'not_found');
    // a known path with a method it does not have
    expectProblem(await env.api('DELETE', '/healthz'), 404, 'not_found');
    expectProblem(await env.api('PUT', '/api/v1/languages'), 404, 'not_found');
    // a file of the UI that does not exist
    expectProblem(await env.api('GET', '/assets/nothing-here.js', { token: null }), 404, 'not_found');
  });
});

/** Sends raw bytes to a listening server and answers everything it writes back. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let out = '';
    socket.on('data', (d: Buffer) => (out += d.toString()));
    socket.on('error', fail);
    socket.on('close', () => done(out));
  });
}

function parseRaw(raw: string) {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(rest.join('\r\n\r\n')) };
}

describe('errors raised by Node before Fastify sees a request (a real socket)', () => {
  let port = 0;
  beforeAll(async () => {
    await env.server.fastify.listen({ port: 0, host: '127.0.0.1' });
    const address = env.server.fastify.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  it('answers a request that is not HTTP with validation_failed', async () => {
    const res = parseRaw(await rawExchange(port, 'HELLO THERE\r\n\r\n'));
    expectProblem(res, 400, 'validation_failed');
    expect(res.headers.connection).toBe('close');
  });

  it('answers headers too large with 431 validation_failed', async () => {
    const res = parseRaw(await rawExchange(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expectProblem(res, 431, 'validation_failed');
    expect(res.body.errors).toEqual([{ path: 'headers', message: 'are too large' }]);
  });

  it('answers bad percent-encoding on a real socket as through inject()', async () => {
    const res = parseRaw(await rawExchange(port, 'GET /api/v1/contacts/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expectProblem(res, 400, 'validation_failed');
  });
});

describe('a request arriving while the server stops (a real socket)', () => {
  /** A connection to the port that collects what the server writes back until it closes. */
  const open = (port: number) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d: Buffer) => (out += d.toString()));
    const closed = new Promise<void>((r) => socket.on('close', () => r()));
    return { socket, answer: async () => (await closed, out) };
  };

  it('is answered 503 service_unavailable, and the request in flight before it finishes', async () => {
    const own = await startTestEnv('sqlite');
    await own.server.fastify.listen({ port: 0, host: '127.0.0.1' });
    const address = own.server.fastify.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const body = '{"code": "DE", "name": "German"}';
    // one request in flight (its body still arriving), and one whose headers are not complete yet
    const inFlight = open(port);
    inFlight.socket.write(
      `POST /api/v1/languages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${own.adminToken}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    const late = open(port);
    late.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    await new Promise((r) => setTimeout(r, 200));
    const closed = own.server.fastify.close();
    await new Promise((r) => setTimeout(r, 200));
    // the late request arrives whole after the stop began; then the first one's body ends
    late.socket.write('\r\n');
    const lateAnswer = parseRaw(await late.answer());
    inFlight.socket.write(body.slice(10));
    const finished = await inFlight.answer();
    await closed;
    await own.app.close();

    expectProblem(lateAnswer, 503, 'service_unavailable');
    expect(lateAnswer.body.instance).toBe('/healthz');
    expect(lateAnswer.headers.connection).toBe('close');
    expect(finished).toMatch(/^HTTP\/1\.1 201 /);
    expect(finished).toContain('"name":"German"');
    // its connection closes after the answer, so the stop does not wait for the client
    expect(finished.toLowerCase()).toContain('connection: close');
  });
});
