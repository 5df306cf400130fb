import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiClient,
  ApiClientCreated,
  ApiClientIdParams,
  ApiClientList,
  CreateApiClient,
} from '../../../shared/contracts/api-clients.ts';
import { OrganisationIdParams } from '../../../shared/contracts/organisations.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as service from './api-clients.service.ts';

/**
 * The organisation's API clients (issue 15): OAuth 2.0 client-credentials clients for its other systems,
 * created by its coordinator or a national administrator; the secret is shown once; revocable.
 */
export const apiClientRoutes =
  (deps: { db: Db; config: Config }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['api-clients'];
    app.addHook('preHandler', requireUser);

    app.get(
      '/organisations/:id/api-clients',
      {
        schema: {
          tags,
          summary:
            "The organisation's API clients (never the secrets), the scopes it may give, the token URL",
          params: OrganisationIdParams,
          response: { 200: ApiClientList, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.listClients(deps.db, actorOf(req), req.params.id, deps.config.publicUrl),
    );
    app.post(
      '/organisations/:id/api-clients',
      {
        schema: {
          tags,
          summary: 'Create an API client; its secret is in this answer only',
          params: OrganisationIdParams,
          body: CreateApiClient,
          response: { 201: ApiClientCreated, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await service.createClient(deps.db, actorOf(req), req.params.id, req.body, deps.config.publicUrl),
          ),
    );
    app.delete(
      '/api-clients/:id',
      {
        schema: {
          tags,
          summary: 'Revoke an API client: its tokens stop working at once (idempotent)',
          params: ApiClientIdParams,
          response: { 200: ApiClient, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.revokeClient(deps.db, actorOf(req), req.params.id),
    );
  };
