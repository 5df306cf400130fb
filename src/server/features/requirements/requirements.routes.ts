import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateLesson,
  CreateRequirement,
  RequirementDetail,
  RequirementList,
  RequirementListQuery,
  RequirementParams,
  RequirementSearchQuery,
  RequirementSearchResult,
  UpdateRequirement,
} from '../../../shared/contracts/requirements.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { searchRequirements } from './requirement-search.ts';
import * as requirements from './requirements.service.ts';

/** The shared requirements library (issue 17): every coordinator reads it and writes her organisation's. */
export const requirementRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['requirements'];
    app.addHook('preHandler', requireUser);

    app.get(
      '/requirements',
      {
        schema: {
          tags,
          summary:
            'Library requirements, newest first, filtered by category, technology, must/should or owner',
          querystring: RequirementListQuery,
          response: { 200: RequirementList, ...problems(400, 401, 403) },
        },
      },
      async (req) => requirements.listRequirements(db, actorOf(req), requestLanguage(req), req.query),
    );

    app.get(
      '/requirements/search',
      {
        schema: {
          tags,
          summary: 'Swedish full-text search of the current versions (word forms match), best first',
          querystring: RequirementSearchQuery,
          response: { 200: RequirementSearchResult, ...problems(400, 401, 403) },
        },
      },
      async (req) => searchRequirements(db, actorOf(req), requestLanguage(req), req.query),
    );

    app.post(
      '/requirements',
      {
        schema: {
          tags,
          summary: 'Add a requirement owned by an organisation where the caller is a coordinator',
          body: CreateRequirement,
          response: { 201: RequirementDetail, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await requirements.createRequirement(db, actorOf(req), requestLanguage(req), req.body)),
    );

    app.get(
      '/requirements/:id',
      {
        schema: {
          tags,
          summary:
            'A requirement with every version (newest first), its lessons and how many specifications use it',
          params: RequirementParams,
          response: { 200: RequirementDetail, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => requirements.getRequirement(db, actorOf(req), requestLanguage(req), req.params.id),
    );

    app.put(
      '/requirements/:id',
      {
        schema: {
          tags,
          summary: 'Save the next version (the owner’s coordinators); earlier versions stay as they were',
          params: RequirementParams,
          body: UpdateRequirement,
          response: { 200: RequirementDetail, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        requirements.updateRequirement(db, actorOf(req), requestLanguage(req), req.params.id, req.body),
    );

    app.post(
      '/requirements/:id/lessons',
      {
        schema: {
          tags,
          summary: 'Record whether the requirement worked in a contract, for the caller’s organisation',
          params: RequirementParams,
          body: CreateLesson,
          response: { 201: RequirementDetail, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await requirements.addLesson(db, actorOf(req), requestLanguage(req), req.params.id, req.body),
          ),
    );
  };
