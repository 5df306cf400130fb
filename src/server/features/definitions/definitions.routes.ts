import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';

/** A steering group's agreed definitions, versioned, in Swedish and English (issue 8). */
export const definitionRoutes =
  ({ db: _db }: { db: Db }): FastifyPluginAsyncZod =>
  async (_app) => {};
