import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SessionIdParams } from '../../../shared/contracts/auth.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import {
  PasskeyView,
  RegisterPasskey,
  RenamePasskey,
  WebAuthnOptions,
} from '../../../shared/contracts/mfa.ts';
import { AppError } from '../../lib/errors.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as repo from './auth.repo.ts';
import type { AuthDeps } from './auth.service.ts';
import { dropRecoveryIfNoFactor } from './mfa.service.ts';
import * as passkeys from './passkeys.service.ts';

/** My passkeys: add (options → verify), rename, remove. */
export const passkeyRoutes =
  (deps: AuthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['me'];

    app.post(
      '/me/passkeys/registration-options',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Options for adding a passkey (discoverable, user verification required; valid 5 minutes)',
          response: { 200: WebAuthnOptions, ...problems(401, 403) },
        },
      },
      async (req) => {
        const user = await repo.findUserById(deps.db, actorOf(req).userId);
        if (!user) throw new AppError(401, 'unauthenticated');
        return passkeys.registrationOptions(deps.db, deps.config, user);
      },
    );

    app.post(
      '/me/passkeys',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: "Add a passkey: the browser's answer to the registration options",
          body: RegisterPasskey,
          response: { 201: PasskeyView, ...problems(400, 401, 403, 409) },
        },
      },
      async (req, reply) => {
        const view = await passkeys.register(
          deps.db,
          deps.config,
          actorOf(req).userId,
          req.body.response as RegistrationResponseJSON,
          req.body.name,
        );
        return reply.status(201).send(view);
      },
    );

    app.patch(
      '/me/passkeys/:id',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Rename one of my passkeys',
          params: SessionIdParams,
          body: RenamePasskey,
          response: { 200: PasskeyView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => passkeys.rename(deps.db, actorOf(req).userId, req.params.id, req.body.name),
    );

    app.delete(
      '/me/passkeys/:id',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Remove one of my passkeys',
          params: SessionIdParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const userId = actorOf(req).userId;
        await passkeys.remove(deps.db, userId, req.params.id);
        await dropRecoveryIfNoFactor(deps, userId);
        return { ok: true as const };
      },
    );
  };
