import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../db/client.ts';
import { RETRY_AFTER_SECONDS } from '../../db/unavailable.ts';
import { sendProblem } from '../../plugins/errors.ts';
import type { ReadinessCheck } from './readiness.ts';

/** /healthz: the process answers (liveness). /readyz: it can serve, database writes included. */
export const healthRoutes =
  (deps: { database: Database; readiness: ReadinessCheck }): FastifyPluginAsync =>
  async (app) => {
    app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
      const result = await deps.readiness.check();
      if (result.ready) return { status: 'ready', database: deps.database.kind };
      req.log.warn({ reason: result.reason }, 'not ready');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendProblem(req, reply, 503, 'not_ready', [], result.reason);
    });
  };
