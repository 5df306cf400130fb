import type { z } from 'zod';
import type { CsrfToken } from '../../shared/contracts/auth.ts';
import type { Problem } from '../../shared/contracts/common.ts';

/** What a call does with the response body: a contract schema (zod) parses it; see checkedByServer. */
export interface Parser<T> {
  parse(data: unknown): T;
}

/**
 * Takes the body as the contract's type without parsing it again in the browser. The server already
 * checks every response against the same contract before sending it (serializerCompiler), so this is
 * safe for our own API; it keeps zod (27 kB gzipped) off the pages that must load fast on a phone —
 * the learner's pages, the layout and the session (docs/performance.md, "Lesson load"). Pages that
 * want the check pass the contract schema itself.
 */
export function checkedByServer<T>(): Parser<T> {
  return { parse: (data) => data as T };
}

/** A failed API call: the RFC 9457 problem the server sent (already localised), or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  constructor(status: number, problem: Problem | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
  get code(): string {
    return this.problem?.code ?? (this.status === 0 ? 'network_error' : 'unknown_error');
  }
  /** Field errors keyed by form field name: `body.email` → `email`, `querystring.q` → `q`. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) {
      const field = e.path.split('.').slice(1).join('.') || e.path;
      if (!out[field]) out[field] = e.message;
    }
    return out;
  }
}

export const API = '/api/v1';

let csrfToken: Promise<string> | null = null;

function getCsrfToken(refresh = false): Promise<string> {
  if (!csrfToken || refresh) {
    csrfToken = request('GET', '/auth/csrf', checkedByServer<z.infer<typeof CsrfToken>>()).then(
      (r) => r.token,
    );
    csrfToken.catch(() => {
      csrfToken = null;
    });
  }
  return csrfToken;
}

async function toError(res: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  try {
    const body: unknown = await res.json();
    // The contract comes with the first failure, not with every page (it brings zod; see checkedByServer).
    const { Problem } = await import('../../shared/contracts/common.ts');
    const parsed = Problem.safeParse(body);
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not JSON (or the contract's chunk unreachable offline): keep the status only.
  }
  return new ApiError(res.status, problem, problem?.title ?? `HTTP ${res.status}`);
}

type Body = unknown | FormData | undefined;

async function rawFetch(method: string, path: string, body: Body, csrf?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  try {
    return await fetch(`${API}${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, null, 'network_error');
  }
}

async function request<T>(method: string, path: string, schema: Parser<T>, body?: Body): Promise<T> {
  const safe = method === 'GET' || method === 'HEAD';
  let res = await rawFetch(method, path, body, safe ? undefined : await getCsrfToken());
  if (!safe && res.status === 403) {
    const err = await toError(res.clone());
    if (err.code === 'csrf_failed') {
      res = await rawFetch(method, path, body, await getCsrfToken(true));
    }
  }
  if (!res.ok) throw await toError(res);
  const json: unknown = res.status === 204 ? {} : await res.json();
  return schema.parse(json);
}

/**
 * Typed API calls: the response is parsed with its contract schema, or taken as the contract's type
 * where the page passes checkedByServer<T>().
 */
export const api = {
  get: <T>(path: string, schema: Parser<T>) => request('GET', path, schema),
  post: <T>(path: string, schema: Parser<T>, body?: Body) => request('POST', path, schema, body ?? {}),
  patch: <T>(path: string, schema: Parser<T>, body: Body) => request('PATCH', path, schema, body),
  put: <T>(path: string, schema: Parser<T>, body: Body) => request('PUT', path, schema, body),
  delete: <T>(path: string, schema: Parser<T>) => request('DELETE', path, schema),
  /** Forget the CSRF token (after logout or login the session changes). */
  resetCsrf() {
    csrfToken = null;
  },
};

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
