import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Radar, RadarQuery } from '../../../shared/contracts/contract-radar.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { sendDownload } from '../../lib/send-download.ts';
import { exportMediaType } from '../../lib/table-export.ts';
import type { Snapshot } from '../../lib/view-cache.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { contractRadar } from './contract-radar.service.ts';
import { radarExport } from './radar-export.ts';

/**
 * The snapshot's JSON as bytes, encoded once per cached view: the country's radar is most of a megabyte,
 * and encoding it again for every request was the largest cost under load.
 */
const encoded = new WeakMap<Snapshot<Radar>, Buffer>();
function bytesOf(snapshot: Snapshot<Radar>): Buffer {
  let bytes = encoded.get(snapshot);
  if (!bytes) {
    bytes = Buffer.from(snapshot.json, 'utf8');
    encoded.set(snapshot, bytes);
  }
  return bytes;
}

/** The expiry radar of contracts and its coordination opportunities (issue 17). */
export const contractRadarRoutes =
  ({ db, publicUrl }: { db: Db; publicUrl: string }): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('preHandler', requireUser);

    app.get(
      '/contracts/radar',
      {
        schema: {
          tags: ['contracts'],
          summary:
            "Contracts not yet ended in a region (?region=county code), an association (?association=id) or the country (national administrators), each with its next decision date, and the coordination opportunities; values only for the municipality's own, its region's and its associations' readers; `format=csv|xlsx` for a file",
          querystring: RadarQuery,
          produces: ['application/json', exportMediaType.csv, exportMediaType.xlsx],
          response: { 200: Radar, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? requestLanguage(req);
        const snapshot = await contractRadar(db, actorOf(req), req.query, lang);
        if (!req.query.format)
          return reply.type('application/json; charset=utf-8').send(bytesOf(snapshot) as never);
        const file = await radarExport(snapshot.value, lang, req.query.format, publicUrl);
        return sendDownload(reply, { ...file, type: exportMediaType[req.query.format] }, 'avtalsradar');
      },
    );
  };
