import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateDefinition,
  CreateDefinitionVersion,
  DefinitionDetail,
  DefinitionDetailQuery,
  DefinitionIdParams,
  DefinitionKeyParams,
  DefinitionList,
  DefinitionListQuery,
} from '../../../shared/contracts/definitions.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as definitions from './definitions.service.ts';

/** A steering group's agreed definitions, versioned, in Swedish and English (issue 8). */
export const definitionRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['definitions'];
    app.addHook('preHandler', requireUser);

    app.get(
      '/definitions',
      {
        schema: {
          tags,
          summary:
            'The current version of every agreed definition, grouped by owner (the nation first); `?owner=` for one owner',
          querystring: DefinitionListQuery,
          response: { 200: DefinitionList, ...problems(400, 401) },
        },
      },
      async (req) => definitions.listDefinitions(db, actorOf(req), req.query, requestLanguage(req)),
    );

    app.get(
      '/definitions/:key',
      {
        schema: {
          tags,
          summary:
            "A term with every version, newest first: `?owner=`'s, else the nation's, else the first owner's by name",
          params: DefinitionKeyParams,
          querystring: DefinitionDetailQuery,
          response: { 200: DefinitionDetail, ...problems(400, 401, 404) },
        },
      },
      async (req) => definitions.getDefinition(db, actorOf(req), req.params.key, req.query.owner),
    );

    app.post(
      '/definitions',
      {
        schema: {
          tags,
          summary: 'Add a term for a nation, region or association where the caller holds definition.manage',
          body: CreateDefinition,
          response: { 201: DefinitionDetail, ...problems(400, 401, 403, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await definitions.createDefinition(db, actorOf(req), req.body)),
    );

    app.post(
      '/definitions/:id/versions',
      {
        schema: {
          tags,
          summary: 'Agree a new version of a term; earlier versions stay as they were',
          params: DefinitionIdParams,
          body: CreateDefinitionVersion,
          response: { 201: DefinitionDetail, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await definitions.addVersion(db, actorOf(req), req.params.id, req.body)),
    );
  };
