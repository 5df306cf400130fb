import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AuthoringCourseList,
  AuthoringOwnerList,
  CourseDraftView,
  CourseIdParams,
  CreateCourse,
  MarkdownPreview,
  MarkdownPreviewResult,
  PublishCourse,
  PublishResult,
  SaveDraft,
} from '../../../shared/contracts/authoring.ts';
import type { Db } from '../../db/client.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import {
  authoringOwners,
  createCourse,
  getDraft,
  listAuthorable,
  previewMarkdown,
  publishCourse,
  saveDraft,
} from './authoring.service.ts';

export const authoringRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['authoring'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.get(
      '/authoring/courses',
      {
        schema: {
          tags,
          summary: 'Courses I may author, with their draft and published state',
          response: { 200: AuthoringCourseList, ...problems(401) },
        },
      },
      async (req) => ({ items: await listAuthorable(db, actorOf(req)) }),
    );

    app.get(
      '/authoring/owners',
      {
        schema: {
          tags,
          summary: 'Organisations where I may create a course, with the visibility that fits each',
          response: { 200: AuthoringOwnerList, ...problems(401) },
        },
      },
      async (req) => ({ items: await authoringOwners(db, actorOf(req)) }),
    );

    app.post(
      '/courses',
      {
        schema: {
          tags,
          summary: 'Create a draft course owned by an organisation I author for',
          body: CreateCourse,
          response: { 201: CourseDraftView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await createCourse(db, actorOf(req), req.body)),
    );

    app.get(
      '/courses/:id/draft',
      {
        schema: {
          tags,
          summary: 'The draft of a course I may author',
          params: CourseIdParams,
          response: { 200: CourseDraftView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => getDraft(db, actorOf(req), req.params.id),
    );

    app.put(
      '/courses/:id/draft',
      {
        bodyLimit: 5 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Save the whole draft; 409 when someone else saved since `updatedAt`',
          params: CourseIdParams,
          body: SaveDraft,
          response: { 200: CourseDraftView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => saveDraft(db, actorOf(req), req.params.id, req.body),
    );

    app.post(
      '/courses/:id/preview',
      {
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Lesson texts of a course I may author as learners will see them once published',
          params: CourseIdParams,
          body: MarkdownPreview,
          response: { 200: MarkdownPreviewResult, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => ({ trees: await previewMarkdown(db, actorOf(req), req.params.id, req.body.texts) }),
    );

    app.post(
      '/courses/:id/publish',
      {
        schema: {
          tags,
          summary:
            'Freeze the draft as the next version; refused (400, missing paths) unless complete in every declared language',
          params: CourseIdParams,
          body: PublishCourse.optional(),
          response: { 200: PublishResult, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => publishCourse(db, actorOf(req), req.params.id, req.body?.updatedAt),
    );
  };
