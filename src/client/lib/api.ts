import type { z } from 'zod';
import { CsrfToken } from '../../shared/contracts/auth.ts';
import { Problem } from '../../shared/contracts/common.ts';

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
    csrfToken = request('GET', '/auth/csrf', CsrfToken).then((r) => r.token);
    csrfToken.catch(() => {
      csrfToken = null;
    });
  }
  return csrfToken;
}

async function toError(res: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  try {
    const parsed = Problem.safeParse(await res.json());
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not JSON: keep the status only.
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

async function request<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S,
  body?: Body,
): Promise<z.infer<S>> {
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

/** Typed API calls: every response is parsed with its contract schema. */
export const api = {
  get: <S extends z.ZodType>(path: string, schema: S) => request('GET', path, schema),
  post: <S extends z.ZodType>(path: string, schema: S, body?: Body) =>
    request('POST', path, schema, body ?? {}),
  patch: <S extends z.ZodType>(path: string, schema: S, body: Body) => request('PATCH', path, schema, body),
  put: <S extends z.ZodType>(path: string, schema: S, body: Body) => request('PUT', path, schema, body),
  delete: <S extends z.ZodType>(path: string, schema: S) => request('DELETE', path, schema),
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
