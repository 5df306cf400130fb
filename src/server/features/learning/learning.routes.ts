import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CertificateCodeParams,
  CertificateView,
  CourseDetail,
  CourseFeedback,
  CourseIdParams,
  CourseLanguageQuery,
  CourseList,
  CreateEnrolments,
  EnrolmentIdParams,
  EnrolmentResult,
  ModuleFeedbackInput,
  ModuleFeedbackParams,
  ModuleFeedbackView,
  MyLearning,
  StatementBatch,
  StatementBatchResult,
} from '../../../shared/contracts/learning.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { attachmentDisposition } from '../../lib/file-names.ts';
import { requestLanguage } from '../../lib/language.ts';
import { problems } from '../../lib/route-schema.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { getCourseView, listCourses } from './courses.service.ts';
import {
  certificatePdf,
  enrol,
  ingestStatements,
  issueCertificate,
  myLearning,
  verifyCertificate,
} from './enrolments.service.ts';
import { courseFeedback, rateModule } from './feedback.service.ts';

export const learningRoutes =
  (deps: { db: Db; config: Config }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['learning'];
    const { db } = deps;

    app.get(
      '/courses',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Published courses I can see',
          querystring: CourseLanguageQuery,
          response: { 200: CourseList, ...problems(400, 401) },
        },
      },
      async (req) => ({ items: await listCourses(db, actorOf(req), req.query.lang ?? requestLanguage(req)) }),
    );

    app.get(
      '/courses/:id',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary:
            'A published course with modules, lessons and quizzes in one language (Swedish where a translation is missing)',
          params: CourseIdParams,
          querystring: CourseLanguageQuery,
          response: {
            200: CourseDetail,
            304: z.null().describe('Not modified (If-None-Match): the same published version and language'),
            ...problems(400, 401, 404),
          },
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? requestLanguage(req);
        const { detail, json, etag } = await getCourseView(db, actorOf(req), req.params.id, lang);
        reply.header('etag', etag).header('cache-control', 'private, no-cache');
        if (req.headers['if-none-match'] === etag) return reply.status(304).send(null);
        return reply.serializer(() => json).send(detail);
      },
    );

    app.post(
      '/enrolments',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Enrol myself, or people in organisations where I may enrol, on a course',
          body: CreateEnrolments,
          response: { 200: EnrolmentResult, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => enrol(db, actorOf(req), req.body),
    );

    app.get(
      '/me/learning',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'My courses with progress per module and where to continue',
          querystring: CourseLanguageQuery,
          response: { 200: MyLearning, ...problems(400, 401) },
        },
      },
      async (req) => ({ items: await myLearning(db, actorOf(req), req.query.lang ?? requestLanguage(req)) }),
    );

    app.post(
      '/learning-records',
      {
        preHandler: requireUser,
        bodyLimit: 1024 * 1024,
        schema: {
          tags,
          summary:
            'Store a batch of xAPI-shaped statements (idempotent by statement id); quiz attempts are graded here and progress follows from them',
          description:
            'A statement id sent again with the same content is a duplicate; with other content, or an id someone else used, 409 and nothing of the batch is stored. A quiz attempt (`completed` on a quiz, with the chosen options) is graded against the course version in `context.revision`; the grading is in `graded`. `passed`/`failed` on a quiz cannot be sent (400).',
          body: StatementBatch,
          response: { 200: StatementBatchResult, ...problems(400, 401, 403, 409) },
        },
      },
      async (req) => ingestStatements(db, actorOf(req), req.body.statements),
    );

    app.post(
      '/enrolments/:id/certificate',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Issue (once) the certificate of my completed course',
          params: EnrolmentIdParams,
          response: { 200: CertificateView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => issueCertificate(db, actorOf(req), req.params.id),
    );

    app.get(
      '/certificates/:code',
      {
        schema: {
          tags,
          summary: 'Verify a certificate (public: name, course and date only)',
          security: [],
          params: CertificateCodeParams,
          querystring: CourseLanguageQuery,
          response: { 200: CertificateView, ...problems(400, 404) },
        },
      },
      async (req) => verifyCertificate(db, req.params.code, req.query.lang ?? requestLanguage(req)),
    );

    app.get(
      '/certificates/:code/pdf',
      {
        schema: {
          tags,
          summary:
            'The certificate as an accessible (tagged) PDF, in Swedish or English (public, like verification)',
          security: [],
          params: CertificateCodeParams,
          querystring: z.object({ lang: z.enum(['sv', 'en']).default('sv') }),
          produces: ['application/pdf'],
          response: { 200: z.any().describe('application/pdf'), ...problems(400, 404) },
        },
      },
      async (req, reply) => {
        const pdf = await certificatePdf(db, req.params.code, req.query.lang, deps.config.publicUrl);
        return reply
          .type('application/pdf')
          .header('content-disposition', attachmentDisposition(`intyg-${req.params.code}.pdf`, 'intyg'))
          .send(pdf);
      },
    );

    app.put(
      '/enrolments/:id/feedback/:moduleKey',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Rate a module (1–5) with an optional comment; again to change it',
          params: ModuleFeedbackParams,
          body: ModuleFeedbackInput,
          response: { 200: ModuleFeedbackView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => rateModule(db, actorOf(req), req.params.id, req.params.moduleKey, req.body),
    );

    app.get(
      '/courses/:id/feedback',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary:
            'Ratings, comments and quiz-question statistics, and for an imported SCORM or cmi5 course each module’s results (started, completed, passed, scores, SCORM interactions most often wrong), for authors and programme owners',
          params: CourseIdParams,
          querystring: CourseLanguageQuery,
          response: { 200: CourseFeedback, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => courseFeedback(db, actorOf(req), req.params.id, req.query.lang ?? requestLanguage(req)),
    );
  };
