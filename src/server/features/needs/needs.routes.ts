import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateNeed,
  DeclineNeed,
  EndorsementParams,
  EndorseNeed,
  Need,
  NeedIdParams,
  NeedList,
  NeedListQuery,
  PrioritiseNeed,
} from '../../../shared/contracts/action-plans.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { forgetInitiativeViewsOnWrite } from '../initiatives/initiative-views.ts';
import * as needs from './needs.service.ts';

/** The shared needs backlog of a region: propose, endorse, prioritise into a plan, decline (issue 7). */
export const needRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['needs'];
    app.addHook('preHandler', requireUser);
    forgetInitiativeViewsOnWrite(app, db);

    app.get(
      '/needs',
      {
        schema: {
          tags,
          summary:
            "A region's shared needs backlog (`?region=20`; the caller's own region by default), newest first",
          querystring: NeedListQuery,
          response: { 200: NeedList, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => ({ items: await needs.listNeeds(db, actorOf(req), req.query) }),
    );

    app.post(
      '/needs',
      {
        schema: {
          tags,
          summary:
            "Propose a need to the region's backlog on behalf of a municipality the caller coordinates",
          body: CreateNeed,
          response: { 201: Need, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await needs.createNeed(db, actorOf(req), req.body)),
    );

    app.post(
      '/needs/:id/endorsements',
      {
        schema: {
          tags,
          summary: 'Endorse a need on behalf of another municipality of the same region',
          params: NeedIdParams,
          body: EndorseNeed,
          response: { 201: Need, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await needs.endorseNeed(db, actorOf(req), req.params.id, req.body)),
    );

    app.delete(
      '/needs/:id/endorsements/:code',
      {
        schema: {
          tags,
          summary: "Withdraw a municipality's endorsement of a need",
          params: EndorsementParams,
          response: { 200: Need, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => needs.withdrawEndorsement(db, actorOf(req), req.params.id, req.params.code),
    );

    app.post(
      '/needs/:id/prioritise',
      {
        schema: {
          tags,
          summary:
            "Prioritise a need into one of the region's plans: creates an initiative owned by the region and adds it to the plan",
          params: NeedIdParams,
          body: PrioritiseNeed,
          response: { 200: Need, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => needs.prioritiseNeed(db, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/needs/:id/decline',
      {
        schema: {
          tags,
          summary: 'Decline a need, with the reason',
          params: NeedIdParams,
          body: DeclineNeed,
          response: { 200: Need, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => needs.declineNeed(db, actorOf(req), req.params.id, req.body.note),
    );
  };
