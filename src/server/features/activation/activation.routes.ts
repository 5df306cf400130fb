import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Activate,
  ActivationCodeIdParams,
  ActivationCodeIssued,
  ActivationCodeList,
  ActivationCodeOwner,
  CheckActivationCode,
  CreateAccount,
  IssueActivationCode,
} from '../../../shared/contracts/activation.ts';
import { Me } from '../../../shared/contracts/auth.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import { OrganisationIdParams } from '../../../shared/contracts/organisations.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/session.ts';
import { getMe } from '../me/me.service.ts';
import * as activation from './activation.service.ts';

/** Accounts for people without work e-mail, their one-time activation codes, and using a code. */
export const activationRoutes =
  (deps: activation.ActivationDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['activation'];
    const rateLimit = { max: deps.config.authRateLimitPerMinute, timeWindow: '1 minute' };

    app.post(
      '/organisations/:id/accounts',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary:
            'Create an account with a username (no e-mail) and a role here; returns its activation code once',
          params: OrganisationIdParams,
          body: CreateAccount,
          response: { 201: ActivationCodeIssued, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await activation.createAccount(deps, actorOf(req), req.params.id, req.body)),
    );

    app.post(
      '/organisations/:id/activation-codes',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary:
            'Issue a new activation code to a member who cannot sign in yet (older open codes stop working)',
          params: OrganisationIdParams,
          body: IssueActivationCode,
          response: { 201: ActivationCodeIssued, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await activation.issueCode(deps, actorOf(req), req.params.id, req.body.userId)),
    );

    app.get(
      '/organisations/:id/activation-codes',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary:
            'Activation codes issued here (and, at a municipality, at its units), newest first; never the codes',
          params: OrganisationIdParams,
          response: { 200: ActivationCodeList, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => activation.listCodes(deps, actorOf(req), req.params.id),
    );

    app.delete(
      '/activation-codes/:id',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Revoke an activation code that has not been used',
          params: ActivationCodeIdParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        await activation.revokeCode(deps, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/activate/check',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Whose activation code this is (name and username only)',
          security: [],
          body: CheckActivationCode,
          response: { 200: ActivationCodeOwner, ...problems(400, 403, 429) },
        },
      },
      async (req) => activation.checkCode(deps, req.body.code),
    );

    app.post(
      '/auth/activate',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Use an activation code: choose a password; logs the person in',
          security: [],
          body: Activate,
          response: { 200: Me, ...problems(400, 403, 429) },
        },
      },
      async (req, reply) => {
        const { userId, sessionToken, expiresAt } = await activation.activate(
          deps,
          req.body,
          req.headers['user-agent']?.slice(0, 300) ?? null,
        );
        reply.setCookie(SESSION_COOKIE, sessionToken, {
          ...sessionCookieOptions(deps.config, req),
          expires: expiresAt,
        });
        return getMe(deps.db, userId);
      },
    );
  };
