import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErasureResult, UserIdParams } from '../../../shared/contracts/users.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { eraseUser } from './users.service.ts';

export const userRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.delete(
      '/users/:id',
      {
        preHandler: requireUser,
        schema: {
          tags: ['people'],
          summary:
            'Erase a person: remove memberships and sessions, anonymise the account and scrub the audit log',
          params: UserIdParams,
          response: { 200: ErasureResult, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => eraseUser(deps.db, actorOf(req), req.params.id),
    );
  };
