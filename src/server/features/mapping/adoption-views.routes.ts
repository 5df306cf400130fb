import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdoptionExportQuery,
  AdoptionGaps,
  AdoptionMap,
  AdoptionMapQuery,
  AdoptionScopeQuery,
  MunicipalityShapes,
} from '../../../shared/contracts/mapping.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { sendDownload } from '../../lib/send-download.ts';
import { exportMediaType } from '../../lib/table-export.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { adoptionExport } from './adoption-export.ts';
import { adoptionGaps, adoptionMap } from './adoption-views.service.ts';
import { municipalityShapesJson } from './municipality-shapes.ts';
import { adoptionMatrix } from './technologies.service.ts';

/** The regional views of the mapping: map data, gaps, exports, and the borders the map draws. */
export const adoptionViewRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['mapping'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/adoption/map',
      {
        schema: {
          tags,
          summary:
            'Per municipality in a region, an association or the country: status and use rate of one technology and the number in operation',
          querystring: AdoptionMapQuery,
          response: { 200: AdoptionMap, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? requestLanguage(req);
        const { value, json } = await adoptionMap(db, actorOf(req), req.query, lang);
        // Checked against the contract and serialised once per snapshot: reuse that text.
        return reply.serializer(() => json).send(value);
      },
    );

    app.get(
      '/adoption/gaps',
      {
        schema: {
          tags,
          summary:
            'Municipalities without a local strategy in force, a reference-group representative, or adoption data updated in the last 12 months',
          querystring: AdoptionScopeQuery,
          response: { 200: AdoptionGaps, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => adoptionGaps(db, actorOf(req), req.query),
    );

    app.get(
      '/adoption/export',
      {
        schema: {
          tags,
          summary:
            'The matrix and the gaps of a scope as CSV (semicolons, UTF-8 with BOM) or an XLSX workbook',
          querystring: AdoptionExportQuery,
          produces: [exportMediaType.csv, exportMediaType.xlsx],
          response: { ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? requestLanguage(req);
        const actor = actorOf(req);
        const [{ value: matrix }, gaps] = await Promise.all([
          adoptionMatrix(db, actor, req.query, lang),
          adoptionGaps(db, actor, req.query),
        ]);
        const file = await adoptionExport(matrix, gaps, lang, req.query.format);
        return sendDownload(reply, { ...file, type: exportMediaType[req.query.format] }, 'kartlaggning');
      },
    );

    app.get(
      '/map/municipalities',
      {
        schema: {
          tags,
          summary: 'Municipality borders as SVG paths (reference data; revalidate with If-None-Match)',
          response: {
            200: MunicipalityShapes,
            304: z.null().describe('Not modified (If-None-Match)'),
            ...problems(401),
          },
        },
      },
      async (req, reply) => {
        const { body, json, etag } = municipalityShapesJson();
        // Borders change only with a new release: a day in the browser, then revalidated by the ETag.
        reply.header('etag', etag).header('cache-control', 'private, max-age=86400');
        if (req.headers['if-none-match'] === etag) return reply.status(304).send(null);
        // Serialised once per process: reuse that text.
        return reply.serializer(() => json).send(body);
      },
    );
  };
