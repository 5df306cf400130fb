import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActionPlanList,
  ActionPlanQuery,
  ActionPlanView,
  AddPlanItem,
  BenefitsSummary,
  ClosePlanItem,
  CreateActionPlan,
  FundingTotals,
  PlanIdParams,
  PlanItemParams,
  SummaryScopeQuery,
  UpdateActionPlan,
  UpdatePlanItem,
} from '../../../shared/contracts/action-plans.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { forgetInitiativeViewsOnWrite } from '../initiatives/initiative-views.ts';
import * as plans from './action-plans.service.ts';
import { benefitsSummary } from './benefits-summary.ts';
import { fundingTotals } from './funding-totals.ts';

/** Rolling action plans and the plan- and region-level funding and benefit summaries (issue 7). */
export const actionPlanRoutes =
  ({ db }: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['action-plans'];
    app.addHook('preHandler', requireUser);
    forgetInitiativeViewsOnWrite(app, db);

    app.get(
      '/action-plans',
      {
        schema: {
          tags,
          summary:
            "Action plans the caller may read: those its role covers, and its region's or association's plans",
          response: { 200: ActionPlanList, ...problems(401) },
        },
      },
      async (req) => ({ items: await plans.listPlans(db, actorOf(req)) }),
    );

    app.post(
      '/action-plans',
      {
        schema: {
          tags,
          summary:
            'Create a rolling action plan for a municipality, region or association (initiative.manage at the owner itself)',
          body: CreateActionPlan,
          response: { 201: ActionPlanView, ...problems(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await plans.createPlan(db, actorOf(req), req.body)),
    );

    app.get(
      '/action-plans/:id',
      {
        schema: {
          tags,
          summary:
            'A plan with its initiatives by priority and its change log; `?at=YYYY-MM-DD` shows it as it stood at the end of that day',
          params: PlanIdParams,
          querystring: ActionPlanQuery,
          response: { 200: ActionPlanView, ...problems(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const { value, json } = await plans.planView(db, actorOf(req), req.params.id, req.query.at);
        return reply.serializer(() => json).send(value);
      },
    );

    app.patch(
      '/action-plans/:id',
      {
        schema: {
          tags,
          summary: "Change a plan's title, description, period or focus areas",
          params: PlanIdParams,
          body: UpdateActionPlan,
          response: { 200: ActionPlanView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => plans.updatePlan(db, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/action-plans/:id/items',
      {
        schema: {
          tags,
          summary: 'Add an initiative to the plan at a priority (last when left out); the others move down',
          params: PlanIdParams,
          body: AddPlanItem,
          response: { 201: ActionPlanView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await plans.addItem(db, actorOf(req), req.params.id, req.body)),
    );

    app.patch(
      '/action-plans/:id/items/:initiativeId',
      {
        schema: {
          tags,
          summary: "Move an initiative to another priority; the others' priorities close up",
          params: PlanItemParams,
          body: UpdatePlanItem,
          response: { 200: ActionPlanView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => plans.moveItem(db, actorOf(req), req.params.id, req.params.initiativeId, req.body),
    );

    app.delete(
      '/action-plans/:id/items/:initiativeId',
      {
        schema: {
          tags,
          summary: 'Close an initiative in the plan (it stays in the history), with an optional reason',
          params: PlanItemParams,
          querystring: ClosePlanItem,
          body: ClosePlanItem.nullish(),
          response: { 200: ActionPlanView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) =>
        plans.closeItem(
          db,
          actorOf(req),
          req.params.id,
          req.params.initiativeId,
          req.body?.reason ?? req.query.reason ?? null,
        ),
    );

    app.get(
      '/funding-totals',
      {
        schema: {
          tags,
          summary:
            'Funding of the initiatives in a region (`?region=20`), association or plan — by source and year, by municipality, in total',
          querystring: SummaryScopeQuery,
          response: { 200: FundingTotals, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { value, json } = await fundingTotals(db, actorOf(req), req.query);
        return reply.serializer(() => json).send(value);
      },
    );

    app.get(
      '/benefits-summary',
      {
        schema: {
          tags,
          summary:
            'Benefit indicators of the initiatives in a region, association or plan: counts, on target, avoided costs and time saved',
          querystring: SummaryScopeQuery,
          response: { 200: BenefitsSummary, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { value, json } = await benefitsSummary(db, actorOf(req), req.query);
        return reply.serializer(() => json).send(value);
      },
    );
  };
