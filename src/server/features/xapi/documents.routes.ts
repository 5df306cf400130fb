import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getActivity, getPerson } from './activities-agents.service.ts';
import { isIri, isUuid } from './activity-definition-schema.ts';
import { parseAgentParam } from './agent-keys.ts';
import { type DocumentKind, readPreconditions } from './document-concurrency.ts';
import {
  type DocumentBody,
  type DocumentTarget,
  deleteDocuments,
  getDocument,
  listDocuments,
  postDocument,
  putDocument,
} from './documents.service.ts';
import { timestampProblem } from './statement-schema.ts';
import type { XapiDeps } from './xapi.routes.ts';
import { authenticateXapi } from './xapi-auth.ts';
import { badRequest } from './xapi-errors.ts';
import { requestVersion } from './xapi-version.ts';

interface DocumentResource {
  path: string;
  kind: DocumentKind;
  idParam: 'stateId' | 'profileId';
  activity: boolean;
  agent: boolean;
  registration: boolean;
}

/** The three document resources (Communication §2.3, §2.6, §2.7) and the parameters each takes. */
const RESOURCES: DocumentResource[] = [
  {
    path: '/activities/state',
    kind: 'state',
    idParam: 'stateId',
    activity: true,
    agent: true,
    registration: true,
  },
  {
    path: '/activities/profile',
    kind: 'activity_profile',
    idParam: 'profileId',
    activity: true,
    agent: false,
    registration: false,
  },
  {
    path: '/agents/profile',
    kind: 'agent_profile',
    idParam: 'profileId',
    activity: false,
    agent: true,
    registration: false,
  },
];

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';
type Query = Record<string, string>;

/** The query as single strings: a repeated or unknown parameter is refused (Communication §3.2). */
function singleParams(req: FastifyRequest, allowed: readonly string[]): Query {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const params: Query = {};
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.includes(name)) throw badRequest(`Unknown parameter ${name}`);
    if (typeof value !== 'string') throw badRequest(`The parameter ${name} must be given once`);
    params[name] = value;
  }
  return params;
}

function activityParam(params: Query): string {
  const activityId = params.activityId;
  if (activityId === undefined) throw badRequest('The activityId parameter is required');
  if (!isIri(activityId)) throw badRequest('activityId must be an IRI');
  return activityId;
}

function agentParam(params: Query) {
  if (params.agent === undefined) throw badRequest('The agent parameter is required');
  const agent = parseAgentParam(params.agent);
  if (!agent) throw badRequest('agent must be a JSON Agent or identified Group with exactly one identifier');
  return agent;
}

function sinceParam(value: string): Date {
  const time = Date.parse(value);
  if (timestampProblem(value, false) !== null || Number.isNaN(time))
    throw badRequest('since must be an ISO 8601 timestamp');
  return new Date(time);
}

function documentTarget(resource: DocumentResource, method: Method, req: FastifyRequest) {
  const allowed = [
    resource.idParam,
    ...(resource.activity ? ['activityId'] : []),
    ...(resource.agent ? ['agent'] : []),
    ...(resource.registration ? ['registration'] : []),
    ...(method === 'GET' ? ['since'] : []),
  ];
  const params = singleParams(req, allowed);
  const target: DocumentTarget = { kind: resource.kind };
  if (resource.activity) target.activityId = activityParam(params);
  if (resource.agent) target.agent = agentParam(params);
  if (params.registration !== undefined) {
    if (!isUuid(params.registration)) throw badRequest('registration must be a UUID');
    target.registration = params.registration.toLowerCase();
  }
  const documentId = params[resource.idParam];
  if (documentId === '') throw badRequest(`${resource.idParam} must not be empty`);
  // Only GET and (for states) DELETE act on several documents at once.
  const many = method === 'GET' || (method === 'DELETE' && resource.kind === 'state');
  if (documentId === undefined && !many) throw badRequest(`The ${resource.idParam} parameter is required`);
  target.documentId = documentId;
  const since = params.since !== undefined ? sinceParam(params.since) : undefined;
  return { target, since };
}

function documentBody(req: FastifyRequest): DocumentBody {
  const header = req.headers['content-type'];
  return {
    contentType: header && header.trim() !== '' ? header : 'application/octet-stream',
    content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  };
}

export const xapiDocumentRoutes = (deps: XapiDeps) => async (app: FastifyInstance) => {
  const begin = async (req: FastifyRequest) => {
    req.xapiVersion = requestVersion(req);
    return authenticateXapi(req, deps);
  };

  for (const resource of RESOURCES) {
    // HEAD is Fastify's own route for this GET: the same headers, no body (Communication §1.1).
    app.get(resource.path, { schema: { hide: true } }, async (req, reply: FastifyReply) => {
      const caller = await begin(req);
      const { target, since } = documentTarget(resource, 'GET', req);
      if (target.documentId === undefined) {
        const { ids, lastModified } = await listDocuments(deps, caller, target, since);
        if (lastModified) reply.header('last-modified', lastModified.toUTCString());
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(ids));
      }
      const doc = await getDocument(deps, caller, target);
      return reply
        .header('etag', doc.etag)
        .header('last-modified', new Date(doc.updatedAt).toUTCString())
        .type(doc.contentType)
        .send(doc.content);
    });

    app.put(resource.path, { schema: { hide: true } }, async (req, reply) => {
      const caller = await begin(req);
      const { target } = documentTarget(resource, 'PUT', req);
      const version = req.xapiVersion ?? '2.0.0';
      await putDocument(deps, caller, version, target, documentBody(req), readPreconditions(req.headers));
      return reply.status(204).send();
    });

    app.post(resource.path, { schema: { hide: true } }, async (req, reply) => {
      const caller = await begin(req);
      const { target } = documentTarget(resource, 'POST', req);
      await postDocument(deps, caller, target, documentBody(req), readPreconditions(req.headers));
      return reply.status(204).send();
    });

    app.delete(resource.path, { schema: { hide: true } }, async (req, reply) => {
      const caller = await begin(req);
      const { target } = documentTarget(resource, 'DELETE', req);
      await deleteDocuments(deps, caller, target, readPreconditions(req.headers));
      return reply.status(204).send();
    });
  }

  app.get('/activities', { schema: { hide: true } }, async (req) => {
    const caller = await begin(req);
    const params = singleParams(req, ['activityId']);
    return getActivity(deps, caller, activityParam(params));
  });

  app.get('/agents', { schema: { hide: true } }, async (req) => {
    const caller = await begin(req);
    const params = singleParams(req, ['agent']);
    return getPerson(deps, caller, agentParam(params));
  });
};
