import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SessionIdParams } from '../../../shared/contracts/auth.ts';
import { SignInPolicy, UpdateSignInPolicy } from '../../../shared/contracts/mfa.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import type { AuthDeps } from './auth.service.ts';
import * as policy from './sign-in-policy.service.ts';

/** An organisation's sign-in rules: a second factor for everyone in it and below it. */
export const signInPolicyRoutes =
  (deps: AuthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['identity'];

    app.get(
      '/organisations/:id/sign-in-policy',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: "The organisation's sign-in rules (identity.manage at the organisation itself)",
          params: SessionIdParams,
          response: { 200: SignInPolicy, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => policy.getPolicy(deps.db, actorOf(req), req.params.id),
    );

    app.put(
      '/organisations/:id/sign-in-policy',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Require a second factor for everyone in the organisation and below it (audited)',
          params: SessionIdParams,
          body: UpdateSignInPolicy,
          response: { 200: SignInPolicy, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => policy.updatePolicy(deps.db, actorOf(req), req.params.id, req.body.requireMfa),
    );
  };
