import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { RETRY_AFTER_SECONDS, unavailability } from '../../db/unavailable.ts';
import { registerNoStore } from '../../plugins/no-store.ts';
import { authenticateScim, type ScimContext } from './scim-auth.ts';
import { listResponse, resourceTypes, schemas, serviceProviderConfig } from './scim-discovery.ts';
import { ScimError, scimErrorBody, scimNotFound } from './scim-errors.ts';
import * as groups from './scim-groups.service.ts';
import { scimBaseUrl } from './scim-tokens.service.ts';
import * as users from './scim-users.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    scim: ScimContext | null;
  }
}

const SCIM_TYPE = 'application/scim+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type IdParams = { Params: { id: string } };
type ListQuery = {
  Querystring: { filter?: string; startIndex?: string; count?: string; excludedAttributes?: string };
};

function scimOf(req: FastifyRequest): ScimContext {
  if (!req.scim) throw new ScimError(401, null, 'A SCIM bearer token is required');
  return req.scim;
}

/** A path id that is not a uuid names nothing (and must not reach the database as one). */
function idOf(req: FastifyRequest<IdParams>, what: 'User' | 'Group') {
  const { id } = req.params;
  if (!UUID.test(id)) throw scimNotFound(what, id);
  return id.toLowerCase();
}

const send = (reply: FastifyReply, status: number, body: unknown) =>
  reply.status(status).type(SCIM_TYPE).send(body);

/**
 * SCIM 2.0 service provider (RFC 7643/7644) at `/scim/v2`, as Microsoft Entra ID's provisioning service
 * and HR systems call it. Bearer token only (no cookie, no CSRF): the token names the organisation, and
 * nothing outside it can be read or changed. Errors are SCIM's own, not problem+json.
 */
export const scimRoutes = (deps: { db: Db; config: Config }) => async (app: FastifyInstance) => {
  const { db } = deps;
  const baseUrl = scimBaseUrl(deps.config.publicUrl);
  const tags = ['scim'];
  // SCIM describes itself (ServiceProviderConfig, Schemas, ResourceTypes) and answers in its own error
  // format, outside the problem+json contract of /api: it is left out of the OpenAPI document.
  const hide = true;

  app.addContentTypeParser(
    'application/scim+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.decorateRequest('scim', null);
  registerNoStore(app);

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ScimError) {
      if (err.status === 401) reply.header('www-authenticate', 'Bearer realm="scim"');
      return send(reply, err.status, scimErrorBody(err.status, err.scimType, err.detail));
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 415)
      return send(reply, 415, scimErrorBody(415, null, 'Send application/scim+json or application/json'));
    if (status === 413) return send(reply, 413, scimErrorBody(413, null, 'The request is too large'));
    if (status >= 400 && status < 500)
      return send(reply, 400, scimErrorBody(400, 'invalidSyntax', 'The request body is not valid JSON'));
    const unavailable = unavailability(err);
    if (unavailable) {
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return send(reply, 503, scimErrorBody(503, null, 'The service is temporarily unavailable'));
    }
    req.log.error({ err }, 'SCIM request failed');
    return send(reply, 500, scimErrorBody(500, null, 'Internal error'));
  });
  app.setNotFoundHandler((req, reply) =>
    send(reply, 404, scimErrorBody(404, null, `No SCIM endpoint ${req.url.split('?')[0]}`)),
  );
  app.addHook('onRequest', async (req) => {
    req.scim = await authenticateScim(db, req, baseUrl);
  });

  app.get(
    '/ServiceProviderConfig',
    { schema: { hide, tags, summary: 'SCIM service provider configuration' } },
    async (_req, reply) => send(reply, 200, serviceProviderConfig(baseUrl)),
  );
  app.get('/Schemas', { schema: { hide, tags, summary: 'SCIM schemas' } }, async (_req, reply) =>
    send(reply, 200, listResponse(schemas(baseUrl))),
  );
  app.get<IdParams>(
    '/Schemas/:id',
    { schema: { hide, tags, summary: 'One SCIM schema' } },
    async (req, reply) => {
      const found = schemas(baseUrl).find((s) => s.id.toLowerCase() === req.params.id.toLowerCase());
      if (!found) throw scimNotFound('Resource', req.params.id);
      return send(reply, 200, found);
    },
  );
  app.get('/ResourceTypes', { schema: { hide, tags, summary: 'SCIM resource types' } }, async (_req, reply) =>
    send(reply, 200, listResponse(resourceTypes(baseUrl))),
  );
  app.get<IdParams>(
    '/ResourceTypes/:id',
    { schema: { hide, tags, summary: 'One SCIM resource type' } },
    async (req, reply) => {
      const found = resourceTypes(baseUrl).find((r) => r.id.toLowerCase() === req.params.id.toLowerCase());
      if (!found) throw scimNotFound('Resource', req.params.id);
      return send(reply, 200, found);
    },
  );

  // ---- Users ----
  app.get<ListQuery>(
    '/Users',
    { schema: { hide, tags, summary: 'List or filter users (userName, externalId, emails, id)' } },
    async (req, reply) => {
      const page = await users.listUsers(db, scimOf(req), req.query);
      return send(reply, 200, listResponse(page.resources, page.total, page.startIndex));
    },
  );
  app.post(
    '/Users',
    { schema: { hide, tags, summary: 'Create (or link by e-mail) a user' } },
    async (req, reply) => {
      const user = await users.createUser(db, scimOf(req), req.body);
      reply.header('location', user.meta.location);
      return send(reply, 201, user);
    },
  );
  app.get<IdParams>('/Users/:id', { schema: { hide, tags, summary: 'One user' } }, async (req, reply) =>
    send(reply, 200, await users.getUser(db, scimOf(req), idOf(req, 'User'))),
  );
  app.put<IdParams>('/Users/:id', { schema: { hide, tags, summary: 'Replace a user' } }, async (req, reply) =>
    send(reply, 200, await users.replaceUser(db, scimOf(req), idOf(req, 'User'), req.body)),
  );
  app.patch<IdParams>(
    '/Users/:id',
    { schema: { hide, tags, summary: 'Change a user (PatchOp)' } },
    async (req, reply) =>
      send(reply, 200, await users.patchUser(db, scimOf(req), idOf(req, 'User'), req.body)),
  );
  app.delete<IdParams>(
    '/Users/:id',
    { schema: { hide, tags, summary: 'Delete a user (erasure rules apply)' } },
    async (req, reply) => {
      await users.deleteUser(db, scimOf(req), idOf(req, 'User'));
      return reply.status(204).send();
    },
  );

  // ---- Groups ----
  app.get<ListQuery>(
    '/Groups',
    { schema: { hide, tags, summary: 'List or filter groups (displayName)' } },
    async (req, reply) => {
      const page = await groups.listGroups(db, scimOf(req), req.query);
      return send(reply, 200, listResponse(page.resources, page.total, page.startIndex));
    },
  );
  app.post(
    '/Groups',
    { schema: { hide, tags, summary: "Create a group (mapped to the organisation's unit)" } },
    async (req, reply) => {
      const group = await groups.createGroup(db, scimOf(req), req.body);
      reply.header('location', group.meta.location);
      return send(reply, 201, group);
    },
  );
  app.get<IdParams & ListQuery>(
    '/Groups/:id',
    { schema: { hide, tags, summary: 'One group' } },
    async (req, reply) =>
      send(
        reply,
        200,
        await groups.getGroup(db, scimOf(req), idOf(req, 'Group'), req.query.excludedAttributes),
      ),
  );
  app.put<IdParams>(
    '/Groups/:id',
    { schema: { hide, tags, summary: 'Replace a group' } },
    async (req, reply) =>
      send(reply, 200, await groups.replaceGroup(db, scimOf(req), idOf(req, 'Group'), req.body)),
  );
  app.patch<IdParams>(
    '/Groups/:id',
    { schema: { hide, tags, summary: 'Change a group, add or remove members (PatchOp)' } },
    async (req, reply) => {
      await groups.patchGroup(db, scimOf(req), idOf(req, 'Group'), req.body);
      return reply.status(204).send();
    },
  );
  app.delete<IdParams>(
    '/Groups/:id',
    { schema: { hide, tags, summary: 'Delete a group' } },
    async (req, reply) => {
      await groups.deleteGroup(db, scimOf(req), idOf(req, 'Group'));
      return reply.status(204).send();
    },
  );
};
