import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateProgramme,
  EnrolmentCandidates,
  EnrolmentCandidatesQuery,
  ProgrammeEnrolmentInput,
  ProgrammeEnrolmentResult,
  ProgrammeIdParams,
  ProgrammeImportQuery,
  ProgrammeImportResult,
  ProgrammeList,
  ProgrammeView,
  UpdateProgramme,
} from '../../../shared/contracts/programmes.ts';
import type { Db } from '../../db/client.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { uploadedFile } from '../../lib/upload.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { enrolmentCandidates } from './enrolment-candidates.service.ts';
import { enrolInProgramme, importEnrolments } from './programme-enrolments.service.ts';
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from './programmes.service.ts';

export const programmeRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['programmes'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.post(
      '/programmes',
      {
        schema: {
          tags,
          summary:
            'Create a programme (project or cohort) owned by a region, association or municipality I coordinate',
          body: CreateProgramme,
          response: { 201: ProgrammeView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createProgramme(db, actorOf(req), req.body, requestLanguage(req))),
    );

    app.get(
      '/programmes',
      {
        schema: {
          tags,
          summary: 'Programmes I can see: owned where I hold a role, in municipalities I work in or cover',
          response: { 200: ProgrammeList, ...problems(401) },
        },
      },
      async (req) => ({ items: await listProgrammes(db, actorOf(req), requestLanguage(req)) }),
    );

    app.get(
      '/programmes/:id',
      {
        schema: {
          tags,
          summary: 'A programme with its municipalities, courses per track, funding and what I may do',
          params: ProgrammeIdParams,
          response: { 200: ProgrammeView, ...problems(400, 401, 404) },
        },
      },
      async (req) => getProgramme(db, actorOf(req), req.params.id, requestLanguage(req)),
    );

    app.patch(
      '/programmes/:id',
      {
        schema: {
          tags,
          summary: 'Change a programme (the owner’s coordinators)',
          params: ProgrammeIdParams,
          body: UpdateProgramme,
          response: { 200: ProgrammeView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => updateProgramme(db, actorOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.post(
      '/programmes/:id/enrolments',
      {
        schema: {
          tags,
          summary:
            'Enrol people in the programme on the course of their track (a manager: own unit; a coordinator: own municipality or the programme), or myself when the programme allows self-enrolment',
          params: ProgrammeIdParams,
          body: ProgrammeEnrolmentInput,
          response: { 200: ProgrammeEnrolmentResult, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => enrolInProgramme(db, actorOf(req), req.params.id, req.body.userIds),
    );

    app.get(
      '/programmes/:id/enrolment-candidates',
      {
        schema: {
          tags,
          summary:
            'People I may enrol in the programme, by name or e-mail: the owner’s coordinators all its municipalities, others their own municipality or unit',
          params: ProgrammeIdParams,
          querystring: EnrolmentCandidatesQuery,
          response: { 200: EnrolmentCandidates, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => enrolmentCandidates(db, actorOf(req), req.params.id, req.query),
    );

    app.post(
      '/programmes/:id/enrolments/import',
      {
        schema: {
          tags,
          summary:
            'Enrol people listed in a CSV (multipart field `file`, column e-post; same encodings and separators as the staff import), with a result per row',
          consumes: ['multipart/form-data'],
          params: ProgrammeIdParams,
          querystring: ProgrammeImportQuery,
          response: { 200: ProgrammeImportResult, ...problems(400, 401, 403, 404, 413) },
        },
      },
      async (req) => {
        const buffer = await uploadedFile(req);
        return importEnrolments(
          db,
          actorOf(req),
          req.params.id,
          buffer,
          req.query.mode,
          requestLanguage(req),
        );
      },
    );
  };
