import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';

/** Dashboards for a region, an association, the nation and one municipality (issue 8). */
export const dashboardRoutes =
  ({ db: _db }: { db: Db }): FastifyPluginAsyncZod =>
  async (_app) => {};
