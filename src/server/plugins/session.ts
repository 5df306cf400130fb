import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Action, Actor, ApiScope } from '../../shared/access/index.ts';
import type { UiLanguage } from '../../shared/contracts/common.ts';
import type { Gender, MembershipView } from '../../shared/contracts/people.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { findBearerActor } from '../features/api-clients/bearer.ts';
import { findSessionActor, touchSession } from '../features/auth/session.repo.ts';
import { AppError } from '../lib/errors.ts';
import { hashToken } from '../lib/tokens.ts';
import { bearerToken, registerBearerAnswers } from './bearer-answers.ts';

export const SESSION_COOKIE = 'vn_session';

export interface RequestActor extends Actor {
  sessionId: string;
  name: string;
  /** Null for someone without a work e-mail, who signs in with `username`. */
  email: string | null;
  username: string | null;
  preferredLanguage: UiLanguage;
  /** The account's course language (a content language tag), when the person has chosen one. */
  courseLanguage?: string | null;
  gender: Gender | null;
  /** Loaded with the session on every request, sorted in Swedish order: `/me` answers from it. */
  memberships: MembershipView[];
  /**
   * Set when a system acts by an API client's bearer token (issue 15), never for a person. `sessionId`
   * and `email` are then empty, and `allowedActions` limits every rule to the token's scopes.
   */
  apiClient?: { id: string; clientId: string; scopes: ApiScope[]; scopeDenials: Action[] };
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null;
  }
}

const TOUCH_INTERVAL_MS = 60_000;

export function sessionCookieOptions(config: Config, req: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // Secure whenever the request reached us over HTTPS (directly or, with TRUST_PROXY, via a proxy).
    secure: req.protocol === 'https' || config.publicUrl.startsWith('https://'),
  };
}

/**
 * What only a person does: signing in and out, sessions, passwords, passkeys, second factors, their own
 * account. A system's bearer token is refused here, whatever its scopes.
 */
const PEOPLE_ONLY = /^\/api\/v1\/(auth|me)(\/|\?|$)/;

/**
 * Resolves the caller on every API request: an API client's bearer token (`Authorization: Bearer`,
 * under /api/v1) or else the session cookie. A request with a bearer token never uses the cookie's
 * session, so CSRF (`csrf.ts`) concerns cookie sessions only.
 */
export function registerSession(app: FastifyInstance, deps: { db: Db; config: Config }) {
  app.decorateRequest('actor', null);
  registerBearerAnswers(app, deps.db);
  app.addHook('onRequest', async (req) => {
    const bearer = req.url.startsWith('/api/v1/') ? bearerToken(req) : undefined;
    if (bearer !== undefined) {
      if (PEOPLE_ONLY.test(req.url)) throw new AppError(403, 'people_only');
      const actor = bearer ? await findBearerActor(deps.db, bearer) : null;
      if (!actor) throw new AppError(401, 'invalid_token');
      const accept = req.headers['accept-language']?.trim().toLowerCase() ?? '';
      req.actor = { ...actor, preferredLanguage: accept.startsWith('en') ? 'en' : 'sv' };
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const found = await findSessionActor(deps.db, hashToken(token));
    if (!found) return;
    req.actor = found.actor;
    if (Date.now() - found.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      // Last-seen is bookkeeping: a read must not fail because it could not be written (a full disk,
      // a read-only database, a dropped connection); the request's own writes still fail with 503.
      await touchSession(deps.db, found.actor.sessionId).catch((err: unknown) =>
        req.log.warn({ err }, 'could not record the session as seen'),
      );
    }
  });
}

/** preHandler for every route that needs a logged-in user. */
export async function requireUser(req: FastifyRequest, _reply: FastifyReply) {
  if (!req.actor) throw new AppError(401, 'unauthenticated');
}

export function actorOf(req: FastifyRequest): RequestActor {
  if (!req.actor) throw new AppError(401, 'unauthenticated');
  return req.actor;
}
