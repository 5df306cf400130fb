import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from './activity-definition-schema.ts';
import { multipartMixedResponse, parseStatementRequest } from './multipart-mixed.ts';
import { parseStatementQuery } from './statement-query.ts';
import { checkSignature } from './statement-signature.ts';
import { parseStatement, parseStatementBatch, type StatementProblem } from './statement-validation.ts';
import { storeStatements } from './statements.service.ts';
import { readStatements } from './statements-read.service.ts';
import type { XapiDeps } from './xapi.routes.ts';
import { authenticateXapi } from './xapi-auth.ts';
import { badRequest } from './xapi-errors.ts';
import { requestVersion } from './xapi-version.ts';

type Query = Record<string, string | string[] | undefined>;

function invalid(problems: StatementProblem[]) {
  const shown = problems.slice(0, 10).map((p) => `${p.path || '(statement)'}: ${p.message}`);
  return badRequest(`Invalid statement: ${shown.join('; ')}`);
}

/** The reader's languages in order of preference (Accept-Language), for format=canonical. */
function languagesOf(req: FastifyRequest): string[] {
  return (req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

/**
 * The Statement resource (Communication §2.1): PUT one statement under its id, POST one or a batch,
 * GET one or a filtered page. Bodies are JSON or multipart/mixed with attachments; signed statements
 * are checked against their JWS before anything is stored.
 */
export const xapiStatementRoutes = (deps: XapiDeps) => async (app: FastifyInstance) => {
  const { db } = deps;
  const hide = true;

  app.put<{ Querystring: Query }>('/statements', { schema: { hide } }, async (req, reply) => {
    req.xapiVersion = requestVersion(req);
    const caller = await authenticateXapi(req, deps);
    const extra = Object.keys(req.query).filter((k) => k !== 'statementId');
    if (extra.length) throw badRequest(`Unknown parameter ${extra.join(', ')}`);
    const id = req.query.statementId;
    if (typeof id !== 'string' || !isUuid(id)) throw badRequest('PUT needs a statementId parameter (a UUID)');
    const body = parseStatementRequest(req.headers['content-type'], req.body as Buffer | undefined);
    if (Array.isArray(body.json)) throw badRequest('PUT takes one statement, not an array');
    const parsed = parseStatement(body.json, req.xapiVersion);
    if (!parsed.ok) throw invalid(parsed.problems);
    if (parsed.statement.id && parsed.statement.id.toLowerCase() !== id.toLowerCase())
      throw badRequest('The statement id differs from the statementId parameter');
    checkSignature(body.json as Record<string, unknown>, body.attachments);
    await storeStatements(db, deps, caller, {
      version: req.xapiVersion,
      statements: [{ ...parsed.statement, id: id.toLowerCase() }],
      attachments: body.attachments,
    });
    return reply.status(204).send();
  });

  app.post<{ Querystring: Query }>('/statements', { schema: { hide } }, async (req) => {
    req.xapiVersion = requestVersion(req);
    const caller = await authenticateXapi(req, deps);
    if (Object.keys(req.query).length) throw badRequest('POST /statements takes no parameters');
    const body = parseStatementRequest(req.headers['content-type'], req.body as Buffer | undefined);
    const parsed = parseStatementBatch(body.json, req.xapiVersion);
    if (!parsed.ok) throw invalid(parsed.problems);
    const sent = Array.isArray(body.json) ? body.json : [body.json];
    for (const s of sent) checkSignature(s as Record<string, unknown>, body.attachments);
    return storeStatements(db, deps, caller, {
      version: req.xapiVersion,
      statements: parsed.statements,
      attachments: body.attachments,
    });
  });

  app.get<{ Querystring: Query }>('/statements', { schema: { hide } }, async (req, reply: FastifyReply) => {
    req.xapiVersion = requestVersion(req);
    const caller = await authenticateXapi(req, deps);
    const query = parseStatementQuery(req.query);
    const answer = await readStatements(db, deps, caller, query, {
      raw: req.query,
      languages: languagesOf(req),
    });
    reply.header('x-experience-api-consistent-through', new Date().toISOString());
    if (answer.lastModified) reply.header('last-modified', answer.lastModified.toUTCString());
    if (answer.attachments) {
      const multipart = multipartMixedResponse(answer.body, answer.attachments);
      return reply.type(multipart.contentType).send(multipart.body);
    }
    return reply.type('application/json; charset=utf-8').send(answer.body);
  });
};
