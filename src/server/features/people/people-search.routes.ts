import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  PeopleSearchPage,
  PeopleSearchQuery,
  PersonHit,
  PersonIdParams,
} from '../../../shared/contracts/people-search.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { getPerson, searchPeople } from './people-search.service.ts';

export const peopleSearchRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['people'];
    app.addHook('preHandler', requireUser);

    app.get(
      '/people',
      {
        schema: {
          tags,
          summary:
            'Search people by name, e-mail, login name or employee number across the caller’s whole scope (administrators and coordinators)',
          querystring: PeopleSearchQuery,
          response: { 200: PeopleSearchPage, ...problems(400, 401, 403) },
        },
      },
      async (req) => searchPeople(deps.db, actorOf(req), req.query),
    );

    app.get(
      '/people/:id',
      {
        schema: {
          tags,
          summary: 'One person with her roles in the caller’s scope, and what the caller may do with each',
          params: PersonIdParams,
          response: { 200: PersonHit, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => getPerson(deps.db, actorOf(req), req.params.id),
    );
  };
