import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StartQuery, StartView } from '../../../shared/contracts/start.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { startView } from './start.service.ts';

export const startRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me/start',
      {
        preHandler: requireUser,
        schema: {
          tags: ['me'],
          summary:
            'My start page: what is waiting for me, the figures of my role and what is new since my previous visit',
          querystring: StartQuery,
          response: { 200: StartView, ...problems(400, 401) },
        },
      },
      async (req) => startView(deps.db, actorOf(req), req.query.peek),
    );
  };
