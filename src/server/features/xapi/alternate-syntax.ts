import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, XapiError } from './xapi-errors.ts';

/**
 * The alternate request syntax of xAPI 1.0.3 (Communication §1.3), for clients that can only send a
 * POST without headers: `POST …/statements?method=PUT` with a form body whose `content` is the body,
 * whose header-named fields are headers and whose other fields are the query. xAPI 2.0 removed it, so a
 * request that speaks 2.0 is refused as its conformance suite expects; a 1.0.x request is answered as
 * the request it stands for would be, through the same routes, credentials and rules.
 */

/** The form fields that stand for headers (§1.3.s3.b6). */
const HEADER_FIELDS = [
  'authorization',
  'x-experience-api-version',
  'content-type',
  'content-length',
  'if-match',
  'if-none-match',
];
const METHODS = new Set(['GET', 'HEAD', 'PUT', 'POST', 'DELETE']);
/** Headers of the answer that the outer response sets itself (its length, CORS, the version). */
const OWN_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'date',
  'keep-alive',
  'x-experience-api-version',
]);

const headerOf = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

async function readBody(req: FastifyRequest, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.raw) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new XapiError(413, 'The request body is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Whether a request uses the alternate syntax: it names its method in the query string (a CORS preflight never does). */
export const usesAlternateSyntax = (req: FastifyRequest) =>
  req.method !== 'OPTIONS' && new URL(req.url, 'http://lrs').searchParams.has('method');

/**
 * Answers an alternate-syntax request by replaying the request it stands for inside the app. Where a
 * header is given both in the HTTP request and in the form, the HTTP header is taken. A session
 * cookie is never passed on: this syntax exists for credentials sent in the form.
 */
export async function answerAlternateSyntax(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  bodyLimit: number,
): Promise<FastifyReply> {
  const url = new URL(req.url, 'http://lrs');
  const method = (url.searchParams.get('method') ?? '').toUpperCase();
  if (req.method !== 'POST') throw badRequest('The alternate request syntax is only sent as a POST');
  if ([...url.searchParams.keys()].some((k) => k !== 'method'))
    throw badRequest('With the alternate request syntax, parameters go in the form, not the query string');
  if (!METHODS.has(method)) throw badRequest(`The method ${method || '(none)'} is not an xAPI method`);

  const type = (headerOf(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const raw = await readBody(req, bodyLimit);
  if (raw && type !== 'application/x-www-form-urlencoded')
    throw badRequest('The alternate request syntax sends a form (application/x-www-form-urlencoded)');
  const form = new URLSearchParams(raw);

  const headers: Record<string, string> = {};
  for (const name of HEADER_FIELDS) {
    const given = headerOf(req, name);
    if (given && name !== 'content-type' && name !== 'content-length') headers[name] = given;
  }
  const query = new URLSearchParams();
  let content: string | undefined;
  for (const [key, value] of form) {
    const lower = key.toLowerCase();
    if (key === 'content') content = value;
    else if (HEADER_FIELDS.includes(lower)) {
      if (lower !== 'content-length' && headers[lower] === undefined) headers[lower] = value;
    } else query.append(key, value);
  }
  const version = headers['x-experience-api-version'] ?? '';
  if (!/^1\.0(\.\d+)?$/.test(version.trim()))
    throw badRequest('The alternate request syntax was removed in xAPI 2.0; send the request itself');
  if (content !== undefined) headers['content-type'] ??= 'application/json';
  for (const name of ['accept', 'accept-language', 'origin']) {
    const given = headerOf(req, name);
    if (given) headers[name] = given;
  }

  const qs = query.toString();
  const inner = await app.inject({
    method: method as 'GET',
    url: `${url.pathname}${qs ? `?${qs}` : ''}`,
    headers,
    ...(content === undefined ? {} : { payload: content }),
  });
  for (const [name, value] of Object.entries(inner.headers)) {
    if (!OWN_HEADERS.has(name) && value !== undefined) reply.header(name, value);
  }
  req.xapiVersion = '1.0.3';
  return reply.status(inner.statusCode).send(inner.rawPayload);
}
