import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Me, MfaCompleted } from '../../../shared/contracts/auth.ts';
import {
  CompleteMfa,
  MfaTokenBody,
  PasskeyLogin,
  TotpSetup,
  WebAuthnOptions,
} from '../../../shared/contracts/mfa.ts';
import { problems } from '../../lib/route-schema.ts';
import { getMe } from '../me/me.service.ts';
import { type AuthDeps, startSession } from './auth.service.ts';
import * as mfa from './mfa.service.ts';
import { setSessionCookie } from './session-cookie.ts';

/** The second step of a password login, and logging in with a passkey alone. */
export const mfaRoutes =
  (deps: AuthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];
    const config = { rateLimit: { max: deps.config.authRateLimitPerMinute, timeWindow: '1 minute' } };

    app.post(
      '/auth/mfa',
      {
        config,
        schema: {
          tags,
          summary:
            'Complete a password login with one second factor (TOTP code, recovery code, passkey, or a first TOTP/passkey being set up); sets the session cookie',
          body: CompleteMfa,
          response: { 200: MfaCompleted, ...problems(400, 409, 423, 429) },
        },
      },
      async (req, reply) => {
        const { userId, firstFactor } = await mfa.completeMfa(deps, {
          ...req.body,
          passkey: req.body.passkey as AuthenticationResponseJSON | undefined,
          passkeyRegistration: req.body.passkeyRegistration as RegistrationResponseJSON | undefined,
        });
        const recoveryCodes = firstFactor ? await mfa.recoveryCodesAfterFirstFactor(deps, userId) : undefined;
        const session = await startSession(deps, userId, req.headers['user-agent'] ?? null, 'password_mfa');
        setSessionCookie(deps.config, req, reply, session);
        return { ...(await getMe(deps.db, userId)), ...(recoveryCodes ? { recoveryCodes } : {}) };
      },
    );

    app.post(
      '/auth/mfa/totp-setup',
      {
        config,
        schema: {
          tags,
          summary:
            'For a person who must give a second factor but has none: a new authenticator-app secret, confirmed by POST /auth/mfa with its first code',
          body: MfaTokenBody,
          response: { 200: TotpSetup, ...problems(400, 409, 423, 429) },
        },
      },
      async (req) => mfa.startTotpSetup(deps, req.body.mfaToken),
    );

    app.post(
      '/auth/mfa/passkey-registration-options',
      {
        config,
        schema: {
          tags,
          summary:
            'For a person who must give a second factor but has none: options to create a passkey, answered by POST /auth/mfa {passkeyRegistration}',
          body: MfaTokenBody,
          response: { 200: WebAuthnOptions, ...problems(400, 409, 423, 429) },
        },
      },
      async (req) => mfa.passkeyRegistrationOptions(deps, req.body.mfaToken),
    );

    app.post(
      '/auth/mfa/passkey-options',
      {
        config,
        schema: {
          tags,
          summary: "Options to sign the second step with one of the person's passkeys",
          body: MfaTokenBody,
          response: { 200: WebAuthnOptions, ...problems(400, 423, 429) },
        },
      },
      async (req) => mfa.passkeyOptions(deps, req.body.mfaToken),
    );

    app.post(
      '/auth/passkey/options',
      {
        config,
        schema: {
          tags,
          summary:
            'Options for logging in with a passkey alone (usernameless; the browser offers its passkeys)',
          response: { 200: WebAuthnOptions, ...problems(429) },
        },
      },
      async () => mfa.passkeyOptionsForLogin(deps),
    );

    app.post(
      '/auth/passkey/login',
      {
        config,
        schema: {
          tags,
          summary: 'Log in with a passkey (user verification required); sets the session cookie',
          body: PasskeyLogin,
          response: { 200: Me, ...problems(400, 401, 429) },
        },
      },
      async (req, reply) => {
        const userId = await mfa.passkeyLogin(deps, req.body.response as AuthenticationResponseJSON);
        const session = await startSession(deps, userId, req.headers['user-agent'] ?? null, 'passkey');
        setSessionCookie(deps.config, req, reply, session);
        return getMe(deps.db, userId);
      },
    );
  };
