import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateOrganisation,
  Municipality,
  MunicipalityCodeParams,
  MunicipalityList,
  Organisation,
  OrganisationIdParams,
  OrganisationList,
  OrganisationListQuery,
  UpdateOrganisation,
} from '../../../shared/contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as service from './organisations.service.ts';

export const organisationRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['organisations'];
    app.addHook('preHandler', requireUser);

    app.get(
      '/municipalities',
      {
        schema: {
          tags,
          summary: 'All 290 municipalities in Swedish order',
          response: {
            200: MunicipalityList,
            304: z.null().describe('Not modified (If-None-Match)'),
            ...problems(401),
          },
        },
      },
      async (req, reply) => {
        const { list, json, etag } = await service.municipalityListJson(deps.db);
        reply.header('etag', etag).header('cache-control', 'private, no-cache');
        if (req.headers['if-none-match'] === etag) return reply.status(304).send(null);
        // The list was parsed with its contract and serialised once when cached: reuse that text.
        return reply.serializer(() => json).send({ items: list });
      },
    );
    app.get(
      '/municipalities/:code',
      {
        schema: {
          tags,
          summary: 'One municipality by SCB code',
          params: MunicipalityCodeParams,
          response: { 200: Municipality, ...problems(400, 401, 404) },
        },
      },
      async (req) => service.getMunicipality(deps.db, req.params.code),
    );
    app.get(
      '/organisations',
      {
        schema: {
          tags,
          summary: 'Organisations by kind (default: regions) or children of a parent, in Swedish order',
          querystring: OrganisationListQuery,
          response: { 200: OrganisationList, ...problems(400, 401, 404) },
        },
      },
      async (req) => ({ items: await service.listOrganisations(deps.db, actorOf(req), req.query) }),
    );
    app.get(
      '/organisations/:id',
      {
        schema: {
          tags,
          summary: 'One organisation with ancestors, children and associations',
          params: OrganisationIdParams,
          response: { 200: Organisation, ...problems(400, 401, 404) },
        },
      },
      async (req) => service.getOrganisation(deps.db, actorOf(req), req.params.id),
    );
    app.post(
      '/organisations',
      {
        schema: {
          tags,
          summary: 'Create a unit in a municipality, or an association of municipalities',
          body: CreateOrganisation,
          response: { 201: Organisation, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.createOrganisation(deps.db, actorOf(req), req.body)),
    );
    app.patch(
      '/organisations/:id',
      {
        schema: {
          tags,
          summary: 'Rename a unit or association, set flags, or change an association’s municipalities',
          params: OrganisationIdParams,
          body: UpdateOrganisation,
          response: { 200: Organisation, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => service.updateOrganisation(deps.db, actorOf(req), req.params.id, req.body),
    );
  };
