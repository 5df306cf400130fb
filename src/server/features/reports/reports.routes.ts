import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ProgrammeIdParams,
  ProgrammeReport,
  ProgrammeReportQuery,
} from '../../../shared/contracts/programmes.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { sendDownload } from '../../lib/send-download.ts';
import { exportMediaType } from '../../lib/table-export.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { reportCsv, reportFileName, reportXlsx } from './report-export.ts';
import { programmeReport, programmeReportSnapshot } from './reports.service.ts';

export const reportRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['reports'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/programmes/:id/report',
      {
        schema: {
          tags,
          summary:
            'Programme report: enrolled vs target, active, completed, by municipality, unit, track, role, gender and month, and the results of imported SCORM and cmi5 courses per module; format=csv (semicolon, UTF-8 with BOM) or xlsx adds the funder participant list per month and each learner’s results in the imported courses',
          params: ProgrammeIdParams,
          querystring: ProgrammeReportQuery,
          response: {
            200: ProgrammeReport.describe('format=json; csv and xlsx are files'),
            ...problems(400, 401, 403, 404),
          },
        },
      },
      async (req, reply) => {
        const { format, part, participants } = req.query;
        const lang = req.query.lang ?? requestLanguage(req);
        if (format === 'json' && participants !== 'true') {
          const { report, json } = await programmeReportSnapshot(db, actorOf(req), req.params.id, lang);
          // Checked against the contract and serialised once per snapshot: reuse that text.
          return reply.serializer(() => json).send(report);
        }
        const report = await programmeReport(db, actorOf(req), req.params.id, lang, { participants: true });
        if (format === 'json') return report;
        const body =
          format === 'csv'
            ? reportCsv(report, lang, part === 'participants')
            : await reportXlsx(report, lang);
        const fileName = reportFileName(report, format);
        return sendDownload(reply, { body, fileName, type: exportMediaType[format] }, 'rapport');
      },
    );
  };
