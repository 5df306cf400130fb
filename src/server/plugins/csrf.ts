import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { safeEqual } from '../lib/tokens.ts';
import { isBearerRequest } from './bearer-answers.ts';

/**
 * The cmi5 fetch URL (features/cmi5, spec §8.2) is posted by an AU from its own origin, with neither
 * cookie nor token: the unguessable session id in the path is the capability, and it reads no session.
 */
const CMI5_FETCH_URL = /^\/api\/v1\/cmi5\/fetch-url\/[^/?]+(\?|$)/;

export const CSRF_COOKIE = 'vn_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin ?? req.headers.referer;
  if (!origin) return true; // Non-browser clients send neither; the token check still applies.
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Double-submit CSRF defence: `GET /api/v1/auth/csrf` hands out the token that is also set as an
 * httpOnly cookie; every state-changing API request must echo it in `X-CSRF-Token`, and must not come
 * from another origin. Another site can neither read the token nor set the header.
 * A request with an API client's bearer token needs none of this: the session plugin never reads the
 * cookie for it, and a browser never adds someone's bearer token to a forged request.
 */
export function registerCsrf(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/') || isBearerRequest(req)) return;
    if (req.method === 'POST' && CMI5_FETCH_URL.test(req.url)) return;
    const cookie = req.cookies[CSRF_COOKIE];
    const header = req.headers[CSRF_HEADER];
    if (!sameOrigin(req) || !cookie || typeof header !== 'string' || !safeEqual(cookie, header)) {
      throw new AppError(403, 'csrf_failed');
    }
  });
}
