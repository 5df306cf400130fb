import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  TeamExportQuery,
  TeamQuery,
  TeamReminderInput,
  TeamReminderResult,
  TeamView,
} from '../../../shared/contracts/team.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { sendDownload } from '../../lib/send-download.ts';
import { exportMediaType } from '../../lib/table-export.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import type { Mailer } from '../mail/mailer.ts';
import { sendReminders, teamView } from './team.service.ts';
import { teamExport } from './team-export.ts';

export const teamRoutes =
  (deps: { db: Db; mailer: Mailer; config: Config }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['team'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/team',
      {
        schema: {
          tags,
          summary:
            'My team: the people of my units (or one unit) with status, progress, last activity and certificates; filtered, sorted and paged',
          querystring: TeamQuery,
          response: { 200: TeamView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => teamView(db, actorOf(req), req.query, requestLanguage(req)),
    );

    app.get(
      '/team/export',
      {
        schema: {
          tags,
          summary:
            'The team list with the same filters as a file: format=csv (semicolon, UTF-8 with BOM) or xlsx',
          querystring: TeamExportQuery,
          produces: [exportMediaType.csv, exportMediaType.xlsx],
          response: { ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const lang = requestLanguage(req);
        const view = await teamView(db, actorOf(req), { ...req.query, limit: null }, lang);
        const file = await teamExport(view, lang, req.query.format);
        return sendDownload(reply, { ...file, type: exportMediaType[req.query.format] }, 'team');
      },
    );

    app.post(
      '/team/reminders',
      {
        schema: {
          tags,
          summary:
            'Remind people of my units of the courses they have not finished (one e-mail each, at most one a day per person)',
          body: TeamReminderInput,
          response: { 200: TeamReminderResult, ...problems(400, 401, 403) },
        },
      },
      async (req) => sendReminders(deps, actorOf(req), req.body.userIds, requestLanguage(req)),
    );
  };
