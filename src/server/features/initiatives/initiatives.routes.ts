import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common.ts';
import {
  ChecklistEntry,
  ChecklistParams,
  CreateFunding,
  CreateIndicator,
  CreateInitiative,
  CreateInitiativeLink,
  CreateMeasurement,
  CreateMilestone,
  CreateRisk,
  Funding,
  Indicator,
  IndicatorIdParams,
  InitiativeChildParams,
  InitiativeIdParams,
  InitiativeLink,
  InitiativeList,
  InitiativeListQuery,
  InitiativeView,
  MeasurementParams,
  Milestone,
  PutChecklistItem,
  Risk,
  UpdateFunding,
  UpdateIndicator,
  UpdateInitiative,
  UpdateMilestone,
  UpdateRisk,
} from '../../../shared/contracts/initiatives.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import * as indicators from './indicators.service.ts';
import * as parts from './initiative-parts.service.ts';
import { forgetInitiativeViewsOnWrite } from './initiative-views.ts';
import * as service from './initiatives.service.ts';

/** Initiatives (insatser) with phases, checklists, milestones, risks, links, funding and benefits (issue 7). */
export const initiativeRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['initiatives'];
    const benefitTags = ['benefits'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);
    forgetInitiativeViewsOnWrite(app, db);

    app.get(
      '/initiatives',
      {
        schema: {
          tags,
          summary:
            'The initiatives the caller may read (owned or joined within their area), filtered by plan, owner, status, phase, municipality, technology or title; newest change first, cursor-paged',
          querystring: InitiativeListQuery,
          response: { 200: InitiativeList, ...problems(400, 401, 403) },
        },
      },
      async (req) => service.listInitiatives(db, actorOf(req), req.query, requestLanguage(req)),
    );

    app.post(
      '/initiatives',
      {
        schema: {
          tags,
          summary:
            'Create an initiative owned by the caller’s own organisation; with `source`, a draft from an assessment gap, linked back to it',
          body: CreateInitiative,
          response: { 201: InitiativeView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await service.createInitiative(db, actorOf(req), req.body, requestLanguage(req))),
    );

    app.get(
      '/initiatives/:id',
      {
        schema: {
          tags,
          summary:
            'One initiative with its municipalities, technologies, gaps, need, plans, checklists, milestones, risks, documents, funding and indicators',
          params: InitiativeIdParams,
          response: { 200: InitiativeView, ...problems(400, 401, 404) },
        },
      },
      async (req) => service.initiativeView(db, actorOf(req), req.params.id, requestLanguage(req)),
    );

    app.patch(
      '/initiatives/:id',
      {
        schema: {
          tags,
          summary:
            'Change an initiative (the owner organisation’s people only); the phase may move back; lists given are replaced',
          params: InitiativeIdParams,
          body: UpdateInitiative,
          response: { 200: InitiativeView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) =>
        service.updateInitiative(db, actorOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.put(
      '/initiatives/:id/checklist/:phase/:itemKey',
      {
        schema: {
          tags,
          summary: 'Tick or untick an item of a phase checklist, with a note',
          params: ChecklistParams,
          body: PutChecklistItem,
          response: { 200: ChecklistEntry, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => parts.putChecklistItem(db, actorOf(req), req.params, req.body),
    );

    // Milestones
    app.post(
      '/initiatives/:id/milestones',
      {
        schema: {
          tags,
          summary: 'Add a milestone',
          params: InitiativeIdParams,
          body: CreateMilestone,
          response: { 201: Milestone, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await parts.addMilestone(db, actorOf(req), req.params.id, req.body)),
    );
    app.patch(
      '/initiatives/:id/milestones/:childId',
      {
        schema: {
          tags,
          summary: 'Change a milestone (e.g. mark it done)',
          params: InitiativeChildParams,
          body: UpdateMilestone,
          response: { 200: Milestone, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => parts.updateMilestone(db, actorOf(req), req.params.id, req.params.childId, req.body),
    );
    app.delete(
      '/initiatives/:id/milestones/:childId',
      {
        schema: {
          tags,
          summary: 'Remove a milestone',
          params: InitiativeChildParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await parts.deleteMilestone(db, actorOf(req), req.params.id, req.params.childId);
        return { ok: true as const };
      },
    );

    // Risks
    app.post(
      '/initiatives/:id/risks',
      {
        schema: {
          tags,
          summary: 'Add a risk (likelihood and impact 1–5) with its mitigation',
          params: InitiativeIdParams,
          body: CreateRisk,
          response: { 201: Risk, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await parts.addRisk(db, actorOf(req), req.params.id, req.body)),
    );
    app.patch(
      '/initiatives/:id/risks/:childId',
      {
        schema: {
          tags,
          summary: 'Change a risk',
          params: InitiativeChildParams,
          body: UpdateRisk,
          response: { 200: Risk, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => parts.updateRisk(db, actorOf(req), req.params.id, req.params.childId, req.body),
    );
    app.delete(
      '/initiatives/:id/risks/:childId',
      {
        schema: {
          tags,
          summary: 'Remove a risk',
          params: InitiativeChildParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await parts.deleteRisk(db, actorOf(req), req.params.id, req.params.childId);
        return { ok: true as const };
      },
    );

    // Documents and links
    app.post(
      '/initiatives/:id/links',
      {
        schema: {
          tags,
          summary: 'Link a governing document on the platform or a web page',
          params: InitiativeIdParams,
          body: CreateInitiativeLink,
          response: { 201: InitiativeLink, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await parts.addLink(db, actorOf(req), req.params.id, req.body)),
    );
    app.delete(
      '/initiatives/:id/links/:childId',
      {
        schema: {
          tags,
          summary: 'Remove a document or link',
          params: InitiativeChildParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await parts.deleteLink(db, actorOf(req), req.params.id, req.params.childId);
        return { ok: true as const };
      },
    );

    // Funding
    app.post(
      '/initiatives/:id/funding',
      {
        schema: {
          tags,
          summary: 'Add funding from one source in one year: applied for, granted and used (SEK)',
          params: InitiativeIdParams,
          body: CreateFunding,
          response: { 201: Funding, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await parts.addFunding(db, actorOf(req), req.params.id, req.body)),
    );
    app.patch(
      '/initiatives/:id/funding/:childId',
      {
        schema: {
          tags,
          summary: 'Change a funding row',
          params: InitiativeChildParams,
          body: UpdateFunding,
          response: { 200: Funding, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => parts.updateFunding(db, actorOf(req), req.params.id, req.params.childId, req.body),
    );
    app.delete(
      '/initiatives/:id/funding/:childId',
      {
        schema: {
          tags,
          summary: 'Remove a funding row',
          params: InitiativeChildParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await parts.deleteFunding(db, actorOf(req), req.params.id, req.params.childId);
        return { ok: true as const };
      },
    );

    // Benefit indicators and measurements
    app.post(
      '/initiatives/:id/indicators',
      {
        schema: {
          tags: benefitTags,
          summary:
            'Add a benefit indicator with its baseline, target and assumptions; the calculation helper sets the target when none is given; a feed measures it from the platform',
          params: InitiativeIdParams,
          body: CreateIndicator,
          response: { 201: Indicator, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await indicators.createIndicator(db, actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/indicators/:id',
      {
        schema: {
          tags: benefitTags,
          summary: 'One benefit indicator with its measurements, oldest first',
          params: IndicatorIdParams,
          response: { 200: Indicator, ...problems(400, 401, 404) },
        },
      },
      async (req) => indicators.getIndicator(db, actorOf(req), req.params.id),
    );
    app.patch(
      '/indicators/:id',
      {
        schema: {
          tags: benefitTags,
          summary: 'Change a benefit indicator; the baseline may not move past a measurement',
          params: IndicatorIdParams,
          body: UpdateIndicator,
          response: { 200: Indicator, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => indicators.updateIndicator(db, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/indicators/:id',
      {
        schema: {
          tags: benefitTags,
          summary: 'Remove a benefit indicator and its measurements',
          params: IndicatorIdParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await indicators.deleteIndicator(db, actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.post(
      '/indicators/:id/measurements',
      {
        schema: {
          tags: benefitTags,
          summary: 'Record a measurement, dated between the baseline and today',
          params: IndicatorIdParams,
          body: CreateMeasurement,
          response: { 201: Indicator, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await indicators.addMeasurement(db, actorOf(req), req.params.id, req.body)),
    );
    app.delete(
      '/indicators/:id/measurements/:measurementId',
      {
        schema: {
          tags: benefitTags,
          summary: 'Remove a measurement',
          params: MeasurementParams,
          response: { 200: Ok, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await indicators.deleteMeasurement(db, actorOf(req), req.params.id, req.params.measurementId);
        return { ok: true as const };
      },
    );
    app.post(
      '/indicators/:id/refresh',
      {
        schema: {
          tags: benefitTags,
          summary:
            'Measure a fed indicator now from the platform (course completion in a programme, users served in the mapping); one measurement a day',
          params: IndicatorIdParams,
          response: { 200: Indicator, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => indicators.refreshIndicator(db, actorOf(req), req.params.id),
    );
  };
