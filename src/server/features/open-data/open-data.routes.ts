import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';

/** Open data without login: aggregated, non-personal figures per municipality (issue 8). */
export const openDataRoutes =
  ({ db: _db }: { db: Db }): FastifyPluginAsyncZod =>
  async (_app) => {};
