import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import { forgetViews } from '../../lib/view-cache.ts';

/**
 * Key prefix of the initiative views in the per-process view cache (ADR 9): plans, funding totals and
 * benefit summaries, read far more often than initiatives change and costing 20–40 ms of SQL each.
 */
export const INITIATIVE_VIEWS = 'initiatives|';

/**
 * Every successful write through these routes drops the initiative views before its response leaves,
 * so the writer's next read — and everyone else's on this process — is fresh.
 */
export function forgetInitiativeViewsOnWrite(app: FastifyInstance, db: Db) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) {
      forgetViews(db, INITIATIVE_VIEWS);
      // The dashboards' initiative, funding and benefit figures (issue 8) are built from the same rows.
      forgetViews(db, 'dashboards|initiatives|');
    }
    return payload;
  });
}
