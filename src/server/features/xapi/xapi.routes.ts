import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { RETRY_AFTER_SECONDS, unavailability } from '../../db/unavailable.ts';
import { registerNoStore } from '../../plugins/no-store.ts';
import { answerAlternateSyntax, usesAlternateSyntax } from './alternate-syntax.ts';
import { xapiDocumentRoutes } from './documents.routes.ts';
import type { XapiVersion } from './statement-validation.ts';
import { xapiStatementRoutes } from './statements.routes.ts';
import { XapiError } from './xapi-errors.ts';
import { SUPPORTED_VERSIONS } from './xapi-version.ts';

export interface XapiDeps {
  db: Db;
  publicUrl: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The xAPI version the request spoke (set once its header was read), answered in the response. */
    xapiVersion: XapiVersion | null;
  }
}

/** Statements with attachments and documents: larger bodies are refused with 413 (Communication §3.2). */
export const XAPI_BODY_LIMIT = 16 * 1024 * 1024;

const REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Experience-API-Version',
  'If-Match',
  'If-None-Match',
  'Accept-Language',
].join(', ');
const EXPOSED_HEADERS = [
  'ETag',
  'Last-Modified',
  'Content-Type',
  'X-Experience-API-Version',
  'X-Experience-API-Consistent-Through',
].join(', ');

export const sendXapiError = (reply: FastifyReply, err: XapiError) =>
  reply
    .status(err.status)
    .headers(err.headers)
    .type('application/json; charset=utf-8')
    .send({ error: true, message: err.message });

function fastifyStatus(err: unknown): number {
  return (err as { statusCode?: number }).statusCode ?? 500;
}

/**
 * The learning record store (issue 18, ADR 20) at `/xapi`: xAPI 2.0 and 1.0.3 over HTTP Basic with an
 * API client's credentials, open to browser-based activity providers through CORS. Bodies are read raw
 * (JSON, multipart/mixed with attachments, documents of any type) and parsed by the resource that takes
 * them; errors are the LRS's own `{error, message}` JSON, outside the problem+json contract of /api.
 */
export const xapiRoutes = (deps: XapiDeps) => async (app: FastifyInstance) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: XAPI_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
  app.decorateRequest('xapiVersion', null);
  registerNoStore(app);

  app.addHook('onRequest', async (_req, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', EXPOSED_HEADERS);
    reply.header('cross-origin-resource-policy', 'cross-origin');
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-experience-api-version', req.xapiVersion ?? '2.0.0');
    return payload;
  });
  // Before the body is parsed: an alternate-syntax request is read and answered here whole.
  app.addHook('onRequest', async (req, reply) => {
    if (usesAlternateSyntax(req)) return answerAlternateSyntax(app, req, reply, XAPI_BODY_LIMIT);
  });
  app.options('/*', { schema: { hide: true } }, async (_req, reply) =>
    reply
      .status(204)
      .header('access-control-allow-methods', 'GET, HEAD, PUT, POST, DELETE, OPTIONS')
      .header('access-control-allow-headers', REQUEST_HEADERS)
      .header('access-control-max-age', '600')
      .send(),
  );

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof XapiError) return sendXapiError(reply, err);
    const status = fastifyStatus(err);
    if (status === 413) return sendXapiError(reply, new XapiError(413, 'The request body is too large'));
    if (status >= 400 && status < 500)
      return sendXapiError(reply, new XapiError(status, (err as Error).message));
    const unavailable = unavailability(err);
    if (unavailable) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendXapiError(reply, new XapiError(503, 'The service is temporarily unavailable'));
    }
    req.log.error({ err }, 'xAPI request failed');
    return sendXapiError(reply, new XapiError(500, 'Internal error'));
  });
  app.setNotFoundHandler((req: FastifyRequest, reply) =>
    sendXapiError(reply, new XapiError(404, `No xAPI resource at ${req.url.split('?')[0]}`)),
  );

  // The about resource needs neither credentials nor a version header (Communication §2.8).
  app.get('/about', { schema: { hide: true } }, async () => ({ version: [...SUPPORTED_VERSIONS] }));

  await app.register(xapiStatementRoutes(deps));
  await app.register(xapiDocumentRoutes(deps));
};
