import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrganisationIdParams } from '../../../shared/contracts/organisations.ts';
import {
  CreateScimToken,
  ScimToken,
  ScimTokenCreated,
  ScimTokenIdParams,
  ScimTokenList,
} from '../../../shared/contracts/scim.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as service from './scim-tokens.service.ts';

/** The organisation's SCIM bearer tokens (issue 15): created by its coordinator, shown once, revocable. */
export const scimTokenRoutes =
  (deps: { db: Db; config: Config }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['scim'];
    app.addHook('preHandler', requireUser);

    app.get(
      '/organisations/:id/scim-tokens',
      {
        schema: {
          tags,
          summary: "The organisation's SCIM tokens (never the secrets) and the SCIM base URL",
          params: OrganisationIdParams,
          response: { 200: ScimTokenList, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.listTokens(deps.db, actorOf(req), req.params.id, deps.config.publicUrl),
    );
    app.post(
      '/organisations/:id/scim-tokens',
      {
        schema: {
          tags,
          summary: 'Create a SCIM bearer token; the token is in this answer only',
          params: OrganisationIdParams,
          body: CreateScimToken,
          response: { 201: ScimTokenCreated, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await service.createToken(
              deps.db,
              actorOf(req),
              req.params.id,
              req.body.name,
              deps.config.publicUrl,
            ),
          ),
    );
    app.delete(
      '/scim-tokens/:id',
      {
        schema: {
          tags,
          summary: 'Revoke a SCIM token at once (idempotent)',
          params: ScimTokenIdParams,
          response: { 200: ScimToken, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => service.revokeToken(deps.db, actorOf(req), req.params.id),
    );
  };
