import { ApiError, type FieldError } from './problem';

// The one way the browser talks to the server: JSON over fetch with the session cookie, the
// CSRF header on writes and problem documents turned into ApiError.

export const API = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** `?a=1&b=x` from the given values; empty, null and undefined values are left out. */
export function toQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function cookie(name: string): string | undefined {
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : undefined;
}

let unauthenticatedListener: (() => void) | undefined;
/** Called when the server answers 401 to a signed-in request (the session expired). */
export function onUnauthenticated(listener: () => void): void {
  unauthenticatedListener = listener;
}

export interface RequestOptions {
  readonly query?: Query;
  readonly body?: unknown;
  /** Raw bytes (uploads, CSV import) sent instead of a JSON body. */
  readonly raw?: Blob;
  readonly rawType?: string;
  /** A key making a POST safe to repeat (api.md §1.6). */
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

async function toError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const p = JSON.parse(text) as { code?: string; detail?: string; title?: string; errors?: FieldError[] } & Record<string, unknown>;
    const { code, detail, title, errors, ...extra } = p;
    return new ApiError(res.status, code ?? 'internal_error', detail ?? title ?? res.statusText, errors ?? [], extra);
  } catch {
    return new ApiError(res.status, res.status >= 500 ? 'internal_error' : 'unknown', res.statusText || `HTTP ${res.status}`);
  }
}

/** Sends one request; answers the parsed JSON body (undefined for 204). */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.raw) {
    body = opts.raw;
    headers['content-type'] = opts.rawType || opts.raw.type || 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET') {
    const csrf = cookie('rapport_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(`${API}${path}${toQuery(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body }),
      ...(opts.signal && { signal: opts.signal }),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !path.startsWith('/auth/')) unauthenticatedListener?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { ...(query && { query }), ...(signal && { signal }) }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, query?: Query) => request<T>('PATCH', path, { body, ...(query && { query }) }),
  put: <T>(path: string, raw: Blob, query?: Query) => request<T>('PUT', path, { raw, ...(query && { query }) }),
  delete: (path: string) => request<void>('DELETE', path),
};

/** A fresh Idempotency-Key, kept by a form for all attempts of one submission. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The address of a path for a download link (cookie-authenticated GET). */
export function downloadUrl(path: string, query?: Query): string {
  return `${API}${path}${toQuery(query)}`;
}

/** Encodes a code for a path segment (api.md §1.2). */
export const seg = (code: string | number): string => encodeURIComponent(String(code));
