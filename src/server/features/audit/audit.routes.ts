import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../../shared/access/index.ts';
import { AuditPage, AuditQuery, OutboxPage, OutboxQuery } from '../../../shared/contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { forbidden } from '../../lib/errors.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { listOutbox, outboxDelivery } from '../mail/mailer.ts';
import { auditPage } from './audit.service.ts';

function decodeCursor(cursor: string | undefined): string | null {
  return cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : null;
}
function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export const auditRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preHandler', requireUser);

    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first, with the names of its objects (national administrators)',
          querystring: AuditQuery,
          response: { 200: AuditPage, ...problems(400, 401, 403) },
        },
      },
      async (req) => auditPage(deps.db, actorOf(req), req.query),
    );

    app.get(
      '/outbox',
      {
        schema: {
          tags: ['audit'],
          summary: 'E-mail kept in the outbox (when no SMTP server is configured), newest first',
          querystring: OutboxQuery,
          response: { 200: OutboxPage, ...problems(400, 401, 403) },
        },
      },
      async (req) => {
        if (!authorize(actorOf(req), 'outbox.read', null)) throw forbidden();
        const beforeRaw = decodeCursor(req.query.cursor);
        const before = beforeRaw && !Number.isNaN(Date.parse(beforeRaw)) ? new Date(beforeRaw) : null;
        const rows = await listOutbox(deps.db, { to: req.query.to, limit: req.query.limit, before });
        const items = rows.slice(0, req.query.limit).map((r) => ({
          id: r.id,
          to: r.to,
          subject: r.subject,
          text: r.text,
          replyTo: r.replyTo,
          createdAt: r.createdAt.toISOString(),
          ...outboxDelivery(r),
        }));
        const last = items.at(-1);
        return {
          items,
          nextCursor: rows.length > req.query.limit && last ? encodeCursor(last.createdAt) : null,
        };
      },
    );
  };
