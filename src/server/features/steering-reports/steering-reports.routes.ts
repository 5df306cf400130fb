import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';

/** Steering-group reports: generated from live data, narrative edited, issued, exported (issue 8). */
export const steeringReportRoutes =
  ({ db: _db }: { db: Db }): FastifyPluginAsyncZod =>
  async (_app) => {};
