import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common.ts';
import { ConfirmTotp, RecoveryCodes, SecurityOverview, TotpSetup } from '../../../shared/contracts/mfa.ts';
import { AppError } from '../../lib/errors.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as repo from './auth.repo.ts';
import type { AuthDeps } from './auth.service.ts';
import * as mfaRepo from './mfa.repo.ts';
import { dropRecoveryIfNoFactor, recoveryCodesAfterFirstFactor, securityOverview } from './mfa.service.ts';
import * as recovery from './recovery-codes.service.ts';
import * as totp from './totp.service.ts';

/** My second factors: the overview, the authenticator app and the recovery codes. */
export const totpRoutes =
  (deps: AuthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['me'];

    app.get(
      '/me/security',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary:
            'My passkeys, authenticator app and recovery codes left, and whether I need a second factor',
          response: { 200: SecurityOverview, ...problems(401) },
        },
      },
      async (req) => securityOverview(deps, actorOf(req).userId),
    );

    app.post(
      '/me/totp',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Start setting up an authenticator app: the secret as text and as a QR code',
          response: { 200: TotpSetup, ...problems(401, 403, 409) },
        },
      },
      async (req) => {
        const user = await repo.findUserById(deps.db, actorOf(req).userId);
        if (!user) throw new AppError(401, 'unauthenticated');
        return totp.startSetup(deps.db, deps.config, user);
      },
    );

    app.post(
      '/me/totp/confirm',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary:
            'Turn the authenticator app on with its first code; recovery codes (shown once) if I had none',
          body: ConfirmTotp,
          response: { 200: RecoveryCodes.partial(), ...problems(400, 401, 403) },
        },
      },
      async (req) => {
        const userId = actorOf(req).userId;
        const existing = await mfaRepo.factorsOf(deps.db, userId);
        if (existing.totp) throw new AppError(409, 'totp_already_enabled');
        const r = await totp.verifyCode(deps.db, deps.config, userId, req.body.code, { setup: true });
        if (!r.ok) throw new AppError(400, 'mfa_code_wrong', [{ path: 'body.code', code: 'mfa_code_wrong' }]);
        const codes = await recoveryCodesAfterFirstFactor(deps, userId);
        return codes ? { codes } : {};
      },
    );

    app.delete(
      '/me/totp',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Remove my authenticator app',
          response: { 200: Ok, ...problems(401, 403, 404) },
        },
      },
      async (req) => {
        const userId = actorOf(req).userId;
        await totp.remove(deps.db, userId);
        await dropRecoveryIfNoFactor(deps, userId);
        return { ok: true as const };
      },
    );

    app.post(
      '/me/recovery-codes',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Ten new one-time recovery codes (shown once); every earlier code stops working',
          response: { 200: RecoveryCodes, ...problems(401, 403, 409) },
        },
      },
      async (req) => {
        const userId = actorOf(req).userId;
        const f = await mfaRepo.factorsOf(deps.db, userId);
        if (!f.totp && f.passkeys === 0) throw new AppError(409, 'mfa_setup_required');
        return { codes: await recovery.regenerate(deps.db, userId) };
      },
    );
  };
