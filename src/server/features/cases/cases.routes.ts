import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';

/** Cases (kunskapsbank): write, review, publish, search, who has done this (issue 8). */
export const caseRoutes =
  ({ db: _db, mailer: _mailer }: { db: Db; mailer: Mailer }): FastifyPluginAsyncZod =>
  async (_app) => {};
