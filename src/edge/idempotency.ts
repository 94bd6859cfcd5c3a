import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IdempotencyService } from '../domain/idempotency/idempotency.service';
import { fail } from '../domain/shared/errors';

// Idempotency-Key for both transports (api.md §1.6): the key is claimed in the database before the
// request runs, so concurrent requests with one key on any process create one result. A CLI
// command and the HTTP request it stands for have one fingerprint, so a key is replayed across them.

/** A request as the fingerprint sees it; the CLI names the HTTP request its command stands for. */
export interface EquivalentRequest {
  readonly method: string;
  /** The addressed path, e.g. `/api/v1/segments/SEG001/log` (compared with codes upper-cased). */
  readonly path: string;
  /** The query string without `?` (compared with its parameters sorted). */
  readonly query?: string;
  /** The body after validation (compared as canonical JSON), or raw bytes (compared byte for byte). */
  readonly body?: unknown;
}

/** An answer as stored and replayed: status, headers and the JSON text of the body. */
export interface IdempotentAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

/** How long a request waits for another one with its key before answering 409, and how often it looks. */
const WAIT_MS = 10_000;
const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 200;

/** JSON values compared after parsing: key order and whitespace do not matter, absent and undefined are one. */
function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (Buffer.isBuffer(value)) return `bytes:${createHash('sha256').update(value).digest('hex')}`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The one fingerprint of a request: method, path with codes upper-cased, sorted query, canonical body. */
export function fingerprintOf(r: EquivalentRequest): string {
  const query = (r.query ?? '').split('&').filter(Boolean).sort().join('&');
  return createHash('sha256')
    .update(`${r.method.toUpperCase()} ${decoded(r.path).toUpperCase()}?${query}\n${canonical(r.body)}`)
    .digest('hex');
}

const reused = (key: string) => fail('idempotency_key_reused', key);
const inProgress = (key: string) => fail('idempotency_request_in_progress', key);

/**
 * Runs `work` once per (user, key): the first request claims the key and runs; a request with
 * the same fingerprint meanwhile waits for its stored answer and replays it (`replayed`), or is
 * refused with 409 `idempotency_request_in_progress` when it waits too long; another fingerprint
 * is refused with 409 `idempotency_key_reused`. A failed answer (not 2xx), a thrown error or an
 * answer that cannot be stored (`work` answers null: it streamed) releases the key for a retry.
 */
export async function idempotently(
  service: IdempotencyService,
  request: { readonly username: string; readonly key: string; readonly fingerprint: string },
  work: () => Promise<IdempotentAnswer | null>,
  opts: { readonly waitMs?: number } = {},
): Promise<{ answer: IdempotentAnswer | null; replayed: boolean }> {
  const { username, key, fingerprint } = request;
  const deadline = Date.now() + (opts.waitMs ?? WAIT_MS);
  let poll = FIRST_POLL_MS;
  for (;;) {
    const { claim, result } = await service.claim(username, key, fingerprint);
    if (result.state === 'done') {
      if (result.response.fingerprint !== fingerprint) throw reused(key);
      const { status, headers, body } = result.response;
      return { answer: { status, headers, body }, replayed: true };
    }
    if (result.state === 'in_progress') {
      if (result.fingerprint !== fingerprint) throw reused(key);
      if (Date.now() >= deadline) throw inProgress(key);
      await sleep(poll);
      poll = Math.min(poll * 2, MAX_POLL_MS);
      continue;
    }
    let answer: IdempotentAnswer | null;
    try {
      answer = await work();
    } catch (e) {
      // should the release fail too, the claim goes stale and is taken over (CLAIM_STALE_MS)
      await service.release(claim).catch(() => undefined);
      throw e;
    }
    if (answer && answer.status >= 200 && answer.status < 300) await service.complete(claim, answer);
    else await service.release(claim);
    return { answer, replayed: false };
  }
}
