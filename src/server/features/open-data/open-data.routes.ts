import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  AdoptionDataset,
  MaturityDataset,
  MunicipalitiesDataset,
  OPEN_DATA_SCHEMA_VERSION,
  OpenDataIndex,
  OpenDataQuery,
  type OpenDatasetKey,
  ParticipationDataset,
  SMALL_COUNT_THRESHOLD,
} from '../../../shared/contracts/open-data.ts';
import type { Db } from '../../db/client.ts';
import { attachmentDisposition } from '../../lib/file-names.ts';
import { problems } from '../../lib/route-schema.ts';
import { exportMediaType, tablesToCsv } from '../../lib/table-export.ts';
import { columnsOf } from './open-data.columns.ts';
import { openDataIndex } from './open-data.index.ts';
import { cachedOpenData, type OpenDataBundle, openDataBundle } from './open-data.service.ts';

const BASE = '/api/open/v1';

const datasets: Record<
  OpenDatasetKey,
  { contract: z.ZodType; items: (b: OpenDataBundle) => { countyCode: string }[] }
> = {
  municipalities: { contract: MunicipalitiesDataset, items: (b) => b.municipalities },
  adoption: { contract: AdoptionDataset, items: (b) => b.adoption },
  'programme-participation': { contract: ParticipationDataset, items: (b) => b.participation },
  maturity: { contract: MaturityDataset, items: (b) => b.maturity },
};

interface Body {
  body: string | Buffer;
  etag: string;
  asOf: string;
}

const etagOf = (body: string | Buffer) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

async function bodyOf(
  db: Db,
  key: OpenDatasetKey,
  format: 'json' | 'csv',
  county: string | undefined,
): Promise<Body> {
  return cachedOpenData(db, `${key}|${format}|${county ?? ''}`, async () => {
    const bundle = await openDataBundle(db);
    const items = datasets[key].items(bundle).filter((r) => !county || r.countyCode === county);
    let body: string | Buffer;
    if (format === 'json') {
      // Checked against the published schema, so nothing outside it can leave the server.
      const checked = datasets[key].contract.parse({
        dataset: key,
        schemaVersion: OPEN_DATA_SCHEMA_VERSION,
        asOf: bundle.asOf,
        licence: 'CC-BY-4.0',
        suppressionThreshold: SMALL_COUNT_THRESHOLD,
        items,
      });
      body = JSON.stringify(checked);
    } else {
      const columns = columnsOf[key];
      body = tablesToCsv(
        [
          {
            title: key,
            sheet: key,
            columns: columns.map((c) => ({ header: c.csv })),
            rows: items.map((r) => columns.map((c) => c.get(r as never))),
          },
        ],
        'sv',
        false,
      );
    }
    return { body, etag: etagOf(body), asOf: bundle.asOf };
  });
}

function send(req: FastifyRequest, reply: FastifyReply, b: Body, type: string) {
  reply
    .header('cache-control', 'public, max-age=300')
    .header('etag', b.etag)
    // Open data is meant to be fetched from other sites' pages and notebooks too.
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin');
  const match = req.headers['if-none-match'];
  if (match?.split(',').some((t) => t.trim().replace(/^W\//, '') === b.etag)) return reply.code(304).send();
  // A string or Buffer is sent as it is: serialised once per snapshot, not per request.
  return reply.type(type).send(b.body);
}

/** Open data without login: aggregated, non-personal figures per municipality (issue 8, ADR 11). */
export const openDataRoutes =
  ({ db, rateLimitPerMinute }: { db: Db; rateLimitPerMinute: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['open-data'];
    // Generous for people and scripts downloading the files (cacheable for 5 minutes anyway), while one
    // client cannot keep the server busy. OPEN_DATA_RATE_LIMIT_PER_MINUTE sets it (the bench raises it).
    const config = { rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } };
    const index = openDataIndex(BASE);
    const indexBody: Body = { body: JSON.stringify(OpenDataIndex.parse(index)), etag: '', asOf: '' };
    indexBody.etag = etagOf(indexBody.body);

    app.get(
      '',
      {
        config,
        schema: {
          tags,
          security: [],
          summary:
            'Open data: the datasets, their fields, licence (CC BY 4.0), suppression rule and CSV format',
          querystring: OpenDataQuery.omit({ county: true }),
          response: { 200: OpenDataIndex, ...problems(400, 429) },
        },
      },
      async (req, reply) => send(req, reply, indexBody, 'application/json; charset=utf-8'),
    );

    for (const key of Object.keys(datasets) as OpenDatasetKey[]) {
      const dataset = index.datasets.find((d) => d.key === key)!;
      const columnList = dataset.fields.map((f) => f.csv).join(';');
      app.get(
        `/${key}`,
        {
          config,
          schema: {
            tags,
            security: [],
            summary: `${dataset.title.en} (JSON)`,
            description: `${dataset.description.en} No login. Counts of people below ${SMALL_COUNT_THRESHOLD} are suppressed (value null, suppressed true).`,
            querystring: OpenDataQuery,
            response: { 200: datasets[key].contract, ...problems(400, 429) },
          },
        },
        async (req, reply) =>
          send(
            req,
            reply,
            await bodyOf(db, key, 'json', req.query.county),
            'application/json; charset=utf-8',
          ),
      );
      app.get(
        `/${key}.csv`,
        {
          config,
          schema: {
            tags,
            security: [],
            summary: `${dataset.title.en} (CSV)`,
            description: `UTF-8 with BOM, semicolon separated, CRLF. Columns in this order: ${columnList}. Suppressed counts are empty with <column>_suppressed = true.`,
            querystring: OpenDataQuery,
            produces: [exportMediaType.csv],
            response: { ...problems(400, 429) },
          },
        },
        async (req, reply) => {
          const b = await bodyOf(db, key, 'csv', req.query.county);
          reply.header(
            'content-disposition',
            attachmentDisposition(`valfardsnavet-${key}-${b.asOf}.csv`, 'oppna-data'),
          );
          return send(req, reply, b, exportMediaType.csv);
        },
      );
    }
  };
