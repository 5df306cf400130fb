import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnswerConflictProblem,
  CreateRound,
  CreateTemplate,
  PublishTemplateVersion,
  PutSheet,
  RoundIdParams,
  RoundList,
  RoundView,
  SaveTemplateDraft,
  SheetParams,
  SheetView,
  TemplateDetails,
  TemplateIdParams,
  TemplateList,
} from '../../../shared/contracts/assessments.ts';
import { problemMessages } from '../../../shared/i18n/errors.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import type { Mailer } from '../mail/mailer.ts';
import { sendRoundReminders } from './reminders.ts';
import { createRound, listRounds, roundView } from './rounds.service.ts';
import { AnswerConflict, reopenSheet, saveAnswers, sheetView, submitSheet } from './sheets.service.ts';
import {
  createTemplate,
  listTemplates,
  publishVersion,
  saveDraft,
  templateDetails,
} from './templates.service.ts';

export const assessmentRoutes =
  (deps: { db: Db; config: Config; mailer: Mailer }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['assessments'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/assessment-templates',
      {
        schema: {
          tags,
          summary: 'Assessment templates the caller may use: the national ones and its own organisations’',
          response: { 200: TemplateList, ...problems(401) },
        },
      },
      async (req) => ({ items: await listTemplates(db, actorOf(req)) }),
    );

    app.post(
      '/assessment-templates',
      {
        schema: {
          tags,
          summary: 'Create a template with draft content (national administrators, regional coordinators)',
          body: CreateTemplate,
          response: { 201: TemplateDetails, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await createTemplate(db, actorOf(req), req.body)),
    );

    app.get(
      '/assessment-templates/:id',
      {
        schema: {
          tags,
          summary: 'One template: its versions, the draft and the latest published content',
          params: TemplateIdParams,
          response: { 200: TemplateDetails, ...problems(400, 401, 404) },
        },
      },
      async (req) => templateDetails(db, actorOf(req), req.params.id),
    );

    app.put(
      '/assessment-templates/:id/draft',
      {
        schema: {
          tags,
          summary: 'Save the draft of the template’s next version (its owner’s coordinators)',
          params: TemplateIdParams,
          body: SaveTemplateDraft,
          response: { 200: TemplateDetails, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => saveDraft(db, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/assessment-templates/:id/versions',
      {
        schema: {
          tags,
          summary:
            'Publish the draft (or the given content) as the next frozen version; carriesOver maps new question keys to the previous version’s',
          params: TemplateIdParams,
          body: PublishTemplateVersion,
          response: { 201: TemplateDetails, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await publishVersion(db, actorOf(req), req.params.id, req.body)),
    );

    app.get(
      '/assessment-rounds',
      {
        schema: {
          tags,
          summary: 'Assessment rounds the caller runs or answers in',
          response: { 200: RoundList, ...problems(401) },
        },
      },
      async (req) => ({ items: await listRounds(db, actorOf(req)) }),
    );

    app.post(
      '/assessment-rounds',
      {
        schema: {
          tags,
          summary: 'Open a round for municipalities within the owner’s scope (one answer sheet each)',
          body: CreateRound,
          response: { 201: RoundView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) => reply.status(201).send(await createRound(db, actorOf(req), req.body)),
    );

    app.get(
      '/assessment-rounds/:id',
      {
        schema: {
          tags,
          summary: 'A round with completion per municipality (a participant sees only its own row)',
          params: RoundIdParams,
          response: { 200: RoundView, ...problems(400, 401, 404) },
        },
      },
      async (req) => roundView(db, actorOf(req), req.params.id),
    );

    app.post(
      '/assessment-rounds/:id/reminders',
      {
        schema: {
          tags,
          summary: 'E-mail the coordinators of municipalities that have not submitted (the round’s owner)',
          params: RoundIdParams,
          response: { 200: z.object({ reminded: z.number().int() }), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => sendRoundReminders(db, deps.mailer, deps.config.publicUrl, actorOf(req), req.params.id),
    );

    app.get(
      '/assessment-rounds/:id/municipalities/:code',
      {
        schema: {
          tags,
          summary: 'A municipality’s answer sheet: questions, answers with revisions, status',
          params: SheetParams,
          response: { 200: SheetView, ...problems(400, 401, 404) },
        },
      },
      async (req) => sheetView(db, actorOf(req), req.params.id, req.params.code),
    );

    app.put(
      '/assessment-rounds/:id/municipalities/:code',
      {
        schema: {
          tags,
          summary:
            'Save some answers (autosave per question); a stale baseRevision gives 409 answer_conflict with the stored answers',
          params: SheetParams,
          body: PutSheet,
          response: { 200: SheetView, ...problems(400, 401, 403, 404), 409: AnswerConflictProblem },
        },
      },
      async (req, reply) => {
        try {
          return await saveAnswers(db, actorOf(req), req.params.id, req.params.code, req.body.answers);
        } catch (err) {
          if (!(err instanceof AnswerConflict)) throw err;
          // The stored answers travel with the problem so the page can show what the other person wrote.
          return reply
            .status(409)
            .type('application/problem+json')
            .send({
              type: 'https://valfardsnavet.se/problems/answer-conflict',
              title: problemMessages.answer_conflict[requestLanguage(req)],
              status: 409,
              code: 'answer_conflict',
              current: err.current,
            });
        }
      },
    );

    app.post(
      '/assessment-rounds/:id/municipalities/:code/submit',
      {
        schema: {
          tags,
          summary: 'Submit the answer sheet (all scored and ranking questions answered); locks it',
          params: SheetParams,
          response: { 200: SheetView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => submitSheet(db, actorOf(req), req.params.id, req.params.code),
    );

    app.post(
      '/assessment-rounds/:id/municipalities/:code/reopen',
      {
        schema: {
          tags,
          summary: 'Reopen a submitted sheet (the round’s owner)',
          params: SheetParams,
          response: { 200: SheetView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => reopenSheet(db, actorOf(req), req.params.id, req.params.code),
    );
  };
