import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MunicipalityResults,
  MunicipalityResultsParams,
  MunicipalityResultsPdfQuery,
  MunicipalityResultsQuery,
  ResultsQuery,
  RoundResults,
} from '../../../shared/contracts/assessment-results.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { sendDownload } from '../../lib/send-download.ts';
import { exportFileName, exportMediaType } from '../../lib/table-export.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import {
  municipalityResults,
  municipalityResultsView,
  roundResults,
  roundResultsView,
} from './results.service.ts';
import { resultsExport } from './results-export.ts';
import { renderResultsPdf } from './results-pdf.ts';

const RoundIdParams = z.object({ id: z.uuid() });

export const assessmentResultRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['assessment results'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/assessment-rounds/:id/results',
      {
        schema: {
          tags,
          summary:
            'A round’s results: scores per municipality and area (named where the caller may see them), averages, distributions, ranked support needs and wishes, all from submitted sheets; sheets not yet submitted only to the round’s owner, marked preliminary and counted with ?includePreliminary=true; ?format=csv|xlsx for a file with every visible answer and comment',
          params: RoundIdParams,
          querystring: ResultsQuery,
          produces: ['application/json', exportMediaType.csv, exportMediaType.xlsx],
          response: { 200: RoundResults, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? requestLanguage(req);
        const { includePreliminary } = req.query;
        if (!req.query.format) {
          const view = await roundResultsView(db, actorOf(req), req.params.id, lang, includePreliminary);
          return reply.serializer(() => view.json).send(view.value);
        }
        // Files are always computed afresh.
        const loaded = await roundResults(db, actorOf(req), req.params.id, lang, includePreliminary);
        const file = await resultsExport(loaded, lang, req.query.format);
        return sendDownload(reply, { ...file, type: exportMediaType[req.query.format] }, 'resultat');
      },
    );

    app.get(
      '/assessment-rounds/:id/municipalities/:code/results',
      {
        schema: {
          tags,
          summary:
            'One municipality’s results against its region, associations, the model municipalities, chosen peers (?peers=code,code) and its previous rounds, with its answers and comments — none while its sheet is not submitted, except to the round’s owner (marked preliminary)',
          params: MunicipalityResultsParams,
          querystring: MunicipalityResultsQuery,
          response: { 200: MunicipalityResults, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { value, json } = await municipalityResultsView(
          db,
          actorOf(req),
          req.params.id,
          req.params.code,
          req.query.peers?.split(',') ?? [],
          req.query.lang ?? requestLanguage(req),
          req.query.includePreliminary,
        );
        return reply.serializer(() => json).send(value);
      },
    );

    app.get(
      '/assessment-rounds/:id/municipalities/:code/results.pdf',
      {
        schema: {
          tags,
          summary: 'One municipality’s results as a tagged PDF summary',
          params: MunicipalityResultsParams,
          querystring: MunicipalityResultsPdfQuery,
          produces: ['application/pdf'],
          response: { ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? requestLanguage(req);
        const r = await municipalityResults(
          db,
          actorOf(req),
          req.params.id,
          req.params.code,
          [],
          lang,
          req.query.includePreliminary,
        );
        const pdf = await renderResultsPdf(r, lang);
        const fileName = exportFileName(
          `${r.municipality.name} ${r.round.name}`,
          'resultat',
          r.round.closesOn,
          'pdf',
        );
        return sendDownload(reply, { body: pdf, fileName, type: 'application/pdf' }, 'resultat');
      },
    );
  };
