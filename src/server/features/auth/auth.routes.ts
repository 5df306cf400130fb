import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePassword,
  CsrfToken,
  LoginRequest,
  LoginResponse,
  PasswordResetConfirm,
  PasswordResetRequest,
  SessionIdParams,
  SessionList,
  UnlockConfirm,
  UnlockRequest,
} from '../../../shared/contracts/auth.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import { LogoutResult } from '../../../shared/contracts/sso.ts';
import { problems } from '../../lib/route-schema.ts';
import { newToken } from '../../lib/tokens.ts';
import { CSRF_COOKIE } from '../../plugins/csrf.ts';
import { actorOf, requireUser, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/session.ts';
import { getMe } from '../me/me.service.ts';
import { ssoLogoutUrl } from '../sso/sso-logout.ts';
import * as auth from './auth.service.ts';
import { mfaRoutes } from './mfa.routes.ts';
import { passkeyRoutes } from './passkeys.routes.ts';
import { setSessionCookie } from './session-cookie.ts';
import { signInPolicyRoutes } from './sign-in-policy.routes.ts';
import { totpRoutes } from './totp.routes.ts';
import * as unlock from './unlock.service.ts';

export const authRoutes =
  (deps: auth.AuthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];
    const rateLimit = { max: deps.config.authRateLimitPerMinute, timeWindow: '1 minute' };
    // Second factors, passkeys and sign-in rules (issue 15).
    await app.register(mfaRoutes(deps));
    await app.register(passkeyRoutes(deps));
    await app.register(totpRoutes(deps));
    await app.register(signInPolicyRoutes(deps));

    app.get(
      '/auth/csrf',
      {
        schema: { tags, summary: 'Get the CSRF token to send as X-CSRF-Token', response: { 200: CsrfToken } },
      },
      async (req, reply) => {
        let token = req.cookies[CSRF_COOKIE];
        if (!token) {
          token = newToken();
          reply.setCookie(CSRF_COOKIE, token, sessionCookieOptions(deps.config, req));
        }
        return { token };
      },
    );

    app.post(
      '/auth/login',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary:
            'Log in with e-mail (or username) and password; sets the session cookie, or answers mfaRequired with a token for POST /auth/mfa. 403 sso_required carries loginUrl.',
          body: LoginRequest,
          response: { 200: LoginResponse, ...problems(400, 401, 403, 423, 429) },
        },
      },
      async (req, reply) => {
        const outcome = await auth.login(deps, {
          ...req.body,
          userAgent: req.headers['user-agent'] ?? null,
        });
        if (outcome.kind === 'mfa') return outcome.challenge;
        setSessionCookie(deps.config, req, reply, outcome);
        return getMe(deps.db, outcome.userId);
      },
    );

    app.post(
      '/auth/logout',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'End the current session; logoutUrl: where to end the session at the IdP too (SSO)',
          response: { 200: LogoutResult, ...problems(401, 403) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        // Read while the session still exists: which IdP it came from and its ID token (issue 15).
        const logoutUrl = await ssoLogoutUrl({ ...deps, log: req.log }, actor.sessionId);
        await auth.logout(deps, actor);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const, ...(logoutUrl ? { logoutUrl } : {}) };
      },
    );

    app.get(
      '/auth/sessions',
      {
        preHandler: requireUser,
        schema: { tags, summary: 'My active sessions', response: { 200: SessionList, ...problems(401) } },
      },
      async (req) => ({ items: await auth.listSessions(deps, actorOf(req)) }),
    );

    app.delete(
      '/auth/sessions/:id',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Revoke one of my sessions',
          params: SessionIdParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await auth.revokeSession(deps, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Change my password',
          body: ChangePassword,
          response: { 200: Ok, ...problems(400, 401, 403) },
        },
      },
      async (req) => {
        await auth.changePassword(deps, actorOf(req), req.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password-reset',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Send a one-time password reset link (same answer whether or not the e-mail exists)',
          body: PasswordResetRequest,
          response: { 202: Ok, ...problems(400, 403, 429) },
        },
      },
      async (req, reply) => {
        await auth.requestPasswordReset(deps, req.body.email);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Set a new password with the e-mailed token',
          body: PasswordResetConfirm,
          response: { 200: Ok, ...problems(400, 403, 429) },
        },
      },
      async (req) => {
        await auth.confirmPasswordReset(deps, req.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/unlock',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary:
            'Mail the owner of a locked address a one-time unlock link (same answer whether or not the address exists or is locked)',
          body: UnlockRequest,
          response: { 202: Ok, ...problems(400, 403, 429) },
        },
      },
      async (req, reply) => {
        await unlock.requestUnlock(deps, req.body.email);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/auth/unlock/confirm',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Lift the login lockout of the address the e-mailed unlock link was made for',
          body: UnlockConfirm,
          response: { 200: Ok, ...problems(400, 403, 429) },
        },
      },
      async (req) => {
        await unlock.confirmUnlock(deps, req.body.token);
        return { ok: true as const };
      },
    );
  };
