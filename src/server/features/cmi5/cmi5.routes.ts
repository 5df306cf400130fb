import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Cmi5CourseCreated,
  Cmi5CourseParams,
  Cmi5FetchParams,
  Cmi5FetchResult,
  Cmi5LaunchParams,
  Cmi5LaunchRequest,
  Cmi5LaunchResult,
  Cmi5ModuleParams,
  Cmi5SessionParams,
  Cmi5WaiveParams,
  Cmi5WaiveRequest,
} from '../../../shared/contracts/cmi5.ts';
import { PackageProblem } from '../../../shared/contracts/course-import.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { problems } from '../../lib/route-schema.ts';
import { PACKAGE_ZIP_LIMITS } from '../../lib/safe-zip.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { abandonCmi5Session, deleteCmi5Course, importCmi5Course, waiveAu } from './cmi5-admin.service.ts';
import { fetchAuthToken } from './cmi5-fetch.ts';
import { launchAu, launchOwnAu } from './cmi5-launch.service.ts';

/** The path of the fetch URL; csrf.ts exempts it (the AU posts it without cookie or token). */
export const CMI5_FETCH_PATH = '/api/v1/cmi5/fetch-url/';

const PACKAGE_TYPES = ['application/zip', 'application/x-zip-compressed', 'text/xml', 'application/xml'];

/**
 * The fetch URL (cmi5 §8.2): public and single use, posted by the AU from its own origin (the sandboxed
 * frame's is opaque), so it answers CORS; whatever body the AU sends is ignored.
 */
const fetchRoute = (db: Db) => async (app: FastifyInstance) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, _body, done) =>
    done(null, undefined),
  );
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('access-control-allow-origin', '*');
  });
  app.options('/cmi5/fetch-url/:sessionId', { schema: { hide: true } }, async (_req, reply) =>
    reply
      .status(204)
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'Content-Type')
      .header('access-control-max-age', '600')
      .send(),
  );
  app.withTypeProvider<ZodTypeProvider>().post(
    '/cmi5/fetch-url/:sessionId',
    {
      schema: {
        tags: ['cmi5'],
        summary: 'The fetch URL of a launch session (cmi5 §8.2): the AU’s auth-token, once',
        description:
          'No authentication: the session id in the URL is the capability. The first POST answers `{"auth-token"}`, an HTTP Basic credential for /xapi limited to the session; every later POST answers `{"error-code": "1", "error-text"}` with HTTP 200 as §8.2.2 requires (`2` for an unknown session).',
        security: [],
        params: Cmi5FetchParams,
        response: { 200: Cmi5FetchResult, ...problems(400) },
      },
    },
    async (req) => fetchAuthToken(db, req.params.sessionId),
  );
};

/**
 * The cmi5 LMS API for systems (issue 18): an API client with `cmi5:admin` imports cmi5 courses for
 * its organisation, launches their AUs for learners (who need not be our people), waives AUs and
 * abandons sessions. Its bearer token needs no cookie and no CSRF token.
 */
export const cmi5Routes =
  (deps: { db: Db; publicUrl: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cmi5'];
    const { db } = deps;
    await app.register(fetchRoute(db));

    app.addContentTypeParser(
      PACKAGE_TYPES,
      { parseAs: 'buffer', bodyLimit: PACKAGE_ZIP_LIMITS.maxZipBytes },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/cmi5/courses',
      {
        preHandler: requireUser,
        bodyLimit: PACKAGE_ZIP_LIMITS.maxZipBytes,
        schema: {
          tags,
          summary:
            'Import a cmi5 course: the zip (`application/zip`) or a bare cmi5.xml (`text/xml`) as the body',
          description:
            'course.author at the API client’s organisation, which owns the course. At most 100 MiB. A refused package stores nothing: 400 `package_not_recognised`, `package_unsafe` (with `zipProblem`) or `package_invalid` with the cmi5 requirement broken in `violatedRequirement`; 413 when too large.',
          consumes: PACKAGE_TYPES,
          response: {
            200: Cmi5CourseCreated,
            ...problems(401, 403),
            400: PackageProblem,
            413: PackageProblem,
          },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new AppError(400, 'file_required', [{ path: 'body', code: 'required' }]);
        return importCmi5Course(deps, actorOf(req), req.body);
      },
    );

    app.delete(
      '/cmi5/courses/:id',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Delete an imported cmi5 course of my organisation, with its registrations and sessions',
          description:
            'course.author at the owner; 404 for anything but a published cmi5 course; 409 while learners are enrolled or a programme or study group uses it. The learning record store keeps the statements.',
          params: Cmi5CourseParams,
          response: { 204: z.null().describe('Deleted'), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await deleteCmi5Course(deps, actorOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/cmi5/courses/:id/launch-url/:auIndex',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Launch an AU for a learner: the launch URL with a new session (cmi5 §8.1)',
          description:
            'learning.enrol at the course owner. The actor is an Agent with an account (§9.2); when it is one of our people (homePage the platform, name her id) she must belong to the owner, and her enrolment is linked. The registration given is reused for its course and learner (409 for another), else the enrolment’s, else a new one. Open sessions of the registration are abandoned (§9.3.6). Writes LMS.LaunchData (§10), cmi5LearnerPreferences when absent (§11) and the Launched statement (§9.3.1). 404 `params.auIndex` for an unknown AU.',
          params: Cmi5LaunchParams,
          body: Cmi5LaunchRequest,
          response: { 200: Cmi5LaunchResult, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => launchAu(deps, actorOf(req), req.params.id, req.params.auIndex, req.body),
    );

    app.post(
      '/enrolments/:id/modules/:moduleKey/cmi5-launch',
      {
        preHandler: requireUser,
        schema: {
          tags: ['learning'],
          summary: 'Launch an AU of my cmi5 course in the player: the launch URL with a new session',
          description:
            'Only the enrolment’s learner (403 for anyone else, an administrator or an API client too: the registration is hers). 404 `params.moduleKey` unless the course is an imported cmi5 course and the module one of its AUs. The actor is her account on the platform, so the registration is the enrolment’s and each AU that meets its moveOn counts as a finished module. Launch mode Normal; the return URL is the course page. Open sessions of the registration are abandoned (§9.3.6); LMS.LaunchData and Launched are written as for the LMS API’s launch.',
          params: Cmi5ModuleParams,
          response: { 200: Cmi5LaunchResult, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => launchOwnAu(deps, actorOf(req), req.params.id, req.params.moduleKey),
    );

    app.post(
      '/cmi5/registrations/:registration/waive-au/:auIndex',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Waive an AU in a registration (cmi5 §9.3.7)',
          description:
            'learning.enrol at the course owner. Records Waived with the reason (`Tested Out`, `Equivalent AU`, `Equivalent Outside Activity`, `Administrative`, §9.5.5.2), then Satisfied for the blocks and the course whose AUs now all meet moveOn (§9.3.9); a linked enrolment counts the module. 409 when the AU is already waived in the registration.',
          params: Cmi5WaiveParams,
          body: Cmi5WaiveRequest,
          response: { 204: z.null().describe('Waived'), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await waiveAu(deps, actorOf(req), req.params.registration, req.params.auIndex, req.body.reason);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/cmi5/sessions/:sessionId/abandon',
      {
        preHandler: requireUser,
        schema: {
          tags,
          summary: 'Abandon a launch session (cmi5 §9.3.6): Abandoned is recorded and the session closed',
          description:
            'learning.enrol at the course owner; 409 when the session has already terminated or been abandoned. The AU’s credential refuses everything afterwards.',
          params: Cmi5SessionParams,
          response: { 204: z.null().describe('Abandoned'), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await abandonCmi5Session(deps, actorOf(req), req.params.sessionId);
        return reply.status(204).send(null);
      },
    );
  };
